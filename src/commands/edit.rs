//! `rekindle edit KIND ID`: change a record you wrote, keeping the version before.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::apology_check;
use crate::domain::authorship::{Change, may_change};
use crate::domain::checkin::{self, Given};
use crate::domain::dates;
use crate::domain::edit::{self, Changes};
use crate::domain::error::{Cancelled, UserError};
use crate::domain::exchange::Body;
use crate::domain::exercise::Exercise;
use crate::domain::feelings::{self, Parsed};
use crate::domain::input::{nonblank, parse_id};
use crate::domain::kind::RecordKind;
use crate::domain::model::Partner;
use crate::flows;
use crate::flows::checkin::Guidance;
use crate::flows::conflict::Choice;
use crate::flows::edit::Field;
use crate::store::records::{self, Current};
use crate::store::revisions::{self, Action};
use crate::store::{self, Store};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::apology::finding_block;
use crate::views::json::{self, Names, Record};

/// Change something you wrote: a check-in's parts, a feeling, a promise's words and
/// schedule, an outcome's note, an apology, an answer's note, your part of a meeting, a note
/// (a private one stays private).
///
/// The version before is kept, the timeline marks the record "edited", and `rekindle show
/// KIND ID` lists every earlier version. To take back words you regret writing, add
/// --forget-previous: the earlier words of what you change are removed from the earlier
/// versions, and the record shows that words were withdrawn. Without flags, in a terminal,
/// each part is offered as it is now. A text given as "" is removed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The kind of record: checkin, feeling, promise, outcome, apology, response, meeting, exercise, note
    #[arg(value_name = "KIND")]
    pub kind: String,

    /// Its number, as `history` and the lists show it
    #[arg(value_name = "ID", allow_hyphen_values = true)]
    pub id: String,

    /// A check-in's trust, 1 to 10
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub trust: Option<String>,

    /// A check-in's connection, 1 to 10
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub connection: Option<String>,

    /// A check-in's feelings, WORD[:N], repeated (they replace the saved ones; none for none)
    #[arg(long = "feeling", value_name = "WORD[:N]")]
    pub feelings: Vec<String>,

    /// A check-in's answer to its prompt
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub answer: Option<String>,

    /// A check-in's appreciation, or your appreciation in a meeting
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub appreciation: Option<String>,

    /// A check-in's need
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub need: Option<String>,

    /// The note of a check-in, a feeling, an outcome or an answer
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,

    /// A feeling's word, WORD or WORD:N
    #[arg(long, value_name = "WORD[:N]")]
    pub word: Option<String>,

    /// A feeling's strength, 1 to 5
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub intensity: Option<String>,

    /// A promise's words, or a note's
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub text: Option<String>,

    /// A promise's due date (or its last date, when recurring); none for none
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,

    /// How often a promise repeats: day, weekday, week, days such as mon,thu; once for once
    #[arg(long, value_name = "WHEN")]
    pub every: Option<String>,

    /// An apology's "what happened", or an exercise's first part (the moment, what sets the
    /// hurt off, what would help)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub what: Option<String>,

    /// A hard moment's "how I felt"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub felt: Option<String>,

    /// A hard moment's "how I saw it"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub view: Option<String>,

    /// A hard moment's "what it touched"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub triggers: Option<String>,

    /// A hard moment's "my part in it"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub own_part: Option<String>,

    /// A hard moment's "one idea for next time"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub plan: Option<String>,

    /// A trigger plan entry's "what helps"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub helps: Option<String>,

    /// A trigger plan entry's "what the repairing partner does"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub repair: Option<String>,

    /// An apology's "how it affected you"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub impact: Option<String>,

    /// An apology's "what I take responsibility for"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub responsibility: Option<String>,

    /// An apology's "what will change"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub change: Option<String>,

    /// A meeting's "what went well"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub went_well: Option<String>,

    /// A meeting's "one thing to work on"
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub work_on: Option<String>,

    /// Your request in a meeting
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub request: Option<String>,

    /// Also take the earlier words of what you change out of the earlier versions (the
    /// record still shows that it changed, and that words were withdrawn)
    #[arg(long)]
    pub forget_previous: bool,

    /// Save an apology even when the apology check finds something in it
    #[arg(long)]
    pub as_written: bool,
}

/// Optional text: "" removes it.
fn optional(value: &Option<String>) -> Option<Option<String>> {
    checkin::text_flag(value.as_ref())
}

fn required(flag: &str, value: &Option<String>) -> Result<Option<String>, UserError> {
    value
        .as_deref()
        .map(|v| nonblank(flag, v, "this part cannot be left out").map(str::to_string))
        .transpose()
}

/// Every flag parsed and checked on its own, before anything is opened.
fn changes_from(ctx: &Context, args: &Args) -> anyhow::Result<Changes> {
    let scale = |flag: &str, value: &Option<String>, max: u8| {
        value
            .as_deref()
            .map(|v| checkin::parse_scale(flag, v, max))
            .transpose()
    };
    let word = match &args.word {
        Some(text) => match feelings::parse(std::slice::from_ref(text))? {
            Parsed::Words(mut words) if words.len() == 1 => words.pop(),
            _ => bail_user!(
                "--word takes one feeling, such as hopeful or hurt:4 (got \"{}\")",
                sanitize::line(text)
            ),
        },
        None => None,
    };
    let due = match args.due.as_deref() {
        Some("none") => Some(None),
        Some(text) => Some(Some(ctx.date("--due", text)?)),
        None => None,
    };
    let every = match args.every.as_deref() {
        Some("once") => Some(None),
        Some(text) => Some(Some(text.parse().map_err(UserError::new)?)),
        None => None,
    };
    Ok(Changes {
        checkin: Given {
            trust: scale("--trust", &args.trust, 10)?,
            connection: scale("--connection", &args.connection, 10)?,
            feelings: checkin::feelings_flag(&args.feelings)?,
            answer: optional(&args.answer),
            appreciation: optional(&args.appreciation),
            need: optional(&args.need),
            note: optional(&args.note),
        },
        word,
        intensity: scale("--intensity", &args.intensity, 5)?,
        note: optional(&args.note),
        text: required("--text", &args.text)?,
        due,
        every,
        what: required("--what", &args.what)?,
        impact: optional(&args.impact),
        responsibility: required("--responsibility", &args.responsibility)?,
        change: optional(&args.change),
        went_well: optional(&args.went_well),
        work_on: optional(&args.work_on),
        appreciation: optional(&args.appreciation),
        request: optional(&args.request),
        parts: [
            ("felt", &args.felt),
            ("view", &args.view),
            ("triggers", &args.triggers),
            ("own_part", &args.own_part),
            ("plan", &args.plan),
            ("helps", &args.helps),
            ("repair", &args.repair),
        ]
        .into_iter()
        .filter_map(|(field, value)| optional(value).map(|v| (field, v)))
        .collect(),
    })
}

/// What an edit did.
enum Outcome {
    Edited {
        before: Box<Body>,
        after: Box<Body>,
        forgot: Vec<String>,
    },
    Unchanged,
    /// The apology check found something in the new words: nothing was saved.
    Held(apology_check::Report),
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let kind = RecordKind::in_timeline(&args.kind).map_err(UserError::new)?;
    let id = parse_id(kind.as_str(), &args.id)?;
    let changes = changes_from(ctx, &args)?;
    if !changes.is_empty() {
        edit::fits(kind, &changes)?;
    }
    let mut store = ctx.open()?;
    let me = ctx.author(&store)?;
    let found = find(&store, &me, kind, id)?;
    // A private note's words, opened with its author's key: what the change is made to.
    let open = opened(ctx, &store, &me, &found)?;
    let options = Saving {
        forget: args.forget_previous,
        as_written: args.as_written,
    };
    let outcome = if !changes.is_empty() {
        let clock = store.clock();
        store.write(|tx| {
            // Read again under the write lock: the change applies to what is there now.
            let current = current(tx, &me, kind, id)?;
            if current.body.hlc() != found.body.hlc() && open != found.body {
                bail_user!(
                    "{} {id} was changed meanwhile; nothing was saved",
                    kind.label().0
                );
            }
            let open = if open != found.body {
                open.clone()
            } else {
                current.body.clone()
            };
            let next = edit::apply(&open, &changes, &me.uuid)?;
            save(tx, &clock, &me, &current, &open, next, options)
        })?
    } else if ctx.interactive() {
        guided(ctx, &mut store, &me, found, open, options)?
    } else {
        bail_user!(
            "edit needs a change when there is no terminal to ask in; {} takes {} (\"\" removes a text)",
            kind.one(),
            prose::or_list(
                &edit::flags_for(kind)
                    .iter()
                    .map(|f| f.to_string())
                    .collect::<Vec<_>>()
            )
        );
    };
    if matches!(&outcome, Outcome::Edited { forgot, .. } if !forgot.is_empty()) {
        // The withdrawn words leave the write-ahead log too.
        store.checkpoint();
    }
    let names = Names::load(store.conn())?;
    let record = match store::history::load_one(store.conn(), kind, id)? {
        Some(entry) => {
            let uuid = revisions::uuid_of(store.conn(), kind, id)?;
            json::record_of(
                &entry,
                revisions::edited(store.conn(), kind, &uuid)?,
                &names,
            )
        }
        None => bail_user!("{} {id} was deleted meanwhile", kind.one()),
    };
    let held = matches!(outcome, Outcome::Held(_));
    let care = !held && calls_for_card(&serde_json::to_value(&record)?);
    ctx.emit(&Edited {
        record,
        outcome,
        kind,
        id,
    })?;
    if held {
        bail_user!(
            "the apology check found something in the new words, so nothing was saved; change them, or add --as-written to save them as they are"
        );
    }
    if care {
        ctx.show_safety_card(crate::commands::context::CardReason::Written);
    }
    Ok(())
}

/// Whether the record as edited calls for the safety card: a feeling that does (a danger
/// word, or hopelessness at 4 or more), or any of its texts speaking of dying or self-harm.
fn calls_for_card(record: &serde_json::Value) -> bool {
    use crate::domain::safety;
    fn texts<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match value {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| texts(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    texts(record, &mut all);
    let feelings = match record.get("feelings").and_then(|f| f.as_array()) {
        Some(list) => list.iter().collect(),
        None if record.get("kind").and_then(|k| k.as_str()) == Some("feeling") => vec![record],
        None => Vec::new(),
    };
    let strong = feelings.iter().any(|f| {
        let word = f.get("word").and_then(|w| w.as_str()).unwrap_or_default();
        let intensity = f
            .get("intensity")
            .and_then(|n| n.as_u64())
            .and_then(|n| u8::try_from(n).ok());
        safety::feeling_shows_card(word, intensity)
    });
    let felt = match record.get("kind").and_then(|k| k.as_str()) {
        Some("exercise") => record.get("felt").and_then(|f| f.as_str()),
        _ => None,
    };
    strong
        || crate::domain::exercise::calls_for_card(felt, [])
        || all.into_iter().any(safety::calls_for_card_in_words)
}

#[derive(Clone, Copy)]
struct Saving {
    forget: bool,
    as_written: bool,
}

/// The record, which must be there and be the acting partner's to change.
fn current(
    conn: &rusqlite::Connection,
    me: &Partner,
    kind: RecordKind,
    id: i64,
) -> anyhow::Result<Current> {
    let Some(current) = records::current(conn, kind, id)? else {
        crate::commands::common::refuse_a_checkins_feeling(conn, kind, id, "edit")?;
        bail_user!(
            "there is no {} {id}; `rekindle history --kind {}` lists them",
            kind.label().0,
            kind.as_str()
        );
    };
    may_change(me, &records::facts(conn, kind, id)?, Change::Edit)?;
    if let Body::Feeling(f) = &current.body
        && f.private
    {
        // Its word is encrypted; an edit would write the new one in the clear.
        bail_user!(
            "feeling {id} is private; share it first with rekindle reveal feeling {id}, or delete it and note it again with rekindle feel --private"
        );
    }
    Ok(current)
}

fn find(store: &Store, me: &Partner, kind: RecordKind, id: i64) -> anyhow::Result<Current> {
    // A focus change is not edited (the refusal says what to do instead).
    edit::fits(kind, &Changes::default())?;
    current(store.conn(), me, kind, id)
}

/// Writes the next version, unless it says what the record says already (or, for an
/// apology, the check has findings and --as-written was not given).
fn save(
    tx: &rusqlite::Connection,
    clock: &store::clock::Clock,
    me: &Partner,
    current: &Current,
    open: &Body,
    next: Body,
    options: Saving,
) -> anyhow::Result<Outcome> {
    // A private note is compared in the clear (its ciphertext differs at every encryption),
    // then its new words are encrypted.
    if next.content() == open.content() {
        return Ok(Outcome::Unchanged);
    }
    let private_checkin = private_words_of(tx, current)?.is_some();
    // Private words that change: `--forget-previous` takes their earlier ciphertext back.
    let private_words_changed = private_checkin && words_in(open) != words_in(&next);
    let (next, words) = sealed(tx, me, next, private_checkin)?;
    if let (Body::Apology(a), false) = (&next, options.as_written) {
        let words = [
            Some(a.what.as_str()),
            a.impact.as_deref(),
            Some(a.responsibility.as_str()),
            a.change.as_deref(),
        ];
        let text: Vec<&str> = words.into_iter().flatten().collect();
        let report = apology_check::check_parts(&text.join("\n"));
        if !report.findings.is_empty() {
            return Ok(Outcome::Held(report));
        }
    }
    let stamp = store::clock::stamp(tx, clock, Some(me.id))?;
    let after = records::replace(tx, &stamp, current, &next, Action::Edit)?;
    // A private check-in's words, encrypted again (or none left).
    match words {
        Some(Some(ciphertext)) => store::checkins::set_private(tx, current.id, &ciphertext)?,
        Some(None) => store::checkins::clear_private(tx, current.id)?,
        None => {}
    }
    let forgot = if options.forget {
        let mut fields = edit::changed_text(&current.body, &after);
        if private_words_changed {
            fields.push("ciphertext".to_string());
        }
        revisions::withdraw(tx, &stamp, current.kind, &current.uuid, &fields)?;
        fields
    } else {
        Vec::new()
    };
    Ok(Outcome::Edited {
        before: Box::new(current.body.clone()),
        after: Box::new(after),
        forgot,
    })
}

/// In a terminal with no flags: each part offered as it is now. The stamp it started from is
/// compared when saving; if someone changed the record meanwhile, both are shown and asked.
fn guided(
    ctx: &mut Context,
    store: &mut Store,
    me: &Partner,
    found: Current,
    open: Body,
    options: Saving,
) -> anyhow::Result<Outcome> {
    let next = ask(ctx, store, me, &found, &open)?;
    let clock = store.clock();
    let found_body = found.body.clone();
    let mut expected = found;
    loop {
        let (kind, id) = (expected.kind, expected.id);
        let attempt = store.write(|tx| {
            let now = current(tx, me, kind, id)?;
            if now.body.hlc() != expected.body.hlc() {
                return Ok(Err(now));
            }
            let open = if now.body == found_body {
                open.clone()
            } else {
                now.body.clone()
            };
            save(tx, &clock, me, &now, &open, next.clone(), options).map(Ok)
        })?;
        match attempt {
            Ok(outcome) => return Ok(outcome),
            Err(now) => {
                let what = format!("{} {id}", kind.label().0);
                let theirs = version_in_words(store, &now.body)?;
                let mine = version_in_words(store, &next)?;
                let Some(p) = ctx.prompter() else {
                    bail_user!("{what} was changed meanwhile; nothing was saved");
                };
                match flows::conflict::resolve(p, &what, &theirs, &mine)? {
                    Choice::SaveMine => expected = now,
                    Choice::KeepTheirs => {
                        writeln!(
                            ctx.out(),
                            "Kept the version saved meanwhile. What you wrote was not saved; here it is:\n{mine}"
                        )?;
                        return Err(Cancelled.into());
                    }
                }
            }
        }
    }
}

/// A version in words, as the timeline would show it.
fn version_in_words(store: &Store, body: &Body) -> anyhow::Result<String> {
    let names = Names::load(store.conn())?;
    let mut out = Vec::new();
    if let Some(entry) = records::entry_of(store.conn(), 0, body)? {
        crate::views::history::entry(&mut out, &json::record(&entry, &names), None)?;
    }
    Ok(String::from_utf8_lossy(&out).trim_end().to_string())
}

/// The guided questions for the record's kind; returns its next version.
fn ask(
    ctx: &mut Context,
    store: &Store,
    me: &Partner,
    found: &Current,
    open: &Body,
) -> anyhow::Result<Body> {
    let what = format!("{} {}", found.kind.label().0, found.id);
    match open {
        Body::Checkin(c, feelings) => {
            let journey = ctx.journey();
            let before = edit::draft_of(c, feelings);
            let date = chrono::NaiveDate::parse_from_str(&c.date, "%Y-%m-%d").unwrap_or(ctx.today);
            let step = c.step.parse().unwrap_or_default();
            let prompt = c
                .prompt_id
                .as_deref()
                .and_then(|id| journey.find_prompt(id))
                .cloned();
            let partners = store::partners::all(store.conn())?;
            let other = crate::domain::model::other_partner(&partners, me)
                .map_or_else(|| "your partner".to_string(), |p| p.name.clone());
            let today = ctx.today;
            let Some(p) = ctx.prompter() else {
                bail_user!("edit needs a terminal to ask in");
            };
            let guidance = Guidance {
                date,
                today,
                partner: &me.name,
                other: &other,
                role: me.role,
                guide: journey.step(step),
                prompt: prompt.as_ref(),
                before: Some(&before),
                privacy: flows::checkin::Privacy::Shared,
            };
            let draft = flows::checkin::ask(
                p,
                Given::default(),
                &guidance,
                flows::checkin::Options::ALONE,
            )?
            .draft;
            Ok(edit::with_draft(open, &draft))
        }
        _ => {
            let body = open;
            let fields = fields_of(body, me);
            let Some(p) = ctx.prompter() else {
                bail_user!("edit needs a terminal to ask in");
            };
            let answers = flows::edit::ask(p, &what, &fields)?;
            Ok(with_answers(body, me, &answers))
        }
    }
}

/// The texts a guided edit offers, for each kind.
fn fields_of(body: &Body, me: &Partner) -> Vec<Field> {
    let field = |label: &str, value: &Option<String>, required: bool| Field {
        label: label.to_string(),
        value: value.clone(),
        required,
    };
    match body {
        Body::Feeling(f) => vec![
            field("The feeling", &Some(f.word.clone()), true),
            field("Note", &f.note, false),
        ],
        Body::Promise(p) => vec![field("What you promise", &Some(p.text.clone()), true)],
        Body::Outcome(o) => vec![field("Note", &o.note, false)],
        Body::Response(r) => vec![field("Note", &r.note, false)],
        Body::Apology(a) => vec![
            field("What happened", &Some(a.what.clone()), true),
            field("How it affected them", &a.impact, false),
            field(
                "What you take responsibility for",
                &Some(a.responsibility.clone()),
                true,
            ),
            field("What will change", &a.change, false),
        ],
        Body::Meeting(m) => {
            let mine = m.parts.iter().find(|p| p.partner_uuid == me.uuid);
            let mut fields = vec![
                field("What went well", &m.went_well, false),
                field("One thing to work on", &m.work_on, false),
            ];
            if let Some(part) = mine {
                fields.push(field("What you appreciate", &part.appreciation, false));
                fields.push(field("What you asked for", &part.request, false));
            }
            fields
        }
        Body::Exercise(e) => match e.exercise.parse::<Exercise>() {
            Ok(exercise) => {
                let value = serde_json::to_value(e).unwrap_or_default();
                exercise
                    .parts()
                    .iter()
                    .map(|p| {
                        let now = value.get(p.field).and_then(|v| v.as_str());
                        field(p.label, &now.map(str::to_string), p.field == "what")
                    })
                    .collect()
            }
            Err(_) => Vec::new(),
        },
        Body::Note(n) => vec![field("The note", &n.text, true)],
        Body::Checkin(..) | Body::Partner(_) | Body::Focus(_) => Vec::new(),
    }
}

/// The version with the guided answers, in the order [`fields_of`] asked them.
fn with_answers(body: &Body, me: &Partner, answers: &[Option<String>]) -> Body {
    let mut next = body.clone();
    let text = |i: usize| answers.get(i).cloned().flatten();
    match &mut next {
        Body::Feeling(f) => {
            if let Some(word) = text(0) {
                f.word = word;
            }
            f.note = text(1);
        }
        Body::Promise(p) => {
            if let Some(t) = text(0) {
                p.text = t;
            }
        }
        Body::Outcome(o) => o.note = text(0),
        Body::Response(r) => r.note = text(0),
        Body::Apology(a) => {
            if let Some(t) = text(0) {
                a.what = t;
            }
            a.impact = text(1);
            if let Some(t) = text(2) {
                a.responsibility = t;
            }
            a.change = text(3);
        }
        Body::Meeting(m) => {
            m.went_well = text(0);
            m.work_on = text(1);
            if let Some(part) = m.parts.iter_mut().find(|p| p.partner_uuid == me.uuid) {
                part.appreciation = text(2);
                part.request = text(3);
            }
        }
        Body::Exercise(e) => {
            if let Ok(exercise) = e.exercise.parse::<Exercise>() {
                for (i, part) in exercise.parts().iter().enumerate() {
                    let value = text(i);
                    match part.field {
                        "what" => {
                            if let Some(t) = value {
                                e.what = t;
                            }
                        }
                        "felt" => e.felt = value,
                        "view" => e.view = value,
                        "triggers" => e.triggers = value,
                        "own_part" => e.own_part = value,
                        "plan" => e.plan = value,
                        "helps" => e.helps = value,
                        "repair" => e.repair = value,
                        _ => {}
                    }
                }
            }
        }
        Body::Note(n) => {
            if let Some(t) = text(0) {
                n.text = Some(t);
            }
        }
        Body::Checkin(..) | Body::Partner(_) | Body::Focus(_) => {}
    }
    next
}

/// A check-in version's words, to tell whether private ones changed.
fn words_in(body: &Body) -> Option<[Option<String>; 4]> {
    match body {
        Body::Checkin(c, _) => Some([
            c.answer.clone(),
            c.appreciation.clone(),
            c.need.clone(),
            c.note.clone(),
        ]),
        _ => None,
    }
}

/// A check-in's private words (their ciphertext), when it has any.
fn private_words_of(
    conn: &rusqlite::Connection,
    current: &Current,
) -> anyhow::Result<Option<Vec<u8>>> {
    if current.kind != RecordKind::Checkin {
        return Ok(None);
    }
    Ok(store::checkins::privacy(conn, &[current.id])?
        .remove(&current.id)
        .and_then(|p| p.private))
}

/// A private note's or check-in's version with its words in the clear, for its author to
/// change them (a guided edit offers them as they are).
fn opened(
    ctx: &mut Context,
    store: &Store,
    me: &Partner,
    current: &Current,
) -> anyhow::Result<Body> {
    let body = &current.body;
    if let Body::Checkin(c, feelings) = body {
        let Some(ciphertext) = private_words_of(store.conn(), current)? else {
            return Ok(body.clone());
        };
        let Some(identity) = ctx.identity(store, me)? else {
            bail_user!(
                "{} has no passphrase, so the private words of this check-in cannot be read",
                sanitize::line(&me.name)
            );
        };
        let words = identity
            .decrypt(&ciphertext)
            .ok()
            .and_then(|b| crate::domain::private::PrivateWords::from_bytes(&b))
            .ok_or_else(|| {
                UserError::new("the private words of this check-in cannot be read with this key")
            })?;
        let mut open = c.clone();
        open.answer = words.answer;
        open.appreciation = words.appreciation;
        open.need = words.need;
        open.note = words.note;
        return Ok(Body::Checkin(open, feelings.clone()));
    }
    let Body::Note(n) = body else {
        return Ok(body.clone());
    };
    if !n.private {
        return Ok(body.clone());
    }
    let Some(ciphertext) = n.ciphertext.as_deref().and_then(|c| {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.decode(c).ok()
    }) else {
        bail_user!(
            "the words of this private note are not in this journal (only its stub came here), so they cannot be changed here"
        );
    };
    let Some(identity) = ctx.identity(store, me)? else {
        bail_user!(
            "{} has no passphrase, so this private note cannot be read",
            sanitize::line(&me.name)
        );
    };
    let words = identity
        .decrypt(&ciphertext)
        .ok()
        .and_then(|b| crate::domain::private::PrivateNote::from_bytes(&b))
        .ok_or_else(|| UserError::new("this private note cannot be read with this key"))?;
    let mut open = n.clone();
    open.text = Some(words.text);
    Ok(Body::Note(open))
}

/// A private note's next version with its new words encrypted to its author before anything
/// is written: `text` stays empty and `ciphertext` holds them. For a check-in whose words are
/// private (`private_checkin`), its words are taken out of the version and returned encrypted
/// (`Some(None)` when none are left), for the caller to store beside it.
#[allow(clippy::type_complexity)]
fn sealed(
    conn: &rusqlite::Connection,
    me: &Partner,
    next: Body,
    private_checkin: bool,
) -> anyhow::Result<(Body, Option<Option<Vec<u8>>>)> {
    if let (Body::Checkin(mut c, feelings), true) = (next.clone(), private_checkin) {
        let words = crate::domain::private::PrivateWords {
            answer: c.answer.take(),
            appreciation: c.appreciation.take(),
            need: c.need.take(),
            note: c.note.take(),
        };
        let ciphertext = if words.is_empty() {
            None
        } else {
            Some(crate::commands::common::encrypt_to_own_key(
                conn,
                me,
                &words.to_bytes(),
            )?)
        };
        return Ok((Body::Checkin(c, feelings), Some(ciphertext)));
    }
    let Body::Note(mut n) = next else {
        return Ok((next, None));
    };
    if n.private
        && let Some(text) = n.text.take()
    {
        use base64::Engine as _;
        let plain = crate::domain::private::PrivateNote { text }.to_bytes();
        let ciphertext = crate::commands::common::encrypt_to_own_key(conn, me, &plain)?;
        n.ciphertext = Some(base64::engine::general_purpose::STANDARD.encode(ciphertext));
    }
    Ok((Body::Note(n), None))
}

/// The record after the edit; the JSON is its record.
#[derive(Serialize)]
#[serde(transparent)]
struct Edited {
    record: Record,
    #[serde(skip)]
    outcome: Outcome,
    #[serde(skip)]
    kind: RecordKind,
    #[serde(skip)]
    id: i64,
}

impl Output for Edited {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let whose = match &self.record {
            Record::Meeting(_) => "your".to_string(),
            _ => format!("{}'s", sanitize::line(&partner_of(&self.record))),
        };
        let what = format!(
            "{whose} {} {} for {}",
            self.kind.label().0,
            self.id,
            dates::in_words(self.record.date())
        );
        match &self.outcome {
            Outcome::Unchanged => writeln!(out, "Nothing changed in {what}.")?,
            Outcome::Held(report) => {
                writeln!(
                    out,
                    "The apology check noticed something you may want to change first:"
                )?;
                for f in &report.findings {
                    writeln!(out, "{}", finding_block(f))?;
                }
            }
            Outcome::Edited {
                before,
                after,
                forgot,
            } => {
                let changes = edit::changes_in_words(before, after);
                writeln!(out, "Edited {what}: {}.", prose::and_list(&changes))?;
                let show = format!("rekindle show {} {}", self.kind.as_str(), self.id);
                let said = if forgot.is_empty() {
                    format!(
                        "The version before is kept, and the timeline marks it edited; `{show}` lists every version."
                    )
                } else {
                    let fields: Vec<String> =
                        forgot.iter().map(|f| edit::field_in_words(f)).collect();
                    format!(
                        "Its earlier versions no longer hold what the {} said before: those words were withdrawn, and the earlier versions say so; `{show}` lists them.",
                        prose::and_list(&fields)
                    )
                };
                writeln!(out, "{}", prose::paragraph(&said, 0))?;
            }
        }
        Ok(())
    }
}

/// Whose a record is, as its JSON names them.
fn partner_of(record: &Record) -> String {
    match serde_json::to_value(record) {
        Ok(v) => v
            .get("partner")
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string(),
        Err(_) => String::new(),
    }
}
