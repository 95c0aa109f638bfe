//! A bare `rekindle`: today at a glance for the acting partner (who has checked in, their
//! prompt, promises to record, apologies waiting for them, the focus, and the one next step);
//! without a known partner, what is shared and how to say who you are; without a journal, how
//! to start. It never asks anything and always exits 0 when it can read the journal.

use chrono::NaiveDate;

use crate::commands::context::Context;
use crate::domain::model::Partner;
use crate::domain::recurrence::Plan;
use crate::store::{self, StoreError};
use crate::text::prose::{or_list, shell_word};
use crate::views::exercise::plan;
use crate::views::today::{
    CheckedIn, FocusToday, PromptToday, ProposedFocus, ToRecord, Today, Waiting,
};

pub fn run(ctx: &mut Context) -> anyhow::Result<()> {
    let today = ctx.today;
    let store = match ctx.open() {
        Ok(store) => store,
        Err(err)
            if matches!(
                err.downcast_ref::<StoreError>(),
                Some(StoreError::Missing(_))
            ) =>
        {
            return ctx.emit(&no_journal(ctx, today));
        }
        Err(err) => return Err(err),
    };
    let day = store::today::day(store.conn(), today)?;
    // The acting partner as every command knows them: `--as`, `REKINDLE_AS`, else whose
    // computer this is.
    let me = crate::commands::common::reader(ctx, &store)?;
    let name = |id: i64| {
        day.partners
            .iter()
            .find(|p| p.id == id)
            .map_or_else(String::new, |p| p.name.clone())
    };
    let step = store::focus::step_on(store.conn(), today)?;
    let journey = ctx.journey();
    let guide = journey.step(step);
    let proposed = store::focus::waiting(store.conn())?.map(|w| {
        let by = w.partner_id.map(&name).unwrap_or_default();
        let waits_for = day
            .partners
            .iter()
            .find(|p| Some(p.id) != w.partner_id)
            .map_or_else(String::new, |p| p.name.clone());
        ProposedFocus {
            by,
            step: w.step.id().to_string(),
            number: w.step.number(),
            title: journey.step(w.step).title.clone(),
            waits_for,
        }
    });
    let prompt = me.as_ref().and_then(|me| {
        journey
            .prompt_for(step, me.role, today)
            .map(|p| PromptToday {
                prompt_id: p.id.clone(),
                text: p.text.clone(),
            })
    });
    let promises_to_record: Vec<ToRecord> = day
        .open_promises
        .iter()
        .filter_map(|p| {
            let recorded = day.recorded.contains(&p.id);
            let why = match p.plan() {
                plan @ Plan::Recurring(_) if plan.today_pending(recorded, today) => "today",
                Plan::Once { due: Some(due), .. } if due <= today => "due",
                _ => return None,
            };
            Some(ToRecord {
                id: p.id,
                by: name(p.by_id),
                text: p.text.clone(),
                why,
            })
        })
        .collect();
    let apologies_waiting: Vec<Waiting> = day
        .unanswered
        .iter()
        .filter(|(_, _, to, _)| me.as_ref().is_none_or(|me| me.id == *to))
        .map(|&(id, by, to, date)| Waiting {
            id,
            by: name(by),
            to: name(to),
            date,
        })
        .collect();
    let checked_in: Vec<CheckedIn> = day
        .partners
        .iter()
        .map(|p| CheckedIn {
            partner: p.name.clone(),
            done: day.checked_in.contains(&p.id),
        })
        .collect();
    let (next, next_why) = next_step(
        me.as_ref(),
        &day.partners,
        &checked_in,
        &promises_to_record,
        &apologies_waiting,
    );
    ctx.emit(&Today {
        date: today,
        journal: true,
        partner: me.map(|p| p.name),
        focus: Some(FocusToday {
            step: step.id().to_string(),
            number: step.number(),
            title: guide.title.clone(),
            proposed,
        }),
        checked_in,
        prompt,
        promises_to_record,
        apologies_waiting,
        trigger_plan: plan(&store::exercises::trigger_plan(store.conn(), today)?),
        next,
        next_why,
    })
}

fn no_journal(ctx: &Context, today: NaiveDate) -> Today {
    Today {
        date: today,
        journal: false,
        partner: None,
        focus: None,
        checked_in: vec![],
        prompt: None,
        promises_to_record: vec![],
        apologies_waiting: vec![],
        trigger_plan: vec![],
        next: "rekindle checkin".into(),
        next_why: format!(
            "There is no journal yet at {}. Start with your first check-in; in a terminal it \
             sets the journal up first and asks for your two names (or run rekindle init \
             --partner A --partner B).",
            crate::text::sanitize::line(&ctx.journal.display().to_string())
        ),
    }
}

/// The one next step: the acting partner's check-in, then an answer they owe, then a
/// promise to record, then their partner's check-in; without an acting partner, how to say
/// who you are.
fn next_step(
    me: Option<&Partner>,
    partners: &[Partner],
    checked_in: &[CheckedIn],
    to_record: &[ToRecord],
    waiting: &[Waiting],
) -> (String, String) {
    let done = |name: &str| checked_in.iter().any(|c| c.partner == name && c.done);
    let Some(me) = me else {
        let names: Vec<String> = partners.iter().map(|p| p.name.clone()).collect();
        let first = names.first().cloned().unwrap_or_default();
        return (
            format!("rekindle --as {}", shell_word(&first)),
            format!(
                "Say who you are to see your own prompt and what waits for you: add --as with \
                 {}, or set REKINDLE_AS once in your shell.",
                or_list(&names.iter().map(|n| shell_word(n)).collect::<Vec<_>>())
            ),
        );
    };
    let as_me = shell_word(&me.name);
    if !done(&me.name) {
        return (
            format!("rekindle checkin --as {as_me}"),
            "Next, your check-in for today:".into(),
        );
    }
    if let Some(a) = waiting.first() {
        return (
            format!("rekindle apology respond {} --as {as_me} --need-time", a.id),
            format!(
                "Next, when you are ready, an answer to {}'s apology (--accept, --need-time or \
                 --decline; rekindle apology list shows it in full):",
                a.by
            ),
        );
    }
    if let Some(p) = to_record.first() {
        return (
            format!("rekindle promise keep {} --as {as_me}", p.id),
            format!(
                "Next, how promise {} went today (keep, miss, or skip for a day that is excused):",
                p.id
            ),
        );
    }
    if let Some(other) = partners.iter().find(|p| p.id != me.id && !done(&p.name)) {
        return (
            format!("rekindle checkin --as {}", shell_word(&other.name)),
            format!(
                "You have checked in today. {} can check in with:",
                other.name
            ),
        );
    }
    (
        "rekindle progress".into(),
        "You have both checked in today. To see how things are going:".into(),
    )
}
