//! One module per command, each with its clap `Args` and a `run` function.

pub mod backup;
pub mod completions;
pub mod doctor;
pub mod export;
pub mod import;
pub mod init;
pub mod partners;

use crate::cli::Command;
use crate::context::Context;

pub fn run(ctx: &mut Context, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Partners(args) => partners::run(ctx, args),
        Command::Doctor(args) => doctor::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Backup(args) => backup::run(ctx, args),
    }
}
