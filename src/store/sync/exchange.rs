//! Moving changes through the folder: [`send`] writes this journal's new versions as a batch,
//! [`receive`] applies the other devices' batches. Neither runs inside another command's
//! write: each takes its own short transactions, so a command's change is saved first and a
//! folder that is missing or read-only only makes the change wait.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::Context as _;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::folder::{self, Entry};
use super::{Allocation, Settings};
use crate::domain::exchange::{self, Document, Problem};
use crate::domain::hlc::DeviceId;
use crate::domain::sync::header::{self, Sorted};
use crate::domain::sync::names::Name;
use crate::domain::sync::seal::{self, Unreadable};
use crate::store::clock::{self, wall};
use crate::store::exchange::read::read_changed;
use crate::store::{Store, sync};

/// What a batch says of itself, inside the encryption (the header says it too, in the clear).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Info {
    pub device: String,
    pub seq: u64,
    pub snapshot: bool,
    /// The partner the writing device belongs to.
    pub owner_uuid: Option<String>,
}

#[derive(Deserialize)]
struct Wrapper {
    batch: Info,
}

/// A batch written.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    pub seq: u64,
    pub snapshot: bool,
    pub records: usize,
    pub bytes: usize,
}

/// A batch applied.
#[derive(Debug, Clone, Serialize)]
pub struct Applied {
    pub device: String,
    pub seq: u64,
    pub snapshot: bool,
    /// Records added, replaced or deleted by it.
    pub changed: u64,
}

/// A file that was not applied, and why.
#[derive(Debug, Clone, Serialize)]
pub struct NotApplied {
    pub device: String,
    pub seq: u64,
    /// `held` (tried again at every sync), `damaged`, `foreign`, `newer`, `other-key`.
    pub status: String,
    pub detail: String,
}

/// What one exchange did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub sent: Vec<Written>,
    pub applied: Vec<Applied>,
    pub not_applied: Vec<NotApplied>,
    /// Files still arriving (partly copied, or placeholders of a file-sync tool).
    pub arriving: usize,
    /// Conflict copies a file-sync tool made of batches.
    pub conflict_copies: usize,
    /// Set when this journal found its device id in use in the folder and took a new one.
    pub new_device: Option<String>,
}

fn random<const N: usize>() -> anyhow::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(|e| anyhow::anyhow!("no random numbers: {e}"))?;
    Ok(bytes)
}

/// A new random device id.
pub fn new_device_id() -> anyhow::Result<DeviceId> {
    Ok(DeviceId::from_random(random()?))
}

/// A new random key: the sync secret or a signing key.
pub fn new_secret<const N: usize>() -> anyhow::Result<[u8; N]> {
    random()
}

/// How many versions a document holds.
pub fn records_in(doc: &Document) -> usize {
    crate::domain::kind::RecordKind::ALL
        .iter()
        .map(|kind| doc.len(*kind))
        .sum::<usize>()
        + doc.tombstones.len()
        + doc.revisions.len()
        + doc.withdrawals.len()
        + doc.passphrase_records()
}

/// The versions of a range that leave this device, private words as their stub (see
/// [`sync::keep_private_words_here`]). Versions another
/// device stamped are sent again when they fall in the range (it happens when they arrived
/// while changes made here were waiting): a merge may have given them a new identity here
/// (one check-in per person and day, one partner per name), and merging them twice changes
/// nothing.
fn batch_document(conn: &Connection, a: &Allocation, at: &str) -> anyhow::Result<Document> {
    let mut doc = read_changed(conn, &a.from, &a.to, at.to_string())?;
    sync::keep_private_words_here(&mut doc);
    Ok(doc)
}

/// The plaintext of a batch: an export document with a `batch` object saying what it is.
fn payload(doc: &Document, info: &Info) -> anyhow::Result<Vec<u8>> {
    let mut value = serde_json::to_value(doc)?;
    if let Some(object) = value.as_object_mut() {
        object.insert("batch".into(), serde_json::to_value(info)?);
    }
    Ok(serde_json::to_vec(&value)?)
}

fn owner_uuid(conn: &Connection, owner: Option<i64>) -> rusqlite::Result<Option<String>> {
    let Some(id) = owner else {
        return Ok(None);
    };
    use rusqlite::OptionalExtension as _;
    conn.query_row("SELECT uuid FROM partners WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()
}

/// Whether this journal's device id is in use by another journal: a file in its own folder
/// that it did not write (numbered at or beyond its next number), or a conflict copy.
fn device_in_use(dir: &Path, device: DeviceId, next_seq: u64) -> std::io::Result<bool> {
    Ok(folder::files_of(&folder::own_folder(dir, device))?
        .iter()
        .any(|e| match e.name {
            Name::Batch(n) | Name::Snapshot(n) => n >= next_seq,
            Name::ConflictCopy => true,
            _ => false,
        }))
}

/// Writes this journal's unsent changes as a batch (or, with `snapshot`, everything it holds
/// as one snapshot), and any batch numbered earlier that could not be written then.
pub fn send(
    store: &mut Store,
    now: &DateTime<Utc>,
    snapshot: bool,
    report: &mut Report,
) -> anyhow::Result<()> {
    let at = wall(now);
    let Some(settings) = sync::settings(store.conn())? else {
        return Ok(());
    };
    let dir = settings.dir.clone();
    let device = clock::device(store.conn())?;
    if device_in_use(&dir, device, settings.next_seq)? {
        let new = new_device_id()?;
        let sign: [u8; 32] = new_secret()?;
        store.write(|tx| Ok(sync::become_new_device(tx, new, &sign)?))?;
        report.new_device = Some(new.to_string());
    }
    // The range and its number are taken under the write lock, so two commands never take the
    // same number; what it holds is read again when the file is written.
    store.write(|tx| {
        let Some(s) = sync::settings(tx)? else {
            return Ok(());
        };
        let to = sync::clock_mark(tx)?;
        if !snapshot {
            if to <= s.sent_upto {
                return Ok(());
            }
            let probe = Allocation {
                seq: s.next_seq,
                snapshot: false,
                from: s.sent_upto.clone(),
                to: to.clone(),
            };
            if records_in(&batch_document(tx, &probe, &at)?) == 0 {
                sync::skip_to(tx, &to)?;
                return Ok(());
            }
        }
        sync::allocate(tx, snapshot)?;
        Ok(())
    })?;
    let settings = sync::settings(store.conn())?.context("sync settings vanished")?;
    let device = clock::device(store.conn())?;
    let owner = owner_uuid(store.conn(), settings.owner_id)?;
    for a in sync::unwritten(store.conn())? {
        let doc = {
            let tx = rusqlite::Transaction::new_unchecked(
                store.conn(),
                rusqlite::TransactionBehavior::Deferred,
            )?;
            let doc = batch_document(&tx, &a, &at)?;
            tx.finish()?;
            doc
        };
        let info = Info {
            device: device.to_string(),
            seq: a.seq,
            snapshot: a.snapshot,
            owner_uuid: owner.clone(),
        };
        let plain = payload(&doc, &info)?;
        let file = seal::batch_file(
            &settings.key,
            &settings.sign_secret,
            device,
            a.seq,
            a.snapshot,
            &plain,
        )
        .map_err(|e| anyhow::anyhow!("cannot seal batch {}: {e}", a.seq))?;
        folder::write_batch(&dir, device, a.seq, a.snapshot, &file)
            .with_context(|| format!("cannot write into the sync folder {}", dir.display()))?;
        let records = records_in(&doc);
        store.write(|tx| Ok(sync::mark_written(tx, a.seq, records, file.len(), &at)?))?;
        report.sent.push(Written {
            seq: a.seq,
            snapshot: a.snapshot,
            records,
            bytes: file.len(),
        });
    }
    Ok(())
}

/// One file's fate before a merge is tried.
enum Opened {
    /// Still arriving: wait.
    Arriving,
    Refused(&'static str, String),
    Ready {
        doc: Box<Document>,
        info: Info,
        sign_key: [u8; 32],
        bytes: usize,
    },
}

/// Which file: its device, number and whether it is a snapshot.
struct Which<'a> {
    device: DeviceId,
    seq: u64,
    snapshot: bool,
    entry: &'a Entry,
}

fn open_file(
    settings: &Settings,
    which: &Which<'_>,
    pinned: Option<&[u8; 32]>,
    today: NaiveDate,
    now: &DateTime<Utc>,
) -> Opened {
    let Which {
        device,
        seq,
        snapshot,
        entry,
    } = *which;
    let bytes = match std::fs::read(&entry.path) {
        Ok(bytes) => bytes,
        // Vanished or unreadable for now (a sync tool replacing it): try again next time.
        Err(_) => return Opened::Arriving,
    };
    let (h, ciphertext) = match header::sort(&bytes, device, seq, snapshot) {
        Sorted::Partial => return Opened::Arriving,
        Sorted::Foreign(why) => return Opened::Refused("foreign", why),
        Sorted::Newer(v) => {
            return Opened::Refused(
                "newer",
                format!(
                    "it was written by a newer rekindle (batch format {v}); update rekindle on this computer"
                ),
            );
        }
        Sorted::Damaged(why) => return Opened::Refused("damaged", why),
        Sorted::Whole(h, c) => (h, c),
    };
    let plain = match seal::open_batch(&settings.key, &h, ciphertext, pinned) {
        Ok(plain) => plain,
        Err(Unreadable::OtherKey) => {
            return Opened::Refused(
                "other-key",
                "it is encrypted with a sync key this journal does not have (was this folder paired again elsewhere?)".into(),
            );
        }
        Err(Unreadable::Foreign(why)) => return Opened::Refused("foreign", why),
        Err(Unreadable::Damaged(why)) => return Opened::Refused("damaged", why),
    };
    let info = match serde_json::from_slice::<Wrapper>(&plain) {
        Ok(w) => w.batch,
        Err(e) => return Opened::Refused("damaged", format!("its contents are not a batch ({e})")),
    };
    if info.device != device.to_string() || info.seq != seq || info.snapshot != snapshot {
        return Opened::Refused(
            "damaged",
            "its contents say it is another batch than its name".into(),
        );
    }
    let doc = match exchange::parse(&plain).and_then(|d| exchange::check(d, today, now)) {
        Ok(doc) => doc,
        Err(p) => return Opened::Refused("held", problem_words(&p)),
    };
    Opened::Ready {
        doc: Box::new(doc),
        info,
        sign_key: h.sign_key,
        bytes: bytes.len(),
    }
}

fn problem_words(p: &Problem) -> String {
    p.clone().into_user_error("the batch").to_string()
}

/// Applies every batch of the other devices that this journal has not applied yet, in any
/// order, trying held ones again while progress is made.
pub fn receive(
    store: &mut Store,
    today: NaiveDate,
    now: &DateTime<Utc>,
    report: &mut Report,
) -> anyhow::Result<()> {
    let at = wall(now);
    let Some(settings) = sync::settings(store.conn())? else {
        return Ok(());
    };
    let me = clock::device(store.conn())?;
    let listing = folder::list(&settings.dir)
        .with_context(|| format!("cannot read the sync folder {}", settings.dir.display()))?;
    let mut applied: HashSet<(String, u64)> = sync::received(store.conn())?
        .into_iter()
        .filter(|r| r.status == "applied")
        .map(|r| (r.device, r.seq))
        .collect();
    let mut outcome: HashMap<(String, u64), NotApplied> = HashMap::new();
    let mut first = true;
    loop {
        let mut progress = false;
        for (device, entries) in &listing {
            if *device == me {
                continue;
            }
            let name = device.to_string();
            for entry in entries {
                let (seq, snapshot) = match entry.name {
                    Name::Batch(n) => (n, false),
                    Name::Snapshot(n) => (n, true),
                    Name::Arriving => {
                        report.arriving += usize::from(first);
                        continue;
                    }
                    Name::ConflictCopy => {
                        report.conflict_copies += usize::from(first);
                        continue;
                    }
                    Name::Other => continue,
                };
                if applied.contains(&(name.clone(), seq)) {
                    continue;
                }
                let known = sync::devices(store.conn())?;
                let this = known.iter().find(|d| d.device == name);
                if !snapshot && this.is_some_and(|d| seq <= d.covered_upto) {
                    continue;
                }
                let pinned = this.map(|d| d.sign_key);
                let which = Which {
                    device: *device,
                    seq,
                    snapshot,
                    entry,
                };
                match open_file(&settings, &which, pinned.as_ref(), today, now) {
                    Opened::Arriving => {
                        report.arriving += usize::from(first);
                    }
                    Opened::Refused(status, detail) => {
                        outcome.insert(
                            (name.clone(), seq),
                            NotApplied {
                                device: name.clone(),
                                seq,
                                status: status.into(),
                                detail,
                            },
                        );
                    }
                    Opened::Ready {
                        doc,
                        info,
                        sign_key,
                        bytes,
                    } => {
                        let result = store.write(|tx| {
                            // When nothing made here waits to be sent, the stamps this batch
                            // moves the clock past are not this journal's to send.
                            let caught_up = sync::settings(tx)?.is_some_and(|s| {
                                s.sent_upto >= sync::clock_mark(tx).unwrap_or_default()
                            });
                            match crate::store::exchange::merge(tx, &doc, now)? {
                                Ok(merged) => {
                                    if caught_up {
                                        sync::skip_to(tx, &sync::clock_mark(tx)?)?;
                                    }
                                    sync::saw_device(
                                        tx,
                                        &name,
                                        &sign_key,
                                        info.owner_uuid.as_deref(),
                                        if snapshot { seq } else { 0 },
                                        &at,
                                    )?;
                                    sync::note_received(
                                        tx, &name, seq, "applied", None, bytes, &at,
                                    )?;
                                    let c = merged.counts;
                                    let changed = crate::domain::kind::RecordKind::ALL
                                        .into_iter()
                                        .map(|k| {
                                            let t = c.get(k);
                                            t.added + t.updated + t.removed
                                        })
                                        .sum::<u64>()
                                        + merged.deleted.len() as u64
                                        + merged.passphrase_events
                                        + merged
                                            .keys
                                            .iter()
                                            .filter(|k| {
                                                k.outcome
                                                    != crate::store::exchange::KeyOutcome::KeptOurs
                                            })
                                            .count()
                                            as u64;
                                    Ok(changed)
                                }
                                // Nothing of it is written: the transaction rolls back.
                                Err(problem) => Err(anyhow::Error::new(Held(problem))),
                            }
                        });
                        match result {
                            Ok(changed) => {
                                applied.insert((name.clone(), seq));
                                outcome.remove(&(name.clone(), seq));
                                report.applied.push(Applied {
                                    device: name.clone(),
                                    seq,
                                    snapshot,
                                    changed,
                                });
                                progress = true;
                            }
                            Err(e) => match e.downcast::<Held>() {
                                Ok(Held(problem)) => {
                                    outcome.insert(
                                        (name.clone(), seq),
                                        NotApplied {
                                            device: name.clone(),
                                            seq,
                                            status: "held".into(),
                                            detail: problem_words(&problem),
                                        },
                                    );
                                }
                                Err(e) => return Err(e),
                            },
                        }
                    }
                }
            }
        }
        // Held batches may apply now that others have: go round again while that happens.
        if !progress || outcome.is_empty() {
            break;
        }
        first = false;
    }
    let mut not_applied: Vec<NotApplied> = outcome.into_values().collect();
    not_applied.sort_by(|a, b| (&a.device, a.seq).cmp(&(&b.device, b.seq)));
    store.write(|tx| {
        for n in &not_applied {
            sync::note_received(tx, &n.device, n.seq, &n.status, Some(&n.detail), 0, &at)?;
        }
        Ok(())
    })?;
    report.not_applied = not_applied;
    Ok(())
}

/// A batch whose merge was refused: kept aside and tried again at the next sync.
#[derive(Debug)]
struct Held(Problem);

impl std::fmt::Display for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.message)
    }
}

impl std::error::Error for Held {}

/// Sends, then receives; a folder that cannot be reached is noted (the changes wait) and
/// returned as the reason, not as an error.
pub fn exchange(
    store: &mut Store,
    today: NaiveDate,
    now: &DateTime<Utc>,
) -> anyhow::Result<(Report, Option<String>)> {
    let at = wall(now);
    let Some(settings) = sync::settings(store.conn())? else {
        return Ok((Report::default(), None));
    };
    let mut report = Report::default();
    let waiting = match folder::unreachable(&settings.dir) {
        Some(why) => Some(why),
        None => {
            let result = send(store, now, false, &mut report)
                .and_then(|()| receive(store, today, now, &mut report));
            match result {
                Ok(()) => None,
                Err(e)
                    if e.chain()
                        .any(|c| c.downcast_ref::<std::io::Error>().is_some()) =>
                {
                    Some(format!("{e:#}"))
                }
                Err(e) => return Err(e),
            }
        }
    };
    store.write(|tx| Ok(sync::set_waiting(tx, waiting.as_deref(), &at)?))?;
    Ok((report, waiting))
}
