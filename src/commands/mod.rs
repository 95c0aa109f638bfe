//! One module per command, each with its clap `Args` and a `run` function.

pub mod apology;
pub mod completions;
pub mod doctor;
pub mod init;
pub mod partners;
pub mod promise;

use crate::cli::Command;
use crate::context::Context;

pub fn run(ctx: &mut Context, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::Partners(args) => partners::run(ctx, args),
        Command::Promise(args) => promise::run(ctx, args),
        Command::Apology(args) => apology::run(ctx, args),
        Command::Doctor(args) => doctor::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
    }
}
