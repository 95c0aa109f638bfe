//! `rekindle remind install|remove|show [--at HH:MM]`: a daily reminder for the acting
//! partner through the user's own scheduler (a systemd user timer where there is a systemd
//! user session, else the crontab line to add), and `remind notify`, which the scheduler runs:
//! it shows a desktop notification with no journal text, and nothing at all when that partner
//! has already checked in today. rekindle runs no daemon of its own.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::Context as _;
use clap::Subcommand;

use crate::commands::context::Context;
use crate::domain::error::UserError;
use crate::store;
use crate::views::remind::{
    At, NOTIFICATION_BODY, NOTIFICATION_TITLE, Reminder, cron_line, notify_command, service_unit,
    timer_unit, unit_name,
};

/// A gentle daily reminder to check in, through your own scheduler.
///
/// It shows a notification that says nothing from your journal, and stays quiet on a day
/// you have already checked in. With systemd it is a user timer that catches up after the
/// computer was off; without it, rekindle prints the crontab line to add.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Set the daily reminder for you (--as)
    #[command(
        after_help = "Examples:\n  rekindle remind install --as Sam\n  rekindle remind install --as Alex --at 08:30"
    )]
    Install {
        /// The time of day, HH:MM
        #[arg(long, value_name = "HH:MM", default_value = "21:00")]
        at: String,
    },
    /// Remove your daily reminder
    #[command(
        after_help = "Examples:\n  rekindle remind remove --as Sam\n  REKINDLE_AS=Alex rekindle remind remove"
    )]
    Remove,
    /// Show your daily reminder, if there is one
    #[command(
        after_help = "Examples:\n  rekindle remind show --as Sam\n  rekindle remind show --as Alex --json"
    )]
    Show,
    /// Show the reminder now, unless you have checked in today (the scheduler runs this)
    #[command(hide = true)]
    Notify,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let at = match &args.action {
        Action::Install { at } => Some(At::parse(at).map_err(UserError::new)?),
        _ => None,
    };
    let store = ctx.open()?;
    let partner = ctx.acting_partner(&store)?;
    if matches!(args.action, Action::Notify) {
        return notify(ctx, &store, &partner.name, partner.id);
    }
    let scheduler = Scheduler::find(ctx);
    let name = unit_name(&partner.name);
    let journal = std::path::absolute(&ctx.journal).unwrap_or_else(|_| ctx.journal.clone());
    // The program the scheduler starts: this very binary, wherever it was installed.
    let program = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("rekindle"));
    let command = notify_command(&program, &journal, &partner.name);
    let mut reminder = Reminder {
        partner: partner.name.clone(),
        scheduler: scheduler.name(),
        state: "",
        at: at.map(|a| a.to_string()),
        files: vec![],
        cron_line: None,
        note: None,
    };
    match (&scheduler, args.action) {
        (Scheduler::Systemd(dir), Action::Install { .. }) => {
            let at = at.unwrap_or(At {
                hour: 21,
                minute: 0,
            });
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            let service = dir.join(format!("{name}.service"));
            let timer = dir.join(format!("{name}.timer"));
            write_unit(&service, &service_unit(&command))?;
            write_unit(&timer, &timer_unit(at))?;
            reminder.files = vec![service.display().to_string(), timer.display().to_string()];
            reminder.state = "installed";
            reminder.note = systemctl(&["daemon-reload"])
                .and_then(|()| systemctl(&["enable", "--now", &format!("{name}.timer")]))
                .err();
        }
        (Scheduler::Systemd(dir), Action::Remove) => {
            let files = [
                dir.join(format!("{name}.timer")),
                dir.join(format!("{name}.service")),
            ];
            if !files[0].exists() {
                reminder.state = "not-installed";
            } else {
                let stopped = systemctl(&["disable", "--now", &format!("{name}.timer")]);
                for file in &files {
                    if file.exists() {
                        std::fs::remove_file(file)
                            .with_context(|| format!("removing {}", file.display()))?;
                        reminder.files.push(file.display().to_string());
                    }
                }
                reminder.note = stopped.and_then(|()| systemctl(&["daemon-reload"])).err();
                reminder.state = "removed";
            }
        }
        (Scheduler::Systemd(dir), Action::Show) => {
            let timer = dir.join(format!("{name}.timer"));
            match std::fs::read_to_string(&timer) {
                Ok(text) => {
                    reminder.at = text
                        .lines()
                        .find_map(|l| l.strip_prefix("OnCalendar=*-*-* "))
                        .map(|t| t.trim_end_matches(":00").to_string());
                    reminder.files = vec![timer.display().to_string()];
                    reminder.state = "shown";
                }
                Err(_) => reminder.state = "not-installed",
            }
        }
        (Scheduler::Cron, Action::Install { .. }) => {
            let at = at.unwrap_or(At {
                hour: 21,
                minute: 0,
            });
            reminder.cron_line = Some(cron_line(at, &command));
            reminder.state = "add-this-line";
        }
        (Scheduler::Cron, action) => {
            // rekindle never edits a crontab, so it cannot know the time chosen; the line
            // ends with the command.
            reminder.cron_line = Some(format!("… {command}"));
            reminder.state = if matches!(action, Action::Remove) {
                "remove-this-line"
            } else {
                "cron-line"
            };
        }
        // Handled above, before any scheduler is looked for.
        (Scheduler::Systemd(_), Action::Notify) => {}
    }
    ctx.emit(&reminder)
}

/// Where reminders are kept: a systemd user session (its unit folder), or cron.
enum Scheduler {
    Systemd(PathBuf),
    Cron,
}

impl Scheduler {
    /// A systemd user manager answering `systemctl --user`, else cron.
    fn find(ctx: &Context) -> Scheduler {
        let answers = Command::new("systemctl")
            .args(["--user", "show-environment"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        match (&ctx.config_dir, answers) {
            (Some(config), true) => Scheduler::Systemd(config.join("systemd").join("user")),
            _ => Scheduler::Cron,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Scheduler::Systemd(_) => "systemd",
            Scheduler::Cron => "cron",
        }
    }
}

fn write_unit(path: &Path, text: &str) -> anyhow::Result<()> {
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

/// Runs `systemctl --user ARGS`; a failure is one sentence for the user.
fn systemctl(args: &[&str]) -> Result<(), String> {
    let output = Command::new("systemctl")
        .arg("--user")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("Could not run systemctl --user {} ({e}).", args.join(" ")))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "systemctl --user {} did not succeed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr).trim()
    ))
}

/// Shows the reminder unless the partner has checked in today. Nothing of the journal is in
/// it. A desktop without a notification service is said plainly (exit 1), so a scheduler's
/// log shows why nothing appeared.
fn notify(
    ctx: &mut Context,
    store: &store::Store,
    name: &str,
    partner_id: i64,
) -> anyhow::Result<()> {
    if store::checkins::find(store.conn(), partner_id, ctx.today)?.is_some() {
        writeln!(
            ctx.out(),
            "{} has checked in today; no reminder.",
            crate::text::sanitize::line(name)
        )?;
        return Ok(());
    }
    let shown = match &ctx.notify_file {
        Some(path) => notify_file(path),
        None => notify_desktop(),
    };
    if let Err(why) = shown {
        // Not a mistake in what was typed: exit 1, like any failure outside rekindle.
        anyhow::bail!(
            "the reminder could not be shown: {why}. A line in your shell prompt works without \
             one: rekindle status --short"
        );
    }
    Ok(())
}

fn notify_desktop() -> Result<(), String> {
    notify_rust::Notification::new()
        .appname("rekindle")
        .summary(NOTIFICATION_TITLE)
        .body(NOTIFICATION_BODY)
        .show()
        .map(|_| ())
        .map_err(|e| format!("no desktop notification service answered ({e})"))
}

/// The notification as two lines appended to a file.
fn notify_file(path: &Path) -> Result<(), String> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| format!("cannot write to {} ({e})", path.display()))?;
    writeln!(file, "{NOTIFICATION_TITLE}\n{NOTIFICATION_BODY}")
        .map_err(|e| format!("cannot write to {} ({e})", path.display()))
}
