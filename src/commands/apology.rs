//! `rekindle apology`: structured apologies, the other partner's answers, and the apology
//! check. Writing one (with its guided flow) lives in `apology/add.rs`, the check's command
//! in `apology/check.rs`.

mod add;
mod check;

use std::io::Write as _;

use chrono::NaiveDate;
use clap::Subcommand;
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::input::{OPTIONAL, nonblank, parse_id};
use crate::store::apologies::{self, Answer};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::json::{self, Names};

pub use add::AddArgs;
pub use check::CheckArgs;

/// Write an apology, answer one, or check a draft.
///
/// An apology that helps owns what you did, names how it affected your partner, and offers
/// to make it right. Without a subcommand, lists the apologies and their answers.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Write an apology to your partner (in a terminal, a guided flow asks for each part)
    Add(AddArgs),
    /// Answer your partner's apology: accept it, say you need time, or decline it for now
    Respond(RespondArgs),
    /// List the apologies and their current answers
    List,
    /// Check a draft for excuses and other ways an apology can go wrong (nothing is saved)
    Check(CheckArgs),
}

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

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    match args.action {
        None | Some(Action::List) => list(ctx),
        Some(Action::Add(a)) => add::run(ctx, a),
        Some(Action::Respond(a)) => respond(ctx, a),
        Some(Action::Check(a)) => check::run(ctx, a),
    }
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

fn respond(ctx: &mut Context, args: RespondArgs) -> anyhow::Result<()> {
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
    let me = ctx.acting_partner(&store)?;
    let names = Names::load(store.conn())?;
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
        if date < apology.date {
            bail_user!(
                "--date {} is before the apology was made ({}); an answer comes after it",
                dates::in_words(date),
                dates::in_words(apology.date)
            );
        }
        let previous = apologies::current_response(tx, id)?;
        let response = apologies::respond(tx, id, me.id, date, answer, note)?;
        Ok((apology, response, previous))
    })?;
    if ctx.json {
        return ctx.print_json(&json::response(&response, &names));
    }
    let mut out = ctx.out();
    writeln!(
        out,
        "Saved {}'s answer to apology {} from {}, for {}: {}.",
        sanitize::line(&me.name),
        apology.id,
        sanitize::line(&names.of(apology.by_id)),
        dates::in_words(date),
        answer.describe()
    )?;
    if let Some(previous) = previous {
        writeln!(
            out,
            "It replaces the earlier answer ({}, {}); both stay in the journal.",
            previous.answer.describe(),
            dates::in_words(previous.date)
        )?;
    }
    Ok(())
}

/// The current answer in `apology list --json`.
#[derive(Debug, Serialize)]
pub struct ResponseItem {
    pub status: Answer,
    pub note: Option<String>,
    pub date: NaiveDate,
}

/// One apology in `apology list --json`.
#[derive(Debug, Serialize)]
pub struct ListItem {
    pub id: i64,
    pub by: String,
    pub to: String,
    pub date: NaiveDate,
    pub what: String,
    pub impact: Option<String>,
    pub responsibility: String,
    pub change: Option<String>,
    pub promise_id: Option<i64>,
    pub response: Option<ResponseItem>,
}

pub fn list_items(conn: &rusqlite::Connection) -> anyhow::Result<Vec<ListItem>> {
    let names = Names::load(conn)?;
    let mut current = apologies::current_responses(conn)?;
    Ok(apologies::all(conn)?
        .into_iter()
        .map(|a| ListItem {
            id: a.id,
            by: names.of(a.by_id),
            to: names.of(a.to_id),
            date: a.date,
            response: current.remove(&a.id).map(|r| ResponseItem {
                status: r.answer,
                note: r.note,
                date: r.date,
            }),
            what: a.what,
            impact: a.impact,
            responsibility: a.responsibility,
            change: a.change,
            promise_id: a.promise_id,
        })
        .collect())
}

fn list(ctx: &mut Context) -> anyhow::Result<()> {
    let store = ctx.open()?;
    let items = list_items(store.conn())?;
    if ctx.json {
        return ctx.print_json(&items);
    }
    let mut out = ctx.out();
    if items.is_empty() {
        writeln!(out, "No apologies yet.")?;
        writeln!(
            out,
            "When one of you is ready, `rekindle apology add` walks you through writing one."
        )?;
        return Ok(());
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let answer = match &item.response {
            None => "not answered yet".to_string(),
            Some(r) => format!(
                "{} ({})",
                r.status.describe(),
                r.date.format("%a %-d %b %Y")
            ),
        };
        writeln!(
            out,
            "{}  {} to {}, {} · {answer}",
            item.id,
            sanitize::line(&item.by),
            sanitize::line(&item.to),
            dates::in_words(item.date)
        )?;
        let mut part = |label: &str, text: &str| -> std::io::Result<()> {
            let body = sanitize::block(text);
            writeln!(out, "{}", prose::paragraph(&format!("{label}: {body}"), 4))
        };
        part("What happened", &item.what)?;
        if let Some(impact) = &item.impact {
            part("How it affected them", impact)?;
        }
        part("Responsibility", &item.responsibility)?;
        if let Some(change) = &item.change {
            match item.promise_id {
                Some(p) => part("Change", &format!("{change} (promise {p})"))?,
                None => part("Change", change)?,
            }
        }
        if let Some(note) = item.response.as_ref().and_then(|r| r.note.as_deref()) {
            part("Their note", note)?;
        }
    }
    Ok(())
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
