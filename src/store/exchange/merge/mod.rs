//! Merging a checked export document into the journal, inside the caller's transaction.
//!
//! The merge is a function of the set of versions the two sides hold, so the order in which
//! files arrive cannot matter and a file merged twice changes nothing:
//!
//! - **A record is its greatest version** ([`Body::compare`]: the later stamp, with the two
//!   exceptions for what `init` sets up). The version that loses is kept as a revision, so
//!   nothing anyone wrote is lost by a merge; revisions are a set.
//! - **A tombstone wins** over every version of its record, whatever the stamps, and is kept
//!   for good: a version that arrives later for a deleted uuid is dropped.
//! - **One-per-something records** (a check-in per partner and day, an outcome per promise
//!   and day, a partner per name, the journal's start) written under two uuids are one
//!   record: the smaller uuid is its identity for ever, the other an alias, and each version
//!   remembers the uuid it was written under, so a tombstone of one uuid takes back only the
//!   versions written under it.
//! - Stamps from the file advance this journal's clock, so a change made here after the
//!   import is stamped later than everything in it.
//!
//! A reference to a record that is in neither the file nor the journal, a third partner, and
//! a few other impossibilities are refused as a [`Problem`], and the caller rolls back.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension as _, params};

use super::{Failure, Res, read, write};
use crate::domain::exchange::{
    Body, Counts, Document, PartnerKeyRecord, PassphraseEventRecord, Place, Problem, private_decode,
};
use crate::domain::hlc::Hlc;
use crate::domain::kind::RecordKind;
use crate::domain::model::same_name;
use crate::store::revisions::{self, Tombstone};
use crate::store::{clock, partner_keys};
use crate::text::prose::and_list;

/// A record an import touched: for the report, by kind, local id (gone for a deleted one),
/// day and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Touched {
    pub kind: RecordKind,
    pub id: Option<i64>,
    pub date: Option<String>,
    pub author: Option<i64>,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    pub counts: Counts,
    /// Records whose content the file's newer version replaced; the replaced version is kept
    /// as a revision.
    pub replaced: Vec<Touched>,
    /// Records the file's tombstones deleted.
    pub deleted: Vec<Touched>,
    /// Partners' keys the file brought, changed or removed, and those it held an older
    /// version of: one per partner, the greater stamp wins.
    pub keys: Vec<KeyMerged>,
    /// Passphrase events the file added (or told of: see `passphrase_events.told_hlc`).
    pub passphrase_events: u64,
}

impl Merged {
    pub fn changed(&self) -> bool {
        self.counts.changed()
            || self.passphrase_events > 0
            || self.keys.iter().any(|k| k.outcome != KeyOutcome::KeptOurs)
    }
}

/// What a merge did with one partner's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMerged {
    pub partner: i64,
    pub outcome: KeyOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOutcome {
    /// The partner had no passphrase here; now they have the file's.
    Added,
    /// The file's passphrase, set or changed later, replaced the one this journal held.
    Replaced,
    /// The file's removal, made later, removed the passphrase this journal held.
    Removed,
    /// This journal's passphrase (or its removal), changed later, was kept over a different
    /// one in the file.
    KeptOurs,
}

/// What happened to one version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Added,
    /// It replaced the journal's version, which is kept as a revision.
    Replaced,
    /// The journal had it, or a version that outranks it (kept as a revision if new).
    Skipped,
    /// Its record (or the record it belongs to) was deleted.
    Dropped,
}

/// Merges `doc` (already checked by `exchange::check`) into the journal behind `conn`. `now`
/// is this computer's clock, against which the file's stamps were checked.
pub fn merge(
    conn: &Connection,
    doc: &Document,
    now: &DateTime<Utc>,
) -> rusqlite::Result<Result<Merged, Problem>> {
    let mut merge = Merge {
        conn,
        out: Merged::default(),
        deferred: None,
    };
    Ok(match merge.run(doc, now) {
        Ok(()) => Ok(merge.out),
        Err(Failure::Refused(problem)) => Err(problem),
        Err(Failure::Sql(e)) => return Err(e),
    })
}

struct Merge<'a> {
    conn: &'a Connection,
    out: Merged,
    /// While the file's check-ins are merged: their feelings are written afterwards, in the
    /// file's order, into the rows named here (file uuid → row), so ids keep that order.
    deferred: Option<HashMap<String, i64>>,
}

/// The kinds whose records are one per something, so the same record may come under two
/// uuids.
fn has_natural_key(kind: RecordKind) -> bool {
    matches!(
        kind,
        RecordKind::Partner | RecordKind::Checkin | RecordKind::Outcome | RecordKind::Focus
    )
}

impl Merge<'_> {
    fn run(&mut self, doc: &Document, now: &DateTime<Utc>) -> Res {
        self.observe(doc, now)?;
        let partners: HashSet<&str> = doc.partners.iter().map(|p| p.uuid.as_str()).collect();
        let before: Vec<String> = self
            .conn
            .prepare("SELECT name FROM partners ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for (i, p) in doc.partners.iter().enumerate() {
            let at = Place::new(RecordKind::Partner, i);
            self.version(Body::Partner(p.clone()), None, &at, &partners, &[])?;
        }
        self.partners_are_a_couple(doc, &before)?;
        // Who changed a partner is a partner too, perhaps written just after it.
        for (i, p) in doc.partners.iter().enumerate() {
            if let (Some(by), Some(id)) = (
                p.changed_by_uuid.as_deref(),
                read::id_of(self.conn, RecordKind::Partner, &p.uuid)?,
            ) {
                let at = Place::new(RecordKind::Partner, i).field("changed_by_uuid");
                let by = write::partner(self.conn, &at, by)?;
                self.conn
                    .prepare_cached(
                        "UPDATE partners SET changed_by = ?2 WHERE id = ?1 AND hlc = ?3",
                    )?
                    .execute(params![id, by, p.hlc])?;
            }
        }
        for (i, t) in doc.tombstones.iter().enumerate() {
            self.tombstone(t, i)?;
        }
        let in_file = |kind: RecordKind| -> HashSet<String> {
            match kind {
                RecordKind::Checkin => doc.checkins.iter().map(|r| r.uuid.clone()).collect(),
                RecordKind::Outcome => doc.outcomes.iter().map(|r| r.uuid.clone()).collect(),
                RecordKind::Focus => doc.focus.iter().map(|r| r.uuid.clone()).collect(),
                _ => HashSet::new(),
            }
        };
        let listed: [HashSet<String>; 3] = [
            in_file(RecordKind::Checkin),
            in_file(RecordKind::Outcome),
            in_file(RecordKind::Focus),
        ];
        let listed_for = |kind: RecordKind| -> HashSet<&str> {
            let set = match kind {
                RecordKind::Checkin => &listed[0],
                RecordKind::Outcome => &listed[1],
                _ => &listed[2],
            };
            set.iter().map(String::as_str).collect()
        };
        for (i, p) in doc.promises.iter().enumerate() {
            let at = Place::new(RecordKind::Promise, i);
            self.version(Body::Promise(p.clone()), None, &at, &HashSet::new(), &[])?;
        }
        let by_checkin = doc.feelings_by_checkin();
        let checkins = listed_for(RecordKind::Checkin);
        self.deferred = Some(HashMap::new());
        for (i, c) in doc.checkins.iter().enumerate() {
            let at = Place::new(RecordKind::Checkin, i);
            let feelings: Vec<_> = by_checkin
                .get(c.uuid.as_str())
                .map(|fs| fs.iter().map(|f| (*f).clone()).collect())
                .unwrap_or_default();
            for f in &feelings {
                if f.date != c.date {
                    let j = doc
                        .feelings
                        .iter()
                        .position(|x| x.uuid == f.uuid)
                        .unwrap_or(0);
                    return Err(Failure::Refused(Problem::at(
                        &Place::new(RecordKind::Feeling, j).field("date"),
                        format!("{} is not the day of its check-in ({})", f.date, c.date),
                    )));
                }
            }
            self.version(
                Body::Checkin(c.clone(), feelings),
                None,
                &at,
                &checkins,
                &[],
            )?;
        }
        let written = self.deferred.take().unwrap_or_default();
        for (j, f) in doc.feelings.iter().enumerate() {
            let at = Place::new(RecordKind::Feeling, j);
            match f.checkin_uuid.as_deref() {
                // Counted with its check-in, and written now when its check-in's version was.
                Some(c) if checkins.contains(c) => {
                    if let Some(&row) = written.get(c) {
                        let hlc = doc
                            .checkins
                            .iter()
                            .find(|x| x.uuid == c)
                            .map_or("", |x| x.hlc.as_str());
                        write::feeling_of(self.conn, row, hlc, f, &at)?;
                    }
                }
                // A feeling of a check-in the file does not hold travels only with it.
                Some(c) => {
                    write::target(self.conn, RecordKind::Checkin, &at.field("checkin_uuid"), c)?;
                    self.tally(RecordKind::Feeling, Verdict::Skipped, 1);
                }
                None => {
                    self.version(Body::Feeling(f.clone()), None, &at, &HashSet::new(), &[])?;
                }
            }
        }
        let outcomes = listed_for(RecordKind::Outcome);
        for (i, o) in doc.outcomes.iter().enumerate() {
            let at = Place::new(RecordKind::Outcome, i);
            self.version(Body::Outcome(o.clone()), None, &at, &outcomes, &[])?;
        }
        for (i, a) in doc.apologies.iter().enumerate() {
            let at = Place::new(RecordKind::Apology, i);
            self.version(Body::Apology(a.clone()), None, &at, &HashSet::new(), &[])?;
        }
        for (i, r) in doc.responses.iter().enumerate() {
            let at = Place::new(RecordKind::Response, i);
            self.version(Body::Response(r.clone()), None, &at, &HashSet::new(), &[])?;
        }
        let focus = listed_for(RecordKind::Focus);
        for (i, f) in doc.focus.iter().enumerate() {
            let at = Place::new(RecordKind::Focus, i);
            self.version(Body::Focus(f.clone()), None, &at, &focus, &[])?;
        }
        for (i, m) in doc.meetings.iter().enumerate() {
            let at = Place::new(RecordKind::Meeting, i);
            self.version(Body::Meeting(m.clone()), None, &at, &HashSet::new(), &[])?;
        }
        for (i, e) in doc.exercises.iter().enumerate() {
            let at = Place::new(RecordKind::Exercise, i);
            self.version(Body::Exercise(e.clone()), None, &at, &HashSet::new(), &[])?;
        }
        for (i, n) in doc.notes.iter().enumerate() {
            let at = Place::new(RecordKind::Note, i);
            self.version(Body::Note(n.clone()), None, &at, &HashSet::new(), &[])?;
        }
        self.revisions(doc)?;
        self.withdrawals(doc)?;
        self.partner_uuids_in_revisions()?;
        for (i, k) in doc.partner_keys.iter().enumerate() {
            self.partner_key(k, i)?;
        }
        for (i, e) in doc.passphrase_events.iter().enumerate() {
            self.passphrase_event(e, i)?;
        }
        Ok(())
    }

    /// A partner's key from the file: one record per partner (their key, or its removal), and
    /// the greater stamp wins (a stamp holds its device, so two are never equal unless they
    /// are one change; the same change with two contents, from a copied journal, keeps the
    /// greater text, as every journal does).
    fn partner_key(&mut self, k: &PartnerKeyRecord, i: usize) -> Res {
        let at = Place {
            kind: "partner_keys",
            index: i,
            field: Some("partner_uuid".into()),
        };
        let partner = write::partner(self.conn, &at, &k.partner_uuid)?;
        let ours = partner_keys::record_of(self.conn, partner)?;
        let theirs = partner_keys::Stored {
            removed: k.removed,
            recipient: k.recipient.clone(),
            wrapped: match &k.wrapped {
                Some(text) => Some(private_decode(text).ok_or_else(|| {
                    Failure::Refused(Problem::at(&at.field("wrapped"), "is not base64"))
                })?),
                None => None,
            },
            hlc: k.hlc.clone(),
        };
        let outcome = match &ours {
            None if k.removed => None,
            None => Some(KeyOutcome::Added),
            Some(ours) if ours.same_key(&theirs) => None,
            Some(ours) if (&theirs.hlc, theirs.text()) > (&ours.hlc, ours.text()) => {
                Some(match k.removed {
                    true if ours.removed => KeyOutcome::Replaced,
                    true => KeyOutcome::Removed,
                    false if ours.removed => KeyOutcome::Added,
                    false => KeyOutcome::Replaced,
                })
            }
            Some(_) => Some(KeyOutcome::KeptOurs),
        };
        let wins = match &ours {
            None => true,
            Some(ours) => (&theirs.hlc, theirs.text()) > (&ours.hlc, ours.text()),
        };
        if wins {
            let set_by = self.known_partner(k.set_by_uuid.as_deref())?;
            let by = self.known_partner(k.changed_by_uuid.as_deref())?;
            partner_keys::merge_in(
                self.conn,
                partner,
                &theirs,
                set_by,
                by,
                &k.created_at,
                &k.set_at,
            )?;
        }
        if let Some(outcome) = outcome {
            self.out.keys.push(KeyMerged { partner, outcome });
        }
        Ok(())
    }

    /// A passphrase event from the file: added once (by uuid); its owner told at the earliest
    /// stamp either journal has for it.
    fn passphrase_event(&mut self, e: &PassphraseEventRecord, i: usize) -> Res {
        let at = Place {
            kind: "passphrase_events",
            index: i,
            field: Some("partner_uuid".into()),
        };
        let partner = write::partner(self.conn, &at, &e.partner_uuid)?;
        let by = self.known_partner(e.by_uuid.as_deref())?;
        let added = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO passphrase_events
                     (uuid, partner_id, by_id, action, date, created_at, hlc, told_hlc, told_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                e.uuid,
                partner,
                by,
                e.action,
                e.date,
                e.created_at,
                e.hlc,
                e.told_hlc,
                e.told_at
            ])?;
        let told = match (&e.told_hlc, &e.told_at, added) {
            (Some(hlc), Some(told_at), 0) => self
                .conn
                .prepare_cached(
                    "UPDATE passphrase_events SET told_hlc = ?2, told_at = ?3
                     WHERE uuid = ?1 AND (told_hlc IS NULL OR told_hlc > ?2)",
                )?
                .execute(params![e.uuid, hlc, told_at])?,
            _ => 0,
        };
        self.out.passphrase_events += (added + told) as u64;
        Ok(())
    }

    /// Every stamp in the file moves this journal's clock (the file was checked against the
    /// two-year window already).
    fn observe(&mut self, doc: &Document, now: &DateTime<Utc>) -> Res {
        let mut latest: Option<Hlc> = None;
        let mut see = |text: &str| {
            if let Ok(stamp) = text.parse::<Hlc>() {
                latest = latest.max(Some(stamp));
            }
        };
        doc.partners.iter().for_each(|r| see(&r.hlc));
        doc.checkins.iter().for_each(|r| see(&r.hlc));
        doc.feelings.iter().for_each(|r| see(&r.hlc));
        doc.promises.iter().for_each(|r| see(&r.hlc));
        doc.outcomes.iter().for_each(|r| see(&r.hlc));
        doc.apologies.iter().for_each(|r| see(&r.hlc));
        doc.responses.iter().for_each(|r| see(&r.hlc));
        doc.focus.iter().for_each(|r| see(&r.hlc));
        doc.meetings.iter().for_each(|r| see(&r.hlc));
        doc.exercises.iter().for_each(|r| see(&r.hlc));
        doc.notes.iter().for_each(|r| see(&r.hlc));
        doc.tombstones.iter().for_each(|r| see(&r.hlc));
        doc.revisions.iter().for_each(|r| see(&r.hlc));
        doc.withdrawals.iter().for_each(|r| see(&r.hlc));
        doc.partner_keys.iter().for_each(|r| see(&r.hlc));
        for e in &doc.passphrase_events {
            see(&e.hlc);
            if let Some(told) = &e.told_hlc {
                see(told);
            }
        }
        if let Some(latest) = latest
            && let Err(far) = clock::observe(self.conn, latest, now)?
        {
            return Err(Failure::Refused(Problem::whole(format!(
                "a change in it is stamped {}, more than two years ahead of this computer's clock",
                far.0
            ))));
        }
        Ok(())
    }

    fn tally(&mut self, kind: RecordKind, verdict: Verdict, n: u64) {
        let t = self.out.counts.get_mut(kind);
        match verdict {
            Verdict::Added => t.added += n,
            Verdict::Replaced => t.updated += n,
            Verdict::Skipped | Verdict::Dropped => t.skipped += n,
        }
    }

    /// Merges one version of a record. `record` is the uuid of the record a revision belongs
    /// to (`None` for a record's current version in the file, whose uuid is its own);
    /// `listed` holds the uuids the file lists for this kind, which a natural key never
    /// matches (they are merged by uuid); `withdrawn` the fields a revision had taken back.
    fn version(
        &mut self,
        body: Body,
        record: Option<&str>,
        at: &Place,
        listed: &HashSet<&str>,
        withdrawn: &[String],
    ) -> Res<Verdict> {
        let kind = body.kind();
        let verdict = self.settle(&body, record, at, listed, withdrawn)?;
        if record.is_some() && verdict == Verdict::Added {
            self.tally(kind, verdict, 1);
        }
        if record.is_none() {
            let feelings = match &body {
                Body::Checkin(_, feelings) => feelings.len() as u64,
                _ => 0,
            };
            self.tally(kind, verdict, 1);
            if feelings > 0 && verdict != Verdict::Replaced {
                self.tally(RecordKind::Feeling, verdict, feelings);
            }
        }
        Ok(verdict)
    }

    fn settle(
        &mut self,
        body: &Body,
        record: Option<&str>,
        at: &Place,
        listed: &HashSet<&str>,
        withdrawn: &[String],
    ) -> Res<Verdict> {
        let kind = body.kind();
        if revisions::is_deleted(self.conn, kind, body.uuid())? || self.parent_deleted(body)? {
            return Ok(Verdict::Dropped);
        }
        if record.is_none() {
            write::references(self.conn, body, at)?;
        }
        let Some(id) = self.find(body, record, at, listed)? else {
            // A version of a record this journal does not hold. For a revision, that is when
            // the version the file holds now was written under a uuid deleted here: the
            // record lives on in its other versions, the greatest of which is kept.
            self.write(body, None, at, record)?;
            return Ok(Verdict::Added);
        };
        let row_uuid = revisions::uuid_of(self.conn, kind, id)?;
        let current = read::body(self.conn, kind, id)?
            .ok_or(Failure::Sql(rusqlite::Error::QueryReturnedNoRows))?;
        let same_version = current.uuid() == body.uuid() && current.hlc() == body.hlc();
        let verdict = if same_version {
            if body.compare(&current).is_gt() {
                // One version with two texts (a cloned journal): every journal keeps the same.
                self.write(body, Some(id), at, record)?;
            }
            Verdict::Skipped
        } else if body.compare(&current).is_gt() {
            if kind != RecordKind::Partner {
                revisions::keep(self.conn, &row_uuid, &current, &[])?;
            }
            let same = body.content() == current.content();
            if !same {
                self.replace_feelings_counted(body, id)?;
            }
            self.write(body, Some(id), at, record)?;
            if same {
                // The same words under a later stamp: nothing anyone would call a change.
                Verdict::Skipped
            } else {
                self.out.replaced.push(self.touched(kind, id)?);
                Verdict::Replaced
            }
        } else {
            if kind != RecordKind::Partner {
                revisions::keep(self.conn, &row_uuid, body, withdrawn)?;
            }
            Verdict::Skipped
        };
        if has_natural_key(kind) {
            // A record under two uuids: the smaller is its identity for ever, the other an
            // alias, whichever journal merges first.
            let survivor = row_uuid.as_str().min(body.uuid()).to_string();
            if survivor != row_uuid {
                self.rekey(kind, &row_uuid, &survivor)?;
            }
            revisions::alias(self.conn, kind, body.uuid(), &survivor)?;
            if let Some(record) = record {
                revisions::alias(self.conn, kind, record, &survivor)?;
            }
        }
        Ok(verdict)
    }

    /// Writes a version into its row (or a new one). A check-in from the file's list, while
    /// check-ins are merged, has its feelings written later in the file's order.
    fn write(
        &mut self,
        body: &Body,
        row: Option<i64>,
        at: &Place,
        record: Option<&str>,
    ) -> Res<i64> {
        match (&mut self.deferred, body, record) {
            (Some(deferred), Body::Checkin(c, _), None) => {
                let id = write::write_without_feelings(self.conn, body, row, at)?;
                deferred.insert(c.uuid.clone(), id);
                Ok(id)
            }
            _ => write::write(self.conn, body, row, at),
        }
    }

    /// The feelings of a check-in the file's version replaces: counted against the ones the
    /// journal's version had (same uuid and words: skipped; same uuid: updated; new: added;
    /// gone: removed, though kept in the revision).
    fn replace_feelings_counted(&mut self, body: &Body, id: i64) -> Res {
        let Body::Checkin(_, new) = body else {
            return Ok(());
        };
        let old = read::feelings(self.conn, "WHERE x.checkin_id = ?1", [id])?;
        let t = self.out.counts.get_mut(RecordKind::Feeling);
        for f in new {
            match old.iter().find(|o| o.uuid == f.uuid) {
                Some(o)
                    if (&o.word, o.intensity, &o.note, &o.date)
                        == (&f.word, f.intensity, &f.note, &f.date) =>
                {
                    t.skipped += 1
                }
                Some(_) => t.updated += 1,
                None => t.added += 1,
            }
        }
        t.removed += old
            .iter()
            .filter(|o| !new.iter().any(|f| f.uuid == o.uuid))
            .count() as u64;
        Ok(())
    }

    fn touched(&self, kind: RecordKind, id: i64) -> Res<Touched> {
        let date = match kind {
            RecordKind::Partner => None,
            _ => self
                .conn
                .prepare_cached(&format!(
                    "SELECT date FROM {} WHERE id = ?1",
                    crate::store::inspect::table(kind)
                ))?
                .query_row([id], |r| r.get(0))
                .optional()?,
        };
        Ok(Touched {
            kind,
            id: Some(id),
            date,
            author: revisions::author(self.conn, kind, id)?,
        })
    }

    /// An outcome of a deleted promise, or an answer to a deleted apology, goes with it.
    fn parent_deleted(&self, body: &Body) -> Res<bool> {
        Ok(match body {
            Body::Outcome(o) => {
                revisions::is_deleted(self.conn, RecordKind::Promise, &o.promise_uuid)?
            }
            Body::Response(r) => {
                revisions::is_deleted(self.conn, RecordKind::Apology, &r.apology_uuid)?
            }
            _ => false,
        })
    }

    /// The row a version belongs to: by its uuid or one of its record's other uuids, else (for
    /// the kinds that are one per something) by what makes it one.
    fn find(
        &self,
        body: &Body,
        record: Option<&str>,
        at: &Place,
        listed: &HashSet<&str>,
    ) -> Res<Option<i64>> {
        let kind = body.kind();
        if let Some(id) = read::id_of(self.conn, kind, body.uuid())? {
            return Ok(Some(id));
        }
        if let Some(record) = record
            && let Some(id) = read::id_of(self.conn, kind, record)?
        {
            return Ok(Some(id));
        }
        // Local records the file also lists by uuid are merged by uuid, never by key.
        let free = |uuid: &str| -> rusqlite::Result<bool> {
            if listed.contains(uuid) {
                return Ok(false);
            }
            Ok(!revisions::aliases(self.conn, kind, uuid)?
                .iter()
                .any(|a| listed.contains(a.as_str())))
        };
        let candidate: Option<(i64, String)> = match body {
            Body::Partner(p) => {
                let all: Vec<(i64, String, String)> = self
                    .conn
                    .prepare_cached("SELECT id, uuid, name FROM partners ORDER BY id")?
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<rusqlite::Result<_>>()?;
                all.into_iter()
                    .find(|(_, _, name)| same_name(name, &p.name))
                    .map(|(id, uuid, _)| (id, uuid))
            }
            Body::Checkin(c, _) => {
                let partner =
                    write::partner(self.conn, &at.field("partner_uuid"), &c.partner_uuid)?;
                self.conn
                    .prepare_cached(
                        "SELECT id, uuid FROM checkins WHERE partner_id = ?1 AND date = ?2",
                    )?
                    .query_row(params![partner, c.date], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?
            }
            Body::Outcome(o) => {
                let promise = write::target(
                    self.conn,
                    RecordKind::Promise,
                    &at.field("promise_uuid"),
                    &o.promise_uuid,
                )?;
                self.conn
                    .prepare_cached(
                        "SELECT id, uuid FROM outcomes WHERE promise_id = ?1 AND date = ?2",
                    )?
                    .query_row(params![promise, o.date], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?
            }
            Body::Focus(f) if f.start => self
                .conn
                .prepare_cached("SELECT id, uuid FROM focus_changes WHERE start = 1 ORDER BY id")?
                .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            _ => None,
        };
        match candidate {
            Some((id, uuid)) if free(&uuid)? => Ok(Some(id)),
            _ => Ok(None),
        }
    }

    /// A merged record takes the smaller of its uuids. A partner's uuid is also written in
    /// the revisions of everything that names them, so those follow.
    fn rekey(&self, kind: RecordKind, old: &str, new: &str) -> Res {
        revisions::rekey(self.conn, kind, old, new)?;
        if kind == RecordKind::Partner {
            replace_in_revisions(self.conn, old, new)?;
        }
        Ok(())
    }

    /// At most two partners, with two names.
    fn partners_are_a_couple(&self, doc: &Document, before: &[String]) -> Res {
        let names: Vec<(String, String)> = self
            .conn
            .prepare("SELECT uuid, name FROM partners ORDER BY id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if names.len() > 2 {
            let i = doc
                .partners
                .iter()
                .position(|p| names.iter().skip(2).any(|(u, _)| *u == p.uuid))
                .unwrap_or(0);
            return Err(Failure::Refused(Problem::at(
                &Place::new(RecordKind::Partner, i),
                format!(
                    "\"{}\" would be a third partner in a journal kept by {}; a partner is matched by uuid or by name",
                    doc.partners.get(i).map_or("", |p| p.name.as_str()),
                    and_list(before)
                ),
            )));
        }
        if let [(_, a), (_, b)] = names.as_slice()
            && same_name(a, b)
        {
            let i = doc
                .partners
                .iter()
                .position(|p| same_name(&p.name, a))
                .unwrap_or(0);
            return Err(Failure::Refused(Problem::at(
                &Place::new(RecordKind::Partner, i).field("name"),
                format!("both partners would be called \"{b}\""),
            )));
        }
        Ok(())
    }

    /// A tombstone from the file: kept (the earlier delete wins), and the versions written
    /// under its uuid taken out of the record they are in. A record left with none is gone.
    fn tombstone(&mut self, t: &crate::domain::exchange::TombstoneRecord, i: usize) -> Res {
        let at = Place {
            kind: "tombstones",
            index: i,
            field: None,
        };
        let Some(kind) = RecordKind::TIMELINE
            .iter()
            .copied()
            .find(|k| k.as_str() == t.kind)
        else {
            return Ok(());
        };
        let by = self.known_partner(t.by_uuid.as_deref())?;
        let author = self.known_partner(t.author_uuid.as_deref())?;
        revisions::bury(
            self.conn,
            &Tombstone {
                kind,
                uuid: &t.uuid,
                hlc: &t.hlc,
                by,
                author,
                date: &t.date,
                deleted_on: &t.deleted_on,
                at: &t.at,
                shown: t.shown,
            },
        )?;
        let Some(id) = read::id_of(self.conn, kind, &t.uuid)? else {
            return Ok(());
        };
        let row_uuid = revisions::uuid_of(self.conn, kind, id)?;
        let before = self.touched(kind, id)?;
        self.conn
            .prepare_cached("DELETE FROM revisions WHERE kind = ?1 AND uuid = ?2 AND origin = ?3")?
            .execute(params![kind.as_str(), row_uuid, t.uuid])?;
        self.conn
            .prepare_cached("DELETE FROM aliases WHERE kind = ?1 AND alias = ?2")?
            .execute(params![kind.as_str(), t.uuid])?;
        let current = read::body(self.conn, kind, id)?
            .ok_or(Failure::Sql(rusqlite::Error::QueryReturnedNoRows))?;
        if current.uuid() == t.uuid {
            // The record's content was written under the deleted uuid: the greatest version
            // written under another takes its place, if there is one.
            let mut rest = revisions::of(self.conn, kind, &row_uuid)?;
            rest.retain(|r| !matches!(revisions::is_deleted(self.conn, kind, &r.origin), Ok(true)));
            let best = rest.into_iter().max_by(|a, b| a.body.compare(&b.body));
            match best {
                None => {
                    revisions::remove(self.conn, kind, id)?;
                    self.out.deleted.push(before);
                    self.out.counts.get_mut(kind).removed += 1;
                    return Ok(());
                }
                Some(best) => {
                    self.conn.prepare_cached("DELETE FROM revisions WHERE kind = ?1 AND uuid = ?2 AND hlc = ?3 AND origin = ?4")?.execute(params![kind.as_str(), row_uuid, best.hlc, best.origin],
                    )?;
                    write::write(self.conn, &best.body, Some(id), &at)?;
                }
            }
        }
        // The smallest uuid still written under is the record's identity.
        let mut origins: Vec<String> = revisions::of(self.conn, kind, &row_uuid)?
            .into_iter()
            .map(|r| r.origin)
            .collect();
        if let Some(body) = read::body(self.conn, kind, id)? {
            origins.push(body.uuid().to_string());
        }
        if let Some(survivor) = origins.into_iter().min()
            && survivor != row_uuid
        {
            self.rekey(kind, &row_uuid, &survivor)?;
            self.conn
                .prepare_cached("DELETE FROM aliases WHERE kind = ?1 AND alias = ?2")?
                .execute(params![kind.as_str(), row_uuid])?;
            if !revisions::is_deleted(self.conn, kind, &row_uuid)? {
                revisions::alias(self.conn, kind, &row_uuid, &survivor)?;
            }
        }
        Ok(())
    }

    fn known_partner(&self, uuid: Option<&str>) -> Res<Option<i64>> {
        Ok(match uuid {
            Some(u) => read::id_of(self.conn, RecordKind::Partner, u)?,
            None => None,
        })
    }

    /// The file's earlier versions, each kept with its record (or taking its place, when it
    /// outranks what the journal has).
    fn revisions(&mut self, doc: &Document) -> Res {
        for (i, r) in doc.revisions.iter().enumerate() {
            let at = Place {
                kind: "revisions",
                index: i,
                field: Some("record".into()),
            };
            let Some(kind) = RecordKind::TIMELINE
                .iter()
                .copied()
                .find(|k| k.as_str() == r.kind)
            else {
                continue;
            };
            let body = Body::from_value(kind, &r.record)
                .map_err(|e| Failure::Refused(Problem::at(&at, e)))?;
            self.version(body, Some(&r.uuid), &at, &HashSet::new(), &r.withdrawn)?;
        }
        Ok(())
    }

    /// The file's withdrawals join the journal's, and every withdrawal is applied to the
    /// revisions of its record, including those that just arrived.
    fn withdrawals(&mut self, doc: &Document) -> Res {
        for w in &doc.withdrawals {
            let by = self.known_partner(w.by_uuid.as_deref())?;
            self.conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO withdrawals (kind, uuid, field, hlc, by_id, at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![w.kind, w.uuid, w.field, w.hlc, by, w.at])?;
        }
        let records: Vec<(String, String)> = self
            .conn
            .prepare("SELECT DISTINCT kind, uuid FROM withdrawals")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (kind, uuid) in records {
            let Some(kind) = RecordKind::ALL.into_iter().find(|k| k.as_str() == kind) else {
                continue;
            };
            let record = revisions::resolve_alias(self.conn, kind, &uuid)?.unwrap_or(uuid);
            revisions::apply_withdrawals(self.conn, kind, &record)?;
        }
        Ok(())
    }

    /// Revisions from the file may name a partner by a uuid this journal knows as an alias:
    /// they are written with the partner's own uuid, as the journal's are.
    fn partner_uuids_in_revisions(&self) -> Res {
        let aliases: Vec<(String, String)> = self
            .conn
            .prepare("SELECT alias, uuid FROM aliases WHERE kind = 'partner'")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (alias, uuid) in aliases {
            replace_in_revisions(self.conn, &alias, &uuid)?;
        }
        Ok(())
    }
}

/// Writes `new` for the uuid `old` wherever a revision names it.
fn replace_in_revisions(conn: &Connection, old: &str, new: &str) -> rusqlite::Result<()> {
    let (old, new) = (format!("\"{old}\""), format!("\"{new}\""));
    conn.execute(
        "UPDATE revisions SET body = replace(body, ?1, ?2) WHERE instr(body, ?1) > 0",
        params![old, new],
    )?;
    Ok(())
}
