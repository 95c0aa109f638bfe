//! Partners' keys: the public recipient and the passphrase-wrapped identity of each partner
//! who has a passphrase, and the passphrase events the timeline shows (set, changed, removed,
//! by whom). Only ciphertext and public keys are stored here; `crate::keys` does the rest.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension as _, params};

use super::clock::Stamp;
use super::new_uuid;

/// A partner's stored key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerKey {
    pub partner_id: i64,
    /// The `age1…` public key private words are encrypted to.
    pub recipient: String,
    /// The identity wrapped under the passphrase.
    pub wrapped: Vec<u8>,
    /// Who set the passphrase (the partner themselves, or the other one).
    pub set_by: Option<i64>,
}

pub fn get(conn: &Connection, partner_id: i64) -> rusqlite::Result<Option<PartnerKey>> {
    conn.query_row(
        "SELECT partner_id, recipient, wrapped, set_by FROM partner_keys WHERE partner_id = ?1",
        [partner_id],
        |r| {
            Ok(PartnerKey {
                partner_id: r.get(0)?,
                recipient: r.get(1)?,
                wrapped: r.get(2)?,
                set_by: r.get(3)?,
            })
        },
    )
    .optional()
}

/// The partners who have a passphrase.
pub fn with_passphrase(conn: &Connection) -> rusqlite::Result<HashSet<i64>> {
    let mut stmt = conn.prepare_cached("SELECT partner_id FROM partner_keys")?;
    stmt.query_map([], |r| r.get(0))?.collect()
}

/// Stores a partner's key: a new one, or the same identity wrapped under a new passphrase.
/// `set_by` becomes whoever set this passphrase (`stamp.by`): the one who knows it.
pub fn put(
    conn: &Connection,
    stamp: &Stamp,
    partner_id: i64,
    recipient: &str,
    wrapped: &[u8],
) -> rusqlite::Result<()> {
    // Made here: words may be encrypted to it on this computer.
    mark_opened_here(conn, partner_id, recipient)?;
    conn.execute(
        "DELETE FROM partner_key_removals WHERE partner_id = ?1",
        [partner_id],
    )?;
    conn.execute(
        "INSERT INTO partner_keys (partner_id, uuid, recipient, wrapped, set_by, created_at,
                                   updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?5)
         ON CONFLICT (partner_id) DO UPDATE SET recipient = excluded.recipient,
             wrapped = excluded.wrapped, set_by = excluded.set_by,
             updated_at = excluded.updated_at,
             hlc = excluded.hlc, changed_by = excluded.changed_by",
        params![
            partner_id,
            new_uuid(),
            recipient,
            wrapped,
            stamp.by,
            stamp.at,
            stamp.text()
        ],
    )?;
    Ok(())
}

/// Removes a partner's key. The removal is a stamped record of its own (it travels, and wins
/// over an older key arriving from another journal of the couple).
pub fn remove(conn: &Connection, stamp: &Stamp, partner_id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO partner_key_removals
             (partner_id, set_by, created_at, removed_at, hlc, changed_by)
         SELECT partner_id, set_by, created_at, ?2, ?3, ?4 FROM partner_keys
         WHERE partner_id = ?1",
        params![partner_id, stamp.at, stamp.text(), stamp.by],
    )?;
    conn.execute(
        "DELETE FROM partner_keys WHERE partner_id = ?1",
        [partner_id],
    )?;
    Ok(())
}

/// What was done to a passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Set,
    Change,
    Remove,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Set => "set",
            Action::Change => "change",
            Action::Remove => "remove",
        }
    }
}

/// Records a passphrase event for the timeline.
pub fn record_event(
    conn: &Connection,
    stamp: &Stamp,
    partner_id: i64,
    action: Action,
    date: NaiveDate,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO passphrase_events (uuid, partner_id, by_id, action, date, created_at, hlc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new_uuid(),
            partner_id,
            stamp.by,
            action.as_str(),
            date,
            stamp.at,
            stamp.text()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// A passphrase set for a partner by the other partner, not yet shown to them here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetByOther {
    pub event_id: i64,
    pub by_name: String,
    pub date: NaiveDate,
}

/// The passphrase events that set `partner_id`'s passphrase by someone else and that this
/// journal has not yet shown to them.
pub fn unshown_set_by_other(
    conn: &Connection,
    partner_id: i64,
) -> rusqlite::Result<Vec<SetByOther>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, p.name, e.date FROM passphrase_events e
         JOIN partners p ON p.id = e.by_id
         WHERE e.partner_id = ?1 AND e.by_id <> e.partner_id AND e.action = 'set'
           AND e.told_hlc IS NULL
           AND e.id NOT IN (SELECT event_id FROM notices_shown)
         ORDER BY e.id",
    )?;
    stmt.query_map([partner_id], |r| {
        Ok(SetByOther {
            event_id: r.get(0)?,
            by_name: r.get(1)?,
            date: r.get(2)?,
        })
    })?
    .collect()
}

/// Records that the partner an event is for was told of it: a stamped change of the event,
/// so the couple's other journals learn it with the next sync and do not tell it again.
pub fn mark_told(conn: &Connection, stamp: &Stamp, event_id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE passphrase_events SET told_hlc = ?2, told_at = ?3
         WHERE id = ?1 AND told_hlc IS NULL",
        params![event_id, stamp.text(), stamp.at],
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO notices_shown (event_id, at) VALUES (?1, ?2)",
        params![event_id, stamp.at],
    )?;
    Ok(())
}

/// A passphrase event as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: i64,
    pub partner: String,
    pub by: Option<String>,
    pub action: String,
    pub date: NaiveDate,
}

/// Passphrase events between two dates, newest first.
pub fn events(
    conn: &Connection,
    since: NaiveDate,
    until: NaiveDate,
) -> rusqlite::Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, p.name, b.name, e.action, e.date FROM passphrase_events e
         JOIN partners p ON p.id = e.partner_id
         LEFT JOIN partners b ON b.id = e.by_id
         WHERE e.date BETWEEN ?1 AND ?2
         ORDER BY e.date DESC, e.id DESC",
    )?;
    stmt.query_map(params![since, until], |r| {
        Ok(Event {
            id: r.get(0)?,
            partner: r.get(1)?,
            by: r.get(2)?,
            action: r.get(3)?,
            date: r.get(4)?,
        })
    })?
    .collect()
}

/// A partner's key record as the merge compares it: their key, or its removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub removed: bool,
    pub recipient: Option<String>,
    pub wrapped: Option<Vec<u8>>,
    pub hlc: String,
}

impl Stored {
    /// Whether the two say the same: both removed, or the same key under the same passphrase.
    pub fn same_key(&self, other: &Stored) -> bool {
        (self.removed, &self.recipient, &self.wrapped)
            == (other.removed, &other.recipient, &other.wrapped)
    }

    /// What breaks a tie between two contents under one stamp, the same in every journal.
    pub fn text(&self) -> (bool, String, Vec<u8>) {
        (
            self.removed,
            self.recipient.clone().unwrap_or_default(),
            self.wrapped.clone().unwrap_or_default(),
        )
    }
}

/// `partner_id`'s key record: their key, or its removal; `None` if they never had one.
pub fn record_of(conn: &Connection, partner_id: i64) -> rusqlite::Result<Option<Stored>> {
    conn.prepare_cached(
        "SELECT 0, recipient, wrapped, hlc FROM partner_keys WHERE partner_id = ?1
         UNION ALL
         SELECT 1, NULL, NULL, hlc FROM partner_key_removals WHERE partner_id = ?1",
    )?
    .query_row([partner_id], |r| {
        Ok(Stored {
            removed: r.get(0)?,
            recipient: r.get(1)?,
            wrapped: r.get(2)?,
            hlc: r.get(3)?,
        })
    })
    .optional()
}

/// Writes a key record another journal made (the merge decided it wins): the key, or its
/// removal, with that journal's stamp, setter and times.
pub fn merge_in(
    conn: &Connection,
    partner_id: i64,
    record: &Stored,
    set_by: Option<i64>,
    changed_by: Option<i64>,
    created_at: &str,
    set_at: &str,
) -> rusqlite::Result<()> {
    if record.removed {
        conn.execute(
            "DELETE FROM partner_keys WHERE partner_id = ?1",
            [partner_id],
        )?;
        conn.execute(
            "INSERT OR REPLACE INTO partner_key_removals
                 (partner_id, set_by, created_at, removed_at, hlc, changed_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                partner_id, set_by, created_at, set_at, record.hlc, changed_by
            ],
        )?;
        return Ok(());
    }
    conn.execute(
        "DELETE FROM partner_key_removals WHERE partner_id = ?1",
        [partner_id],
    )?;
    conn.execute(
        "INSERT INTO partner_keys (partner_id, uuid, recipient, wrapped, set_by, created_at,
                                   updated_at, hlc, changed_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (partner_id) DO UPDATE SET recipient = excluded.recipient,
             wrapped = excluded.wrapped, set_by = excluded.set_by,
             created_at = excluded.created_at, updated_at = excluded.updated_at,
             hlc = excluded.hlc, changed_by = excluded.changed_by",
        params![
            partner_id,
            new_uuid(),
            record.recipient,
            record.wrapped,
            set_by,
            created_at,
            set_at,
            record.hlc,
            changed_by
        ],
    )?;
    Ok(())
}

/// How many of `partner_id`'s entries hold private words.
pub fn private_count(conn: &Connection, partner_id: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM checkins WHERE partner_id = ?1 AND private IS NOT NULL)
              + (SELECT count(*) FROM notes WHERE partner_id = ?1 AND ciphertext IS NOT NULL)
              + (SELECT count(*) FROM feelings WHERE partner_id = ?1 AND length(private) > 0)",
        [partner_id],
        |r| r.get(0),
    )
}

/// Deletes `partner_id`'s private words for good (their passphrase is being removed, and
/// without the key nobody could read them): the check-ins stay, with their scores and
/// feelings, and their words are gone. Returns how many entries lost their words.
pub fn forget_private(
    conn: &Connection,
    stamp: &Stamp,
    partner_id: i64,
) -> rusqlite::Result<usize> {
    let checkins = conn.execute(
        "UPDATE checkins SET private = NULL, updated_at = ?2, hlc = ?3, changed_by = ?4
         WHERE partner_id = ?1 AND private IS NOT NULL",
        params![partner_id, stamp.at, stamp.text(), stamp.by],
    )?;
    // A check-in's feelings carry its stamp, so that they travel with it.
    conn.execute(
        "UPDATE feelings SET hlc = ?2, changed_by = ?3
         WHERE checkin_id IN (SELECT id FROM checkins WHERE partner_id = ?1 AND hlc = ?2)",
        params![partner_id, stamp.text(), stamp.by],
    )?;
    // A private note or feeling stays as its stub ("Sam wrote a private note"): the words
    // are gone, not that something was written.
    let notes = conn.execute(
        "UPDATE notes SET ciphertext = NULL, updated_at = ?2, hlc = ?3, changed_by = ?4
         WHERE partner_id = ?1 AND ciphertext IS NOT NULL",
        params![partner_id, stamp.at, stamp.text(), stamp.by],
    )?;
    let feelings = conn.execute(
        "UPDATE feelings SET private = x'', updated_at = ?2, hlc = ?3, changed_by = ?4
         WHERE partner_id = ?1 AND length(private) > 0",
        params![partner_id, stamp.at, stamp.text(), stamp.by],
    )?;
    // Their earlier versions' ciphertext goes too (nothing could open it any more).
    conn.execute(
        "UPDATE revisions SET body = json_remove(body, '$.ciphertext')
         WHERE json_extract(body, '$.ciphertext') IS NOT NULL
           AND (json_extract(body, '$.partner_uuid') = (SELECT uuid FROM partners WHERE id = ?1))",
        [partner_id],
    )?;
    Ok(checkins + notes + feelings)
}

/// Whether this partner's key (its recipient) was made or opened on this computer as theirs: private words are
/// encrypted only to such a key (one that merely arrived by import or sync could be someone
/// else's). See migration 10.
pub fn opened_here(conn: &Connection, partner_id: i64, recipient: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT count(*) FROM keys_opened_here WHERE partner_id = ?1 AND recipient = ?2",
    )?
    .query_row(params![partner_id, recipient], |r| r.get::<_, i64>(0))
    .map(|n| n > 0)
}

/// Notes that this key was made or opened on this computer (device-local; never exported).
pub fn mark_opened_here(
    conn: &Connection,
    partner_id: i64,
    recipient: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO keys_opened_here (partner_id, recipient) VALUES (?1, ?2)",
    )?
    .execute(params![partner_id, recipient])?;
    Ok(())
}
