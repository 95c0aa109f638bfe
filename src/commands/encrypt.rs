//! `rekindle encrypt [--new-recovery-code]` and `rekindle decrypt`: the journal encrypted at
//! rest (SQLCipher) or turned back into a plain one, in place and safely
//! (`store::encryption`), with its key slots in `JOURNAL.keys` and a recovery code printed
//! once.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::{Context, Recovery};
use crate::domain::kind::RecordKind;
use crate::domain::recovery;
use crate::store::cipher::{self, DbKey};
use crate::store::keyfile::{self, KeyFile};
use crate::store::{Store, encryption};
use crate::text::prose::or_list;
use crate::text::sanitize;
use crate::views::Output;
use crate::views::json;

/// Encrypt the journal, so that nobody without one of your passphrases (or the recovery code)
/// can read the file, its log or its backups.
///
/// The journal is rewritten, encrypted, beside itself, checked, and only then put in place of
/// the plain one, whose bytes are overwritten. A random key encrypts it; that key is kept in
/// JOURNAL.keys, locked once for each partner with a passphrase (set one first with
/// `rekindle partners passphrase NAME`), and printed once as a recovery code to keep on paper.
/// From then on every command asks for a passphrase (scripts: REKINDLE_PASSPHRASE_FILE), and
/// the passphrase also says which of you is acting. See docs/encryption.md.
#[derive(Debug, clap::Args)]
pub struct EncryptArgs {
    /// On an encrypted journal: make a new recovery code (the journal gets a new key, so the
    /// old code stops working)
    #[arg(long)]
    pub new_recovery_code: bool,
}

/// Turn an encrypted journal back into a plain SQLite file (anyone who can read the file can
/// then read everything in it). JOURNAL.keys is removed; the partners keep their passphrases.
#[derive(Debug, clap::Args)]
pub struct DecryptArgs {}

#[derive(Serialize)]
struct Encrypted {
    journal: String,
    keys: String,
    /// Who can open it with their passphrase.
    slots: Vec<String>,
    /// Printed once, here; rekindle keeps no copy of it anywhere.
    recovery_code: String,
    /// `encrypt` or `new-recovery-code`.
    action: &'static str,
    #[serde(serialize_with = "json::counts")]
    counts: Vec<(RecordKind, i64)>,
}

#[derive(Serialize)]
struct Decrypted {
    journal: String,
    #[serde(serialize_with = "json::counts")]
    counts: Vec<(RecordKind, i64)>,
}

pub fn encrypt(ctx: &mut Context, args: EncryptArgs) -> anyhow::Result<()> {
    if !cipher::AVAILABLE {
        bail_user!(
            "this rekindle was built without encryption (the `plain` feature); build it with the default features to encrypt a journal"
        );
    }
    if ctx.journal_is_encrypted() {
        if !args.new_recovery_code {
            bail_user!(
                "the journal at {} is already encrypted; nothing was changed. To replace the recovery code: rekindle encrypt --new-recovery-code",
                ctx.journal.display()
            );
        }
        return new_recovery_code(ctx);
    }
    if args.new_recovery_code {
        bail_user!(
            "the journal at {} is not encrypted, so it has no recovery code; `rekindle encrypt` encrypts it and prints one",
            ctx.journal.display()
        );
    }
    let store = ctx.open()?;
    let holders = keyfile::holders(store.conn())?;
    if holders.is_empty() {
        bail_user!(
            "nobody has a passphrase yet, and an encrypted journal opens with one: set yours first with `rekindle partners passphrase NAME`, then run encrypt again; nothing was changed"
        );
    }
    // Encrypting is done by one of the partners: whoever acts proves it with their passphrase
    // (the same check as any other write in their name).
    let acting = ctx.acting_partner(&store)?;
    if let Some(holder) = holders.iter().find(|h| h.partner_id == acting.id) {
        ctx.unlock(&acting.name, &holder.wrapped)?;
    }
    drop(store);
    let key = DbKey::random()?;
    let slots = keyfile::seal(&holders, &key)?;
    let keys_path = keyfile::path_for(&ctx.journal);
    let converted = encryption::convert(&ctx.journal, None, Some(&key), |temp| {
        let salt = encryption::file_salt(temp).unwrap_or_default();
        keyfile::write(&keys_path, &KeyFile::new(salt, slots))
    })?;
    ctx.emit(&Encrypted {
        journal: ctx.journal.display().to_string(),
        keys: keys_path.display().to_string(),
        slots: holders.iter().map(|h| h.name.clone()).collect(),
        recovery_code: recovery::encode(key.as_bytes()),
        action: "encrypt",
        counts: converted.counts,
    })
}

fn new_recovery_code(ctx: &mut Context) -> anyhow::Result<()> {
    ctx.unlock_journal(Recovery::Refused)?;
    let Some(unlocked) = ctx.journal_key() else {
        bail_user!("the journal could not be unlocked; nothing was changed");
    };
    let old = DbKey::from_bytes(*unlocked.key.as_bytes());
    let store = Store::open_with(&ctx.journal, Some(&old))?;
    let holders = keyfile::holders(store.conn())?;
    drop(store);
    let key = DbKey::random()?;
    let slots = keyfile::seal(&holders, &key)?;
    let keys_path = keyfile::path_for(&ctx.journal);
    let converted = encryption::convert(&ctx.journal, Some(&old), Some(&key), |temp| {
        let salt = encryption::file_salt(temp).unwrap_or_default();
        keyfile::write(&keys_path, &KeyFile::new(salt, slots))
    })?;
    ctx.forget_journal_key();
    ctx.emit(&Encrypted {
        journal: ctx.journal.display().to_string(),
        keys: keys_path.display().to_string(),
        slots: holders.iter().map(|h| h.name.clone()).collect(),
        recovery_code: recovery::encode(key.as_bytes()),
        action: "new-recovery-code",
        counts: converted.counts,
    })
}

pub fn decrypt(ctx: &mut Context, _args: DecryptArgs) -> anyhow::Result<()> {
    if !ctx.journal_is_encrypted() {
        // Opening says what it is when it is no journal at all.
        drop(ctx.open()?);
        bail_user!(
            "the journal at {} is not encrypted; nothing was changed",
            ctx.journal.display()
        );
    }
    ctx.unlock_journal(Recovery::Refused)?;
    let Some(unlocked) = ctx.journal_key() else {
        bail_user!("the journal could not be unlocked; nothing was changed");
    };
    let key = DbKey::from_bytes(*unlocked.key.as_bytes());
    let converted = encryption::convert(&ctx.journal, Some(&key), None, |_| Ok(()))?;
    ctx.forget_journal_key();
    let keys_path = keyfile::path_for(&ctx.journal);
    match std::fs::remove_file(&keys_path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "rekindle: warning: cannot remove {} ({e}); it is no longer needed",
                sanitize::line(&keys_path.display().to_string())
            );
        }
    }
    ctx.emit(&Decrypted {
        journal: ctx.journal.display().to_string(),
        counts: converted.counts,
    })
}

impl Output for Encrypted {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let journal = sanitize::line(&self.journal);
        if self.action == "encrypt" {
            writeln!(out, "Your journal at {journal} is now encrypted.")?;
        } else {
            writeln!(
                out,
                "Your journal at {journal} has a new key and a new recovery code; the old code no longer opens it."
            )?;
        }
        let names: Vec<String> = self
            .slots
            .iter()
            .map(|n| sanitize::line(n).into_owned())
            .collect();
        let whose: Vec<String> = names.iter().map(|n| format!("{n}'s")).collect();
        writeln!(
            out,
            "It opens with {} passphrase. Every command will ask for one (scripts: REKINDLE_PASSPHRASE_FILE).",
            or_list(&whose)
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "Recovery code (shown this once; rekindle keeps no copy):"
        )?;
        writeln!(out)?;
        writeln!(out, "    {}", self.recovery_code)?;
        writeln!(out)?;
        writeln!(
            out,
            "Write it on paper and keep it somewhere safe, away from this computer. If every passphrase is forgotten, or {} is lost, the code opens the journal to set a new passphrase. Anyone who has it can read the journal.",
            sanitize::line(&self.keys)
        )?;
        Ok(())
    }
}

impl Output for Decrypted {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "Your journal at {} is a plain file again: anyone who can read the file can read what is in it. `rekindle encrypt` encrypts it again.",
            sanitize::line(&self.journal)
        )?;
        Ok(())
    }
}
