//! `rekindle doctor`: checks the journal's health and privacy, and with `--fix` repairs
//! what can be repaired without touching anything you wrote.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::kind::RecordKind;
use crate::store::search::{self, Health};
use crate::store::{self, SCHEMA_VERSION, Store, cleanup, inspect, keyfile, leftovers, privacy};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json;

/// Check the journal: integrity, schema version, file permissions, the search index and
/// record counts.
///
/// Exits 1 if the journal fails its integrity check, or if other commands refuse it because
/// someone else could change one of its files or its folder; other findings are printed as
/// warnings and do not change the exit code. With --fix, doctor also repairs what is safe to
/// repair: it makes the journal, its companion files and its own folder private, rebuilds
/// the search index from your entries, and removes temporary files that an interrupted
/// `init` or `import`, or a killed export, report, backup or editor, left behind. It never
/// changes or deletes anything you wrote, nor a file that belongs to someone else.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Repair what can be repaired safely, and say what was left alone and why
    #[arg(long)]
    pub fix: bool,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub journal: String,
    /// `null` when the journal is too damaged to say.
    pub schema_version: Option<i64>,
    pub supported_version: usize,
    pub integrity: Vec<String>,
    pub file_mode: Option<String>,
    pub dir_mode: Option<String>,
    /// `ok`, `stale` (rows missing or out of date, or the index damaged), `rebuilt` (by
    /// `--fix`, just now) or `unchecked` (the journal could not be locked to check it).
    pub search_index: &'static str,
    /// Temporary files an interrupted creation left beside the journal, and those a killed
    /// export, report, backup or editor listed there.
    pub leftovers: Vec<String>,
    pub warnings: Vec<String>,
    /// Why every other command refuses this journal: one of its files or its folder can be
    /// changed by someone else (empty when none can). doctor then exits 1.
    pub not_private: Vec<String>,
    /// What `--fix` repaired, and what it left alone and why.
    pub fixed: Vec<String>,
    pub not_fixed: Vec<String>,
    /// How many records of each kind; `null` for a kind that cannot be read.
    #[serde(serialize_with = "json::counts")]
    pub counts: Vec<(RecordKind, Option<i64>)>,
    /// Neither the journal nor its folder lets anyone else in.
    #[serde(skip)]
    pub privacy_ok: bool,
    /// Warnings the human report leaves to its "Left alone:" list.
    #[serde(skip)]
    pub explained: Vec<String>,
    /// `--fix` was given: the human report says what was repaired and what was left alone.
    #[serde(skip)]
    pub fix: bool,
    /// Whether the journal is encrypted; its key slots are checked then (`keys`).
    pub encrypted: bool,
    /// The key slots of an encrypted journal: `null` for a plain one.
    pub keys: Option<Keys>,
}

/// What doctor found of `JOURNAL.keys`.
#[derive(Debug, Serialize)]
pub struct Keys {
    pub path: String,
    /// `ok`, `missing`, `damaged` or `other-journal` (its salt is another file's).
    pub state: &'static str,
    pub mode: Option<String>,
    /// The partners whose passphrase opens a slot.
    pub slots: Vec<String>,
    /// Every partner with a passphrase has a slot with their current wrapped key, and no one
    /// else has one.
    pub in_step: bool,
}

fn shown(path: &Path) -> String {
    sanitize::line(&path.display().to_string()).into_owned()
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    // Privacy comes first: a file others can change keeps every other command out, and what
    // `--fix` makes private here lets doctor (and them) open the journal as usual.
    let (mut fixed, mut not_fixed) = (Vec::new(), Vec::new());
    if args.fix {
        repair_privacy(ctx, &mut fixed, &mut not_fixed);
    }
    let blocking: Vec<String> = privacy::unsafe_files(&ctx.journal)
        .iter()
        .map(privacy::Unsafe::refusal)
        .collect();
    if !blocking.is_empty() && ctx.journal.is_file() {
        return not_private(ctx, blocking, fixed, not_fixed, args.fix);
    }
    // Not `ctx.open()`: the privacy warnings are part of this report, not said before it.
    let key = ctx.journal_key().map(|k| &k.key);
    let mut store = match Store::open_with(&ctx.journal, key).map_err(anyhow::Error::from) {
        Ok(store) => store,
        // A damaged journal is what doctor is for: look at what can still be read.
        Err(err) if store::is_damage(&err) => return damaged(ctx, err),
        Err(err) => return Err(err),
    };
    // If SQLite cannot even finish its integrity check, nothing here should write.
    let first_check = match store::integrity_problems(store.conn()) {
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            ) =>
        {
            drop(store);
            return damaged(ctx, e.into());
        }
        other => other,
    };
    let mut search = search_index(&store);
    let changed = if args.fix {
        repair(ctx, &mut store, &mut search, &mut fixed, &mut not_fixed)?
    } else {
        false
    };
    let (keys, key_warnings, key_fixed) = key_slots(ctx, &store, args.fix)?;
    fixed.extend(key_fixed);
    let conn = store.conn();
    let privacy = privacy::findings(&ctx.journal);
    let stale = Left::beside(&ctx.journal);
    // The first check stands unless --fix changed the journal since.
    let integrity = match first_check {
        Ok(problems) if !changed => problems,
        _ => integrity(conn),
    };
    let report = Report {
        schema_version: store::schema_version(conn).ok(),
        integrity,
        search_index: search.state,
        warnings: {
            let mut all = warnings(&privacy, &search, &stale);
            all.extend(key_warnings);
            all
        },
        encrypted: keys.is_some(),
        keys,
        fixed,
        not_fixed,
        counts: inspect::readable_counts(conn),
        // With --fix, what was left alone is explained under "Left alone:" instead.
        explained: privacy
            .iter()
            .filter(|f| args.fix && f.left_alone.is_some())
            .map(privacy::Finding::warning)
            .collect(),
        fix: args.fix,
        ..Report::about(&ctx.journal, &privacy, &stale)
    };
    report.say(ctx)?;
    if !report.integrity.is_empty() {
        return Err(failed(ctx, &report));
    }
    Ok(())
}

/// Temporary files left beside the journal, or listed there, by commands that were stopped.
struct Left {
    /// A new journal's, from an `init` or `import` that was creating it.
    creating: Vec<PathBuf>,
    /// An export's, report's or backup's, or the editor's folder, from a process killed
    /// outright (an interrupted one removes its own).
    writing: Vec<PathBuf>,
}

impl Left {
    fn beside(journal: &Path) -> Left {
        Left {
            creating: leftovers::stale(journal),
            writing: cleanup::stale(journal)
                .into_iter()
                .flat_map(|(_, paths)| paths)
                .collect(),
        }
    }
}

/// The search index as doctor found it (or left it, after `--fix`).
struct Search {
    health: Option<Health>,
    /// `ok`, `stale`, `rebuilt` or `unchecked`, as `--json` says it.
    state: &'static str,
    /// Why it could not be checked.
    unchecked_because: Option<String>,
}

fn search_index(store: &Store) -> Search {
    let checked = search::health(store.conn());
    let unchecked_because = checked.as_ref().err().map(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy) => {
            "another rekindle command was writing the whole time doctor waited".to_string()
        }
        Some(rusqlite::ErrorCode::ReadOnly) => "the journal is read-only here".to_string(),
        _ => e.to_string(),
    });
    let health = checked.ok();
    let state = match health {
        Some(Health::Current) => "ok",
        Some(Health::Stale { .. }) => "stale",
        None => "unchecked",
    };
    Search {
        health,
        state,
        unchecked_because,
    }
}

/// `--fix`, first: makes the journal's files (and its own folder) private, and says what it
/// had to leave alone and why.
fn repair_privacy(ctx: &Context, fixed: &mut Vec<String>, not_fixed: &mut Vec<String>) {
    for finding in privacy::findings(&ctx.journal) {
        match finding.fix() {
            Ok(done) => fixed.push(done),
            Err(why) => not_fixed.push(why),
        }
    }
}

/// `--fix`, then: a stale search index, leftovers of an interrupted creation. Returns whether
/// the journal itself was changed.
fn repair(
    ctx: &Context,
    store: &mut Store,
    search: &mut Search,
    fixed: &mut Vec<String>,
    not_fixed: &mut Vec<String>,
) -> anyhow::Result<bool> {
    let mut changed = false;
    if let Some(Health::Stale { rows, damaged }) = search.health {
        store.write(|tx| Ok(search::rebuild(tx)?))?;
        fixed.push(rebuilt(rows, damaged));
        search.health = Some(Health::Current);
        search.state = "rebuilt";
        changed = true;
    }
    let stale = Left::beside(&ctx.journal);
    if !stale.creating.is_empty() {
        match leftovers::remove(&stale.creating) {
            Ok(()) => fixed.push(format!(
                "removed {} left by an interrupted `init` or `import`: {}",
                files(stale.creating.len()),
                listed(&stale.creating)
            )),
            Err(e) => not_fixed.push(format!(
                "could not remove the temporary files {}: {e}",
                listed(&stale.creating)
            )),
        }
    }
    if !stale.writing.is_empty() {
        match cleanup::remove_stale(&ctx.journal) {
            Ok(removed) => fixed.push(format!(
                "removed {} left by an export, report, backup or editor that was killed: {}",
                files(removed.len()),
                listed(&removed)
            )),
            Err(e) => not_fixed.push(format!(
                "could not remove the temporary files {}: {e}",
                listed(&stale.writing)
            )),
        }
    }
    Ok(changed)
}

/// doctor on a journal others could change: every other command refuses it, so doctor looks
/// through a read-only connection, says what is wrong and what to do, and exits 1.
fn not_private(
    ctx: &Context,
    blocking: Vec<String>,
    fixed: Vec<String>,
    not_fixed: Vec<String>,
    fix: bool,
) -> anyhow::Result<()> {
    let privacy = privacy::findings(&ctx.journal);
    let stale = Left::beside(&ctx.journal);
    // The journal file alone: its companions may be someone else's, and are not opened.
    let conn = inspect::open_immutable(&ctx.journal)
        .ok()
        .filter(|conn| keyed(ctx, conn));
    let report = Report {
        schema_version: conn.as_ref().and_then(|c| store::schema_version(c).ok()),
        integrity: conn.as_ref().map(integrity).unwrap_or_default(),
        warnings: privacy
            .iter()
            .map(privacy::Finding::warning)
            .chain(blocking.iter().cloned())
            .collect(),
        counts: conn
            .as_ref()
            .map(inspect::readable_counts)
            .unwrap_or_default(),
        explained: privacy
            .iter()
            .filter(|f| fix && f.left_alone.is_some())
            .map(privacy::Finding::warning)
            .collect(),
        fixed,
        not_fixed,
        fix,
        not_private: blocking.clone(),
        ..Report::about(&ctx.journal, &privacy, &stale)
    };
    drop(conn);
    report.say(ctx)?;
    Err(anyhow::anyhow!("{}", blocking[0]))
}

/// What is still wrong, in sentences: privacy, the search index, leftovers.
fn warnings(privacy: &[privacy::Finding], search: &Search, stale: &Left) -> Vec<String> {
    let mut warnings: Vec<String> = privacy.iter().map(privacy::Finding::warning).collect();
    match search.health {
        Some(Health::Stale { rows, damaged }) => warnings.push(stale_index(rows, damaged)),
        None => warnings.push(format!(
            "the search index was not checked: {}",
            search
                .unchecked_because
                .as_deref()
                .unwrap_or("it could not be read")
        )),
        Some(Health::Current) => {}
    }
    if !stale.creating.is_empty() {
        warnings.push(format!(
            "{} left by an interrupted `init` or `import` ({}); nothing reads them, and `rekindle doctor --fix` removes them",
            files(stale.creating.len()),
            listed(&stale.creating)
        ));
    }
    if !stale.writing.is_empty() {
        warnings.push(format!(
            "{} left by an export, report, backup or editor that was killed before it finished ({}); they may hold a copy of your entries, and `rekindle doctor --fix` removes them",
            files(stale.writing.len()),
            listed(&stale.writing)
        ));
    }
    warnings
}

impl Report {
    /// Prints the report; its warnings go to standard error as `rekindle: warning: …`, as
    /// every command's do (with `--json` they are in the JSON, and stderr stays quiet).
    fn say(&self, ctx: &Context) -> anyhow::Result<()> {
        ctx.emit(self)?;
        if !ctx.json {
            let warnings: Vec<String> = self
                .warnings
                .iter()
                .filter(|w| !self.explained.contains(w))
                .cloned()
                .collect();
            ctx.warn(&warnings);
        }
        Ok(())
    }

    /// What doctor says about the journal's files, whatever their contents: their modes,
    /// leftovers beside them. The rest is filled in by the caller.
    fn about(journal: &Path, privacy: &[privacy::Finding], stale: &Left) -> Report {
        // A journal named without a folder (`--journal journal.db`) is in the current one.
        let dir = journal
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Report {
            journal: journal.display().to_string(),
            schema_version: None,
            supported_version: SCHEMA_VERSION,
            integrity: Vec::new(),
            file_mode: privacy::mode(journal).map(|m| format!("{m:04o}")),
            dir_mode: privacy::mode(dir).map(|m| format!("{m:04o}")),
            search_index: "unchecked",
            leftovers: stale
                .creating
                .iter()
                .chain(&stale.writing)
                .map(|p| p.display().to_string())
                .collect(),
            warnings: Vec::new(),
            not_private: Vec::new(),
            fixed: Vec::new(),
            not_fixed: Vec::new(),
            counts: Vec::new(),
            privacy_ok: privacy.is_empty(),
            explained: Vec::new(),
            fix: false,
            encrypted: false,
            keys: None,
        }
    }
}

/// The key slots beside an encrypted journal, or a `.keys` file left beside a plain one.
/// With `--fix`: slots brought in step with the partners' passphrases, made private, or (beside
/// a plain journal) removed.
fn key_slots(
    ctx: &Context,
    store: &Store,
    fix: bool,
) -> anyhow::Result<(Option<Keys>, Vec<String>, Vec<String>)> {
    let path = keyfile::path_for(&ctx.journal);
    let shown_path = shown(&path);
    let mut warnings = Vec::new();
    let mut fixed = Vec::new();
    let Some(unlocked) = ctx.journal_key() else {
        if path.exists() {
            if fix {
                std::fs::remove_file(&path)?;
                fixed.push(format!(
                    "removed {shown_path}: the journal is not encrypted, so its key slots were not needed"
                ));
            } else {
                warnings.push(format!(
                    "{shown_path} is beside a journal that is not encrypted (left by an interrupted encrypt or a decrypt); it is not needed, and doctor --fix removes it"
                ));
            }
        }
        return Ok((None, warnings, fixed));
    };
    let holders = keyfile::holders(store.conn())?;
    let mut keys = Keys {
        path: path.display().to_string(),
        state: "ok",
        mode: keyfile::mode(&path).map(|m| format!("{m:04o}")),
        slots: Vec::new(),
        in_step: false,
    };
    match keyfile::read(&path) {
        Ok(file) => {
            keys.slots = file.slots.iter().map(|s| s.partner.clone()).collect();
            keys.in_step = keyfile::in_step(&file, &holders);
            if !file.belongs_to(&ctx.journal) {
                keys.state = "other-journal";
            }
        }
        Err(keyfile::KeyFileError::Missing(_)) => keys.state = "missing",
        Err(_) => keys.state = "damaged",
    }
    let good = keys.state == "ok" && keys.in_step;
    if !good && fix {
        let salt = store::encryption::file_salt(&ctx.journal).unwrap_or_default();
        let slots = keyfile::seal(&holders, &unlocked.key)?;
        keyfile::write(&path, &keyfile::KeyFile::new(salt, slots))?;
        let names: Vec<String> = holders.iter().map(|h| h.name.clone()).collect();
        fixed.push(format!(
            "wrote the key slots in {shown_path} again, for {}",
            if names.is_empty() {
                "nobody (only the recovery code opens the journal until someone sets a passphrase)"
                    .to_string()
            } else {
                format!("{}'s passphrase", prose::and_list(&names))
            }
        ));
        keys.state = "ok";
        keys.in_step = true;
        keys.slots = names;
        keys.mode = keyfile::mode(&path).map(|m| format!("{m:04o}"));
    } else if !good {
        warnings.push(match keys.state {
            "missing" => format!("{shown_path} is missing: only the recovery code opens the journal now; doctor --fix writes the slots again"),
            "damaged" => format!("{shown_path} is damaged; doctor --fix writes the slots again"),
            "other-journal" => format!("{shown_path} belongs to another journal (a backup's, perhaps); doctor --fix writes this journal's slots"),
            _ => format!("the key slots in {shown_path} do not match the partners' passphrases; doctor --fix brings them in step"),
        });
    }
    if let Some(mode) = keyfile::mode(&path)
        && mode & 0o077 != 0
    {
        if fix {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
            fixed.push(format!(
                "made {shown_path} readable only by you (it was {mode:04o})"
            ));
            keys.mode = Some("0600".into());
        } else {
            warnings.push(format!(
                "other accounts on this computer can open {shown_path} (mode {mode:04o}); doctor --fix makes it private"
            ));
        }
    }
    if holders.is_empty() {
        warnings.push(
            "nobody has a passphrase, so only the recovery code opens this encrypted journal: set one with `rekindle partners passphrase NAME`".into(),
        );
    }
    Ok((Some(keys), warnings, fixed))
}

/// The integrity check's findings; a check that cannot run to its end is a finding too.
fn integrity(conn: &rusqlite::Connection) -> Vec<String> {
    store::integrity_problems(conn).unwrap_or_else(|e| {
        vec![format!(
            "SQLite could not finish checking the file; it stopped with \"{e}\""
        )]
    })
}

/// Gives `conn` the journal's key when the command unlocked an encrypted journal; false when
/// that fails (the connection reads nothing then).
fn keyed(ctx: &Context, conn: &rusqlite::Connection) -> bool {
    match ctx.journal_key() {
        Some(unlocked) => store::cipher::key_connection(conn, &unlocked.key).is_ok(),
        None => true,
    }
}

/// doctor on a journal SQLite calls damaged: opened without changing anything (no upgrade,
/// no repair), it says what is wrong, which records can still be read, and what to do.
fn damaged(ctx: &Context, why: anyhow::Error) -> anyhow::Result<()> {
    let conn = match inspect::open_read_only(&ctx.journal) {
        Ok(conn) if keyed(ctx, &conn) => conn,
        _ => return Err(why),
    };
    let privacy = privacy::findings(&ctx.journal);
    let mut integrity = integrity(&conn);
    if integrity.is_empty() {
        // Opening failed even though the check passes: say what opening met.
        integrity.push(format!("{why:#}"));
    }
    let stale = Left::beside(&ctx.journal);
    let report = Report {
        schema_version: store::schema_version(&conn).ok(),
        integrity,
        warnings: privacy.iter().map(privacy::Finding::warning).collect(),
        counts: inspect::readable_counts(&conn),
        ..Report::about(&ctx.journal, &privacy, &stale)
    };
    drop(conn);
    report.say(ctx)?;
    Err(failed(ctx, &report))
}

/// The one line doctor ends with when the integrity check fails: what to do next.
fn failed(ctx: &Context, report: &Report) -> anyhow::Error {
    let index = if report.search_index == "stale" {
        "; if only the search index is damaged, `rekindle doctor --fix` rebuilds it from your entries"
    } else {
        ""
    };
    anyhow::anyhow!(
        "the journal at {} failed its integrity check ({}). Keep a copy of the file as it is before trying anything else; then restore a backup if you have one (`rekindle restore FILE`), or open a copy with the sqlite3 tool's `.recover` command to save what can still be read{index}",
        sanitize::line(&ctx.journal.display().to_string()),
        problems(report.integrity.len())
    )
}

fn problems(n: usize) -> String {
    format!("{} found", prose::count(n as i64, "problem", "problems"))
}

fn files(n: usize) -> String {
    prose::count(n as i64, "temporary file", "temporary files")
}

fn listed(paths: &[std::path::PathBuf]) -> String {
    paths
        .iter()
        .map(|p| shown(p))
        .collect::<Vec<_>>()
        .join(", ")
}

fn stale_index(rows: usize, damaged: bool) -> String {
    let what = match (rows, damaged) {
        (0, _) => "the search index is damaged".to_string(),
        (1, false) => "1 entry is missing from the search index or out of date there".to_string(),
        (n, false) => format!("{n} entries are missing from the search index or out of date there"),
        (n, true) => {
            format!("the search index is damaged and {n} of its entries are missing or out of date")
        }
    };
    format!(
        "{what}; your entries themselves are fine, and `rekindle doctor --fix` rebuilds the index from them"
    )
}

fn rebuilt(rows: usize, damaged: bool) -> String {
    match (rows, damaged) {
        (0, _) => "rebuilt the damaged search index from your entries".into(),
        (1, _) => {
            "rebuilt the search index from your entries (1 entry was missing or out of date)".into()
        }
        (n, _) => format!(
            "rebuilt the search index from your entries ({n} entries were missing or out of date)"
        ),
    }
}

impl Output for Report {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let ok = console::style("ok").green();
        writeln!(out, "Journal      {}", sanitize::line(&self.journal))?;
        match self.schema_version {
            Some(version) => writeln!(
                out,
                "Schema       version {version} (this rekindle understands up to {})",
                self.supported_version
            )?,
            None => writeln!(out, "Schema       cannot be read")?,
        }
        if self.integrity.is_empty() {
            writeln!(out, "Integrity    {ok}")?;
        } else {
            writeln!(
                out,
                "Integrity    {}",
                console::style("FAILED").red().bold()
            )?;
            for problem in &self.integrity {
                writeln!(out, "             {}", sanitize::line(problem))?;
            }
        }
        let search = match self.search_index {
            "ok" => ok.to_string(),
            "rebuilt" => "rebuilt just now".to_string(),
            "stale" => console::style("out of date").yellow().to_string(),
            _ => "not checked".to_string(),
        };
        writeln!(out, "Search       {search}")?;
        if let Some(keys) = &self.keys {
            let whose: Vec<String> = keys
                .slots
                .iter()
                .map(|n| format!("{}'s", sanitize::line(n)))
                .collect();
            let state = match (keys.state, keys.in_step) {
                ("ok", true) if whose.is_empty() => "only the recovery code opens it".to_string(),
                ("ok", true) => format!("{ok}, opens with {} passphrase", prose::or_list(&whose)),
                _ => console::style("needs attention (below)")
                    .yellow()
                    .to_string(),
            };
            writeln!(out, "Encryption   {state}")?;
        }
        let modes = format!(
            "file {}, folder {}",
            self.file_mode
                .as_deref()
                .unwrap_or("(its mode could not be read)"),
            self.dir_mode
                .as_deref()
                .unwrap_or("(its mode could not be read)")
        );
        if self.privacy_ok {
            writeln!(
                out,
                "Privacy      {modes}: {ok}, other accounts cannot open it"
            )?;
        } else {
            writeln!(out, "Privacy      {modes}")?;
        }
        let readable: Vec<String> = self
            .counts
            .iter()
            .filter_map(|(kind, n)| Some(kind.count((*n)?)))
            .collect();
        let unreadable: Vec<&str> = self
            .counts
            .iter()
            .filter(|(_, n)| n.is_none())
            .map(|(kind, _)| kind.plural_key())
            .collect();
        if readable.is_empty() {
            writeln!(out, "Records      none can be read")?;
        } else {
            writeln!(out, "Records      {}", readable.join(", "))?;
        }
        if !readable.is_empty() && !unreadable.is_empty() {
            writeln!(out, "Unreadable   {}", unreadable.join(", "))?;
        }
        if !self.fix {
            return Ok(());
        }
        writeln!(out)?;
        if self.fixed.is_empty() && self.not_fixed.is_empty() {
            writeln!(out, "Nothing needed repair.")?;
        }
        for (heading, lines) in [("Repaired:", &self.fixed), ("Left alone:", &self.not_fixed)] {
            if lines.is_empty() {
                continue;
            }
            writeln!(out, "{heading}")?;
            for line in lines {
                writeln!(out, "{}", crate::text::prose::bullet(line))?;
            }
        }
        Ok(())
    }
}
