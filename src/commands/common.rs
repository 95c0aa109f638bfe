//! Steps several commands share, so that no command imports another (jj's `cli_util`).

use anyhow::Context as _;
use chrono::Days;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::checkin::{self, Draft};
use crate::domain::dates::{self, in_words};
use crate::domain::error::UserError;
use crate::domain::feelings::FeelingEntry;
use crate::domain::input::whole_number;
use crate::domain::model::{self, Partner, Step};
use crate::domain::progress::{self, Window};
use crate::flows::couple::Couple;
use crate::store::checkins::{Checkin, CheckinFields};
use crate::store::feelings::NewFeeling;
use crate::store::{self, Store};
use crate::text::sanitize;
use crate::views::json::{self, CheckinRecord};

/// The partner who is not `me`, for a promise or an apology made to them.
pub fn other_partner<'a>(partners: &'a [Partner], me: &Partner) -> anyhow::Result<&'a Partner> {
    model::other_partner(partners, me)
        .ok_or_else(|| anyhow::anyhow!("the journal has only one partner; it needs two"))
}

/// Creates the journal with the couple in it and the focus on the first step.
pub fn create_journal(ctx: &Context, couple: &Couple) -> anyhow::Result<(Store, Vec<Partner>)> {
    let today = ctx.today;
    Store::create(&ctx.journal, |tx| {
        let mut partners = Vec::new();
        for (i, name) in couple.names.iter().enumerate() {
            partners.push(store::partners::insert(tx, name, couple.role_of(i))?);
        }
        store::focus::record(tx, Step::Responsibility, today, None)?;
        Ok(partners)
    })
}

/// The weeks to look at, shared by `progress` and `report`.
#[derive(Debug, clap::Args)]
pub struct WindowArgs {
    /// How many weeks to show, 1 to 520 (each week starts on Monday)
    #[arg(long, value_name = "N", default_value_t = progress::DEFAULT_WEEKS,
          allow_hyphen_values = true,
          value_parser = WholeNumber::new(1, progress::MAX_WEEKS))]
    pub weeks: u32,

    /// The last day to include [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,
}

impl WindowArgs {
    /// The window these flags name; `--until` cannot be in the future, and the first week
    /// cannot start before the earliest date rekindle accepts (1970-01-01).
    pub fn window(&self, ctx: &Context) -> anyhow::Result<Window> {
        let until = match &self.until {
            Some(text) => ctx.past_date("--until", text, "--until")?,
            None => ctx.today,
        };
        let window = Window::new(until, self.weeks);
        if window.from < dates::EARLIEST {
            let text = self.until.as_deref().unwrap_or("today");
            // The first Monday on or after the earliest date, then the rest of the weeks.
            let first_monday = dates::week_start(dates::EARLIEST + Days::new(6));
            let earliest_until = first_monday + Days::new(7 * u64::from(window.weeks - 1));
            let fewer = if dates::week_start(until) >= dates::EARLIEST {
                ", or fewer --weeks"
            } else {
                ""
            };
            return Err(UserError::new(format!(
                "--until {:?}: with --weeks {} the first week would start on {}, before {}, \
                 the earliest date accepted; give --until {} or later{fewer}",
                sanitize::line(text),
                window.weeks,
                in_words(window.from),
                dates::EARLIEST,
                earliest_until,
            ))
            .into());
        }
        Ok(window)
    }
}

/// A saved check-in as a [`Draft`], to start a replacement from.
pub fn saved_draft(store: &Store, checkin: &Checkin) -> anyhow::Result<Draft> {
    let feelings = store::feelings::for_checkin(store.conn(), checkin.id)?
        .iter()
        .map(FeelingEntry::from)
        .collect();
    let f = &checkin.fields;
    Ok(Draft {
        trust: f.trust,
        connection: f.connection,
        feelings,
        answer: f.answer.clone(),
        appreciation: f.appreciation.clone(),
        need: f.need.clone(),
        note: f.note.clone(),
        prompt_shown: false,
    })
}

/// Writes a check-in (inserting it, or replacing `existing` in place) and its feelings.
/// `existing` was read before the transaction began; another rekindle command may have saved
/// this day's check-in since (while this one was being typed, say), so it is read again here,
/// under the write lock, and a check-in that appeared meanwhile is never overwritten unasked.
pub fn save_checkin(
    tx: &rusqlite::Connection,
    partner: &Partner,
    date: chrono::NaiveDate,
    step: Step,
    prompt_id: Option<String>,
    draft: &Draft,
    existing: Option<&Checkin>,
) -> anyhow::Result<CheckinRecord> {
    let fields = CheckinFields {
        trust: draft.trust,
        connection: draft.connection,
        step,
        prompt_id,
        answer: draft.answer.clone(),
        appreciation: draft.appreciation.clone(),
        need: draft.need.clone(),
        note: draft.note.clone(),
    };
    let current = store::checkins::find(tx, partner.id, date)?;
    if existing.is_none() && current.is_some() {
        bail_user!(
            "{} checked in for {} from another rekindle command while this one was being written, so this one was not saved; pass --amend to replace that check-in",
            partner.name,
            dates::in_words(date)
        );
    }
    if let (Some(old), Some(_)) = (&current, existing) {
        // Replacing a check-in with what it already says writes nothing, so its `updated_at`
        // (which decides which version an import keeps) stays as it was.
        let saved = store::feelings::for_checkin(tx, old.id)?;
        let saved_entries: Vec<FeelingEntry> = saved.iter().map(FeelingEntry::from).collect();
        if old.fields == fields && checkin::same_feelings(&saved_entries, &draft.feelings) {
            return Ok(json::checkin_record(old, &partner.name, &saved));
        }
    }
    let checkin = match &current {
        Some(old) => store::checkins::replace(tx, old, &fields),
        None => store::checkins::insert(tx, partner.id, date, &fields),
    }
    .context("saving the check-in")?;
    let now = store::timestamp();
    let mut feelings = Vec::new();
    for FeelingEntry { word, intensity } in &draft.feelings {
        feelings.push(store::feelings::insert_at(
            tx,
            &NewFeeling {
                partner_id: partner.id,
                checkin_id: Some(checkin.id),
                date,
                word,
                intensity: *intensity,
                note: None,
            },
            &now,
        )?);
    }
    Ok(json::checkin_record(&checkin, &partner.name, &feelings))
}

/// A value parser that takes text as it is (the command checks it in its own words, in any
/// case) and tells shell completion the values it accepts: step ids, kinds of record.
#[derive(Debug, Clone, Copy)]
pub struct Offered(pub fn() -> Vec<&'static str>);

/// The step ids, for completion.
pub fn step_ids() -> Vec<&'static str> {
    crate::domain::model::Step::ALL
        .iter()
        .map(|s| s.id())
        .collect()
}

/// The kinds in the timeline, for completion.
pub fn timeline_kinds() -> Vec<&'static str> {
    crate::domain::kind::RecordKind::TIMELINE
        .iter()
        .map(|k| k.as_str())
        .collect()
}

impl clap::builder::TypedValueParser for Offered {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// A clap value parser for [`whole_number`], so a number flag is refused in rekindle's own
/// words rather than clap's ("0 is not in 1..=520").
#[derive(Debug, Clone, Copy)]
pub struct WholeNumber {
    pub min: u32,
    pub max: u32,
}

impl WholeNumber {
    pub const fn new(min: u32, max: u32) -> Self {
        WholeNumber { min, max }
    }
}

impl clap::builder::TypedValueParser for WholeNumber {
    type Value = u32;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<u32, clap::Error> {
        let what = arg
            .and_then(|a| a.get_long().map(|l| format!("--{l}")))
            .unwrap_or_else(|| "the number".to_string());
        whole_number(&what, &value.to_string_lossy(), self.min, self.max).map_err(|e| {
            clap::Error::raw(clap::error::ErrorKind::ValueValidation, e.to_string()).with_cmd(cmd)
        })
    }
}
