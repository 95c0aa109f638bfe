//! `rekindle sync`: sends this journal's changes, applies the other device's, and, when the
//! folder is in a git work tree with a remote, commits, pulls and pushes.

use std::io::Write;

use serde::Serialize;

use crate::commands::context::Context;
use crate::domain::error::UserError;
use crate::store::clock::device;
use crate::store::sync::exchange::{self, Report};
use crate::store::sync::folder;
use crate::text::{prose, sanitize};
use crate::views::Output;

#[derive(Serialize)]
struct Synced {
    dir: String,
    #[serde(flatten)]
    report: Report,
    /// "committed, pulled and pushed", or why git could not.
    git: Option<String>,
    #[serde(skip)]
    git_failed: bool,
}

pub fn run(ctx: &mut Context) -> anyhow::Result<()> {
    let (mut store, settings) = super::paired(ctx)?;
    let now = ctx.clock.now();
    let (mut report, waiting) = exchange::exchange(&mut store, ctx.today, &now)?;
    if let Some(why) = waiting {
        return Err(UserError::new(format!(
            "nothing was synced: {why}. Your changes are saved in this journal and wait for the next sync"
        ))
        .into());
    }
    let mut git = None;
    let mut git_failed = false;
    if let Some(repo) = super::git::detect(&settings.dir) {
        let me = device(store.conn())?;
        let own = folder::own_folder(&settings.dir, me);
        match repo.publish(&own, &format!("rekindle: changes from device {me}")) {
            Ok(_) => {
                exchange::receive(&mut store, ctx.today, &now, &mut report)?;
                git = Some("committed, pulled and pushed".to_string());
            }
            Err(why) => {
                git = Some(why);
                git_failed = true;
            }
        }
    }
    let synced = Synced {
        dir: settings.dir.display().to_string(),
        report,
        git,
        git_failed,
    };
    ctx.emit(&synced)?;
    if synced.git_failed {
        return Err(anyhow::anyhow!(
            "git could not sync the folder; the changes are in it and go at the next sync"
        ));
    }
    Ok(())
}

fn batches(n: usize) -> String {
    prose::count(n as i64, "batch", "batches")
}

impl Output for Synced {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let r = &self.report;
        if let Some(new) = &r.new_device {
            writeln!(
                out,
                "This journal's device id was in use in the folder by another copy of it, so it is now device {new} and sent everything again."
            )?;
        }
        let records: usize = r.sent.iter().map(|w| w.records).sum();
        if r.sent.is_empty() {
            writeln!(out, "Nothing new to send.")?;
        } else {
            writeln!(
                out,
                "Sent {} ({}).",
                batches(r.sent.len()),
                prose::count(records as i64, "record", "records")
            )?;
        }
        if r.applied.is_empty() {
            writeln!(out, "Nothing new from the other computer.")?;
        } else {
            let changed: u64 = r.applied.iter().map(|a| a.changed).sum();
            writeln!(
                out,
                "Applied {} from the other computer ({} changed here).",
                batches(r.applied.len()),
                prose::count(changed as i64, "record", "records")
            )?;
        }
        if r.arriving > 0 {
            writeln!(
                out,
                "{} still arriving in the folder; they are read at the next sync.",
                batches(r.arriving)
            )?;
        }
        for n in &r.not_applied {
            writeln!(
                out,
                "Not applied: batch {} of device {} ({}): {}",
                n.seq,
                n.device,
                n.status,
                sanitize::line(&n.detail)
            )?;
        }
        if r.conflict_copies > 0 {
            writeln!(
                out,
                "The folder holds {} conflict copies of batches, which are never read: two copies of one journal may be writing as one device.",
                r.conflict_copies
            )?;
        }
        if let Some(git) = &self.git {
            writeln!(out, "git: {}", sanitize::line(git))?;
        }
        Ok(())
    }
}
