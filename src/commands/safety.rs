//! `rekindle safety`: the safety card, on its own. It needs no journal, and like the card
//! everywhere else it goes to standard error and is never saved nor printed as JSON.

use crate::commands::context::{CardReason, Context};

/// Where to find help if you feel unsafe with your partner, or you are in crisis.
///
/// Emergency numbers, example helplines for a few countries (check the ones where you live)
/// and a directory for the rest; a word about devices your partner may read. It needs no
/// journal, writes nothing, and goes to standard error, even with --json.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &mut Context, _args: Args) -> anyhow::Result<()> {
    ctx.show_safety_card(CardReason::Asked);
    Ok(())
}
