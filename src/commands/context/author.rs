//! Who acts, proved: the acting partner named with `--as` (or asked), and, when that partner
//! has a passphrase, the passphrase (asked once per command). Every command that writes in a
//! partner's name gets its partner through [`Context::author`] or [`Context::prove`], and the
//! rule of when a passphrase is needed is `domain::authorship::needs_passphrase`, alone.

use std::io::Write;

use super::Context;
use crate::domain::authorship::needs_passphrase;
use crate::domain::dates;
use crate::domain::model::Partner;
use crate::keys::Identity;
use crate::store::{self, Store};
use crate::text::sanitize;

impl Context {
    /// This journal's device owner (`sync init --as` / `sync join --as`), who acts here
    /// without a passphrase: their own computer account already protects it. `None` on a
    /// journal that does not sync.
    pub fn device_owner(&self, store: &Store) -> Option<i64> {
        store::sync::owner(store.conn()).ok().flatten()
    }

    /// The acting partner, for a write in their name: proved with their passphrase when they
    /// have one (a wrong one is exit 2, and nothing has been written).
    pub fn author(&mut self, store: &Store) -> anyhow::Result<Partner> {
        let partner = self.acting_partner(store)?;
        self.prove(store, &partner)?;
        Ok(partner)
    }

    /// Proves that this command acts for `partner`: asks for their passphrase when the rule
    /// says so, once per command. Returns their identity when it was unlocked.
    pub fn prove(&mut self, store: &Store, partner: &Partner) -> anyhow::Result<Option<&Identity>> {
        if let Some(i) = self.proven.iter().position(|(id, _)| *id == partner.id) {
            return Ok(Some(&self.proven[i].1));
        }
        let Some(key) = store::partner_keys::get(store.conn(), partner.id)? else {
            return Ok(None);
        };
        if !needs_passphrase(partner, true, self.device_owner(store)) {
            // On their own device they are told too, though nothing is asked.
            self.tell_who_set_it(store, partner);
            return Ok(None);
        }
        let identity = self.unlock(&partner.name, &key.wrapped)?;
        self.opened(store, partner.id, &key.recipient);
        self.proven.push((partner.id, identity));
        self.tell_who_set_it(store, partner);
        Ok(self.proven.last().map(|(_, id)| id))
    }

    /// Unlocks `partner`'s identity to read their private words: always asks when they have a
    /// passphrase (even on their own device: reading private words needs the key).
    pub fn identity(
        &mut self,
        store: &Store,
        partner: &Partner,
    ) -> anyhow::Result<Option<&Identity>> {
        if let Some(i) = self.proven.iter().position(|(id, _)| *id == partner.id) {
            return Ok(Some(&self.proven[i].1));
        }
        let Some(key) = store::partner_keys::get(store.conn(), partner.id)? else {
            return Ok(None);
        };
        let identity = self.unlock(&partner.name, &key.wrapped)?;
        self.opened(store, partner.id, &key.recipient);
        self.proven.push((partner.id, identity));
        self.tell_who_set_it(store, partner);
        Ok(self.proven.last().map(|(_, id)| id))
    }

    /// Notes that `recipient`'s key opened here with its passphrase, so private words may be
    /// encrypted to it on this computer (see `partner_keys::opened_here`). A small write of its
    /// own; if the journal is busy it is noted next time.
    fn opened(&self, store: &Store, partner: i64, recipient: &str) {
        if store::partner_keys::opened_here(store.conn(), partner, recipient).unwrap_or(false) {
            return;
        }
        let _ = store.write_shared(|tx| {
            Ok(store::partner_keys::mark_opened_here(
                tx, partner, recipient,
            )?)
        });
    }

    /// "Your passphrase was set by Sam on …", once, on standard error, when the other partner
    /// set it. Remembering that it was shown is a small write of its own; if the journal is
    /// busy it is simply said again next time.
    fn tell_who_set_it(&self, store: &Store, partner: &Partner) {
        let Ok(events) = store::partner_keys::unshown_set_by_other(store.conn(), partner.id) else {
            return;
        };
        let Some(event) = events.last() else {
            return;
        };
        let _ = writeln!(
            std::io::stderr().lock(),
            "{}, your passphrase was set by {} on {}. Ask {} for it, then change it to one \
             only you know (private words wait until you do): rekindle partners passphrase {}",
            sanitize::line(&partner.name),
            sanitize::line(&event.by_name),
            dates::in_words(event.date),
            sanitize::line(&event.by_name),
            crate::text::prose::shell_word(&sanitize::line(&partner.name))
        );
        let ids: Vec<i64> = events.iter().map(|e| e.event_id).collect();
        // One transaction for all of them; if the journal is busy, it is said again next time.
        let clock = store.clock();
        let _ = store.write_shared(|tx| {
            let stamp = store::clock::stamp(tx, &clock, Some(partner.id))?;
            for id in &ids {
                store::partner_keys::mark_told(tx, &stamp, *id)?;
            }
            Ok(())
        });
    }
}
