//! `rekindle sync status`: what this journal last sent and received from each device, what
//! waits, and batches that could not be applied. It reads the journal, and only looks
//! whether the folder is there.

use std::io::Write;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::dates;
use crate::store::clock::device;
use crate::store::sync::{self, folder};
use crate::store::{self};
use crate::text::{prose, sanitize};
use crate::views::Output;

#[derive(Serialize)]
struct Status {
    paired: bool,
    dir: Option<String>,
    device: String,
    owner: Option<String>,
    auto: bool,
    /// Changes made here that are not in the folder yet.
    unsent: bool,
    /// Why the folder could not be reached, when it could not.
    waiting: Option<String>,
    last_sync_at: Option<String>,
    sent: Sent,
    devices: Vec<Other>,
    /// The local time zone, to say when in words.
    #[serde(skip)]
    offset: chrono::FixedOffset,
}

#[derive(Serialize, Default)]
struct Sent {
    batches: usize,
    last: Option<u64>,
    last_at: Option<String>,
    bytes: i64,
}

#[derive(Serialize)]
struct Other {
    device: String,
    owner: Option<String>,
    first_seen: String,
    applied: usize,
    last_applied: Option<u64>,
    /// Numbers below the last applied one that never arrived (a snapshot covers its own).
    missing: Vec<u64>,
    problems: Vec<Problem>,
}

#[derive(Serialize)]
struct Problem {
    seq: u64,
    status: String,
    detail: Option<String>,
}

pub fn run(ctx: &mut Context) -> anyhow::Result<()> {
    let store = ctx.open()?;
    let conn = store.conn();
    let me = device(conn)?.to_string();
    let Some(settings) = sync::settings(conn)? else {
        return ctx.emit(&Status {
            paired: false,
            dir: None,
            device: me,
            owner: None,
            auto: false,
            unsent: false,
            waiting: None,
            last_sync_at: None,
            sent: Sent::default(),
            devices: Vec::new(),
            offset: ctx.offset,
        });
    };
    let partners = store::partners::all(conn)?;
    let name_of_id = |id: i64| partners.iter().find(|p| p.id == id).map(|p| p.name.clone());
    let name_of_uuid = |uuid: &str| -> Option<String> {
        let id = store::exchange::read::id_of(conn, crate::domain::kind::RecordKind::Partner, uuid)
            .ok()
            .flatten()?;
        name_of_id(id)
    };
    let sent_rows: Vec<_> = sync::sent(conn)?
        .into_iter()
        .filter(|s| s.written_at.is_some())
        .collect();
    let sent = Sent {
        batches: sent_rows.len(),
        last: sent_rows.last().map(|s| s.seq),
        last_at: sent_rows.last().and_then(|s| s.written_at.clone()),
        bytes: sent_rows.iter().filter_map(|s| s.bytes).sum(),
    };
    let received = sync::received(conn)?;
    let mut devices = Vec::new();
    for d in sync::devices(conn)? {
        let mine: Vec<_> = received.iter().filter(|r| r.device == d.device).collect();
        let applied: Vec<u64> = mine
            .iter()
            .filter(|r| r.status == "applied")
            .map(|r| r.seq)
            .collect();
        let last_applied = applied.iter().max().copied();
        let missing = last_applied
            .map(|last| {
                (d.covered_upto + 1..last)
                    .filter(|n| !applied.contains(n))
                    .collect()
            })
            .unwrap_or_default();
        devices.push(Other {
            owner: d.owner_uuid.as_deref().and_then(name_of_uuid),
            device: d.device.clone(),
            first_seen: d.first_seen.clone(),
            applied: applied.len(),
            last_applied,
            missing,
            problems: mine
                .iter()
                .filter(|r| r.status != "applied")
                .map(|r| Problem {
                    seq: r.seq,
                    status: r.status.clone(),
                    detail: r.detail.clone(),
                })
                .collect(),
        });
    }
    // Problems with files of devices never applied (a foreign folder, say).
    let known: Vec<String> = devices.iter().map(|d| d.device.clone()).collect();
    let mut strangers: Vec<&str> = received
        .iter()
        .filter(|r| !known.contains(&r.device))
        .map(|r| r.device.as_str())
        .collect();
    strangers.dedup();
    for s in strangers {
        devices.push(Other {
            device: s.to_string(),
            owner: None,
            first_seen: String::new(),
            applied: 0,
            last_applied: None,
            missing: Vec::new(),
            problems: received
                .iter()
                .filter(|r| r.device == s)
                .map(|r| Problem {
                    seq: r.seq,
                    status: r.status.clone(),
                    detail: r.detail.clone(),
                })
                .collect(),
        });
    }
    let waiting = folder::unreachable(&settings.dir).or(settings.waiting.clone());
    ctx.emit(&Status {
        paired: true,
        dir: Some(settings.dir.display().to_string()),
        device: me,
        owner: settings.owner_id.and_then(name_of_id),
        auto: settings.auto,
        unsent: sync::has_unsent(conn)?,
        waiting,
        last_sync_at: settings.last_sync_at.clone(),
        sent,
        devices,
        offset: ctx.offset,
    })
}

impl Output for Status {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let Some(dir) = &self.dir else {
            writeln!(
                out,
                "This journal does not sync. `rekindle sync init DIR` starts, on the first computer; `rekindle sync join DIR` joins, on the second."
            )?;
            return Ok(());
        };
        writeln!(out, "Syncing through {}.", sanitize::line(dir))?;
        let whose = self
            .owner
            .as_deref()
            .map(|o| format!("{}'s computer, ", sanitize::line(o)))
            .unwrap_or_default();
        writeln!(
            out,
            "This is {whose}device {}; {}.",
            self.device,
            if self.auto {
                "each change is sent by itself"
            } else {
                "changes are sent when you run `rekindle sync`"
            }
        )?;
        match (&self.sent.last, &self.sent.last_at) {
            (Some(seq), Some(at)) => writeln!(
                out,
                "Sent: {}, the last (number {seq}) on {}.",
                batches(self.sent.batches),
                sanitize::line(&dates::moment_in_words(at, self.offset))
            )?,
            _ => writeln!(out, "Sent: nothing yet.")?,
        }
        if self.unsent {
            writeln!(
                out,
                "Changes made here wait to be sent{}.",
                self.waiting
                    .as_deref()
                    .map(|w| format!(": {}", sanitize::line(w)))
                    .unwrap_or_default()
            )?;
        } else if let Some(w) = &self.waiting {
            writeln!(out, "The folder cannot be reached: {}.", sanitize::line(w))?;
        }
        if self.devices.is_empty() {
            writeln!(out, "Nothing received yet from another computer.")?;
        }
        for d in &self.devices {
            let whose = d
                .owner
                .as_deref()
                .map(|o| format!("{}'s computer, ", sanitize::line(o)))
                .unwrap_or_default();
            match d.last_applied {
                Some(last) => writeln!(
                    out,
                    "From {whose}device {}: {} applied, up to number {last}.",
                    d.device,
                    batches(d.applied)
                )?,
                None => writeln!(out, "From device {}: nothing applied.", d.device)?,
            }
            if !d.missing.is_empty() {
                writeln!(
                    out,
                    "  Not arrived yet: {} {}.",
                    if d.missing.len() == 1 {
                        "number"
                    } else {
                        "numbers"
                    },
                    d.missing
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
            }
            for p in &d.problems {
                writeln!(
                    out,
                    "  Batch {} not applied ({}): {}",
                    p.seq,
                    p.status,
                    sanitize::line(p.detail.as_deref().unwrap_or(""))
                )?;
            }
        }
        Ok(())
    }
}

/// "1 batch", "3 batches".
fn batches(n: usize) -> String {
    prose::count(i64::try_from(n).unwrap_or(i64::MAX), "batch", "batches")
}
