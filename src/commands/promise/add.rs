//! `rekindle promise add`: a promise to your partner, one-time or recurring.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::bail_user;
use crate::commands::common::other_partner;
use crate::commands::context::{Context, find_partner};
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::exercise::Exercise;
use crate::domain::input::{nonblank, parse_id};
use crate::domain::model::Partner;
use crate::domain::recurrence::{self, Rule};
use crate::flows::promise::{Known, ask_promise};
use crate::store::exercises::{self, ExerciseRow};
use crate::store::promises::{self, NewPromise, Promise};
use crate::text::{prose, sanitize};
use crate::views::Output;
use crate::views::json::{self, Names, PromiseRecord};
use crate::views::promise::schedule_phrase;

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// What you promise, in your own words (asked for in a terminal when left out)
    #[arg(allow_hyphen_values = true)]
    pub text: Option<String>,

    /// Who the promise is to [default: your partner]
    #[arg(long, value_name = "NAME")]
    pub to: Option<String>,

    /// When the promise starts [default: today]; an earlier date logs a promise made before
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// A one-time promise's due date, or a recurring promise's last date
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,

    /// Make it recurring: day, weekday (Monday to Friday), week, or days such as mon,thu
    #[arg(long, value_name = "WHEN")]
    pub every: Option<String>,

    /// Make the promise from your partner's request ID (`rekindle exercise list --type
    /// request`); its words are the promise's unless you give your own
    #[arg(long, value_name = "ID", allow_hyphen_values = true)]
    pub request: Option<String>,
}

/// When a promise is in force, and how often it falls due.
struct When {
    from: NaiveDate,
    due: Option<NaiveDate>,
    every: Option<Rule>,
}

pub fn run(ctx: &mut Context, args: AddArgs) -> anyhow::Result<()> {
    let request = match &args.request {
        Some(id) => Some(parse_id("--request", id)?),
        None => None,
    };
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let partners = crate::store::partners::all(store.conn())?;
    let asked = match request {
        Some(id) => Some(requested(store.conn(), id, &me, &partners)?),
        None => None,
    };
    let to = match &asked {
        Some(row) if args.to.is_none() => partners
            .iter()
            .find(|p| p.id == row.partner_id)
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("request {} has no author", row.id))?,
        _ => recipient(&partners, &me, args.to.as_deref())?,
    };
    if let Some(row) = asked.as_ref().filter(|row| row.partner_id != to.id) {
        bail_user!(
            "request {} is {}'s, so the promise goes to them; leave out --to",
            row.id,
            sanitize::line(&to_name(&partners, row.partner_id))
        );
    }
    let (text, when) = match (&args.text, &asked) {
        (None, Some(row)) => (row.texts.what.clone(), when(ctx, &args)?),
        (Some(given), _) => (
            nonblank(
                "the promise's text",
                given,
                "say what you promise in a few words",
            )?
            .to_string(),
            when(ctx, &args)?,
        ),
        (None, None) => guided(ctx, &args, &me, &to)?,
    };
    if crate::domain::safety::calls_for_card_in_words(&text) {
        ctx.show_safety_card(crate::commands::context::CardReason::Written);
    }
    let clock = store.clock();
    let promise = store.write(|tx| {
        let stamp = crate::store::clock::stamp(tx, &clock, Some(me.id))?;
        // Read again under the write lock: the request may have become a promise meanwhile.
        let asked = match request {
            Some(id) => Some(requested(tx, id, &me, &partners)?),
            None => None,
        };
        let promise = promises::insert(
            tx,
            &stamp,
            &NewPromise {
                by_id: me.id,
                to_id: Some(to.id),
                from: when.from,
                text: &text,
                due: when.due,
                every: when.every,
            },
        )?;
        if let Some(row) = asked {
            exercises::link_promise(tx, &stamp, row.id, promise.id)?;
        }
        Ok(promise)
    })?;
    ctx.emit(&Added {
        record: json::promise(&promise, &Names::new(&partners)),
        promise: &promise,
        today: ctx.today,
    })
}

/// The promise asked for in a terminal: its words, then from when, how often and until when,
/// leaving out what the flags already say; checked as the flags are.
fn guided(
    ctx: &mut Context,
    args: &AddArgs,
    me: &Partner,
    to: &Partner,
) -> anyhow::Result<(String, When)> {
    let flags = when(ctx, args)?;
    let known = Known {
        from: args.from.as_ref().map(|_| flags.from),
        every: args.every.as_ref().map(|_| flags.every),
        due: flags.due,
    };
    let today = ctx.today;
    let Some(prompter) = ctx.prompter() else {
        bail_user!(
            "promise add needs the promise itself, e.g. rekindle promise add \"Text you if I'll be late\""
        );
    };
    let guided = ask_promise(prompter, &me.name, &to.name, &known, today)?;
    let args = AddArgs {
        text: Some(guided.text.clone()),
        to: None,
        from: Some(guided.from.to_string()),
        due: guided.due.map(|d| d.to_string()),
        every: guided.every.map(|r| r.to_string()),
        request: None,
    };
    Ok((guided.text, when(ctx, &args)?))
}

/// The request a promise is made from: a request, by the other partner, not yet a promise.
fn requested(
    conn: &rusqlite::Connection,
    id: i64,
    me: &Partner,
    partners: &[Partner],
) -> anyhow::Result<ExerciseRow> {
    let Some(row) = exercises::get(conn, id)? else {
        bail_user!("there is no request {id}; `rekindle exercise list --type request` lists them");
    };
    if row.exercise != Exercise::Request {
        bail_user!(
            "exercise {id} is a {}, not a request; `rekindle exercise list --type request` lists the requests",
            row.exercise.label()
        );
    }
    if row.partner_id == me.id {
        bail_user!(
            "request {id} is your own; it becomes a promise when {} makes it one",
            sanitize::line(&other_partner(partners, me)?.name)
        );
    }
    if let Some(promise) = row.promise_id {
        bail_user!("request {id} is already promise {promise}; `rekindle promise list` shows it");
    }
    Ok(row)
}

fn to_name(partners: &[Partner], id: i64) -> String {
    partners
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| "your partner".to_string(), |p| p.name.clone())
}

/// Who the promise is to: `--to`, which cannot be oneself, or the other partner.
fn recipient(partners: &[Partner], me: &Partner, to: Option<&str>) -> anyhow::Result<Partner> {
    let Some(name) = to else {
        return Ok(other_partner(partners, me)?.clone());
    };
    let to = find_partner(partners, name)?;
    if to.id == me.id {
        bail_user!(
            "--to \"{}\" is you; a promise is made to your partner, {}",
            sanitize::line(name.trim()),
            sanitize::line(&other_partner(partners, me)?.name)
        );
    }
    Ok(to.clone())
}

/// `--from`, `--every` and `--due`, checked against each other: a due date is not before the
/// start, and a recurring promise has at least one date before it ends.
fn when(ctx: &Context, args: &AddArgs) -> anyhow::Result<When> {
    let from = match &args.from {
        Some(value) => ctx.date("--from", value)?,
        None => ctx.today,
    };
    let every: Option<Rule> = match &args.every {
        Some(value) => Some(value.parse().map_err(UserError::new)?),
        None => None,
    };
    let due = match &args.due {
        Some(value) => Some(ctx.date_ahead("--due", value)?),
        None => None,
    };
    recurrence::check_schedule(from, due, every).map_err(UserError::new)?;
    Ok(When { from, due, every })
}

/// The promise as saved; the JSON is its record.
#[derive(Serialize)]
#[serde(transparent)]
struct Added<'a> {
    record: PromiseRecord,
    #[serde(skip)]
    promise: &'a Promise,
    #[serde(skip)]
    today: NaiveDate,
}

impl Output for Added<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let (promise, record) = (self.promise, &self.record);
        writeln!(
            out,
            "Saved promise {} from {} to {}, in force from {}:",
            promise.id,
            sanitize::line(&record.partner),
            sanitize::line(record.to.as_deref().unwrap_or("")),
            dates::in_words(promise.from)
        )?;
        writeln!(out, "  {}", sanitize::line(&promise.text))?;
        writeln!(out, "  {}", schedule_phrase(promise, self.today))?;
        let hint = format!(
            "Either of you can record how it goes: rekindle promise keep {0} (or miss {0}{1}).",
            promise.id,
            if promise.every.is_some() {
                format!(", or skip {} for a day that is excused", promise.id)
            } else {
                String::new()
            }
        );
        writeln!(out, "{}", prose::paragraph(&hint, 0))?;
        Ok(())
    }
}
