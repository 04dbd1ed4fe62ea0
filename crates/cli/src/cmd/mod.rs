//! One module per area of subcommands; each returns the text to print on stdout.

mod accounts;
mod audit;
mod backup;
mod edit;
mod entries;
mod evidence;
mod exchange;
mod import;
mod import_answer;
mod input;
mod listing;
mod pairings;
mod partners;
mod progress;
mod projects;
mod ranking;
mod reference;
mod register;
mod report;
mod return_import;
mod rollup;
mod rounds;
mod setup;
mod targets;

use crate::args::{
    AttachCommand, AuditCommand, Cli, Command, EnterprisesCommand, ExchangeCommand,
    PairingsCommand, ProjectsCommand, RegisterCommand, ReviewCommand, RollupCommand, RoundCommand,
    TargetCommand, UserCommand, VillagesCommand,
};
use crate::failure::CliResult;

pub fn run(cli: &Cli) -> CliResult<String> {
    match &cli.command {
        Command::Init => setup::init(cli),
        Command::Sample(a) => setup::sample(cli, a),
        Command::Actions(a) => reference::actions(cli, a),
        Command::Indicators(a) => reference::indicators(cli, a),
        Command::Units(a) => reference::units(cli, a),
        Command::Target(TargetCommand::Set(a)) => targets::set(cli, a),
        Command::Target(TargetCommand::List(a)) => targets::list(cli, a),
        Command::Record(a) => entries::record(cli, a),
        Command::Entries(a) => entries::list(cli, a),
        Command::Progress(a) => progress::show(cli, a),
        Command::Ranking(a) => ranking::show(cli, a),
        Command::Import(a) => import::run(cli, a),
        Command::Template(a) => import::template(cli, a),
        Command::Pairings(PairingsCommand::List(a)) => pairings::list(cli, a),
        Command::Pairings(PairingsCommand::Add(a)) => pairings::add(cli, a),
        Command::Pairings(PairingsCommand::End(a)) => pairings::end(cli, a),
        Command::Pairings(PairingsCommand::Edit(a)) => edit::pairing(cli, a),
        Command::Projects(ProjectsCommand::List(a)) => projects::list(cli, a),
        Command::Projects(ProjectsCommand::Add(a)) => projects::add(cli, a),
        Command::Projects(ProjectsCommand::Edit(a)) => edit::project(cli, a),
        Command::Enterprises(EnterprisesCommand::List(a)) => partners::enterprises(cli, a),
        Command::Villages(VillagesCommand::List(a)) => partners::villages(cli, a),
        Command::Register(RegisterCommand::Types(a)) => register::types(cli, a),
        Command::Register(RegisterCommand::List(a)) => register::list(cli, a),
        Command::Register(RegisterCommand::Add(a)) => register::add(cli, a),
        Command::Register(RegisterCommand::Edit(a)) => edit::register_row(cli, a),
        Command::Report(a) => report::report(cli, a),
        Command::LagNote(a) => report::lag_note(cli, a),
        Command::User(UserCommand::Add(a)) => accounts::add(cli, a),
        Command::User(UserCommand::List(a)) => accounts::list(cli, a),
        Command::User(UserCommand::Edit(a)) => accounts::edit(cli, a),
        Command::User(UserCommand::Disable(a)) => accounts::set_disabled(cli, &a.name, true),
        Command::User(UserCommand::Enable(a)) => accounts::set_disabled(cli, &a.name, false),
        Command::User(UserCommand::Passwd(a)) => accounts::passwd(cli, &a.name),
        Command::Audit(AuditCommand::Verify) => audit::verify(cli),
        Command::Audit(AuditCommand::List(a)) => audit::list(cli, a),
        Command::Round(RoundCommand::Open(a)) => rounds::open(cli, a),
        Command::Round(RoundCommand::Send(a)) => rounds::send(cli, a),
        Command::Round(RoundCommand::Status(a)) => rounds::status(cli, a),
        Command::Round(RoundCommand::Remind(a)) => rounds::remind(cli, a),
        Command::Round(RoundCommand::Submit(a)) => rounds::submit(cli, a),
        Command::Round(RoundCommand::Lock(a)) => rounds::lock(cli, a),
        Command::Round(RoundCommand::Unlock(a)) => rounds::unlock(cli, a),
        Command::Round(RoundCommand::List(a)) => rounds::list(cli, a),
        Command::Round(RoundCommand::History(a)) => rounds::history(cli, a),
        Command::Review(ReviewCommand::Approve(a)) => rounds::approve(cli, a),
        Command::Review(ReviewCommand::Return(a)) => rounds::send_back(cli, a),
        Command::Review(ReviewCommand::Correct(a)) => rounds::correct(cli, a),
        Command::Backup(a) => backup::backup(cli, a),
        Command::Restore(a) => backup::restore(cli, a),
        Command::Attach(AttachCommand::Add(a)) => evidence::add(cli, a),
        Command::Attach(AttachCommand::List(a)) => evidence::list(cli, a),
        Command::Attach(AttachCommand::Open(a)) => evidence::open(cli, a),
        Command::Attach(AttachCommand::Remove(a)) => evidence::remove(cli, a),
        Command::Attach(AttachCommand::Orphaned(a)) => evidence::orphaned(cli, a),
        Command::Exchange(ExchangeCommand::Export(a)) => exchange::export(cli, a),
        Command::Exchange(ExchangeCommand::Import(a)) => exchange::import(cli, a),
        Command::Exchange(ExchangeCommand::Key) => exchange::key(cli),
        Command::Exchange(ExchangeCommand::Trust(a)) => exchange::trust(cli, a),
        Command::Exchange(ExchangeCommand::Status(a)) => exchange::status(cli, a),
        Command::Exchange(ExchangeCommand::Conflicts(a)) => exchange::conflicts(cli, a),
        Command::Exchange(ExchangeCommand::Resolve(a)) => exchange::resolve(cli, a),
        Command::Rollup(RollupCommand::Check) => rollup::check(cli),
        Command::Rollup(RollupCommand::Rebuild) => rollup::rebuild(cli),
    }
}

/// The command's name for the log: clap's variant names only (`pairings add`), never an
/// argument's value.
pub fn name(command: &Command) -> String {
    let debug = format!("{command:?}");
    let mut words = Vec::new();
    for part in debug.split('(') {
        let word: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if word.is_empty() || word.ends_with("Args") || word.ends_with("Arg") || words.len() == 2 {
            break;
        }
        words.push(word.to_lowercase());
        if !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            break;
        }
    }
    words.join(" ")
}
