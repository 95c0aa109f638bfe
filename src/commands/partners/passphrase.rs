//! `rekindle partners passphrase [NAME]`: set, change or remove a partner's passphrase.
//!
//! Setting one makes the partner a key pair and stores its secret half wrapped under the
//! passphrase; changing it wraps the same key again (private words stay readable); removing
//! it deletes the key, and with it, for good, the private words only that key could read
//! (asked first). Set by the other partner, it is recorded in the timeline and said to the
//! partner at their next use.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::{Context, find_partner};
use crate::domain::dates;
use crate::domain::error::Cancelled;
use crate::domain::model::Partner;
use crate::keys::Identity;
use crate::store::partner_keys::{self, Action};
use crate::store::{self, Store};
use crate::text::sanitize;
use crate::views::Output;

/// What was done.
#[derive(Serialize)]
pub struct Changed {
    partner: String,
    action: &'static str,
    set_by: String,
    date: chrono::NaiveDate,
    /// Entries whose private words were deleted with a removed passphrase.
    private_deleted: usize,
}

pub fn run(
    ctx: &mut Context,
    store: &mut Store,
    partners: &[Partner],
    name: Option<String>,
    remove: bool,
    yes: bool,
) -> anyhow::Result<Changed> {
    let target = match &name {
        Some(name) => find_partner(partners, name)?.clone(),
        None => ctx.acting_partner(store)?,
    };
    // Who does it: the partner named with --as, else the partner it is for.
    let actor = ctx.named_partner(store)?.unwrap_or_else(|| target.clone());
    let shown = sanitize::line(&target.name).into_owned();
    let existing = partner_keys::get(store.conn(), target.id)?;
    // An encrypted journal opened with its recovery code: the forgotten passphrase is
    // replaced by a new key pair (the old one cannot be opened without it).
    if ctx.journal_key().is_some_and(|k| k.by_recovery_code()) {
        return reset_by_recovery(ctx, store, partners, &target, existing.is_some(), yes);
    }
    if actor.id != target.id {
        // Acting in one's own name (recorded as the one who set it) needs one's own proof.
        ctx.prove(store, &actor)?;
        if existing.is_some() {
            // Changing or removing another partner's passphrase needs theirs: they prove it.
            ctx.prove(store, &target)?;
        }
    }
    let journey = ctx.journey_quietly();
    let names: Vec<&str> = partners.iter().map(|p| p.name.as_str()).collect();
    let mut words: Vec<&str> = Vec::new();
    for guide in journey.steps() {
        words.push(guide.step.id());
        words.push(guide.title.as_str());
    }
    let today = ctx.today;
    let clock = store.clock();
    let (action, deleted) = match (existing, remove) {
        (None, true) => bail_user!("{shown} has no passphrase to remove"),
        (None, false) => {
            let passphrase = ctx.new_passphrase(&target.name, true, &names, &words)?;
            let identity = Identity::generate();
            let wrapped = identity.wrap(&passphrase, ctx.key_cost())?;
            let recipient = identity.recipient().to_string();
            store.write(|tx| {
                if partner_keys::get(tx, target.id)?.is_some() {
                    bail_user!("{shown} was given a passphrase meanwhile; nothing was changed");
                }
                let stamp = store::clock::stamp(tx, &clock, Some(actor.id))?;
                partner_keys::put(tx, &stamp, target.id, &recipient, &wrapped)?;
                partner_keys::record_event(tx, &stamp, target.id, Action::Set, today)?;
                Ok(())
            })?;
            (Action::Set, 0)
        }
        (Some(key), false) => {
            if ctx.identity(store, &target)?.is_none() {
                bail_user!("{shown}'s key could not be opened");
            }
            let passphrase = ctx.new_passphrase(&target.name, false, &names, &words)?;
            let cost = ctx.key_cost();
            // The same identity, wrapped again (already unlocked above: not asked twice).
            let Some(current) = ctx.identity(store, &target)? else {
                bail_user!("{shown}'s key could not be opened");
            };
            // A passphrase the other partner set, changed now by its owner: the other may have
            // kept the key it opened, so the owner gets a new key, theirs alone. No private
            // words can be under the old one (they are refused while it is so).
            let fresh = (key.set_by != Some(target.id)
                && actor.id == target.id
                && partner_keys::private_count(store.conn(), target.id)? == 0)
                .then(Identity::generate);
            let (wrapped, recipient) = match &fresh {
                Some(new) => (new.wrap(&passphrase, cost)?, new.recipient().to_string()),
                None => (current.wrap(&passphrase, cost)?, key.recipient.clone()),
            };
            store.write(|tx| {
                let stamp = store::clock::stamp(tx, &clock, Some(actor.id))?;
                partner_keys::put(tx, &stamp, target.id, &recipient, &wrapped)?;
                partner_keys::record_event(tx, &stamp, target.id, Action::Change, today)?;
                Ok(())
            })?;
            (Action::Change, 0)
        }
        (Some(_), true) => {
            ctx.identity(store, &target)?;
            let count = partner_keys::private_count(store.conn(), target.id)?;
            if count > 0 && !yes {
                let question = format!(
                    "{shown} has private words in {count} {}. Without the passphrase nobody can \
                     read them, so they are deleted for good. Remove the passphrase?",
                    if count == 1 { "entry" } else { "entries" }
                );
                match ctx.prompter() {
                    Some(p) => {
                        if !p.confirm(&question, false)? {
                            return Err(Cancelled.into());
                        }
                    }
                    None => bail_user!(
                        "{shown} has private words in {count} {}; removing the passphrase deletes them for good. Pass --yes to agree",
                        if count == 1 { "entry" } else { "entries" }
                    ),
                }
            }
            let deleted = store.write(|tx| {
                let stamp = store::clock::stamp(tx, &clock, Some(actor.id))?;
                let deleted = partner_keys::forget_private(tx, &stamp, target.id)?;
                partner_keys::remove(tx, &stamp, target.id)?;
                partner_keys::record_event(tx, &stamp, target.id, Action::Remove, today)?;
                Ok(deleted)
            })?;
            (Action::Remove, deleted)
        }
    };
    finish(target, &actor, action, today, deleted)
}

/// The passphrase of `target` set anew with the journal opened by its recovery code: a new
/// key pair, and, when they had a passphrase, their private words deleted for good (nobody
/// can read them any more; asked first, as for a removal).
fn reset_by_recovery(
    ctx: &mut Context,
    store: &mut Store,
    partners: &[Partner],
    target: &Partner,
    had_one: bool,
    yes: bool,
) -> anyhow::Result<Changed> {
    let shown = sanitize::line(&target.name).into_owned();
    let count = partner_keys::private_count(store.conn(), target.id)?;
    if had_one && count > 0 && !yes {
        let question = format!(
            "{shown}'s old passphrase cannot be recovered, and {count} {} of private words can be read only with it, so they are deleted for good. Set a new passphrase?",
            if count == 1 { "entry" } else { "entries" }
        );
        match ctx.prompter() {
            Some(p) => {
                if !p.confirm(&question, false)? {
                    return Err(Cancelled.into());
                }
            }
            None => bail_user!(
                "{shown} has private words in {count} {} that only the forgotten passphrase opens; setting a new one deletes them for good. Pass --yes to agree",
                if count == 1 { "entry" } else { "entries" }
            ),
        }
    }
    let journey = ctx.journey_quietly();
    let names: Vec<&str> = partners.iter().map(|p| p.name.as_str()).collect();
    let mut words: Vec<&str> = Vec::new();
    for guide in journey.steps() {
        words.push(guide.step.id());
        words.push(guide.title.as_str());
    }
    // Scripts: the code came in REKINDLE_PASSPHRASE_FILE, the new passphrase comes in
    // REKINDLE_NEW_PASSPHRASE_FILE.
    let passphrase = ctx.new_passphrase(&target.name, false, &names, &words)?;
    let identity = Identity::generate();
    let wrapped = identity.wrap(&passphrase, ctx.key_cost())?;
    let recipient = identity.recipient().to_string();
    let today = ctx.today;
    let clock = store.clock();
    let action = if had_one { Action::Change } else { Action::Set };
    let deleted = store.write(|tx| {
        let stamp = store::clock::stamp(tx, &clock, Some(target.id))?;
        let deleted = if had_one {
            partner_keys::forget_private(tx, &stamp, target.id)?
        } else {
            0
        };
        partner_keys::put(tx, &stamp, target.id, &recipient, &wrapped)?;
        partner_keys::record_event(tx, &stamp, target.id, action, today)?;
        Ok(deleted)
    })?;
    let mut changed = finish(target.clone(), target, action, today, deleted)?;
    changed.action = "reset";
    Ok(changed)
}

fn finish(
    target: Partner,
    actor: &Partner,
    action: Action,
    today: chrono::NaiveDate,
    deleted: usize,
) -> anyhow::Result<Changed> {
    Ok(Changed {
        partner: target.name.clone(),
        action: action.as_str(),
        set_by: actor.name.clone(),
        date: today,
        private_deleted: deleted,
    })
}

impl Output for Changed {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let name = sanitize::line(&self.partner);
        let by = sanitize::line(&self.set_by);
        let on = dates::in_words(self.date);
        match self.action {
            "set" if self.set_by != self.partner => {
                writeln!(
                    out,
                    "{by} set a passphrase for {name} on {on}. It is in the timeline, and {name} \
                     will be told at their next use; {name} can change it with rekindle \
                     partners passphrase {}.",
                    crate::text::prose::shell_word(&name)
                )?;
            }
            "set" => writeln!(
                out,
                "{name} now has a passphrase. Keep it safe: if it is lost, so are {name}'s \
                 private words."
            )?,
            "change" => writeln!(
                out,
                "{name}'s passphrase is changed; private words stay readable with the new one."
            )?,
            "reset" => {
                writeln!(
                    out,
                    "{name} has a new passphrase, set with the journal's recovery code."
                )?;
                if self.private_deleted > 0 {
                    writeln!(
                        out,
                        "The private words of {}, which only the forgotten passphrase could read, were deleted for good.",
                        if self.private_deleted == 1 {
                            "1 entry".to_string()
                        } else {
                            format!("{} entries", self.private_deleted)
                        }
                    )?;
                }
            }
            _ => {
                writeln!(out, "{name} no longer has a passphrase.")?;
                if self.private_deleted > 0 {
                    writeln!(
                        out,
                        "The private words of {} were deleted for good.",
                        if self.private_deleted == 1 {
                            "1 entry".to_string()
                        } else {
                            format!("{} entries", self.private_deleted)
                        }
                    )?;
                }
            }
        }
        Ok(())
    }
}
