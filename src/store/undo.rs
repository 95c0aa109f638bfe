//! `undo`: the acting partner's most recent change made with this journal in the last 24
//! hours (wall clock), taken back. Its records are found in the device-local change log; an
//! add becomes a delete (the content gone for good), an edit returns to the version before it
//! (as a new change, the undone version kept as a revision). An undo is never undone by
//! `undo` (only by `edit`), so a second `undo` walks further back. A delete stops it: a
//! deleted record's content is gone.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::clock::Stamp;
use super::records::{self, Current};
use super::revisions::{self, Action, Change};
use crate::domain::exchange::Body;
use crate::domain::kind::RecordKind;

/// What undoing one logged change of a record does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reverse {
    /// It was added: it is deleted.
    Delete,
    /// It was changed: it goes back to this earlier version (with a check-in's private
    /// words, encrypted, when that version had any).
    Restore(Box<Body>, Option<Vec<u8>>),
}

/// One record the undo takes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub change: Change,
    pub current: Current,
    pub reverse: Reverse,
}

/// Why nothing can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing was changed by this partner with this journal in the last 24 hours.
    Nothing,
    /// The most recent change was a delete.
    Deleted { kind: RecordKind, at: String },
    /// A record the change touched was changed again since, by someone else or by an import.
    ChangedSince { kind: RecordKind, id: i64 },
    /// The version to go back to had words withdrawn (`edit --forget-previous`).
    Withdrawn { kind: RecordKind, id: i64 },
}

/// The most recent change of `partner` at or after `since` (wall clock), as the steps that
/// would take it back, or why it cannot be.
pub fn plan(
    conn: &Connection,
    partner: i64,
    since: &str,
) -> rusqlite::Result<Result<(String, Vec<Step>), Refusal>> {
    let changes = revisions::changes_since(conn, partner, since)?;
    // The newest change that is neither an undo nor undone: one command's records share a
    // stamp, and are taken back together.
    let Some(target) = changes
        .iter()
        .find(|c| c.action != Action::Undo && !c.undone)
        .map(|c| c.hlc.clone())
    else {
        return Ok(Err(Refusal::Nothing));
    };
    let group: Vec<&Change> = changes
        .iter()
        .filter(|c| c.hlc == target && !c.undone && c.action != Action::Undo)
        .collect();
    if let Some(deleted) = group.iter().find(|c| c.action == Action::Delete) {
        return Ok(Err(Refusal::Deleted {
            kind: deleted.kind,
            at: deleted.at.clone(),
        }));
    }
    let mut steps = Vec::new();
    for change in group {
        // A record deleted since has nothing left to take back.
        let Some(id) = records::id_of(conn, change.kind, &change.uuid)? else {
            continue;
        };
        let Some(current) = records::current(conn, change.kind, id)? else {
            continue;
        };
        if !unchanged_since(conn, change, &current)? {
            return Ok(Err(Refusal::ChangedSince {
                kind: change.kind,
                id,
            }));
        }
        let reverse = match change.action {
            Action::Add => Reverse::Delete,
            _ => {
                let before = revisions::of(conn, change.kind, &current.uuid)?
                    .into_iter()
                    .filter(|r| r.hlc < change.hlc)
                    .max_by(|a, b| a.body.compare(&b.body));
                match before {
                    Some(r) if !r.withdrawn.is_empty() => {
                        return Ok(Err(Refusal::Withdrawn {
                            kind: change.kind,
                            id,
                        }));
                    }
                    Some(r) => Reverse::Restore(Box::new(r.body), r.private_words),
                    // Nothing to go back to (it came in with an import meanwhile): skip it.
                    None => continue,
                }
            }
        };
        steps.push(Step {
            change: change.clone(),
            current,
            reverse,
        });
    }
    if steps.is_empty() {
        return Ok(Err(Refusal::Nothing));
    }
    Ok(Ok((target, steps)))
}

/// Whether the record is still as this partner's change (or their undos since) left it:
/// every version newer than the change is one of their own undos, or an undone change.
fn unchanged_since(
    conn: &Connection,
    change: &Change,
    current: &Current,
) -> rusqlite::Result<bool> {
    let current_hlc = current.body.hlc();
    if current_hlc == change.hlc {
        return Ok(true);
    }
    let later: Vec<Change> = revisions::changes_of(conn, change.kind, &current.uuid)?
        .into_iter()
        .filter(|c| c.hlc > change.hlc)
        .collect();
    let ours = |hlc: &str| {
        later
            .iter()
            .any(|c| c.hlc == hlc && (c.undone || c.action == Action::Undo))
    };
    if !ours(current_hlc) {
        return Ok(false);
    }
    // And no one else's version came in between (kept as a revision since).
    let uuid = &current.uuid;
    Ok(revisions::of(conn, change.kind, uuid)?
        .iter()
        .filter(|r| r.hlc.as_str() > change.hlc.as_str())
        .all(|r| ours(&r.hlc)))
}

/// Takes the planned steps back with `stamp`, logged as an undo, and marks the changes
/// undone. Returns each record's id and what became of it.
pub fn apply(
    conn: &Connection,
    stamp: &Stamp,
    steps: &[Step],
    today: NaiveDate,
) -> anyhow::Result<()> {
    for step in steps {
        match &step.reverse {
            Reverse::Delete => {
                revisions::delete(
                    conn,
                    stamp,
                    step.current.kind,
                    step.current.id,
                    today,
                    Action::Undo,
                )?;
            }
            Reverse::Restore(body, private_words) => {
                records::replace(conn, stamp, &step.current, body, Action::Undo)?;
                // A check-in's private words come back with the version they belong to.
                if step.current.kind == crate::domain::kind::RecordKind::Checkin {
                    match private_words {
                        Some(ciphertext) => {
                            super::checkins::set_private(conn, step.current.id, ciphertext)?
                        }
                        None => super::checkins::clear_private(conn, step.current.id)?,
                    }
                }
            }
        }
        revisions::mark_undone(conn, step.change.id)?;
    }
    Ok(())
}
