//! `rekindle sync init DIR`: the first computer prepares the folder, writes everything its
//! journal holds as its first batch, and shows the pairing code once.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::sync::code;
use crate::store;
use crate::store::clock::{device, wall};
use crate::store::sync::{self, exchange, folder};
use crate::text::prose::shell_word;
use crate::text::sanitize;
use crate::views::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder both computers sync (created if missing)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Do not sync by itself after each change; only when you run `rekindle sync`
    #[arg(long)]
    pub no_auto: bool,
}

#[derive(Serialize)]
struct Started {
    dir: String,
    device: String,
    owner: String,
    auto: bool,
    pairing_code: String,
    records: usize,
    /// The partner whose computer the other one will be, for the hint (not in the JSON).
    #[serde(skip)]
    other: Option<String>,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let dir = super::absolute(&args.dir)?;
    let mut store = ctx.open()?;
    if let Some(s) = sync::settings(store.conn())? {
        bail_user!(
            "this journal already syncs through {}; `rekindle sync status` says how it goes",
            s.dir.display()
        );
    }
    if folder::is_sync_folder(&dir) && !folder::list(&dir)?.is_empty() {
        bail_user!(
            "{} is already a sync folder with a journal in it; on this computer, join it with `rekindle sync join {}` and the pairing code from the other computer",
            dir.display(),
            args.dir.display()
        );
    }
    // The computer becomes its owner's, who then acts here without a passphrase: making it
    // theirs needs theirs, when they have one.
    let owner = ctx.author(&store)?;
    folder::prepare(&dir)
        .with_context(|| format!("cannot prepare the sync folder {}", dir.display()))?;
    let secret: code::Secret = exchange::new_secret()?;
    let sign: [u8; 32] = exchange::new_secret()?;
    let now = ctx.clock.now();
    let dir_text = dir.to_string_lossy().into_owned();
    store.write(|tx| {
        Ok(sync::pair(
            tx,
            &dir_text,
            &secret,
            &sign,
            Some(owner.id),
            !args.no_auto,
            &wall(&now),
        )?)
    })?;
    let mut report = exchange::Report::default();
    exchange::send(&mut store, &now, false, &mut report)?;
    store.write(|tx| Ok(sync::set_waiting(tx, None, &wall(&now))?))?;
    ctx.emit(&Started {
        dir: dir_text,
        device: device(store.conn())?.to_string(),
        owner: owner.name.clone(),
        auto: !args.no_auto,
        pairing_code: code::encode(&secret),
        records: report.sent.iter().map(|w| w.records).sum(),
        other: store::partners::all(store.conn())?
            .into_iter()
            .find(|p| p.id != owner.id)
            .map(|p| p.name),
    })
}

impl Output for Started {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "This journal now syncs through {}, as {}'s computer.",
            sanitize::line(&self.dir),
            sanitize::line(&self.owner)
        )?;
        writeln!(
            out,
            "Its first batch holds {} records, encrypted.",
            self.records
        )?;
        writeln!(out)?;
        writeln!(out, "Pairing code (shown only this once):")?;
        writeln!(out)?;
        writeln!(out, "    {}", self.pairing_code)?;
        writeln!(out)?;
        let name = self
            .other
            .as_deref()
            .map_or_else(|| "NAME".to_string(), |n| shell_word(&sanitize::line(n)));
        writeln!(
            out,
            "On the other computer, once the folder has arrived there, run `rekindle sync join DIR --as {name}` (DIR: where the folder is on that computer) and type this code. Keep it to the two of you: it opens everything in the folder. It is not written anywhere in the folder."
        )?;
        if !self.auto {
            writeln!(
                out,
                "Changes are sent when you run `rekindle sync` (you chose --no-auto)."
            )?;
        }
        Ok(())
    }
}
