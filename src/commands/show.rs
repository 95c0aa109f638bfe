//! `rekindle show KIND ID`: one record, who changed it and when, and every earlier version.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::common::{guard_words, reader};
use crate::commands::context::Context;
use crate::domain::error::UserError;
use crate::domain::exchange::Body;
use crate::domain::hlc::Hlc;
use crate::domain::input::parse_id;
use crate::domain::journey::Journey;
use crate::domain::kind::RecordKind;
use crate::store::{self, records};
use crate::views::Output;
use crate::views::json::{self, Names, Record};
use crate::views::show::{self, Made, Version};

/// Show one record with its history: who changed it and when, and each earlier version.
///
/// KIND is checkin, feeling, promise, outcome, apology, response, focus, meeting, exercise
/// or note; ID is its number, as `history` and the other lists show it. Nothing is ever changed silently: an
/// edit, an amend, an undo or an import that replaced a record keeps the version before.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The kind of record: checkin, feeling, promise, outcome, apology, response, focus, meeting, exercise, note
    #[arg(value_name = "KIND")]
    pub kind: String,

    /// Its number
    #[arg(value_name = "ID", allow_hyphen_values = true)]
    pub id: String,
}

/// A version as `show --json` lists it: who made it, and the record's fields as they were.
#[derive(Serialize)]
struct Earlier {
    #[serde(flatten)]
    made: Made,
    /// Fields whose words were taken back since (`edit --forget-previous`).
    withdrawn: Vec<String>,
    #[serde(flatten)]
    fields: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct Shown {
    #[serde(flatten)]
    record: Record,
    /// Who made the version shown, and when.
    changed: Made,
    /// Earlier versions, oldest first.
    revisions: Vec<Earlier>,
    #[serde(skip)]
    versions: Vec<(Made, Vec<String>, Record)>,
    #[serde(skip)]
    journey: Option<Journey>,
    #[serde(skip)]
    offset: chrono::FixedOffset,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let kind = RecordKind::in_timeline(&args.kind).map_err(UserError::new)?;
    let id = parse_id(kind.as_str(), &args.id)?;
    let store = ctx.open()?;
    let conn = store.conn();
    let Some(current) = records::current(conn, kind, id)? else {
        crate::commands::common::refuse_a_checkins_feeling(conn, kind, id, "show")?;
        bail_user!(
            "there is no {} {id}; `rekindle history --kind {}` lists them (a deleted one is named there, without its words)",
            kind.label().0,
            kind.as_str()
        );
    };
    let names = Names::load(conn)?;
    let here = store::clock::device(conn)?.to_string();
    let made = |body: &Body| -> Made {
        let device = body
            .hlc()
            .parse::<Hlc>()
            .map(|h| h.device.to_string())
            .unwrap_or_default();
        Made {
            shared: false,
            hlc: body.hlc().to_string(),
            at: body.updated_at().to_string(),
            by: body
                .changed_by_uuid()
                .and_then(|u| records::id_of(conn, RecordKind::Partner, u).ok().flatten())
                .map(|id| names.of(id)),
            here: device == here,
            device,
        }
    };
    let entry = store::history::load_one(conn, kind, id)?
        .ok_or_else(|| UserError::new(format!("there is no {} {id}", kind.label().0)))?;
    let earlier = records::revisions_of(conn, kind, id)?;
    let mut record = json::record(&entry, &names);
    // Sharing private words (`reveal`) keeps the private version, but is not an edit.
    let bodies: Vec<&Body> = earlier
        .iter()
        .map(|r| &r.body)
        .chain([&current.body])
        .collect();
    record.set_edited(crate::domain::exchange::edited(&bodies));
    let shared = |i: usize| i > 0 && bodies[i].reveals(bodies[i - 1]);
    // Private and sealed words are shown as in `history`, and then not in earlier versions
    // either.
    let reader = reader(ctx, &store)?.map(|p| p.id);
    let mut one = [record];
    guard_words(conn, &mut one, reader, None)?;
    let [record] = one;
    let hidden = matches!(&record, Record::Checkin(c) if c.private || c.sealed);
    let mut versions = Vec::new();
    for (i, revision) in earlier.iter().enumerate() {
        if let Some(entry) = records::entry_of(conn, id, &revision.body)? {
            let mut made = made(&revision.body);
            made.shared = shared(i);
            // The revision's own row says who made it (the body may name a partner by an
            // uuid this journal no longer uses).
            if let Some(by) = revision.by {
                made.by = Some(names.of(by));
            }
            let mut earlier = json::record(&entry, &names);
            if hidden && let Record::Checkin(c) = &mut earlier {
                c.answer = None;
                c.appreciation = None;
                c.need = None;
                c.note = None;
            }
            versions.push((made, revision.withdrawn.clone(), earlier));
        }
    }
    let mut changed = made(&current.body);
    changed.shared = shared(earlier.len());
    ctx.emit(&Shown {
        changed,
        revisions: versions
            .iter()
            .map(|(made, withdrawn, record)| Earlier {
                made: made.clone(),
                withdrawn: withdrawn.clone(),
                fields: fields(record),
            })
            .collect(),
        record,
        versions,
        journey: ctx.journey_for_words(),
        offset: ctx.offset,
    })
}

/// A record's fields as they were, without what identifies the record today.
fn fields(record: &Record) -> serde_json::Map<String, serde_json::Value> {
    let mut map = match serde_json::to_value(record) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    for key in ["kind", "id", "edited"] {
        map.shift_remove(key);
    }
    map
}

impl Output for Shown {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let versions: Vec<Version<'_>> = self
            .versions
            .iter()
            .map(|(made, withdrawn, record)| Version {
                made,
                withdrawn,
                record,
            })
            .collect();
        writeln!(
            out,
            "{}",
            console::style(crate::domain::dates::in_words(self.record.date())).bold()
        )?;
        show::render(
            out,
            &self.record,
            &self.changed,
            &versions,
            self.journey.as_ref(),
            self.offset,
        )?;
        Ok(())
    }
}
