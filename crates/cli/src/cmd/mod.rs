//! One module per area of subcommands; each returns the text to print on stdout.

mod entries;
mod import;
mod input;
mod progress;
mod ranking;
mod reference;
mod report;
mod setup;
mod targets;

use crate::args::{Cli, Command, TargetCommand};
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
        Command::Report(a) => report::report(cli, a),
        Command::LagNote(a) => report::lag_note(cli, a),
    }
}
