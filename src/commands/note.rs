//! `rekindle note TEXT`: a free entry, in a partner's own words, shared unless `--private`.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::commands::common::encrypt_to_own_key;
use crate::commands::context::{CardReason, Context};
use crate::domain::dates;
use crate::domain::input::nonblank;
use crate::domain::private::PrivateNote;
use crate::domain::safety;
use crate::store;
use crate::store::notes::Words;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::{self, Names, NoteRecord};

/// Write a note: whatever you want to keep in the journal that day, in your own words.
///
/// A note is shared: your partner reads it in `rekindle history`. With --private it is
/// encrypted to your own key before it is stored (it needs a passphrase of your own): your
/// partner's timeline shows only that you wrote a private note, and you read it with
/// `rekindle history --private`. `rekindle reveal note ID` shares it later.
///
/// TEXT `-` reads the note from standard input (as `import -` reads its file), for words
/// piped in from a file or another program.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What you want to write (quote it), or - to read it from standard input
    #[arg(value_name = "TEXT", allow_hyphen_values = true)]
    pub text: String,

    /// Keep it private: only you can read it, with your passphrase
    #[arg(long)]
    pub private: bool,

    /// The day it is about [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// The most read from standard input: far more than any note, and a bound on a mistake such
/// as piping a whole disk image in.
const MAX_INPUT: u64 = 1024 * 1024;

/// The note's words from standard input, for TEXT `-`. A terminal there is refused rather
/// than waited on: nothing says when typing would end.
fn read_stdin() -> anyhow::Result<String> {
    use std::io::{IsTerminal, Read};
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        crate::bail_user!(
            "`rekindle note -` reads the note from standard input, but standard input is this terminal; give the words in quotes, e.g. rekindle note \"a good walk today\", or pipe them in: rekindle note - < words.txt"
        );
    }
    let mut bytes = Vec::new();
    stdin.lock().take(MAX_INPUT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT {
        crate::bail_user!(
            "the note on standard input is longer than 1 MB; write a shorter note; nothing was saved"
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => {
            crate::bail_user!("the note on standard input is not UTF-8 text; nothing was saved")
        }
    }
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let given = if args.text == "-" {
        read_stdin()?
    } else {
        args.text.clone()
    };
    let text = nonblank(
        "the note",
        &given,
        "write a few words in quotes, e.g. rekindle note \"a good walk today\"",
    )?
    .trim()
    .to_string();
    let date = match &args.date {
        Some(d) => ctx.past_date("--date", d, "a note")?,
        None => ctx.today,
    };
    let mut store = ctx.open()?;
    let partner = ctx.author(&store)?;
    // Encrypted before anything is written, so the words never reach a plain column.
    let words = if args.private {
        let plain = PrivateNote { text: text.clone() }.to_bytes();
        Words::Private(Some(encrypt_to_own_key(store.conn(), &partner, &plain)?))
    } else {
        Words::Shared(text.clone())
    };
    if safety::calls_for_card_in_words(&text) {
        ctx.show_safety_card(CardReason::Written);
    }
    let clock = store.clock();
    let note = store.write(|tx| {
        let stamp = store::clock::stamp(tx, &clock, Some(partner.id))?;
        Ok(store::notes::insert(tx, &stamp, partner.id, date, &words)?)
    })?;
    let names = Names::load(store.conn())?;
    ctx.emit(&Saved {
        record: json::note(&note, &names),
        partner: &partner.name,
        date,
    })
}

/// The note as saved; the JSON is its record (a private one's text is null).
#[derive(Serialize)]
#[serde(transparent)]
struct Saved<'a> {
    record: NoteRecord,
    #[serde(skip)]
    partner: &'a str,
    #[serde(skip)]
    date: NaiveDate,
}

impl Output for Saved<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let name = sanitize::line(self.partner);
        let day = dates::in_words(self.date);
        if self.record.private {
            writeln!(
                out,
                "Saved {name}'s private note for {day} (note {}). Only {name} can read it, with \
                 their passphrase: rekindle history --private --as {}",
                self.record.id,
                crate::text::prose::shell_word(&name)
            )?;
        } else {
            writeln!(
                out,
                "Saved {name}'s note for {day} (note {}).",
                self.record.id
            )?;
        }
        Ok(())
    }
}
