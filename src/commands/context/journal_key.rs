//! Unlocking an encrypted journal: one passphrase (from `REKINDLE_PASSPHRASE_FILE`, else asked
//! in a terminal) opens a key slot in `JOURNAL.keys`, which gives the journal's key and says
//! who is acting; or the recovery code, which is the key itself and opens the journal only to
//! set a new passphrase. After the command, the slots are brought in step with the partners'
//! passphrases (a partner who set or changed one gets or updates a slot).

use std::io::Write as _;

use super::Context;
use crate::domain::error::UserError;
use crate::domain::model::same_name;
use crate::keys::{Identity, KeyError, Passphrase};
use crate::store::cipher::{self, DbKey};
use crate::store::keyfile::{self, KeyFile, KeyFileError, Slot};
use crate::store::{Store, StoreError, encryption};
use crate::text::prose::or_list;
use crate::text::sanitize;

/// The variable a script names the passphrase file of an encrypted export in.
pub const EXPORT_PASSPHRASE_FILE: &str = "REKINDLE_EXPORT_PASSPHRASE_FILE";

/// How many times a terminal asks before a wrong passphrase ends the command.
const TRIES: usize = 3;

/// What unlocked the journal for this command.
pub struct JournalKey {
    pub key: DbKey,
    /// The partner whose slot opened it (uuid and name as in the slot); `None` for the
    /// recovery code.
    pub partner: Option<(String, String)>,
    identity: Option<Identity>,
}

impl JournalKey {
    pub fn by_recovery_code(&self) -> bool {
        self.partner.is_none()
    }
}

/// Whether a command may run with a journal opened by the recovery code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recovery {
    Allowed,
    Refused,
}

impl Context {
    /// Whether the journal is an encrypted one (from its first bytes alone).
    pub fn journal_is_encrypted(&self) -> bool {
        cipher::looks_encrypted(&self.journal)
    }

    /// Whether this command should unlock the journal before it runs: it is encrypted, and
    /// either its key slots are beside it or a passphrase file may hold its recovery code.
    /// (Without either, an encrypted journal looks like any other file of noise, and opening
    /// it says so.)
    pub fn should_unlock(&self) -> bool {
        self.journal_is_encrypted()
            && (keyfile::path_for(&self.journal).exists() || self.passphrase_file().is_some())
    }

    /// Forgets the key after the journal was given a new one, or none.
    pub fn forget_journal_key(&mut self) {
        self.journal_key = None;
    }

    /// The key this command unlocked the journal with, if it did.
    pub fn journal_key(&self) -> Option<&JournalKey> {
        self.journal_key.as_ref()
    }

    /// Unlocks the encrypted journal for this command, asking for a passphrase once. With
    /// `--as` (or `REKINDLE_AS`) only that partner's slot is tried (one KDF); without, each
    /// slot in turn, and the one that opens says who is acting.
    pub fn unlock_journal(&mut self, recovery: Recovery) -> anyhow::Result<()> {
        if self.journal_key.is_some() {
            return Ok(());
        }
        if !cipher::AVAILABLE {
            return Err(UserError::new(format!(
                "the journal at {} is encrypted, and this rekindle was built without encryption (the `plain` feature); use a build with the default features",
                self.journal.display()
            ))
            .into());
        }
        let keys_path = keyfile::path_for(&self.journal);
        let file = match keyfile::read(&keys_path) {
            Ok(file) => Some(file),
            Err(KeyFileError::Missing(_)) => None,
            Err(other) => {
                // Still openable with the recovery code.
                let _ = writeln!(
                    std::io::stderr().lock(),
                    "rekindle: {}",
                    sanitize::line(&other.to_string())
                );
                None
            }
        };
        if let Some(file) = &file
            && !file.belongs_to(&self.journal)
        {
            let _ = writeln!(
                std::io::stderr().lock(),
                "rekindle: warning: {} was not written for this journal (it may come from a backup); trying it anyway",
                sanitize::line(&keys_path.display().to_string())
            );
        }
        let slots = self.slots_to_try(file.as_ref())?;
        let label = match slots.as_slice() {
            [one] => format!("{}'s passphrase", sanitize::line(&one.partner)),
            [] => "The journal's recovery code".to_string(),
            _ => "Your passphrase (or the recovery code)".to_string(),
        };
        let file_source = self.passphrase_file();
        let tries = if file_source.is_some() { 1 } else { TRIES };
        for attempt in 1..=tries {
            let passphrase = self.journal_passphrase(&label, file.is_none())?;
            match self.try_open(&passphrase, &slots)? {
                Some(found) => {
                    if found.by_recovery_code() && recovery == Recovery::Refused {
                        return Err(UserError::new(
                            "the recovery code opens the journal only to set a new passphrase: run `rekindle partners passphrase NAME` and give the code when the current passphrase is asked",
                        )
                        .into());
                    }
                    self.take_unlocked(found)?;
                    return Ok(());
                }
                None if attempt < tries => {
                    if let Some(prompter) = self.prompter() {
                        prompter.say("That does not open the journal. Try again.")?;
                    }
                }
                None => {}
            }
        }
        Err(UserError::new(format!(
            "that passphrase does not open the journal at {}; nothing was changed",
            self.journal.display()
        ))
        .into())
    }

    /// The passphrase of an encrypted export (`export --encrypt`, and `import` of such a
    /// file): from `REKINDLE_EXPORT_PASSPHRASE_FILE`, else asked in a terminal (twice, and
    /// checked for strength, when it is new).
    pub fn export_passphrase(&mut self, new: bool) -> anyhow::Result<Passphrase> {
        if let Some(path) = self.export_passphrase_file.clone() {
            return self.read_file(EXPORT_PASSPHRASE_FILE, path);
        }
        let Some(prompter) = self.prompter() else {
            return Err(UserError::new(format!(
                "an encrypted export needs a passphrase: run this in a terminal to type it, or name a file holding it in {EXPORT_PASSPHRASE_FILE}"
            ))
            .into());
        };
        loop {
            let typed = prompter.secret(if new {
                "Passphrase for the export file\nat least 8 characters; whoever imports it will need it"
            } else {
                "The export file's passphrase"
            })?;
            let passphrase = match Passphrase::new(typed) {
                Ok(p) => p,
                Err(e) => {
                    prompter.say(&e.to_string())?;
                    continue;
                }
            };
            if !new {
                return Ok(passphrase);
            }
            if let Err(e) = crate::keys::check_strength(&passphrase, &[], &[]) {
                prompter.say(&e.to_string())?;
                continue;
            }
            let again = prompter.secret("The same passphrase again")?;
            match Passphrase::new(again) {
                Ok(again) if again.same_as(&passphrase) => return Ok(passphrase),
                _ => prompter.say("The two did not match; let us start again.")?,
            }
        }
    }

    /// Keeps the key for the command; the partner whose slot opened it is the acting one
    /// (unless `--as` names someone else) and counts as proved, so a write in their name does
    /// not ask for the same passphrase again.
    fn take_unlocked(&mut self, mut found: JournalKey) -> anyhow::Result<()> {
        if let (Some((uuid, _)), Some(identity)) = (found.partner.clone(), found.identity.take()) {
            let store = Store::open_with(&self.journal, Some(&found.key))?;
            let partners = crate::store::partners::all(store.conn())?;
            if let Some(partner) = partners.iter().find(|p| p.uuid == uuid) {
                if self.as_name.is_none() {
                    self.as_name = Some(partner.name.clone());
                }
                self.proven.push((partner.id, identity));
            }
        }
        self.journal_key = Some(found);
        Ok(())
    }

    /// The slots worth trying: the named partner's when they have one, else all.
    fn slots_to_try(&self, file: Option<&KeyFile>) -> anyhow::Result<Vec<Slot>> {
        let Some(file) = file else {
            return Ok(Vec::new());
        };
        if let Some(name) = self.as_name()
            && let Some(slot) = file.slots.iter().find(|s| same_name(&s.partner, name))
        {
            return Ok(vec![slot.clone()]);
        }
        Ok(file.slots.clone())
    }

    fn journal_passphrase(
        &mut self,
        label: &str,
        keys_missing: bool,
    ) -> anyhow::Result<Passphrase> {
        if let Some(path) = self.passphrase_file() {
            return self.read_file(super::passphrase::PASSPHRASE_FILE, path);
        }
        let journal = self.journal.display().to_string();
        let Some(prompter) = self.prompter() else {
            let what = if keys_missing {
                "its recovery code"
            } else {
                "a passphrase"
            };
            return Err(UserError::new(format!(
                "the journal at {} is encrypted and needs {what}: run this in a terminal to type it, or name a file holding it in {}",
                sanitize::line(&journal),
                super::passphrase::PASSPHRASE_FILE
            ))
            .into());
        };
        let typed = prompter.secret(label)?;
        Passphrase::new(typed).map_err(|e| UserError::new(e.to_string()).into())
    }

    /// The journal's key from a recovery code or one of `slots`, checked against the journal;
    /// `None` when nothing opens it.
    fn try_open(
        &self,
        passphrase: &Passphrase,
        slots: &[Slot],
    ) -> anyhow::Result<Option<JournalKey>> {
        if let Some(code) = passphrase.recovery_key() {
            let key = DbKey::from_bytes(code.map_err(|e| UserError::new(e.to_string()))?);
            return Ok(self.opens(&key)?.then_some(JournalKey {
                key,
                partner: None,
                identity: None,
            }));
        }
        for slot in slots {
            match keyfile::open_slot(slot, passphrase) {
                Ok((identity, key)) => {
                    if !self.opens(&key)? {
                        return Err(UserError::new(format!(
                            "{}'s passphrase opened its slot in {}, but that key does not open this journal: the .keys file belongs to another journal. Use the recovery code, or the .keys file that was made with this journal",
                            sanitize::line(&slot.partner),
                            keyfile::path_for(&self.journal).display()
                        ))
                        .into());
                    }
                    return Ok(Some(JournalKey {
                        key,
                        partner: Some((slot.uuid.clone(), slot.partner.clone())),
                        identity: Some(identity),
                    }));
                }
                Err(KeyError::WrongPassphrase) => {}
                Err(other) => return Err(other.into()),
            }
        }
        Ok(None)
    }

    fn opens(&self, key: &DbKey) -> anyhow::Result<bool> {
        match Store::open_with(&self.journal, Some(key)) {
            Ok(_) => Ok(true),
            Err(StoreError::WrongKey(_)) => Ok(false),
            Err(other) => Err(other.into()),
        }
    }

    /// After a command on an encrypted journal: the slots follow the partners' passphrases
    /// (one per partner with a passphrase, in step with their wrapped identity). Nothing is
    /// written when they already agree.
    pub fn keep_key_slots_in_step(&self) -> anyhow::Result<()> {
        let Some(unlocked) = &self.journal_key else {
            return Ok(());
        };
        if !cipher::looks_encrypted(&self.journal) {
            return Ok(());
        }
        let store = Store::open_with(&self.journal, Some(&unlocked.key))?;
        let holders = keyfile::holders(store.conn())?;
        // A key that only arrived (by import or sync) and was never opened here gets no slot
        // yet: the slots stay as they are, so a key somebody else made cannot take the place
        // of a partner's own.
        for h in &holders {
            if !crate::store::partner_keys::opened_here(store.conn(), h.partner_id, &h.recipient)? {
                return Ok(());
            }
        }
        let path = keyfile::path_for(&self.journal);
        let salt = encryption::file_salt(&self.journal).unwrap_or_default();
        if let Ok(file) = keyfile::read(&path)
            && file.journal_salt == salt
            && keyfile::in_step(&file, &holders)
        {
            return Ok(());
        }
        let slots = keyfile::seal(&holders, &unlocked.key)?;
        keyfile::write(&path, &KeyFile::new(salt, slots))?;
        if holders.is_empty() {
            let _ = writeln!(
                std::io::stderr().lock(),
                "rekindle: warning: no partner has a passphrase now, so only the recovery code opens this journal"
            );
        } else {
            let whose: Vec<String> = holders
                .iter()
                .map(|h| format!("{}'s", sanitize::line(&h.name)))
                .collect();
            let _ = writeln!(
                std::io::stderr().lock(),
                "rekindle: the journal's key slots now open with {} passphrase",
                or_list(&whose)
            );
        }
        Ok(())
    }
}
