//! Two devices (issue 17): this journal's side of a sync folder. The journal keeps its sync
//! settings, the batches it has written (`sync_outbox`), the devices it has seen and the
//! batches it has read from them (`sync_devices`, `sync_inbox`); all device-local, never
//! exported. [`folder`] reads and writes the files in the folder; [`exchange`] moves changes
//! both ways through it.
//!
//! A batch is a small export document: the versions this journal stamped (or imported) since
//! its previous batch, read with `exchange::read::read_changed`, and merged on the other side
//! by the same merge `import` uses, so any order of arrival gives the same journal.

pub mod exchange;
pub mod folder;

use std::path::PathBuf;

use rusqlite::{Connection, OptionalExtension as _, params};

use crate::domain::exchange::Document;
use crate::domain::hlc::{DeviceId, Hlc};
use crate::domain::sync::code::Secret;
use crate::domain::sync::seal::SyncKey;
use crate::store::clock;

/// This journal's sync settings.
#[derive(Clone)]
pub struct Settings {
    pub dir: PathBuf,
    pub key: SyncKey,
    pub sign_secret: [u8; 32],
    /// The partner this device belongs to.
    pub owner_id: Option<i64>,
    /// Whether a write is followed by a sync.
    pub auto: bool,
    pub next_seq: u64,
    pub sent_upto: String,
    pub paired_at: String,
    pub last_sync_at: Option<String>,
    /// Why the last sync could not reach the folder.
    pub waiting: Option<String>,
}

fn array<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    bytes.try_into().ok()
}

/// The settings, if this journal syncs.
pub fn settings(conn: &Connection) -> rusqlite::Result<Option<Settings>> {
    let row = conn
        .query_row(
            "SELECT dir, secret, sign_secret, owner_id, auto, next_seq, sent_upto, paired_at,
                    last_sync_at, waiting
             FROM sync_settings WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, bool>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                ))
            },
        )
        .optional()?;
    let Some((dir, secret, sign, owner_id, auto, next_seq, sent_upto, paired_at, last, waiting)) =
        row
    else {
        return Ok(None);
    };
    let (Some(secret), Some(sign_secret)) = (array::<16>(&secret), array::<32>(&sign)) else {
        return Ok(None);
    };
    Ok(Some(Settings {
        dir: PathBuf::from(dir),
        key: SyncKey::new(secret),
        sign_secret,
        owner_id,
        auto,
        next_seq: u64::try_from(next_seq).unwrap_or(1),
        sent_upto,
        paired_at,
        last_sync_at: last,
        waiting,
    }))
}

/// Records that this journal syncs through `dir` with `secret`, as a device owned by
/// `owner_id`; everything it holds goes in its first batch.
pub fn pair(
    conn: &Connection,
    dir: &str,
    secret: &Secret,
    sign_secret: &[u8; 32],
    owner_id: Option<i64>,
    auto: bool,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM sync_outbox", [])?;
    conn.execute(
        "INSERT OR REPLACE INTO sync_settings (id, dir, secret, sign_secret, owner_id, auto, paired_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
        params![dir, secret.as_slice(), sign_secret.as_slice(), owner_id, auto, at],
    )?;
    Ok(())
}

/// A new sync key (`sync rekey`): batches written from now on are sealed with it, and the next
/// one holds everything again, so a device that has the new code can start from it.
pub fn rekey(conn: &Connection, secret: &Secret) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE sync_settings SET secret = ?1, sent_upto = '' WHERE id = 1",
        params![secret.as_slice()],
    )?;
    Ok(())
}

/// This journal stops syncing (`sync leave`): its settings, key, owner and what it knew of the
/// folder are forgotten. The journal's records are untouched.
pub fn leave(conn: &Connection) -> rusqlite::Result<()> {
    for table in ["sync_inbox", "sync_devices", "sync_outbox", "sync_settings"] {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    Ok(())
}

/// The partner this device belongs to, if it syncs and `--as` named one at `sync init` or
/// `sync join`. Issue 15 reads this: the owner writes here without a passphrase, and is the
/// default `--as`.
pub fn owner(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT owner_id FROM sync_settings WHERE id = 1", [], |r| {
            r.get::<_, Option<i64>>(0)
        })
        .optional()?
        .flatten())
}

/// What of a batch may leave this device: everything but private words. A private record
/// travels as its stub (`"private": true`, `"ciphertext": null`): its shared parts (a
/// check-in's scores and feelings) reach the other device, which shows that there are private
/// words, and the words stay here. Every batch passes through here before it is sealed.
pub fn keep_private_words_here(doc: &mut Document) {
    doc.strip_private();
}

/// After an import into a journal that syncs: the imported versions keep their own stamps,
/// which may be older than the last batch, so the next batch holds everything again.
pub fn send_everything_again(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("UPDATE sync_settings SET sent_upto = '' WHERE id = 1", [])?;
    Ok(())
}

/// Notes whether the folder was reached (`waiting` None) or why not.
pub fn set_waiting(conn: &Connection, waiting: Option<&str>, at: &str) -> rusqlite::Result<()> {
    if waiting.is_none() {
        conn.execute(
            "UPDATE sync_settings SET waiting = NULL, last_sync_at = ?1 WHERE id = 1",
            [at],
        )?;
    } else {
        conn.execute(
            "UPDATE sync_settings SET waiting = ?1 WHERE id = 1",
            [waiting],
        )?;
    }
    Ok(())
}

/// The clock's state as the upper end of a range of stamps: every stamp made or seen so far
/// is at most this.
pub fn clock_mark(conn: &Connection) -> rusqlite::Result<String> {
    let (ms, counter) = clock::state(conn)?;
    Ok(Hlc {
        ms,
        counter,
        device: DeviceId([0xff; 8]),
    }
    .encode())
}

/// Whether changes have been made (or imported) here since the last batch.
pub fn has_unsent(conn: &Connection) -> rusqlite::Result<bool> {
    let Some(settings) = settings(conn)? else {
        return Ok(false);
    };
    let unwritten: i64 = conn.query_row(
        "SELECT count(*) FROM sync_outbox WHERE written_at IS NULL",
        [],
        |r| r.get(0),
    )?;
    Ok(unwritten > 0 || clock_mark(conn)? > settings.sent_upto)
}

/// A batch number taken, with the range of stamps it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    pub seq: u64,
    pub snapshot: bool,
    pub from: String,
    pub to: String,
}

/// Takes the next batch number for the stamps since the last batch, inside the caller's
/// write transaction; `None` when there is nothing new. A snapshot covers everything.
pub fn allocate(conn: &Connection, snapshot: bool) -> rusqlite::Result<Option<Allocation>> {
    let Some(settings) = settings(conn)? else {
        return Ok(None);
    };
    let to = clock_mark(conn)?;
    if !snapshot && to <= settings.sent_upto {
        return Ok(None);
    }
    let from = if snapshot {
        String::new()
    } else {
        settings.sent_upto.clone()
    };
    let seq = settings.next_seq;
    conn.execute(
        "UPDATE sync_settings SET next_seq = ?1, sent_upto = max(sent_upto, ?2) WHERE id = 1",
        params![(seq + 1) as i64, to],
    )?;
    conn.execute(
        "INSERT INTO sync_outbox (seq, snapshot, from_hlc, to_hlc) VALUES (?1, ?2, ?3, ?4)",
        params![seq as i64, snapshot, from, to],
    )?;
    Ok(Some(Allocation {
        seq,
        snapshot,
        from,
        to,
    }))
}

/// Marks the range up to the clock as sent without a batch (it held nothing of this device's).
pub fn skip_to(conn: &Connection, to: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE sync_settings SET sent_upto = max(sent_upto, ?1) WHERE id = 1",
        [to],
    )?;
    Ok(())
}

/// Batches numbered but not yet in the folder, oldest first.
pub fn unwritten(conn: &Connection) -> rusqlite::Result<Vec<Allocation>> {
    let mut stmt = conn.prepare(
        "SELECT seq, snapshot, from_hlc, to_hlc FROM sync_outbox WHERE written_at IS NULL ORDER BY seq",
    )?;
    stmt.query_map([], |r| {
        Ok(Allocation {
            seq: r.get::<_, i64>(0)? as u64,
            snapshot: r.get(1)?,
            from: r.get(2)?,
            to: r.get(3)?,
        })
    })?
    .collect()
}

pub fn mark_written(
    conn: &Connection,
    seq: u64,
    records: usize,
    bytes: usize,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE sync_outbox SET records = ?2, bytes = ?3, written_at = ?4 WHERE seq = ?1",
        params![seq as i64, records as i64, bytes as i64, at],
    )?;
    Ok(())
}

/// A batch this device wrote.
#[derive(Debug, Clone)]
pub struct Sent {
    pub seq: u64,
    pub snapshot: bool,
    pub records: Option<i64>,
    pub bytes: Option<i64>,
    pub written_at: Option<String>,
}

pub fn sent(conn: &Connection) -> rusqlite::Result<Vec<Sent>> {
    let mut stmt = conn.prepare(
        "SELECT seq, snapshot, records, bytes, written_at FROM sync_outbox ORDER BY seq",
    )?;
    stmt.query_map([], |r| {
        Ok(Sent {
            seq: r.get::<_, i64>(0)? as u64,
            snapshot: r.get(1)?,
            records: r.get(2)?,
            bytes: r.get(3)?,
            written_at: r.get(4)?,
        })
    })?
    .collect()
}

/// This journal's device id was found in use in the folder (a copied or restored journal):
/// it becomes a new device, with a new signing key, whose first batch holds everything.
pub fn become_new_device(
    conn: &Connection,
    device: DeviceId,
    sign_secret: &[u8; 32],
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE this_device SET device = ?1 WHERE id = 1",
        [device.to_string()],
    )?;
    conn.execute(
        "UPDATE sync_settings SET sign_secret = ?1, next_seq = 1, sent_upto = '' WHERE id = 1",
        [sign_secret.as_slice()],
    )?;
    conn.execute("DELETE FROM sync_outbox", [])?;
    Ok(())
}

/// Another device as this journal knows it.
#[derive(Debug, Clone)]
pub struct Device {
    pub device: String,
    pub sign_key: [u8; 32],
    pub owner_uuid: Option<String>,
    pub first_seen: String,
    pub covered_upto: u64,
}

pub fn devices(conn: &Connection) -> rusqlite::Result<Vec<Device>> {
    let mut stmt = conn.prepare(
        "SELECT device, sign_key, owner_uuid, first_seen, covered_upto FROM sync_devices ORDER BY first_seen, device",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (device, key, owner_uuid, first_seen, covered) = row?;
        if let Some(sign_key) = array::<32>(&key) {
            out.push(Device {
                device,
                sign_key,
                owner_uuid,
                first_seen,
                covered_upto: u64::try_from(covered).unwrap_or(0),
            });
        }
    }
    Ok(out)
}

/// Pins a device's signing key the first time one of its batches is applied, and notes whose
/// device it is and what its snapshot covers.
pub fn saw_device(
    conn: &Connection,
    device: &str,
    sign_key: &[u8; 32],
    owner_uuid: Option<&str>,
    covered_upto: u64,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sync_devices (device, sign_key, owner_uuid, first_seen, covered_upto)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (device) DO UPDATE SET
             owner_uuid = coalesce(excluded.owner_uuid, owner_uuid),
             covered_upto = max(covered_upto, excluded.covered_upto)",
        params![
            device,
            sign_key.as_slice(),
            owner_uuid,
            at,
            covered_upto as i64
        ],
    )?;
    Ok(())
}

/// What became of one file read from another device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub device: String,
    pub seq: u64,
    pub status: String,
    pub detail: Option<String>,
    pub bytes: Option<i64>,
    pub seen_at: String,
}

pub fn received(conn: &Connection) -> rusqlite::Result<Vec<Received>> {
    let mut stmt = conn.prepare(
        "SELECT device, seq, status, detail, bytes, seen_at FROM sync_inbox ORDER BY device, seq",
    )?;
    stmt.query_map([], |r| {
        Ok(Received {
            device: r.get(0)?,
            seq: r.get::<_, i64>(1)? as u64,
            status: r.get(2)?,
            detail: r.get(3)?,
            bytes: r.get(4)?,
            seen_at: r.get(5)?,
        })
    })?
    .collect()
}

/// Records what became of a file (an applied one keeps its first date).
pub fn note_received(
    conn: &Connection,
    device: &str,
    seq: u64,
    status: &str,
    detail: Option<&str>,
    bytes: usize,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sync_inbox (device, seq, status, detail, bytes, seen_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (device, seq) DO UPDATE SET
             status = excluded.status, detail = excluded.detail, bytes = excluded.bytes,
             seen_at = CASE WHEN status = 'applied' THEN seen_at ELSE excluded.seen_at END",
        params![device, seq as i64, status, detail, bytes as i64, at],
    )?;
    Ok(())
}
