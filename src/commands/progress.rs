//! `rekindle progress`: where the two of you stand, week by week.

use crate::commands::common::WindowArgs;
use crate::commands::context::Context;
use crate::domain::progress;
use crate::store;

/// See whether things are getting better: trust and closeness week by week, streaks, promises
/// kept, apologies answered, and anything worth a look.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub window: WindowArgs,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let window = args.window.window(ctx)?;
    let store = ctx.open()?;
    let facts = store::progress::facts(store.conn(), window)?;
    ctx.emit(&progress::compute(&facts))
}
