//! `rekindle backup`: a consistent copy of the journal, safe to take while it is in use.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context as _;
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::kind::RecordKind;
use crate::store;
use crate::store::{backup, cleanup, destination, encryption, files, keyfile};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json;

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
    #[serde(serialize_with = "json::counts")]
    counts: Vec<(RecordKind, i64)>,
    /// The copy's key slots (FILE.keys) when the journal is encrypted; `null` otherwise.
    keys: Option<String>,
    #[serde(skip)]
    today: chrono::NaiveDate,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    back_up(ctx, args).map_err(|err| {
        if store::is_damage(&err) {
            backup::damaged(&ctx.journal)
        } else {
            err
        }
    })
}

fn back_up(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let store = ctx.open()?;
    destination::check_destination(&args.file, &ctx.journal, "backup")?;
    let destination::Place::File(target) = destination::place_of(&args.file, "backup")? else {
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
    // Built in a private folder beside the target, tracked before it is made (see
    // destination::write_atomic); the folder is dropped after the file is placed.
    let tracked = cleanup::track(&files::temp_prefix(&target, "backup"));
    let folder = files::temp_folder_beside(&target, "backup")
        .with_context(|| format!("cannot write {}", target.display()))?;
    let temp = files::private_temp_file(folder.path().join("backup.db"))
        .with_context(|| format!("cannot write {}", target.display()))?;
    let key = ctx.journal_key().map(|k| &k.key);
    let counts = backup::copy_into(store.conn(), &ctx.journal, &temp, key)
        .with_context(|| format!("cannot back up to {}", args.file.display()))?;
    let bytes = std::fs::metadata(&temp).map(|m| m.len()).unwrap_or(0);
    // An encrypted journal's copy is encrypted with the same key, and its key slots go beside
    // it (FILE.keys), recording the copy's own salt, so the copy opens as the journal does.
    let slots = match key {
        Some(_) => Some(backup_slots(ctx, &temp)?),
        None => None,
    };
    destination::place(
        temp,
        tracked,
        &target,
        args.force,
        "pass --force to replace it, or choose another file name",
    )?;
    let keys = slots.is_some().then(|| keyfile::path_for(&args.file));
    if let Some(slots) = slots {
        keyfile::write(&keyfile::path_for(&target), &slots).with_context(|| {
            format!("cannot write the key slots beside {}", args.file.display())
        })?;
    }
    ctx.emit(&Done {
        journal: ctx.journal.display().to_string(),
        backup: args.file.display().to_string(),
        bytes,
        integrity: "ok",
        counts,
        keys: keys.map(|k| k.display().to_string()),
        today: ctx.today,
    })
}

/// The journal's key slots, for its encrypted copy at `copy`.
fn backup_slots(ctx: &Context, copy: &std::path::Path) -> anyhow::Result<keyfile::KeyFile> {
    let salt = encryption::file_salt(copy).unwrap_or_default();
    match keyfile::read(&keyfile::path_for(&ctx.journal)) {
        Ok(file) => Ok(keyfile::KeyFile::new(salt, file.slots)),
        // Without the journal's own slots the copy opens with the recovery code alone.
        Err(_) => Ok(keyfile::KeyFile::new(salt, Vec::new())),
    }
}

impl Output for Done {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let held: Vec<String> = self
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(kind, n)| kind.count(*n))
            .collect();
        let shown = sanitize::line(&self.backup);
        writeln!(
            out,
            "Backed up your journal to {shown} on {} ({} KB, checked and complete).",
            dates::in_words(self.today),
            self.bytes.div_ceil(1024)
        )?;
        if !held.is_empty() {
            writeln!(out, "It holds {}.", prose::and_list(&held))?;
        }
        if let Some(keys) = &self.keys {
            writeln!(
                out,
                "It is encrypted like the journal; keep {} with it (the same passphrases open it, and the recovery code opens it without that file).",
                sanitize::line(keys)
            )?;
        }
        writeln!(
            out,
            "Other accounts on this computer cannot open it. To look inside: rekindle --journal '{shown}' doctor"
        )?;
        Ok(())
    }
}
