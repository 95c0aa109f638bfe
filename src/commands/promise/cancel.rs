//! `rekindle promise cancel`: a promise no longer in force; what was recorded for it stays.

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::refuse_if_closed;
use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::input::parse_id;
use crate::store::promises::{self, Promise, Status};
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json::{self, Names, PromiseRecord};

pub fn run(ctx: &mut Context, id_text: &str) -> anyhow::Result<()> {
    let id = parse_id("promise", id_text)?;
    let mut store = ctx.open()?;
    let Some(promise) = promises::get(store.conn(), id)? else {
        bail_user!("there is no promise {id}; `rekindle promise list --all` shows them all");
    };
    refuse_to_cancel_again(&promise)?;
    refuse_if_closed(&promise)?;
    if let Some(prompter) = ctx.prompter() {
        let question = format!(
            "Cancel promise {id}, \"{}\"?\nWhat was recorded for it stays",
            crate::text::prose::shown(&sanitize::line(&promise.text), 40)
        );
        if !prompter.confirm(&question, false)? {
            // Declining is an answer, not a failure: said in words, whatever the output mode.
            writeln!(ctx.out(), "Left promise {id} as it was.")?;
            return Ok(());
        }
    }
    let today = ctx.today;
    let clock = store.clock();
    let canceller = ctx.named_partner(&store)?;
    if let Some(partner) = &canceller {
        ctx.prove(&store, partner)?;
    }
    let canceller = canceller.map(|p| p.id);
    let promise = store.write(|tx| {
        // Read again inside the transaction: the other partner may have closed it meanwhile.
        let current = promises::get(tx, id)?.ok_or_else(|| {
            UserError::new(format!(
                "there is no promise {id}; it was removed meanwhile"
            ))
        })?;
        refuse_to_cancel_again(&current)?;
        refuse_if_closed(&current)?;
        let stamp = crate::store::clock::stamp(tx, &clock, canceller.or(Some(current.by_id)))?;
        Ok(promises::close(
            tx,
            &stamp,
            id,
            Status::Cancelled,
            Some(today),
        )?)
    })?;
    let names = Names::load(store.conn())?;
    ctx.emit(&Cancelled {
        record: json::promise(&promise, &names),
        promise: &promise,
        today,
    })
}

/// A second `promise cancel` says so, rather than speaking of outcomes.
fn refuse_to_cancel_again(promise: &Promise) -> Result<(), UserError> {
    if promise.status != Status::Cancelled {
        return Ok(());
    }
    let when = promise
        .closed_on
        .map(|d| format!(" (since {})", dates::in_words(d)))
        .unwrap_or_default();
    Err(UserError::new(format!(
        "promise {} is already cancelled{when}; nothing changed",
        promise.id
    )))
}

/// The promise as cancelled; the JSON is its record.
#[derive(Serialize)]
#[serde(transparent)]
struct Cancelled<'a> {
    record: PromiseRecord,
    #[serde(skip)]
    promise: &'a Promise,
    #[serde(skip)]
    today: NaiveDate,
}

impl Output for Cancelled<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "Cancelled promise {}, \"{}\", on {}. What was recorded for it stays in the journal.",
            self.promise.id,
            sanitize::line(&self.promise.text),
            dates::in_words(self.today)
        )?;
        Ok(())
    }
}
