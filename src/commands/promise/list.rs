//! `rekindle promise list`: the promises, with how each is going.

use std::collections::HashSet;
use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::recurrence::{self, Rule};
use crate::store::promises::{self, Status, Tally};
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::Names;
use crate::views::promise::{short_date, tally_phrase, unrecorded};

/// One promise in `promise list --json`.
#[derive(Debug, Serialize)]
pub struct ListItem {
    pub id: i64,
    pub by: String,
    pub to: Option<String>,
    pub text: String,
    pub from: NaiveDate,
    pub due: Option<NaiveDate>,
    pub every: Option<String>,
    pub status: Status,
    pub closed_on: Option<NaiveDate>,
    pub kept: u64,
    pub missed: u64,
    pub skipped: u64,
    /// Dates of a recurring promise before today with nothing recorded: neither kept, missed
    /// nor skipped.
    pub unrecorded: u64,
    pub keeping_rate: Option<f64>,
    pub overdue: bool,
    pub today_pending: bool,
}

/// The list, computed from the journal: pure apart from the two queries.
pub fn list_items(
    conn: &rusqlite::Connection,
    all: bool,
    today: NaiveDate,
) -> anyhow::Result<Vec<ListItem>> {
    let list = promises::list(conn, all)?;
    let ids: Vec<i64> = list.iter().map(|p| p.id).collect();
    let tallies = promises::tallies(conn, &ids)?;
    let recorded_today: HashSet<i64> = promises::recorded_on(conn, today)?.into_iter().collect();
    let recorded_before = match today.pred_opt() {
        Some(yesterday) => promises::recorded_through(conn, yesterday)?,
        None => Default::default(),
    };
    let names = Names::load(conn)?;
    Ok(list
        .into_iter()
        .map(|p| {
            let tally = tallies.get(&p.id).copied().unwrap_or_default();
            let plan = p.plan();
            let open = p.status == Status::Open;
            ListItem {
                id: p.id,
                by: names.of(p.by_id),
                to: p.to_id.map(|id| names.of(id)),
                from: p.from,
                due: p.due,
                every: p.every.map(|r| r.to_string()),
                status: p.status,
                closed_on: p.closed_on,
                kept: tally.kept,
                missed: tally.missed,
                skipped: tally.skipped,
                unrecorded: unrecorded(&p, recorded_before.get(&p.id).copied().unwrap_or(0), today),
                keeping_rate: recurrence::keeping_rate(tally.kept, tally.missed)
                    .map(recurrence::round2),
                overdue: open && plan.overdue(false, today),
                today_pending: open && plan.today_pending(recorded_today.contains(&p.id), today),
                text: p.text,
            }
        })
        .collect())
}

/// The list; the JSON is the items.
#[derive(Serialize)]
#[serde(transparent)]
struct List {
    items: Vec<ListItem>,
    /// `--all`: also the kept, missed and cancelled ones.
    #[serde(skip)]
    all: bool,
    #[serde(skip)]
    today: NaiveDate,
}

pub fn run(ctx: &mut Context, all: bool) -> anyhow::Result<()> {
    let store = ctx.open()?;
    let items = list_items(store.conn(), all, ctx.today)?;
    ctx.emit(&List {
        items,
        all,
        today: ctx.today,
    })
}

impl Output for List {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.items.is_empty() {
            if self.all {
                writeln!(out, "No promises yet.")?;
            } else {
                writeln!(out, "No open promises.")?;
            }
            writeln!(
                out,
                "Make one with: rekindle promise add \"a small thing you will do\""
            )?;
            return Ok(());
        }
        let width = self
            .items
            .iter()
            .map(|i| i.id.to_string().len())
            .max()
            .unwrap_or(1);
        for item in &self.items {
            let to = item
                .to
                .as_deref()
                .map(|t| format!(" to {}", sanitize::line(t)))
                .unwrap_or_default();
            writeln!(
                out,
                "{:>width$}  {}{to}: {}",
                item.id,
                sanitize::line(&item.by),
                sanitize::line(&item.text)
            )?;
            writeln!(out, "{:width$}  {}", "", item_details(item, self.today))?;
        }
        Ok(())
    }
}

fn item_details(item: &ListItem, today: NaiveDate) -> String {
    let mut parts = Vec::new();
    let recurring = item.every.is_some();
    match (&item.every, item.due) {
        (Some(every), until) => {
            let rule: Option<Rule> = every.parse().ok();
            let mut phrase = rule
                .map(|r| r.describe(item.from))
                .unwrap_or_else(|| format!("every {every}"));
            let start = if item.from > today {
                "starting"
            } else {
                "from"
            };
            phrase.push_str(&format!(" {start} {}", short_date(item.from)));
            if let Some(until) = until {
                phrase.push_str(&format!(" until {}", short_date(until)));
            }
            parts.push(phrase);
        }
        (None, Some(due)) => parts.push(format!("once, due {}", short_date(due))),
        (None, None) => parts.push("once".to_string()),
    }
    if !recurring && item.from > today {
        parts.push(format!("starting {}", short_date(item.from)));
    }
    match (item.status, item.closed_on) {
        (Status::Open, _) => {}
        (status, Some(on)) => parts.push(format!("{} {}", status.as_str(), short_date(on))),
        (status, None) => parts.push(status.as_str().to_string()),
    }
    if recurring {
        parts.push(tally_phrase(
            &Tally {
                kept: item.kept,
                missed: item.missed,
                skipped: item.skipped,
            },
            item.unrecorded,
        ));
    }
    if item.overdue {
        parts.push("overdue".to_string());
    }
    if item.today_pending {
        parts.push("today still to record".to_string());
    }
    parts.join(" · ")
}
