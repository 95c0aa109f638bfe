//! `rekindle sync`: two devices, each partner on their own computer, kept in step through a
//! folder both computers already sync (Syncthing, Dropbox, iCloud Drive, Nextcloud, or a git
//! repository). rekindle runs no server: each journal writes its changes there as numbered,
//! encrypted and signed batches, and reads the other's. See docs/sync.md.

mod compact;
mod git;
mod init;
mod join;
mod leave;
mod now;
mod status;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::commands::context::Context;
use crate::store::{self, Store};
use crate::text::sanitize;

/// Keep your journal in step with your partner's computer, through a folder you both sync.
///
/// `sync init DIR` on the first computer prepares DIR and shows a pairing code, once; `sync
/// join DIR` on the second computer asks for that code. From then on each change is sent by
/// itself after it is saved (unless --no-auto was given), and `sync` exchanges changes when
/// you ask. Nothing readable is written to DIR: only encrypted batches. Without a
/// subcommand, exchanges changes now.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Start syncing this journal through DIR and show the pairing code for the other computer
    Init(init::Args),
    /// Join the journal syncing through DIR, with the pairing code from the other computer
    Join(join::Args),
    /// Say what was last sent and received, and what waits
    Status,
    /// Replace this computer's batches in the folder with one snapshot
    Compact,
    /// Stop syncing this journal (its records stay; the folder keeps what was sent)
    Leave,
    /// Make a new sync key, so that a computer which left cannot read new batches
    Rekey,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    match args.action {
        None => now::run(ctx),
        Some(Action::Init(a)) => init::run(ctx, a),
        Some(Action::Join(a)) => join::run(ctx, a),
        Some(Action::Status) => status::run(ctx),
        Some(Action::Compact) => compact::run(ctx),
        Some(Action::Leave) => leave::leave(ctx),
        Some(Action::Rekey) => leave::rekey(ctx),
    }
}

/// The folder as the user named it, made absolute (a journal may be used from anywhere).
fn absolute(dir: &Path) -> anyhow::Result<PathBuf> {
    Ok(std::path::absolute(dir)?)
}

/// Opens the journal and its sync settings, or says how to start syncing.
fn paired(ctx: &Context) -> anyhow::Result<(Store, store::sync::Settings)> {
    let store = ctx.open()?;
    match store::sync::settings(store.conn())? {
        Some(settings) => Ok((store, settings)),
        None => Err(crate::domain::error::UserError::new(
            "this journal does not sync yet; run `rekindle sync init DIR` on the first computer, or `rekindle sync join DIR` with the pairing code on the second",
        )
        .into()),
    }
}

/// After a command that wrote to a journal that syncs: sends the change and reads the other
/// device's, once the command's own transaction is over. It never fails the command: when
/// the folder cannot be reached, the change waits (and `sync status` says why), with one line
/// on standard error. With git, the network part waits for `rekindle sync`.
pub fn after_write(ctx: &Context) {
    let Ok(mut store) = ctx.open() else {
        return;
    };
    let wanted = matches!(store::sync::settings(store.conn()), Ok(Some(s)) if s.auto)
        && store::sync::has_unsent(store.conn()).unwrap_or(false);
    if !wanted {
        return;
    }
    let now = ctx.clock.now();
    let line = match store::sync::exchange::exchange(&mut store, ctx.today, &now) {
        Ok((_, Some(why))) => Some(format!(
            "your change is saved here and waits to be synced: {why}"
        )),
        Ok((report, None)) if !report.not_applied.is_empty() => Some(format!(
            "synced, but {} from the sync folder could not be applied; `rekindle sync status` says why",
            crate::text::prose::count(
                i64::try_from(report.not_applied.len()).unwrap_or(i64::MAX),
                "batch",
                "batches"
            )
        )),
        Ok(_) => None,
        Err(e) => Some(format!(
            "your change is saved here; sending it failed ({e:#}), and it waits for the next sync"
        )),
    };
    if let Some(line) = line {
        let _ = writeln!(
            std::io::stderr().lock(),
            "rekindle: {}",
            sanitize::line(&line)
        );
    }
}
