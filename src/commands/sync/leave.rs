//! `rekindle sync leave` and `rekindle sync rekey`: a computer stops syncing, and a new sync
//! key makes sure that a computer which left cannot read what is written from now on.

use std::io::Write;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::error::UserError;
use crate::domain::sync::code;
use crate::store::sync::{self, exchange, folder};
use crate::text::sanitize;
use crate::views::Output;

#[derive(Serialize)]
struct Left {
    dir: String,
}

pub fn leave(ctx: &mut Context) -> anyhow::Result<()> {
    let (mut store, settings) = super::paired(ctx)?;
    store.write(|tx| Ok(sync::leave(tx)?))?;
    ctx.emit(&Left {
        dir: settings.dir.display().to_string(),
    })
}

impl Output for Left {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "This journal no longer syncs through {}. Everything in it stays here.",
            sanitize::line(&self.dir)
        )?;
        writeln!(
            out,
            "What it already sent stays in the folder, encrypted. So that this computer cannot read what the other one writes from now on, run `rekindle sync rekey` there."
        )?;
        Ok(())
    }
}

#[derive(Serialize)]
struct Rekeyed {
    dir: String,
    pairing_code: String,
    snapshot: u64,
    removed: usize,
}

pub fn rekey(ctx: &mut Context) -> anyhow::Result<()> {
    let (mut store, settings) = super::paired(ctx)?;
    if let Some(why) = folder::unreachable(&settings.dir) {
        return Err(UserError::new(format!("the sync key was not changed: {why}")).into());
    }
    let secret: code::Secret = exchange::new_secret()?;
    store.write(|tx| Ok(sync::rekey(tx, &secret)?))?;
    let Some(settings) = sync::settings(store.conn())? else {
        return Err(anyhow::anyhow!("the sync settings went missing"));
    };
    let written = super::compact::snapshot(ctx, &mut store, &settings)?;
    ctx.emit(&Rekeyed {
        dir: written.dir,
        pairing_code: code::encode(&secret),
        snapshot: written.snapshot,
        removed: written.removed,
    })
}

impl Output for Rekeyed {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "New sync key: from now on, this computer's batches in {} open only with the new pairing code. Its earlier batches were replaced by snapshot {} under the new key.",
            sanitize::line(&self.dir),
            self.snapshot
        )?;
        writeln!(out)?;
        writeln!(out, "New pairing code (shown only this once):")?;
        writeln!(out)?;
        writeln!(out, "    {}", self.pairing_code)?;
        writeln!(out)?;
        writeln!(
            out,
            "On your partner's computer, run `rekindle sync leave`, then `rekindle sync join DIR --as NAME` with this code. A computer without it can no longer read what is written here."
        )?;
        Ok(())
    }
}
