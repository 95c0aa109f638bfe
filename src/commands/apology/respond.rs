//! `rekindle apology respond`: the other partner's answer to an apology. A later answer
//! replaces an earlier one; both stay in the journal.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::input::{OPTIONAL, nonblank, parse_id};
use crate::store::apologies::{self, Answer, Apology, Response};
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::{self, Names, ResponseRecord};

#[derive(Debug, clap::Args)]
pub struct RespondArgs {
    /// The apology's number, as `apology list` shows it
    #[arg(allow_hyphen_values = true)]
    pub id: String,

    /// You accept the apology
    #[arg(long)]
    pub accept: bool,

    /// You are not ready to answer yet
    #[arg(long)]
    pub need_time: bool,

    /// You do not accept it (you can answer again later)
    #[arg(long)]
    pub decline: bool,

    /// Anything you want your partner to know with your answer
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,

    /// The day of your answer [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

fn chosen_answer(args: &RespondArgs) -> Result<Answer, UserError> {
    let chosen: Vec<(&str, Answer)> = [
        (args.accept, "--accept", Answer::Accepted),
        (args.need_time, "--need-time", Answer::NeedTime),
        (args.decline, "--decline", Answer::Declined),
    ]
    .into_iter()
    .filter(|(on, _, _)| *on)
    .map(|(_, flag, answer)| (flag, answer))
    .collect();
    match chosen.as_slice() {
        [(_, answer)] => Ok(*answer),
        [] => Err(UserError::new(
            "choose one answer: --accept, --need-time or --decline",
        )),
        several => Err(UserError::new(format!(
            "choose only one answer (got {}); use --accept, --need-time or --decline",
            crate::text::prose::and_list(
                &several
                    .iter()
                    .map(|(f, _)| f.to_string())
                    .collect::<Vec<_>>()
            )
        ))),
    }
}

pub fn run(ctx: &mut Context, args: RespondArgs) -> anyhow::Result<()> {
    let id = parse_id("apology", &args.id)?;
    let answer = chosen_answer(&args)?;
    let note = match &args.note {
        Some(note) => Some(nonblank("--note", note, OPTIONAL)?),
        None => None,
    };
    let date = match &args.date {
        Some(value) => Some(ctx.past_date("--date", value, "an answer")?),
        None => None,
    }
    .unwrap_or(ctx.today);
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let names = Names::load(store.conn())?;
    let clock = store.clock();
    let (apology, response, previous) = store.write(|tx| {
        let Some(apology) = apologies::get(tx, id)? else {
            bail_user!("there is no apology {id}; `rekindle apology list` shows them all");
        };
        if apology.to_id != me.id {
            bail_user!(
                "apology {id} is {}'s own; only {} can answer it",
                sanitize::line(&names.of(apology.by_id)),
                sanitize::line(&names.of(apology.to_id))
            );
        }
        if let Some(on) = apology.withdrawn_on {
            bail_user!(
                "apology {id} was withdrawn by {} on {}; there is nothing to answer",
                sanitize::line(&names.of(apology.by_id)),
                dates::in_words(on)
            );
        }
        if date < apology.date {
            bail_user!(
                "--date {} is before the apology was made ({}); an answer comes after it",
                dates::in_words(date),
                dates::in_words(apology.date)
            );
        }
        let previous = apologies::current_response(tx, id)?;
        let stamp = crate::store::clock::stamp(tx, &clock, Some(me.id))?;
        let response = apologies::respond(tx, &stamp, id, me.id, date, answer, note)?;
        Ok((apology, response, previous))
    })?;
    if note.is_some_and(crate::domain::safety::calls_for_card_in_words) {
        ctx.show_safety_card(crate::commands::context::CardReason::Written);
    }
    ctx.emit(&Answered {
        record: json::response(&response, &names),
        by: names.of(apology.by_id),
        apology,
        previous,
    })
}

/// The answer as saved; the JSON is its record.
#[derive(Serialize)]
#[serde(transparent)]
struct Answered {
    record: ResponseRecord,
    /// Who made the apology.
    #[serde(skip)]
    by: String,
    #[serde(skip)]
    apology: Apology,
    /// The answer this one replaces, if any.
    #[serde(skip)]
    previous: Option<Response>,
}

impl Output for Answered {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "Saved {}'s answer to apology {} from {}, for {}: {}.",
            sanitize::line(&self.record.partner),
            self.apology.id,
            sanitize::line(&self.by),
            dates::in_words(self.record.date),
            self.record.status.describe()
        )?;
        if let Some(previous) = &self.previous {
            writeln!(
                out,
                "It replaces the earlier answer ({}, {}); both stay in the journal.",
                previous.answer.describe(),
                dates::in_words(previous.date)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(accept: bool, need_time: bool, decline: bool) -> RespondArgs {
        RespondArgs {
            id: "1".into(),
            accept,
            need_time,
            decline,
            note: None,
            date: None,
        }
    }

    #[test]
    fn exactly_one_answer() {
        assert_eq!(
            chosen_answer(&args(false, true, false)).unwrap(),
            Answer::NeedTime
        );
        assert_eq!(
            chosen_answer(&args(false, false, false))
                .unwrap_err()
                .to_string(),
            "choose one answer: --accept, --need-time or --decline"
        );
        let err = chosen_answer(&args(true, false, true))
            .unwrap_err()
            .to_string();
        assert!(err.contains("(got --accept and --decline)"), "{err}");
    }
}
