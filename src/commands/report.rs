//! `rekindle report`: the progress view as one HTML page with charts, to open in a browser,
//! print, or keep.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use crate::bail_user;
use crate::commands::common::WindowArgs;
use crate::commands::context::Context;
use crate::domain::progress::{self, Progress};
use crate::store;
use crate::store::destination;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::narration;
use crate::views::report::{self, Page};

/// Make a page of your progress, with charts, to look at together, print or keep.
///
/// It shows what `rekindle progress` shows (trust and closeness week by week, streaks,
/// promises kept, feelings, your focus and anything worth a look) as one HTML file that
/// needs nothing else: no internet, no fonts, no scripts. Open it in any browser. The file
/// is readable only by you; an existing FILE is replaced in one step. A named pipe or device
/// such as /dev/null is written into as it is.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The HTML file to write, e.g. progress.html; - writes the page to standard output
    /// when that is piped or redirected
    #[arg(long, short = 'o', value_name = "FILE", required = true)]
    pub output: PathBuf,

    #[command(flatten)]
    pub window: WindowArgs,
}

/// What `report` wrote.
#[derive(Serialize)]
struct Written<'a> {
    output: String,
    from: chrono::NaiveDate,
    until: chrono::NaiveDate,
    weeks: u32,
    bytes: usize,
    #[serde(skip)]
    progress: &'a Progress,
    /// Into a file rekindle made (not a pipe or a device, which keep their permissions).
    #[serde(skip)]
    into_file: bool,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let window = args.window.window(ctx)?;
    let to_stdout = args.output.as_os_str() == "-" || destination::is_stdout(&args.output);
    if to_stdout {
        if ctx.json {
            bail_user!(
                "--output - puts the page on standard output, where --json would print too; \
give --output a file name to use --json"
            );
        }
        if ctx.stdout_is_terminal {
            bail_user!(
                "the report is an HTML page, not something to read in a terminal; give \
--output a file name such as progress.html, and open that in a browser"
            );
        }
    } else {
        destination::check_destination_named(
            &args.output,
            &ctx.journal,
            "--output",
            "rekindle-report.html",
        )?;
    }
    let into_file =
        to_stdout || destination::place_of(&args.output, "--output")? != destination::Place::Stream;
    let store = ctx.open()?;
    let facts = store::progress::facts(store.conn(), window)?;
    let progress = progress::compute(&facts);
    let calendar = progress::calendar(&facts);
    let page = report::render(&Page {
        progress: &progress,
        calendar: &calendar,
        made_on: ctx.today,
    });
    if to_stdout {
        let mut out = ctx.out();
        out.write_all(page.as_bytes())?;
        out.flush()?;
        return Ok(());
    }
    destination::write_atomic(&args.output, &ctx.journal, "--output", |w| {
        w.write_all(page.as_bytes())?;
        Ok(())
    })?;
    ctx.emit(&Written {
        output: args.output.display().to_string(),
        from: progress.from,
        until: progress.until,
        weeks: progress.weeks.len() as u32,
        bytes: page.len(),
        progress: &progress,
        into_file,
    })
}

impl Output for Written<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (weeks, first) = narration::span_parts(&self.progress.since_start());
        writeln!(
            out,
            "Wrote your progress report to {}: {weeks}, {}.",
            sanitize::line(&self.output),
            narration::days_from_to(first, self.until)
        )?;
        // A pipe or device keeps its own permissions; only a file rekindle made is private.
        if self.into_file {
            writeln!(
                out,
                "Other accounts on this computer cannot open the file. Open it in a browser to look at it together, or print it."
            )?;
        }
        Ok(())
    }
}
