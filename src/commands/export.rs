//! `rekindle export`: the whole journal as JSON (to import elsewhere), CSV (for a
//! spreadsheet) or Markdown (to read or print), on the screen or into a private file.

use std::io::Write;
use std::path::PathBuf;

use rusqlite::{Transaction, TransactionBehavior};
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::exchange::Document;
use crate::domain::journey::Journey;
use crate::domain::kind::RecordKind;
use crate::store;
use crate::store::destination;
use crate::text::sanitize;
use crate::views::export::{Words, csv, markdown};
use crate::views::json;

/// Write out the whole journal: JSON holds everything and can be imported again, CSV has
/// one row per check-in for a spreadsheet, Markdown is to read or print.
///
/// Without --output (or with --output -) it is printed. With --output FILE it is written to
/// FILE, readable only by you; an existing FILE is replaced in one step (never the journal or
/// another database). A named pipe or device such as /dev/null is written into as it is.
/// The JSON format is described in docs/export-format.md.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// json (everything, re-importable), csv (check-ins, for a spreadsheet) or markdown
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Json)]
    pub format: Format,

    /// Write to FILE instead of printing; - prints
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
        }
    }
}

#[derive(Serialize)]
struct Written {
    output: String,
    format: &'static str,
    #[serde(serialize_with = "json::counts")]
    counts: Vec<(RecordKind, usize)>,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    // `-`, or a name for this very standard output (`/dev/stdout`), prints the export.
    let file = args
        .output
        .as_ref()
        .filter(|path| path.as_os_str() != "-" && !destination::is_stdout(path));
    // Printed, a CSV or Markdown export is the output itself, so there is no JSON to give.
    // Into a file, --json is the summary of what was written.
    if ctx.json && file.is_none() && args.format != Format::Json {
        bail_user!(
            "--json cannot go with --format {} when the export is printed; leave out --json, or add --output FILE to get a JSON summary of what was written",
            args.format.name()
        );
    }
    let store = ctx.open()?;
    let mut into_file = true;
    if let Some(path) = file {
        destination::check_destination(path, &ctx.journal, "--output")?;
        into_file = destination::place_of(path, "--output")? != destination::Place::Stream;
    }
    let doc = snapshot(&store)?;
    // CSV and Markdown name each step and prompt in words.
    let journey = ctx.journey_quietly();
    match file {
        None => {
            let for_terminal = ctx.stdout_is_terminal;
            let mut out = ctx.out();
            render(
                &doc,
                args.format,
                &journey,
                ctx.today,
                &mut out,
                for_terminal,
            )?;
            out.flush()?;
            Ok(())
        }
        Some(path) => {
            destination::write_atomic(path, &ctx.journal, "--output", |w| {
                render(&doc, args.format, &journey, ctx.today, w, false)
            })?;
            report(ctx, &doc, args.format, path, into_file)
        }
    }
}

/// The whole journal, read in one transaction so it is consistent even while the other
/// partner writes.
pub fn snapshot(store: &store::Store) -> anyhow::Result<Document> {
    let tx = Transaction::new_unchecked(store.conn(), TransactionBehavior::Deferred)?;
    let doc = store::exchange::read_all(&tx, store::timestamp())?;
    tx.finish()?;
    Ok(doc)
}

fn render(
    doc: &Document,
    format: Format,
    journey: &Journey,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
    for_terminal: bool,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            sanitize::write_json(&mut *out, doc)?;
            writeln!(out)?;
        }
        Format::Csv => {
            csv::write(doc, &Words::new(journey), &mut *out, for_terminal)?;
        }
        Format::Markdown => {
            markdown::write(doc, &Words::new(journey), today, &mut *out)?;
        }
    }
    Ok(())
}

fn report(
    ctx: &Context,
    doc: &Document,
    format: Format,
    path: &std::path::Path,
    into_file: bool,
) -> anyhow::Result<()> {
    let shown = path.display().to_string();
    if ctx.json {
        return ctx.print_json(&Written {
            output: shown,
            format: format.name(),
            counts: RecordKind::ALL.map(|kind| (kind, doc.len(kind))).to_vec(),
        });
    }
    let held: Vec<String> = match format {
        Format::Csv => vec![RecordKind::Checkin.count(doc.checkins.len() as i64)],
        _ => RecordKind::ALL
            .iter()
            .filter(|k| doc.len(**k) > 0)
            .map(|k| k.count(doc.len(*k) as i64))
            .collect(),
    };
    let what = match format {
        Format::Json => "JSON",
        Format::Csv => "CSV",
        Format::Markdown => "Markdown",
    };
    let mut out = ctx.out();
    writeln!(
        out,
        "Wrote your journal as {what} to {} on {}.",
        sanitize::line(&shown),
        dates::in_words(ctx.today)
    )?;
    if !held.is_empty() {
        writeln!(out, "It holds {}.", crate::text::prose::and_list(&held))?;
    }
    // A pipe or device keeps its own permissions; only a file rekindle made is private.
    if into_file {
        writeln!(
            out,
            "Only you can read the file; keep it somewhere as private as the journal."
        )?;
    }
    Ok(())
}
