//! `rekindle import`: merges an export into the journal, or creates the journal from it.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::exchange::{self, Counts, Problem};
use crate::domain::files::{self, NotRead};
use crate::domain::kind::RecordKind;
use crate::keys::{self, KeyError};
use crate::store::exchange::{KeyMerged, KeyOutcome, Merged, Touched};
use crate::store::{self, Store, StoreError};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::Names;

/// Merge an export (from `rekindle export`) into this journal, or create the journal from it.
///
/// Records are matched by their uuid: new ones are added, and one you already have is
/// replaced only when the file's version was changed more recently; the version it replaces
/// is kept as an earlier version, and each one replaced is named. Records the file says were
/// deleted are deleted here too. Importing the same file twice changes nothing. A file with
/// any problem is refused whole, and nothing is written. Use FILE `-` to read standard input.
/// Export files of version 1 (from an older rekindle) are read too.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The export to merge (`-` reads standard input)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Show what would be added, updated and skipped, and write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Serialize)]
struct Summary {
    file: String,
    journal: String,
    dry_run: bool,
    created: bool,
    from: Option<String>,
    until: Option<String>,
    added: serde_json::Map<String, serde_json::Value>,
    updated: serde_json::Map<String, serde_json::Value>,
    skipped: serde_json::Map<String, serde_json::Value>,
    removed: serde_json::Map<String, serde_json::Value>,
    /// Records whose content the file's newer version replaced (the replaced version is kept:
    /// `show KIND ID`).
    replaced: Vec<Named>,
    /// Records deleted because the file says they were deleted.
    deleted: Vec<Named>,
    /// Partners' passphrases the file brought, replaced or removed, or held in an older
    /// version than this journal's: `{"partner", "outcome"}` with `added`, `replaced`,
    /// `removed` or `kept` (this journal's, changed later, stays).
    passphrases: Vec<PassphraseNote>,
    #[serde(skip)]
    span: Option<(NaiveDate, NaiveDate)>,
    #[serde(skip)]
    counts: Counts,
    #[serde(skip)]
    changed: bool,
}

/// What the import did with one partner's passphrase.
#[derive(Serialize)]
struct PassphraseNote {
    partner: String,
    outcome: &'static str,
}

impl PassphraseNote {
    fn from(k: &KeyMerged, names: &Names) -> PassphraseNote {
        PassphraseNote {
            partner: names.of(k.partner),
            outcome: match k.outcome {
                KeyOutcome::Added => "added",
                KeyOutcome::Replaced => "replaced",
                KeyOutcome::Removed => "removed",
                KeyOutcome::KeptOurs => "kept",
            },
        }
    }

    fn in_words(&self) -> String {
        let name = sanitize::line(&self.partner);
        match self.outcome {
            "added" => format!(
                "{name}'s passphrase came with the file: acting as {name} here needs it now."
            ),
            "replaced" => format!(
                "{name}'s passphrase in the file was set later than the one this journal had, so it replaced it: {name}'s passphrase here is now the one from the file."
            ),
            "removed" => format!(
                "{name}'s passphrase was removed after the one this journal had was set (the file says so), so {name} has no passphrase here now."
            ),
            _ => format!(
                "{name}'s passphrase in the file is older than the one this journal has, which stays."
            ),
        }
    }
}

/// A record the import replaced or deleted, by kind, id, day and whose it is.
#[derive(Serialize)]
struct Named {
    kind: &'static str,
    id: Option<i64>,
    date: Option<String>,
    partner: Option<String>,
}

impl Named {
    fn from(t: &Touched, names: &Names) -> Named {
        Named {
            kind: t.kind.as_str(),
            id: t.id,
            date: t.date.clone(),
            partner: t.author.map(|id| names.of(id)),
        }
    }

    /// "Sam's check-in for Thursday 3 December (check-in 12)".
    fn in_words(&self) -> String {
        let kind = RecordKind::ALL
            .into_iter()
            .find(|k| k.as_str() == self.kind)
            .unwrap_or(RecordKind::Checkin);
        let label = kind.label().0;
        let whose = match (&self.partner, kind) {
            (Some(p), RecordKind::Partner) => {
                return format!("{}'s name and role", sanitize::line(p));
            }
            (Some(p), _) => format!("{}'s {label}", sanitize::line(p)),
            (None, _) => format!("the {label}"),
        };
        let day = self
            .date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| format!(" for {}", dates::in_words(d)))
            .unwrap_or_default();
        let id = self
            .id
            .map(|id| format!(" ({label} {id})"))
            .unwrap_or_default();
        format!("{whose}{day}{id}")
    }
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let from_stdin = args.file.as_os_str() == "-";
    let label = if from_stdin {
        "standard input".to_string()
    } else {
        args.file.display().to_string()
    };
    let refuse = |p: Problem| p.into_user_error(&label);
    // The file's bytes are let go as soon as they are parsed, before the merge needs memory.
    let mut bytes = read(&args.file, from_stdin)?;
    // An export made with `export --encrypt` (age, with a passphrase).
    if keys::is_age_file(&bytes) {
        let passphrase = ctx.export_passphrase(false)?;
        bytes = keys::decrypt_with_passphrase(&bytes, &passphrase).map_err(|e| match e {
            KeyError::WrongPassphrase => UserError::new(format!(
                "that passphrase does not open {label}; nothing was changed"
            ))
            .into(),
            other if other.is_user_error() => {
                anyhow::Error::from(UserError::new(other.to_string()))
            }
            other => other.into(),
        })?;
    }
    let doc = exchange::parse(&bytes).map_err(refuse)?;
    drop(bytes);
    let today = exchange::Today {
        here: ctx.today,
        anywhere: ctx.latest_anywhere,
    };
    let now = ctx.clock.now();
    let doc = exchange::check(doc, today, &now).map_err(refuse)?;

    let exists = std::fs::symlink_metadata(&ctx.journal).is_ok();
    if !exists && doc.partners.len() != 2 {
        bail_user!(
            "there is no journal at {} yet, and {label} names {}; a new journal needs both of you. Run `rekindle init` first, then import into it",
            ctx.journal.display(),
            RecordKind::Partner.count(doc.partners.len() as i64)
        );
    }
    let merge = |tx: &rusqlite::Connection| -> anyhow::Result<(Merged, Names)> {
        let merged = store::exchange::import(tx, &doc, &now)?.map_err(refuse)?;
        // Imported versions keep their stamps, which may be older than this journal's last
        // sync batch: the next batch holds everything again.
        store::sync::send_everything_again(tx)?;
        // Names as they are after the merge, for the report.
        Ok((merged, Names::load(tx)?))
    };
    let ((merged, names), created) = match (exists, args.dry_run) {
        (true, false) => (ctx.open()?.write(|tx| merge(tx))?, false),
        (true, true) => {
            let store = ctx.open()?;
            (store::exchange::rehearse(&store, merge)?, false)
        }
        (false, false) => match Store::create(&ctx.journal, |tx| merge(tx)) {
            Ok((_, merged)) => (merged, true),
            // Someone else created the journal in the meantime (two imports started together):
            // merging into theirs gives the same result as if ours had come first.
            Err(e) if matches!(e.downcast_ref(), Some(StoreError::Exists(_))) => {
                (ctx.open()?.write(|tx| merge(tx))?, false)
            }
            Err(e) => return Err(e),
        },
        (false, true) => (
            store::exchange::rehearse(&Store::open_in_memory()?, merge)?,
            true,
        ),
    };
    let span = doc.span();
    let counts = merged.counts.clone();
    ctx.emit(&Summary {
        file: label.clone(),
        journal: ctx.journal.display().to_string(),
        dry_run: args.dry_run,
        created,
        from: span.map(|s| s.0.to_string()),
        until: span.map(|s| s.1.to_string()),
        added: counts.column(|t| t.added),
        updated: counts.column(|t| t.updated),
        skipped: counts.column(|t| t.skipped),
        removed: counts.column(|t| t.removed),
        replaced: merged
            .replaced
            .iter()
            .map(|t| Named::from(t, &names))
            .collect(),
        deleted: merged
            .deleted
            .iter()
            .map(|t| Named::from(t, &names))
            .collect(),
        passphrases: merged
            .keys
            .iter()
            .map(|k| PassphraseNote::from(k, &names))
            .collect(),
        changed: merged.changed(),
        span,
        counts,
    })
}

/// The largest export rekindle reads: fifty years of daily entries export to about 50 MB.
const MAX_EXPORT: u64 = 256 * 1024 * 1024;

/// The export's bytes: a regular file or standard input, at most [`MAX_EXPORT`]; a named
/// pipe or a device is refused at once, before anything is read.
fn read(path: &std::path::Path, from_stdin: bool) -> anyhow::Result<Vec<u8>> {
    let label = if from_stdin {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    let refused = |why: NotRead| -> anyhow::Error {
        match why {
            NotRead::Folder => anyhow::anyhow!(
                "cannot read {label}: it is a folder, not an export file"
            ),
            NotRead::Io(e) => anyhow::anyhow!("cannot read {label}: {}", files::in_words(&e)),
            too_large @ NotRead::TooLarge { .. } => UserError::new(format!(
                "{label} cannot be imported: {too_large}; fifty years of entries export to about 50 MB, so this is not an export from rekindle"
            ))
            .into(),
            other => UserError::new(format!(
                "{label} cannot be imported: {other}; give the export's file name, or pipe the export into `rekindle import -`"
            ))
            .into(),
        }
    };
    if from_stdin {
        use std::os::fd::AsFd as _;
        let stdin = std::io::stdin();
        if let Ok(fd) = stdin.as_fd().try_clone_to_owned() {
            files::check_stdin(&std::fs::File::from(fd)).map_err(|why| match why {
                NotRead::Device => UserError::new(
                    "standard input is a terminal or a device, not an export; give the export's file name, or pipe it in: rekindle export | rekindle import -",
                )
                .into(),
                other => refused(other),
            })?;
        }
        return files::read_at_most(stdin.lock(), MAX_EXPORT).map_err(refused);
    }
    files::read_regular(path, MAX_EXPORT).map_err(refused)
}

impl Output for Summary {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let label = sanitize::line(&self.file);
        let journal = sanitize::line(&self.journal);
        let counts = &self.counts;
        let headline = match (self.dry_run, self.created) {
            (false, false) => format!("Imported {label} into your journal at {journal}."),
            (false, true) => format!("Created your journal at {journal} from {label}."),
            (true, false) => format!(
                "Dry run: nothing was written. Importing {label} into your journal at {journal} would do this:"
            ),
            (true, true) => format!(
                "Dry run: nothing was written. Importing {label} would create your journal at {journal} like this:"
            ),
        };
        writeln!(out, "{headline}")?;
        match self.span {
            Some((first, last)) if first == last => {
                writeln!(out, "The file covers {}.", dates::in_words(first))?
            }
            Some((first, last)) => writeln!(
                out,
                "The file covers {} to {}.",
                dates::in_words(first),
                dates::in_words(last)
            )?,
            None => {}
        }
        let shown: Vec<RecordKind> = RecordKind::ALL
            .into_iter()
            .filter(|k| {
                let t = counts.get(*k);
                t.added + t.updated + t.skipped + t.removed > 0
            })
            .collect();
        for p in &self.passphrases {
            writeln!(out, "{}", prose::paragraph(&p.in_words(), 0))?;
        }
        if shown.is_empty() {
            if self.changed {
                return Ok(());
            }
            writeln!(out, "The file holds no records, so nothing changed.")?;
            return Ok(());
        }
        let removed_any = shown.iter().any(|k| counts.get(*k).removed > 0);
        writeln!(out)?;
        let mut header = format!("  {:<22}{:>7}{:>9}{:>9}", "", "added", "updated", "skipped");
        if removed_any {
            header.push_str(&format!("{:>9}", "removed"));
        }
        writeln!(out, "{}", header.trim_end())?;
        for kind in &shown {
            let t = counts.get(*kind);
            let mut row = format!(
                "  {:<22}{:>7}{:>9}{:>9}",
                kind.label().1,
                t.added,
                t.updated,
                t.skipped
            );
            if removed_any {
                row.push_str(&format!("{:>9}", t.removed));
            }
            writeln!(out, "{row}")?;
        }
        writeln!(out)?;
        if !self.changed {
            writeln!(
                out,
                "Your journal already had everything in this file, so nothing changed."
            )?;
            return Ok(());
        }
        if !self.replaced.is_empty() {
            writeln!(
                out,
                "{}",
                prose::paragraph(
                    "Replaced by the file's newer version (the one replaced is kept as an earlier version; `rekindle show KIND ID` lists them):",
                    0
                )
            )?;
            for r in &self.replaced {
                writeln!(out, "  {}", r.in_words())?;
            }
            writeln!(out)?;
        }
        if !self.deleted.is_empty() {
            writeln!(out, "Deleted, as the file says they were deleted:")?;
            for r in &self.deleted {
                writeln!(out, "  {}", r.in_words())?;
            }
            writeln!(out)?;
        }
        let skipped: u64 = shown.iter().map(|k| counts.get(*k).skipped).sum();
        if skipped > 0 {
            writeln!(
                out,
                "{}",
                prose::paragraph(
                    "Skipped means your journal already has that record, just as recent or more recent, and keeps its own version (an older one from the file is kept as an earlier version).",
                    0
                )
            )?;
        }
        let removed = counts.get(RecordKind::Feeling).removed;
        if removed > 0 {
            let feelings = RecordKind::Feeling.count(removed as i64);
            writeln!(
                out,
                "{}",
                prose::paragraph(
                    &format!(
                        "{feelings} came out with the older version of their check-in: the file holds a newer version of that check-in, and it names different feelings. The older version, feelings and all, is kept as an earlier version."
                    ),
                    0
                )
            )?;
        }
        Ok(())
    }
}
