//! `JOURNAL.keys`: the key slots of an encrypted journal, in a small JSON file beside it
//! (mode 0600).
//!
//! One slot per partner who has a passphrase: their age recipient (public), their age
//! identity wrapped by their passphrase (the same wrapped identity the journal itself holds,
//! copied here because it must be read before the journal can be), and the journal's database
//! key encrypted to their recipient. Unlocking is one passphrase KDF (unwrap the identity) and
//! one X25519 decryption (the key). The file also records the salt the encrypted journal
//! starts with, so that a `.keys` file and a journal that do not belong together are told
//! apart without any passphrase. Nothing in it is secret without a passphrase; it is private
//! anyway. The recovery code needs no slot: it is the key itself.

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::cipher::DbKey;
use super::encryption::write_private;
use super::files;
use crate::keys::{self, Identity, KeyError, Passphrase, Recipient};

/// What the file says it is.
const KIND: &str = "rekindle journal keys";
/// The format version this program writes and reads.
pub const VERSION: u32 = 1;

/// One partner's way in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// The partner's name when the slot was written (for people reading the file, and for
    /// messages); `uuid` is what identifies them.
    pub partner: String,
    pub uuid: String,
    /// Their age recipient (`age1…`).
    pub recipient: String,
    /// Their identity, wrapped by their passphrase (an age scrypt file), in hex.
    pub identity: String,
    /// The database key encrypted to `recipient` (an age file), in hex.
    pub key: String,
}

/// The whole file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub kind: String,
    pub version: u32,
    /// The first 16 bytes of the encrypted journal these slots open, in hex.
    pub journal_salt: String,
    pub slots: Vec<Slot>,
}

impl KeyFile {
    pub fn new(journal_salt: String, slots: Vec<Slot>) -> KeyFile {
        KeyFile {
            kind: KIND.into(),
            version: VERSION,
            journal_salt,
            slots,
        }
    }

    /// Whether these slots belong to the journal at `journal` (its salt matches).
    pub fn belongs_to(&self, journal: &Path) -> bool {
        super::encryption::file_salt(journal).is_some_and(|salt| salt == self.journal_salt)
    }
}

/// Why the `.keys` file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error(
        "the journal is encrypted, but its key file {} is missing; open it with the recovery code (it is asked for in place of a passphrase), or restore the .keys file from a backup",
        .0.display()
    )]
    Missing(PathBuf),
    #[error("cannot read the key file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{} is not a rekindle key file, or is damaged ({detail}); open the journal with the recovery code, or restore the .keys file from a backup",
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the key file {} was written by a newer rekindle (format {found}); please update rekindle",
        path.display()
    )]
    TooNew { path: PathBuf, found: u32 },
}

/// Reads the key file at `path`.
pub fn read(path: &Path) -> Result<KeyFile, KeyFileError> {
    let text = match fs::read(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(KeyFileError::Missing(path.to_path_buf()));
        }
        Err(source) => {
            return Err(KeyFileError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let damaged = |detail: String| KeyFileError::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let value: serde_json::Value =
        serde_json::from_slice(&text).map_err(|e| damaged(format!("not JSON: {e}")))?;
    if value.get("kind").and_then(|k| k.as_str()) != Some(KIND) {
        return Err(damaged("it does not say it is one".into()));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(KeyFileError::TooNew {
                path: path.to_path_buf(),
                found: u32::try_from(v).unwrap_or(u32::MAX),
            });
        }
        _ => return Err(damaged("its version is not one rekindle knows".into())),
    }
    let file: KeyFile = serde_json::from_value(value).map_err(|e| damaged(e.to_string()))?;
    for slot in &file.slots {
        if unhex(&slot.identity).is_none() || unhex(&slot.key).is_none() {
            return Err(damaged(format!("the slot of {} is not hex", slot.partner)));
        }
    }
    Ok(file)
}

/// Writes the key file whole (0600).
pub fn write(path: &Path, file: &KeyFile) -> anyhow::Result<()> {
    let mut text = serde_json::to_vec_pretty(file)?;
    text.push(b'\n');
    write_private(path, &text)?;
    Ok(())
}

/// A partner who has a passphrase, as the journal records them (`partner_keys`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub partner_id: i64,
    pub uuid: String,
    pub name: String,
    pub recipient: String,
    pub wrapped: Vec<u8>,
}

/// The partners with a passphrase, in the order they were added.
pub fn holders(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Holder>> {
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'partner_keys'",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(
        "SELECT p.id, p.uuid, p.name, k.recipient, k.wrapped
         FROM partner_keys k JOIN partners p ON p.id = k.partner_id ORDER BY p.id",
    )?;
    stmt.query_map([], |r| {
        Ok(Holder {
            partner_id: r.get(0)?,
            uuid: r.get(1)?,
            name: r.get(2)?,
            recipient: r.get(3)?,
            wrapped: r.get(4)?,
        })
    })?
    .collect()
}

/// One slot per holder: the journal's key encrypted to their recipient, beside their wrapped
/// identity. Needs no passphrase.
pub fn seal(holders: &[Holder], key: &DbKey) -> Result<Vec<Slot>, KeyError> {
    holders
        .iter()
        .map(|h| {
            let recipient = Recipient::parse(&h.recipient)?;
            let sealed = keys::encrypt(&[&recipient], key.as_bytes())?;
            Ok(Slot {
                partner: h.name.clone(),
                uuid: h.uuid.clone(),
                recipient: h.recipient.clone(),
                identity: hex(&h.wrapped),
                key: hex(&sealed),
            })
        })
        .collect()
}

/// Opens a slot with a passphrase: the partner's identity, and the journal's key. A wrong
/// passphrase is [`KeyError::WrongPassphrase`].
pub fn open_slot(slot: &Slot, passphrase: &Passphrase) -> Result<(Identity, DbKey), KeyError> {
    let damaged = KeyError::Damaged {
        what: "a key slot that is not as rekindle wrote it",
    };
    let wrapped = unhex(&slot.identity).ok_or(KeyError::Damaged {
        what: "a key slot that is not as rekindle wrote it",
    })?;
    let identity = Identity::unwrap(&wrapped, passphrase)?;
    let sealed = unhex(&slot.key).ok_or(KeyError::Damaged {
        what: "a key slot that is not as rekindle wrote it",
    })?;
    let mut bytes = identity.decrypt(&sealed)?;
    let key = DbKey::from_slice(&bytes);
    bytes.iter_mut().for_each(|b| *b = 0);
    Ok((identity, key.ok_or(damaged)?))
}

/// Whether the slots say the same as the journal's holders (same partners, recipients and
/// wrapped identities), so nothing needs writing.
pub fn in_step(file: &KeyFile, holders: &[Holder]) -> bool {
    file.slots.len() == holders.len()
        && file.slots.iter().zip(holders).all(|(s, h)| {
            s.uuid == h.uuid
                && s.partner == h.name
                && s.recipient == h.recipient
                && unhex(&s.identity).as_deref() == Some(h.wrapped.as_slice())
        })
}

/// The file's permission bits, when it exists.
pub fn mode(path: &Path) -> Option<u32> {
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
}

/// The `.keys` file that goes with `journal`.
pub fn path_for(journal: &Path) -> PathBuf {
    files::companion(journal, ".keys")
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> KeyFile {
        KeyFile::new(
            "00112233445566778899aabbccddeeff".into(),
            vec![Slot {
                partner: "Sam".into(),
                uuid: "u-1".into(),
                recipient: "age1example".into(),
                identity: hex(b"wrapped"),
                key: hex(b"sealed"),
            }],
        )
    }

    #[test]
    fn a_key_file_is_written_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db.keys");
        write(&path, &sample()).unwrap();
        assert_eq!(mode(&path), Some(0o600));
        assert_eq!(read(&path).unwrap(), sample());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_damaged_or_newer_file_says_which() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db.keys");
        assert!(matches!(read(&path), Err(KeyFileError::Missing(_))));
        fs::write(&path, "{}").unwrap();
        assert!(matches!(read(&path), Err(KeyFileError::Damaged { .. })));
        let mut newer = serde_json::to_value(sample()).unwrap();
        newer["version"] = 9.into();
        fs::write(&path, newer.to_string()).unwrap();
        assert!(matches!(
            read(&path),
            Err(KeyFileError::TooNew { found: 9, .. })
        ));
        let mut bad = sample();
        bad.slots[0].key = "zz".into();
        fs::write(&path, serde_json::to_string(&bad).unwrap()).unwrap();
        assert!(matches!(read(&path), Err(KeyFileError::Damaged { .. })));
    }

    #[test]
    fn a_slot_opens_with_its_partners_passphrase_only() {
        let identity = Identity::generate();
        let pass = Passphrase::new("juniper orbit candle".into()).unwrap();
        let holder = Holder {
            partner_id: 1,
            uuid: "u-1".into(),
            name: "Sam".into(),
            recipient: identity.recipient().to_string(),
            wrapped: identity.wrap(&pass, keys::Cost::Cheap).unwrap(),
        };
        let key = DbKey::random().unwrap();
        let slots = seal(std::slice::from_ref(&holder), &key).unwrap();
        assert_eq!(slots.len(), 1);
        let file = KeyFile::new(String::new(), slots.clone());
        assert!(in_step(&file, std::slice::from_ref(&holder)));
        let (opened_identity, opened) = open_slot(&slots[0], &pass).unwrap();
        assert_eq!(opened.as_bytes(), key.as_bytes());
        assert_eq!(opened_identity.recipient(), identity.recipient());
        let wrong = Passphrase::new("juniper orbit candles".into()).unwrap();
        assert!(matches!(
            open_slot(&slots[0], &wrong),
            Err(KeyError::WrongPassphrase)
        ));
        let mut renamed = holder.clone();
        renamed.name = "Samira".into();
        assert!(!in_step(&file, &[renamed]));
    }

    #[test]
    fn hex_round_trips_and_refuses_odd_text() {
        assert_eq!(unhex(&hex(&[0, 1, 254, 255])), Some(vec![0, 1, 254, 255]));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
    }
}
