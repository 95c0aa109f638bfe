//! `rekindle backup`: a consistent copy of the journal, safe to take while it is in use.

use std::io::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::output::{self, Temp};
use crate::store;
use crate::text::sanitize;

/// Copy the journal into FILE, safely, even while one of you is writing in it.
///
/// The copy is a complete journal, readable only by you. Check it with
/// `rekindle --journal FILE doctor`; use it with `--journal FILE`, or bring its records back
/// into your journal with `rekindle --journal FILE export | rekindle import -`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the copy
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Replace FILE if it already exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Serialize)]
struct Done {
    journal: String,
    backup: String,
    bytes: u64,
    integrity: &'static str,
    counts: serde_json::Map<String, serde_json::Value>,
}

/// How long to keep trying while the other partner's write holds the journal.
const PATIENCE: Duration = Duration::from_secs(15);

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    back_up(ctx, args).map_err(|err| {
        if store::is_damage(&err) {
            damaged(&ctx.journal)
        } else {
            err
        }
    })
}

/// Why a damaged journal gets no backup, and what keeps it safe instead.
fn damaged(journal: &std::path::Path) -> anyhow::Error {
    store::StoreError::Damaged {
        path: journal.to_path_buf(),
        detail: "parts of the file are not as SQLite wrote them, so rekindle cannot make a \
checked backup of it and wrote none; a plain copy of the file (with cp) keeps everything there is"
            .into(),
    }
    .into()
}

fn back_up(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let store = ctx.open()?;
    output::check_destination(&args.file, &ctx.journal, "backup")?;
    let output::Place::File(target) = output::place_of(&args.file, "backup")? else {
        bail_user!(
            "{} is a pipe or a device, not a file; a backup is a whole SQLite database, which \
SQLite can only write as a file of its own, so it was left as it is. Give backup a file name such \
as rekindle-backup.db, or use `rekindle export --output -` to send your journal down a pipe",
            args.file.display()
        );
    };
    let exists = std::fs::symlink_metadata(&args.file).is_ok();
    if exists && !args.force {
        bail_user!(
            "{} already exists; pass --force to replace it, or choose another file name",
            args.file.display()
        );
    }
    // A symbolic link to a file stays a link: the file it points to is the one replaced.
    let (temp, file) = Temp::beside(&target, "backup")?;
    drop(file);
    let counts = copy_into(store.conn(), &ctx.journal, &temp)
        .with_context(|| format!("cannot back up to {}", args.file.display()))?;
    let bytes = std::fs::metadata(&temp.path).map(|m| m.len()).unwrap_or(0);
    temp.place(
        &target,
        args.force,
        "pass --force to replace it, or choose another file name",
    )?;
    report(ctx, &args, bytes, counts)
}

/// Copies every page of the journal into the empty file at `temp` with SQLite's online
/// backup, all in one step: that step reads one snapshot, and in WAL mode it does not stop
/// the other partner from writing meanwhile. The copy is then checked and made a
/// self-contained file (no write-ahead log beside it).
fn copy_into(
    source: &Connection,
    journal: &std::path::Path,
    temp: &Temp,
) -> anyhow::Result<Vec<(&'static str, i64)>> {
    let mut dest = Connection::open(&temp.path)?;
    {
        let backup = Backup::new(source, &mut dest)?;
        let started = Instant::now();
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked if started.elapsed() < PATIENCE => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                StepResult::Busy | StepResult::Locked => {
                    anyhow::bail!(
                        "the journal stayed busy for {} seconds; try again in a moment",
                        PATIENCE.as_secs()
                    )
                }
                _ => {}
            }
        }
    }
    let _mode: String = dest.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    let problems = store::integrity_problems(&dest)?;
    if !problems.is_empty() {
        // The copy is page for page: the damage is in the journal itself.
        if !store::integrity_problems(source)?.is_empty() {
            return Err(damaged(journal));
        }
        anyhow::bail!(
            "the copy failed its integrity check ({}); your journal was not changed",
            problems.join("; ")
        );
    }
    let counts = store::counts(&dest)?;
    dest.close().map_err(|(_, e)| e)?;
    Ok(counts)
}

fn report(
    ctx: &Context,
    args: &Args,
    bytes: u64,
    counts: Vec<(&'static str, i64)>,
) -> anyhow::Result<()> {
    let backup = args.file.display().to_string();
    if ctx.json {
        return ctx.print_json(&Done {
            journal: ctx.journal.display().to_string(),
            backup,
            bytes,
            integrity: "ok",
            counts: counts
                .into_iter()
                .map(|(k, n)| (k.to_string(), n.into()))
                .collect(),
        });
    }
    let held: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| crate::text::prose::count(*n, k))
        .collect();
    let shown = sanitize::line(&backup);
    let mut out = ctx.out();
    writeln!(
        out,
        "Backed up your journal to {shown} on {} ({} KB, checked and complete).",
        dates::in_words(ctx.today),
        bytes.div_ceil(1024)
    )?;
    if !held.is_empty() {
        writeln!(out, "It holds {}.", crate::text::prose::and_list(&held))?;
    }
    writeln!(
        out,
        "Only you can read it. To look inside: rekindle --journal '{shown}' doctor"
    )?;
    Ok(())
}
