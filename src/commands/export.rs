//! `rekindle export`: the whole journal as JSON (to import elsewhere), CSV (for a
//! spreadsheet) or Markdown (to read or print), on the screen or into a private file.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::exchange::Document;
use crate::domain::journey::Journey;
use crate::domain::kind::RecordKind;
use crate::keys;
use crate::store;
use crate::store::destination;
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::export::{Withheld, Words, csv, markdown};
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

    /// Encrypt the export with a passphrase (age; asked twice in a terminal, scripts:
    /// REKINDLE_EXPORT_PASSPHRASE_FILE). `rekindle import` reads it back, as does `age -d`
    #[arg(long)]
    pub encrypt: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
}

impl Format {
    fn serialize_name<S: serde::Serializer>(format: &Format, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(format.name())
    }

    fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
        }
    }
}

/// What an export into a file wrote.
#[derive(Serialize)]
struct Written {
    output: String,
    #[serde(serialize_with = "Format::serialize_name")]
    format: Format,
    #[serde(serialize_with = "json::counts")]
    counts: Vec<(RecordKind, usize)>,
    #[serde(skip)]
    today: chrono::NaiveDate,
    /// Into a file rekindle made (not a pipe or a device, which keep their permissions).
    #[serde(skip)]
    into_file: bool,
    /// With a passphrase (`--encrypt`).
    encrypted: bool,
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
    if args.encrypt && file.is_none() && ctx.stdout_is_terminal {
        bail_user!(
            "an encrypted export is binary, not for a terminal: add --output FILE, or send it down a pipe"
        );
    }
    let store = ctx.open()?;
    let passphrase = if args.encrypt {
        Some(ctx.export_passphrase(true)?)
    } else {
        if ctx.journal_is_encrypted() {
            let place = file.map_or("it".to_string(), |p| p.display().to_string());
            let _ = writeln!(
                std::io::stderr().lock(),
                "rekindle: warning: the journal is encrypted, but this export is plain text: anyone who can read {} can read everything in it. Add --encrypt to protect it with a passphrase",
                sanitize::line(&place)
            );
        }
        None
    };
    let mut into_file = true;
    if let Some(path) = file {
        destination::check_destination(path, &ctx.journal, "--output")?;
        into_file = destination::place_of(path, "--output")? != destination::Place::Stream;
    }
    let mut doc = store::exchange::snapshot(&store, store::clock::wall(&ctx.clock.now()))?;
    // The JSON export is the couple's backup: everything, private words as ciphertext. CSV
    // and Markdown are to read: they follow the reader's seal and hold nothing private.
    let withheld = match args.format {
        Format::Json => Withheld::default(),
        _ => for_reader(ctx, &store, &mut doc)?,
    };
    // CSV and Markdown name each step and prompt in words.
    let journey = ctx.journey_quietly();
    if let Some(passphrase) = passphrase {
        let mut plain = Vec::new();
        render(
            &doc,
            args.format,
            &journey,
            ctx.today,
            &withheld,
            &mut plain,
            false,
        )?;
        let sealed = keys::encrypt_with_passphrase(&passphrase, ctx.key_cost(), &plain)?;
        plain.iter_mut().for_each(|b| *b = 0);
        return match file {
            None => {
                let mut out = ctx.out();
                out.write_all(&sealed)?;
                out.flush()?;
                Ok(())
            }
            Some(path) => {
                destination::write_atomic(path, &ctx.journal, "--output", |w| {
                    Ok(w.write_all(&sealed)?)
                })?;
                ctx.emit(&Written {
                    output: path.display().to_string(),
                    format: args.format,
                    counts: RecordKind::ALL.map(|kind| (kind, doc.len(kind))).to_vec(),
                    today: ctx.today,
                    into_file,
                    encrypted: true,
                })
            }
        };
    }
    match file {
        None => {
            let for_terminal = ctx.stdout_is_terminal;
            // Buffered: standard output is line-buffered, and a printed export of ten years
            // is a quarter of a million lines (one write each, otherwise).
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, ctx.out());
            render(
                &doc,
                args.format,
                &journey,
                ctx.today,
                &withheld,
                &mut out,
                for_terminal,
            )?;
            out.flush()?;
            Ok(())
        }
        Some(path) => {
            destination::write_atomic(path, &ctx.journal, "--output", |w| {
                render(&doc, args.format, &journey, ctx.today, &withheld, w, false)
            })?;
            ctx.emit(&Written {
                output: path.display().to_string(),
                format: args.format,
                counts: RecordKind::ALL.map(|kind| (kind, doc.len(kind))).to_vec(),
                today: ctx.today,
                into_file,
                encrypted: false,
            })
        }
    }
}

/// Takes out of `doc` what this reader may not read (see [`Document::for_reader`]): the
/// reader is `--as`, `REKINDLE_AS` or the device's owner; with none, words are shown only
/// for days both partners checked in. Returns what was taken out as sealed, for the copy to
/// mark.
fn for_reader(ctx: &Context, store: &store::Store, doc: &mut Document) -> anyhow::Result<Withheld> {
    let reader = crate::commands::common::reader(ctx, store)?;
    let partners = store::partners::all(store.conn())?;
    let id_of = |uuid: &str| partners.iter().find(|p| p.uuid == uuid).map(|p| p.id);
    let checked_in = doc.checkins.iter().filter_map(|c| {
        let date = chrono::NaiveDate::parse_from_str(&c.date, "%Y-%m-%d").ok()?;
        Some((date, id_of(&c.partner_uuid)?))
    });
    let seal = crate::domain::private::Seal::new(
        reader.as_ref().map(|p| p.id),
        checked_in.collect::<Vec<_>>(),
    );
    let withheld = doc.for_reader(|partner, date| {
        match (
            id_of(partner),
            chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d"),
        ) {
            (Some(author), Ok(date)) => seal.sealed(author, date),
            // A check-in whose author or day cannot be told is not shown.
            _ => true,
        }
    });
    if !withheld.is_empty() {
        // Said on standard error: the export itself is the output.
        let until = match &reader {
            Some(p) => format!("until {} checks in for that day too", sanitize::line(&p.name)),
            None => "for everyone until both of you have checked in that day; name who is reading with --as NAME".to_string(),
        };
        let _ = writeln!(
            std::io::stderr().lock(),
            "rekindle: warning: the words of {} are sealed and left out ({until})",
            RecordKind::Checkin.count(withheld.len() as i64)
        );
    }
    Ok(Withheld {
        sealed: withheld,
        reader_named: reader.is_some(),
    })
}

fn render(
    doc: &Document,
    format: Format,
    journey: &Journey,
    today: chrono::NaiveDate,
    withheld: &Withheld,
    out: &mut dyn Write,
    for_terminal: bool,
) -> anyhow::Result<()> {
    match format {
        Format::Json => {
            sanitize::write_json(&mut *out, doc)?;
            writeln!(out)?;
        }
        Format::Csv => {
            csv::write(doc, &Words::new(journey), withheld, &mut *out, for_terminal)?;
        }
        Format::Markdown => {
            markdown::write(doc, &Words::new(journey), withheld, today, &mut *out)?;
        }
    }
    Ok(())
}

impl Output for Written {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let held: Vec<String> = self
            .counts
            .iter()
            .filter(|(kind, n)| {
                // CSV holds the check-ins alone, and says so even when there are none.
                match self.format {
                    Format::Csv => *kind == RecordKind::Checkin,
                    _ => *n > 0,
                }
            })
            .map(|(kind, n)| kind.count(*n as i64))
            .collect();
        let what = match self.format {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Markdown => "Markdown",
        };
        writeln!(
            out,
            "Wrote your journal as {what} to {} on {}.",
            sanitize::line(&self.output),
            dates::in_words(self.today)
        )?;
        if !held.is_empty() {
            writeln!(out, "It holds {}.", prose::and_list(&held))?;
        }
        if self.encrypted {
            writeln!(
                out,
                "It is encrypted with the passphrase you gave; `rekindle import` asks for it."
            )?;
            return Ok(());
        }
        // A pipe or device keeps its own permissions; only a file rekindle made is private.
        if self.into_file {
            writeln!(
                out,
                "Other accounts on this computer cannot open the file; keep it somewhere as private as the journal."
            )?;
        }
        Ok(())
    }
}
