//! `rekindle sync compact`: one snapshot of everything this journal holds replaces its own
//! batches in the folder. This is also when words deleted since leave the folder.

use std::io::Write;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::error::UserError;
use crate::domain::sync::header::{self, Sorted};
use crate::domain::sync::names;
use crate::domain::sync::seal;
use crate::store::clock::{device, wall};
use crate::store::sync::{self, exchange, folder};
use crate::views::Output;

#[derive(Serialize)]
pub(super) struct Compacted {
    pub(super) dir: String,
    pub(super) snapshot: u64,
    records: usize,
    bytes: usize,
    pub(super) removed: usize,
}

pub fn run(ctx: &mut Context) -> anyhow::Result<()> {
    let (mut store, settings) = super::paired(ctx)?;
    if let Some(why) = folder::unreachable(&settings.dir) {
        return Err(UserError::new(format!("nothing was compacted: {why}")).into());
    }
    let compacted = snapshot(ctx, &mut store, &settings)?;
    ctx.emit(&compacted)
}

/// Writes a snapshot of everything, reads it back with the key in `settings`, then removes
/// this computer's older files from the folder.
pub(super) fn snapshot(
    ctx: &Context,
    store: &mut crate::store::Store,
    settings: &sync::Settings,
) -> anyhow::Result<Compacted> {
    let now = ctx.clock.now();
    let mut report = exchange::Report::default();
    exchange::send(store, &now, true, &mut report)?;
    let Some(snapshot) = report.sent.iter().rev().find(|w| w.snapshot).cloned() else {
        return Err(anyhow::anyhow!("the snapshot was not written"));
    };
    // Read it back before anything is removed.
    let me = device(store.conn())?;
    let path = folder::own_folder(&settings.dir, me).join(names::file_name(snapshot.seq, true));
    let bytes = std::fs::read(&path)?;
    let readable = match header::sort(&bytes, me, snapshot.seq, true) {
        Sorted::Whole(h, body) => seal::open_batch(&settings.key, &h, body, None).is_ok(),
        _ => false,
    };
    if !readable {
        return Err(anyhow::anyhow!(
            "the snapshot written to {} does not read back; nothing was removed",
            path.display()
        ));
    }
    let removed = folder::remove_own_before(&settings.dir, me, snapshot.seq)?;
    store.write(|tx| Ok(sync::set_waiting(tx, None, &wall(&now))?))?;
    Ok(Compacted {
        dir: settings.dir.display().to_string(),
        snapshot: snapshot.seq,
        records: snapshot.records,
        bytes: snapshot.bytes,
        removed,
    })
}

impl Output for Compacted {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "Wrote snapshot {} ({} records, {} bytes) and removed {} older files of this computer from the folder.",
            self.snapshot, self.records, self.bytes, self.removed
        )?;
        writeln!(
            out,
            "With git, earlier commits still hold the old batches (encrypted)."
        )?;
        Ok(())
    }
}
