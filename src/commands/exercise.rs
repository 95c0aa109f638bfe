//! `rekindle exercise`: three guided exercises. Talking a hard moment through afterwards
//! (`incident`), a trigger plan (`trigger`), and requests from the partner who was hurt
//! (`request`), which the other partner can turn into promises with
//! `rekindle promise add --request ID`.

use std::io::Write;

use clap::Subcommand;
use serde::Serialize;

use crate::bail_user;
use crate::commands::common::other_name;
use crate::commands::context::{CardReason, Context};
use crate::domain::dates;
use crate::domain::exercise::{self, Exercise, INCIDENT_OPENING, REQUEST_OPENING, TRIGGER_OPENING};
use crate::domain::input::{OPTIONAL, nonblank};
use crate::domain::model::{Partner, Role};
use crate::flows;
use crate::store;
use crate::store::exercises::{ExerciseRow, Texts};
use crate::text::{prose, sanitize};
use crate::views::Output;
use crate::views::history;
use crate::views::json::{self, Names, Record};

/// Guided exercises: a hard moment talked through, a trigger plan, requests.
///
/// Each is saved like any entry: `history`, `show exercise ID`, `edit`, `delete` and `undo`
/// work on it, and your partner can read it. In a terminal each asks its questions one at
/// a time; from a script, give the parts as flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Talk a hard moment through afterwards: feelings, your view, triggers, your part, one idea.
    ///
    /// This is for one hard moment between you (an argument, a cold evening), once you are
    /// both calm. Each of you writes your own side. It is never a way to weigh who is to
    /// blame for the betrayal: that hurt and its repair belong elsewhere, and nothing here
    /// balances it.
    #[command(
        after_help = "Examples:\n  rekindle exercise incident --as Sam          # guided, in a terminal\n  rekindle exercise incident --as Alex --what \"Saturday at dinner\" --felt hurt"
    )]
    Incident(IncidentArgs),
    /// Add to the trigger plan: what sets off the hurt, what helps, what the repairing partner does.
    ///
    /// The plan is shown with the focus (`rekindle focus`, and `rekindle` on its own). The
    /// partner who was hurt writes it; when roles are mutual or not chosen yet, either of you
    /// can.
    #[command(
        after_help = "Examples:\n  rekindle exercise trigger --as Alex          # guided, in a terminal\n  rekindle exercise trigger --as Alex --what \"a late reply\" --helps \"a call\""
    )]
    Trigger(TriggerArgs),
    /// Ask for one specific thing that would help you trust again.
    ///
    /// The partner who was hurt writes it; when roles are mutual or not chosen yet, either of
    /// you can. The other partner can turn it into a promise: rekindle promise add --request
    /// ID.
    #[command(
        after_help = "Examples:\n  rekindle exercise request --as Alex          # guided, in a terminal\n  rekindle exercise request --as Alex --what \"Call when plans change\"\n  rekindle promise add --as Sam --request 3 --every day"
    )]
    Request(RequestArgs),
    /// List the exercises, newest first (the trigger plan, requests, hard moments)
    #[command(
        after_help = "Examples:\n  rekindle exercise list\n  rekindle exercise list --type request --json"
    )]
    List {
        /// Only this exercise: incident, trigger or request
        #[arg(long = "type", value_name = "EXERCISE")]
        exercise: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
pub struct IncidentArgs {
    /// Which moment it is about, in a few words
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub what: Option<String>,
    /// How you felt then (feelings, not what the other did)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub felt: Option<String>,
    /// How it looked from where you stood
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub view: Option<String>,
    /// What it touched in you: an old hurt or fear that made it bigger
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub triggers: Option<String>,
    /// Your own part in how this moment went (only this moment)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub own_part: Option<String>,
    /// One idea for the next time a moment like this comes
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub plan: Option<String>,
    /// The day it is written for [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct TriggerArgs {
    /// What sets off the hurt
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub what: Option<String>,
    /// What helps when it comes
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub helps: Option<String>,
    /// What the partner repairing trust does then
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub repair: Option<String>,
    /// The day it is written for [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct RequestArgs {
    /// The specific thing that would help, something that can be seen to happen
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub what: Option<String>,
    /// The day it is written for [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    match args.action {
        Action::Incident(a) => {
            let given = [
                ("what", a.what),
                ("felt", a.felt),
                ("view", a.view),
                ("triggers", a.triggers),
                ("own_part", a.own_part),
                ("plan", a.plan),
            ];
            add(ctx, Exercise::Incident, &given, a.date.as_deref())
        }
        Action::Trigger(a) => {
            let given = [("what", a.what), ("helps", a.helps), ("repair", a.repair)];
            add(ctx, Exercise::Trigger, &given, a.date.as_deref())
        }
        Action::Request(a) => add(
            ctx,
            Exercise::Request,
            &[("what", a.what)],
            a.date.as_deref(),
        ),
        Action::List { exercise } => list(ctx, exercise.as_deref()),
    }
}

/// Saves one exercise: the flags checked, the partner's role checked, the rest asked in a
/// terminal, the safety card when the words call for it, then one write.
fn add(
    ctx: &mut Context,
    exercise: Exercise,
    given: &[(&'static str, Option<String>)],
    date: Option<&str>,
) -> anyhow::Result<()> {
    let (texts, flagged) = flags(exercise, given)?;
    let date = match date {
        Some(d) => ctx.past_date("--date", d, "an exercise")?,
        None => ctx.today,
    };
    let mut store = ctx.open()?;
    let me = ctx.acting_partner(&store)?;
    may_write(exercise, &me)?;
    let other = other_name(&store, &me)?;
    let texts = if flagged.contains(&"what") {
        texts
    } else {
        let Some(p) = ctx.prompter() else {
            bail_user!("{}", needs_flags(exercise));
        };
        flows::exercise::ask_parts(p, exercise, opening(exercise), &texts, &flagged, &other)?
    };
    if exercise::calls_for_card(texts.felt.as_deref(), texts.all()) {
        ctx.show_safety_card(CardReason::Written);
    }
    let clock = store.clock();
    let row = store.write(|tx| {
        let stamp = store::clock::stamp(tx, &clock, Some(me.id))?;
        Ok(store::exercises::insert(
            tx, &stamp, exercise, me.id, date, &texts,
        )?)
    })?;
    let names = Names::load(store.conn())?;
    ctx.emit(&Saved {
        record: json::exercise(&row, &names),
        row: &row,
        other: &other,
    })
}

/// The parts given as flags, each checked as text: (the texts, which fields were given).
fn flags(
    exercise: Exercise,
    given: &[(&'static str, Option<String>)],
) -> anyhow::Result<(Texts, Vec<&'static str>)> {
    let mut texts = Texts::default();
    let mut flagged = Vec::new();
    for (field, value) in given {
        let Some(value) = value else { continue };
        let flag = exercise
            .parts()
            .iter()
            .find(|p| p.field == *field)
            .map_or("--what", |p| p.flag);
        if *field == "what" {
            nonblank(flag, value, "name it in a few words")?;
        } else {
            nonblank(flag, value, OPTIONAL)?;
        }
        texts.set(field, Some(value.trim().to_string()));
        flagged.push(*field);
    }
    if !flagged.is_empty() && !flagged.contains(&"what") {
        let about = match exercise {
            Exercise::Incident => "which moment this is about",
            Exercise::Trigger => "what sets off the hurt",
            Exercise::Request => "what would help",
        };
        bail_user!("--what is needed when other parts are given: it says {about}");
    }
    Ok((texts, flagged))
}

/// Requests and the trigger plan are the hurt partner's to write.
fn may_write(exercise: Exercise, me: &Partner) -> anyhow::Result<()> {
    if me.role != Role::Repairing || exercise == Exercise::Incident {
        return Ok(());
    }
    let name = sanitize::line(&me.name);
    match exercise {
        Exercise::Request => bail_user!(
            "requests are written by the partner who was hurt, and {name} is repairing trust; to offer something yourself, make a promise with `rekindle promise add`, or turn one of their requests into one with `rekindle promise add --request ID`"
        ),
        _ => bail_user!(
            "the trigger plan is written by the partner who was hurt, and {name} is repairing trust; your part is in it, under what the repairing partner does (`rekindle exercise list --type trigger`)"
        ),
    }
}

fn opening(exercise: Exercise) -> &'static str {
    match exercise {
        Exercise::Incident => INCIDENT_OPENING,
        Exercise::Trigger => TRIGGER_OPENING,
        Exercise::Request => REQUEST_OPENING,
    }
}

/// What to pass when there is no terminal to ask in.
fn needs_flags(exercise: Exercise) -> String {
    let parts = exercise.parts();
    let rest: Vec<String> = parts[1..].iter().map(|p| p.flag.to_string()).collect();
    let also = if rest.is_empty() {
        String::new()
    } else {
        format!(", and any of {}", prose::or_list(&rest))
    };
    format!(
        "exercise {exercise} asks its questions in a terminal; without one, pass {}{also}, e.g. rekindle exercise {exercise} {} \"...\"",
        parts[0].flag, parts[0].flag
    )
}

/// The exercise as saved; the JSON is its record.
#[derive(Serialize)]
#[serde(transparent)]
struct Saved<'a> {
    record: json::ExerciseRecord,
    #[serde(skip)]
    row: &'a ExerciseRow,
    #[serde(skip)]
    other: &'a str,
}

impl Output for Saved<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let row = self.row;
        writeln!(
            out,
            "Saved exercise {}, a {}, for {}.",
            row.id,
            row.exercise.label(),
            dates::in_words(row.date)
        )?;
        history::entry(out, &Record::Exercise(self.record.clone()), None)?;
        let other = sanitize::line(self.other);
        let hint = match row.exercise {
            Exercise::Incident => format!(
                "{other} can write their own side of the same moment: rekindle exercise incident --as {}",
                prose::shell_word(&other)
            ),
            Exercise::Trigger => {
                "It is shown with the focus: rekindle focus, or rekindle on its own.".to_string()
            }
            Exercise::Request => format!(
                "{other} can turn it into a promise: rekindle promise add --as {} --request {}",
                prose::shell_word(&other),
                row.id
            ),
        };
        writeln!(out, "{}", prose::paragraph(&hint, 0))?;
        Ok(())
    }
}

/// `exercise list`: the exercises, newest first, as the timeline shows them.
fn list(ctx: &mut Context, exercise: Option<&str>) -> anyhow::Result<()> {
    let only: Option<Exercise> = match exercise {
        Some(text) => Some(text.parse().map_err(crate::domain::error::UserError::new)?),
        None => None,
    };
    let store = ctx.open()?;
    let names = Names::load(store.conn())?;
    let mut rows = Vec::new();
    for e in Exercise::ALL {
        if only.is_none_or(|o| o == e) {
            rows.extend(store::exercises::of_type(store.conn(), e)?);
        }
    }
    rows.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    let mut records = Vec::with_capacity(rows.len());
    for row in &rows {
        let edited = store::revisions::edited(
            store.conn(),
            crate::domain::kind::RecordKind::Exercise,
            &row.uuid,
        )?;
        let mut record = json::exercise(row, &names);
        record.edited = edited;
        records.push(record);
    }
    ctx.emit(&Listed { records, only })
}

#[derive(Serialize)]
#[serde(transparent)]
struct Listed {
    records: Vec<json::ExerciseRecord>,
    #[serde(skip)]
    only: Option<Exercise>,
}

impl Output for Listed {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.records.is_empty() {
            let what = match self.only {
                Some(Exercise::Incident) => "No hard moment has been talked through here yet.",
                Some(Exercise::Trigger) => "The trigger plan is empty so far.",
                Some(Exercise::Request) => "No request has been written yet.",
                None => "No exercise has been written yet.",
            };
            writeln!(
                out,
                "{what} Start one with: rekindle exercise incident, trigger or request."
            )?;
            return Ok(());
        }
        let mut day = None;
        for record in &self.records {
            if day != Some(record.date) {
                writeln!(out, "{}", dates::in_words(record.date))?;
                day = Some(record.date);
            }
            history::entry(out, &Record::Exercise(record.clone()), None)?;
        }
        Ok(())
    }
}
