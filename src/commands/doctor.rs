//! `rekindle doctor`: checks the journal's health and privacy.

use std::fs;
use std::io::Write as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;

use serde::Serialize;

use crate::context::Context;
use crate::sanitize;
use crate::store::{self, SCHEMA_VERSION};

/// Check the journal: integrity, schema version, file permissions and record counts.
///
/// Exits 1 if the journal fails its integrity check; permission warnings are printed but do
/// not change the exit code.
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Debug, Serialize)]
pub struct Report {
    pub journal: String,
    pub schema_version: i64,
    pub supported_version: usize,
    pub integrity: Vec<String>,
    pub file_mode: Option<String>,
    pub dir_mode: Option<String>,
    pub warnings: Vec<String>,
    pub counts: serde_json::Map<String, serde_json::Value>,
}

/// The permission bits of `path`, if it can be read.
fn mode_of(path: &Path) -> Option<u32> {
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o7777)
}

/// Warnings for files or folders that other users on this computer could read.
pub fn privacy_warnings(journal: &Path) -> Vec<String> {
    let mut warnings = Vec::new();
    let shown = |p: &Path| sanitize::line(&p.display().to_string()).into_owned();
    let mut files = vec![journal.to_path_buf()];
    for suffix in ["-wal", "-shm"] {
        let mut side = journal.as_os_str().to_owned();
        side.push(suffix);
        files.push(side.into());
    }
    for file in files.iter().filter(|f| f.exists()) {
        if let Some(mode) = mode_of(file)
            && mode & 0o077 != 0
        {
            warnings.push(format!(
                "{} can be read by other users (mode {mode:04o}); fix it with: chmod 600 '{}'",
                shown(file),
                shown(file)
            ));
        }
    }
    if let Some(dir) = journal.parent().filter(|d| !d.as_os_str().is_empty())
        && let Some(mode) = mode_of(dir)
        && mode & 0o077 != 0
    {
        warnings.push(format!(
            "the folder {} can be listed by other users (mode {mode:04o}); if it holds only the journal, fix it with: chmod 700 '{}'",
            shown(dir),
            shown(dir)
        ));
    }
    warnings
}

pub fn run(ctx: &mut Context, _args: Args) -> anyhow::Result<()> {
    let store = ctx.open()?;
    let conn = store.conn();
    let dir = ctx.journal.parent().filter(|d| !d.as_os_str().is_empty());
    let report = Report {
        journal: ctx.journal.display().to_string(),
        schema_version: store::schema_version(conn)?,
        supported_version: SCHEMA_VERSION,
        integrity: store::integrity_problems(conn)?,
        file_mode: mode_of(&ctx.journal).map(|m| format!("{m:04o}")),
        dir_mode: dir.and_then(mode_of).map(|m| format!("{m:04o}")),
        warnings: privacy_warnings(&ctx.journal),
        counts: store::counts(conn)?
            .into_iter()
            .map(|(kind, n)| (kind.to_string(), n.into()))
            .collect(),
    };
    if ctx.json {
        ctx.print_json(&report)?;
    } else {
        print_human(ctx, &report)?;
    }
    if !report.integrity.is_empty() {
        anyhow::bail!(
            "the journal failed its integrity check ({} problem(s)); restore a backup or export what can be read",
            report.integrity.len()
        );
    }
    Ok(())
}

fn print_human(ctx: &Context, report: &Report) -> anyhow::Result<()> {
    let mut out = ctx.out();
    let ok = console::style("ok").green();
    writeln!(out, "Journal      {}", sanitize::line(&report.journal))?;
    writeln!(
        out,
        "Schema       version {} (this rekindle understands up to {})",
        report.schema_version, report.supported_version
    )?;
    if report.integrity.is_empty() {
        writeln!(out, "Integrity    {ok}")?;
    } else {
        writeln!(
            out,
            "Integrity    {}",
            console::style("FAILED").red().bold()
        )?;
        for problem in &report.integrity {
            writeln!(out, "             {}", sanitize::line(problem))?;
        }
    }
    let modes = format!(
        "file {}, folder {}",
        report.file_mode.as_deref().unwrap_or("?"),
        report.dir_mode.as_deref().unwrap_or("?")
    );
    if report.warnings.is_empty() {
        writeln!(out, "Privacy      {modes}: {ok}, only you can read it")?;
    } else {
        writeln!(out, "Privacy      {modes}")?;
    }
    let counts: Vec<String> = report
        .counts
        .iter()
        .map(|(kind, n)| crate::ui::count(n.as_i64().unwrap_or(0), kind))
        .collect();
    writeln!(out, "Records      {}", counts.join(", "))?;
    for warning in &report.warnings {
        writeln!(
            out,
            "{} {warning}",
            console::style("warning:").yellow().bold()
        )?;
    }
    Ok(())
}
