//! TypeScript declarations of the records the UI receives, generated with ts-rs into
//! `ui/src/bindings/`. The test `ts_bindings` fails when the committed files are stale.

use std::path::Path;

use ts_rs::{ExportError, TS};

use crate::ledger::{IndicatorChange, Settings, TargetFilter};
use crate::model::*;
use crate::pacing::{Pacing, Quarter};
use crate::progress::{
    ActionSummary, Granularity, ProgressQuery, ProgressRow, RankingQuery, Status, TargetSum,
    TargetSumQuery, TrendPoint, TrendQuery, UnitRank,
};

/// Writes every core type's declaration (and those it depends on) into `dir`.
pub fn export_core_types(dir: &Path) -> Result<(), ExportError> {
    Actor::export_all_to(dir)?;
    Role::export_all_to(dir)?;
    {
        use crate::audit::{AuditFilter, AuditPage, AuditRecord, AuditVerdict, FieldChange};
        use crate::auth::{
            AccountChange, AccountView, Area, AreaGrant, Grant, NewAccount, Permissions,
        };
        AccountView::export_all_to(dir)?;
        crate::ledger::SessionInfo::export_all_to(dir)?;
        NewAccount::export_all_to(dir)?;
        AccountChange::export_all_to(dir)?;
        Area::export_all_to(dir)?;
        Grant::export_all_to(dir)?;
        AreaGrant::export_all_to(dir)?;
        Permissions::export_all_to(dir)?;
        AuditFilter::export_all_to(dir)?;
        AuditPage::export_all_to(dir)?;
        AuditRecord::export_all_to(dir)?;
        AuditVerdict::export_all_to(dir)?;
        FieldChange::export_all_to(dir)?;
    }
    Action::export_all_to(dir)?;
    Indicator::export_all_to(dir)?;
    Unit::export_all_to(dir)?;
    Target::export_all_to(dir)?;
    Entry::export_all_to(dir)?;
    NewAction::export_all_to(dir)?;
    NewIndicator::export_all_to(dir)?;
    NewUnit::export_all_to(dir)?;
    NewTarget::export_all_to(dir)?;
    TargetSet::export_all_to(dir)?;
    NewEntry::export_all_to(dir)?;
    EntryChange::export_all_to(dir)?;
    EntryFilter::export_all_to(dir)?;
    crate::model::EntrySum::export_all_to(dir)?;
    IndicatorChange::export_all_to(dir)?;
    TargetFilter::export_all_to(dir)?;
    Settings::export_all_to(dir)?;
    Pacing::export_all_to(dir)?;
    Quarter::export_all_to(dir)?;
    ProgressQuery::export_all_to(dir)?;
    ProgressRow::export_all_to(dir)?;
    Status::export_all_to(dir)?;
    ActionSummary::export_all_to(dir)?;
    RankingQuery::export_all_to(dir)?;
    UnitRank::export_all_to(dir)?;
    TrendQuery::export_all_to(dir)?;
    TargetSumQuery::export_all_to(dir)?;
    TargetSum::export_all_to(dir)?;
    TrendPoint::export_all_to(dir)?;
    Granularity::export_all_to(dir)?;
    crate::sample::SampleReport::export_all_to(dir)?;
    crate::backup::BackupInfo::export_all_to(dir)?;
    crate::ledger::RestoreReport::export_all_to(dir)?;
    use crate::register::{activity, derive, enterprise, pairing, project, village};
    enterprise::Enterprise::export_all_to(dir)?;
    enterprise::NewEnterprise::export_all_to(dir)?;
    enterprise::EnterpriseFilter::export_all_to(dir)?;
    village::Village::export_all_to(dir)?;
    village::NewVillage::export_all_to(dir)?;
    village::VillageFilter::export_all_to(dir)?;
    pairing::Pairing::export_all_to(dir)?;
    pairing::NewPairing::export_all_to(dir)?;
    pairing::PairingChange::export_all_to(dir)?;
    pairing::PairingFilter::export_all_to(dir)?;
    project::Project::export_all_to(dir)?;
    project::NewProject::export_all_to(dir)?;
    project::ProjectFilter::export_all_to(dir)?;
    activity::RegisterType::export_all_to(dir)?;
    activity::NewRegisterType::export_all_to(dir)?;
    activity::RegisterRow::export_all_to(dir)?;
    activity::NewRegisterRow::export_all_to(dir)?;
    activity::RegisterFilter::export_all_to(dir)?;
    derive::Derivation::export_all_to(dir)?;
    crate::register::Page::<enterprise::Enterprise>::export_all_to(dir)?;
    use crate::import;
    import::ImportKind::export_all_to(dir)?;
    import::ImportField::export_all_to(dir)?;
    import::ColumnMapping::export_all_to(dir)?;
    import::ImportPreview::export_all_to(dir)?;
    import::ImportReport::export_all_to(dir)?;
    import::returns::ReturnOptions::export_all_to(dir)?;
    import::returns::ReturnPreview::export_all_to(dir)?;
    import::returns::ReturnReport::export_all_to(dir)?;
    use crate::export;
    export::SummaryQuery::export_all_to(dir)?;
    export::Summary::export_all_to(dir)?;
    export::ExportFormat::export_all_to(dir)?;
    export::ExportReport::export_all_to(dir)?;
    export::LagNote::export_all_to(dir)?;
    export::NewLagNote::export_all_to(dir)?;
    export::LagNoteFilter::export_all_to(dir)?;
    export::DraftedSummary::export_all_to(dir)?;
    use crate::round;
    round::Round::export_all_to(dir)?;
    round::NewRound::export_all_to(dir)?;
    round::RoundPeriod::export_all_to(dir)?;
    round::UnitState::export_all_to(dir)?;
    round::BoardRow::export_all_to(dir)?;
    round::Reminder::export_all_to(dir)?;
    round::RoundEvent::export_all_to(dir)?;
    round::Correction::export_all_to(dir)?;
    round::CorrectedEntry::export_all_to(dir)?;
    round::SendReport::export_all_to(dir)?;
    crate::evidence::Evidence::export_all_to(dir)?;
    crate::evidence::EvidenceTarget::export_all_to(dir)?;
    round::UnitReview::export_all_to(dir)?;
    round::RoundBrief::export_all_to(dir)?;
    use crate::exchange;
    exchange::ExchangeStatus::export_all_to(dir)?;
    exchange::KeyInfo::export_all_to(dir)?;
    exchange::ImportReport::export_all_to(dir)?;
    exchange::ExportReport::export_all_to(dir)?;
    exchange::Conflict::export_all_to(dir)?;
    exchange::PackageSender::export_all_to(dir)?;
    Ok(())
}
