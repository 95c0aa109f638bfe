//! `rekindle sync join DIR`: the second computer types the pairing code, checks that it opens
//! the folder's batches, creates its journal from them (or merges them into the journal it
//! has), records whose computer it is, and sends what it holds.

use std::io::{BufRead as _, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::{Context, find_partner};
use crate::domain::error::UserError;
use crate::domain::sync::code;
use crate::domain::sync::header::{self, Sorted};
use crate::domain::sync::names::Name;
use crate::domain::sync::seal::{self, SyncKey};
use crate::store::clock::{device, wall};
use crate::store::sync::{self, exchange, folder};
use crate::store::{self, Store, StoreError};
use crate::text::{prose, sanitize};
use crate::views::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The sync folder, as it arrived on this computer
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Do not sync by itself after each change; only when you run `rekindle sync`
    #[arg(long)]
    pub no_auto: bool,
}

#[derive(Serialize)]
struct Joined {
    dir: String,
    journal: String,
    device: String,
    owner: String,
    auto: bool,
    created: bool,
    applied: usize,
    sent: usize,
}

/// The pairing code: asked in a terminal, else the first line of standard input.
fn read_code(ctx: &mut Context) -> anyhow::Result<code::Secret> {
    if let Some(prompter) = ctx.prompter() {
        let typed = prompter.input_checked(
            "Pairing code (from the computer that ran `rekindle sync init`)",
            None,
            false,
            &|text: &str| code::decode(text).map(|_| ()),
        )?;
        return Ok(code::decode(&typed).map_err(UserError::new)?);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the pairing code from standard input")?;
    if line.trim().is_empty() {
        bail_user!(
            "no pairing code: without a terminal it is read from standard input, e.g. `printf '%s\\n' \"$CODE\" | rekindle sync join DIR --as NAME`"
        );
    }
    Ok(code::decode(&line).map_err(UserError::new)?)
}

/// Whether at least one batch in the folder opens with `key`: the code and the folder belong
/// together. Nothing is written before this holds.
fn opens_a_batch(dir: &std::path::Path, key: &SyncKey) -> anyhow::Result<bool> {
    for (device, entries) in folder::list(dir)? {
        for entry in entries {
            let (seq, snapshot) = match entry.name {
                Name::Batch(n) => (n, false),
                Name::Snapshot(n) => (n, true),
                _ => continue,
            };
            let Ok(bytes) = std::fs::read(&entry.path) else {
                continue;
            };
            if let Sorted::Whole(h, body) = header::sort(&bytes, device, seq, snapshot)
                && seal::open_batch(key, &h, body, None).is_ok()
            {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let dir = super::absolute(&args.dir)?;
    if !folder::is_sync_folder(&dir) {
        bail_user!(
            "{} is not a sync folder (it has no {}); run `rekindle sync init DIR` on the first computer, and wait until the folder has arrived here",
            dir.display(),
            crate::domain::sync::MARKER_FILE
        );
    }
    let exists = std::fs::symlink_metadata(&ctx.journal).is_ok();
    if exists {
        let store = ctx.open()?;
        if let Some(s) = sync::settings(store.conn())? {
            bail_user!(
                "this journal already syncs through {}; `rekindle sync status` says how it goes",
                s.dir.display()
            );
        }
        // A name this journal does not know is refused before anything is merged.
        if let Some(name) = ctx.as_name() {
            find_partner(&store::partners::all(store.conn())?, name)?;
        }
    }
    if ctx.as_name().is_none() && !ctx.interactive() {
        bail_user!(
            "whose computer is this? pass --as with your name, as the journal has it (or set REKINDLE_AS)"
        );
    }
    let secret = read_code(ctx)?;
    let key = SyncKey::new(secret);
    if !opens_a_batch(&dir, &key)? {
        bail_user!(
            "no batch in {} opens with that pairing code; check that it is the folder you ran `rekindle sync init` with, that it has finished syncing here, and the code",
            dir.display()
        );
    }
    let sign: [u8; 32] = exchange::new_secret()?;
    let now = ctx.clock.now();
    let at = wall(&now);
    let dir_text = dir.to_string_lossy().into_owned();
    let pair = |tx: &rusqlite::Transaction<'_>| -> anyhow::Result<()> {
        Ok(sync::pair(
            tx,
            &dir_text,
            &secret,
            &sign,
            None,
            !args.no_auto,
            &at,
        )?)
    };
    let mut store = if exists {
        let mut store = ctx.open()?;
        store.write(pair)?;
        store
    } else {
        match Store::create(&ctx.journal, pair) {
            Ok((store, ())) => store.with_clock(ctx.clock),
            Err(e) if matches!(e.downcast_ref(), Some(StoreError::Exists(_))) => {
                bail_user!(
                    "a journal appeared at {} while joining; run `rekindle sync join` again",
                    ctx.journal.display()
                );
            }
            Err(e) => return Err(e),
        }
    };
    let mut report = exchange::Report::default();
    let received = exchange::receive(&mut store, ctx.today, &now, &mut report);
    let partners = store::partners::all(store.conn())?;
    let named = received.and_then(|()| {
        if partners.len() == 2 {
            match ctx.as_name() {
                Some(name) => Ok(Some(find_partner(&partners, name)?.clone())),
                None => Ok(None),
            }
        } else {
            Err(UserError::new(format!(
                "the batches in {} did not hold the couple's names{}; nothing was joined",
                dir.display(),
                report
                    .not_applied
                    .first()
                    .map(|n| format!(" ({})", n.detail))
                    .unwrap_or_default()
            ))
            .into())
        }
    });
    // The computer becomes its owner's, who then acts here without a passphrase: when they
    // have one (it arrived with the batches), making it theirs needs it, once.
    let named = named.and_then(|named| {
        let owner = match named {
            Some(partner) => partner,
            None => ctx.acting_partner(&store)?,
        };
        ctx.prove(&store, &owner)?;
        Ok(owner)
    });
    let owner = match named {
        Ok(owner) => owner,
        Err(e) => {
            // Leave things as they were: no half-made journal, no settings.
            drop(store);
            if exists {
                let mut store = ctx.open()?;
                store.write(|tx| {
                    tx.execute("DELETE FROM sync_settings", [])?;
                    Ok(())
                })?;
            } else {
                crate::store::files::remove_journal_files(&ctx.journal);
            }
            return Err(e);
        }
    };
    if !exists {
        // A journal made from the folder holds nothing the folder does not have.
        store.write(|tx| Ok(sync::skip_to(tx, &sync::clock_mark(tx)?)?))?;
    }
    store.write(|tx| {
        tx.execute(
            "UPDATE sync_settings SET owner_id = ?1 WHERE id = 1",
            [owner.id],
        )?;
        Ok(())
    })?;
    exchange::send(&mut store, &now, false, &mut report)?;
    store.write(|tx| Ok(sync::set_waiting(tx, None, &at)?))?;
    ctx.emit(&Joined {
        dir: dir_text,
        journal: ctx.journal.display().to_string(),
        device: device(store.conn())?.to_string(),
        owner: owner.name,
        auto: !args.no_auto,
        created: !exists,
        applied: report.applied.len(),
        sent: report.sent.iter().map(|w| w.records).sum(),
    })
}

impl Output for Joined {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let journal = sanitize::line(&self.journal);
        if self.created {
            writeln!(
                out,
                "Created your journal at {journal} from the sync folder."
            )?;
        } else {
            writeln!(out, "Your journal at {journal} now syncs too.")?;
        }
        writeln!(
            out,
            "This is {}'s computer. Read {} from the folder; sent {} that only this journal had.",
            sanitize::line(&self.owner),
            prose::count(self.applied as i64, "batch", "batches"),
            prose::count(self.sent as i64, "record", "records")
        )?;
        if self.auto {
            writeln!(
                out,
                "Each change is sent by itself once saved; `rekindle sync` exchanges changes when you ask."
            )?;
        } else {
            writeln!(
                out,
                "Changes are sent when you run `rekindle sync` (you chose --no-auto)."
            )?;
        }
        Ok(())
    }
}
