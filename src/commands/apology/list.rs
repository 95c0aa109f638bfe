//! `rekindle apology list`: the apologies, each with its current answer.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::dates;
use crate::store::apologies::{self, Answer};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::Names;

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
    /// The day its author withdrew it, if they did.
    pub withdrawn_on: Option<NaiveDate>,
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
            withdrawn_on: a.withdrawn_on,
        })
        .collect())
}

/// The apologies; the JSON is the list.
#[derive(Serialize)]
#[serde(transparent)]
struct List(Vec<ListItem>);

pub fn run(ctx: &mut Context) -> anyhow::Result<()> {
    let store = ctx.open()?;
    ctx.emit(&List(list_items(store.conn())?))
}

impl Output for List {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        if self.0.is_empty() {
            writeln!(out, "No apologies yet.")?;
            writeln!(
                out,
                "When one of you is ready, `rekindle apology add` walks you through writing one."
            )?;
            return Ok(());
        }
        for (i, item) in self.0.iter().enumerate() {
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
            let withdrawn = item
                .withdrawn_on
                .map(|d| format!(" · withdrawn on {}", d.format("%a %-d %b %Y")))
                .unwrap_or_default();
            writeln!(
                out,
                "{}  {} to {}, {} · {answer}{withdrawn}",
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
}
