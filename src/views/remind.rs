//! A daily reminder's words and files: the systemd user timer and service that run
//! `rekindle remind notify` at a time of day, the crontab line to add where there is no
//! systemd, and the notification itself, which carries no journal text.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;

/// What a reminder says on screen: nothing anyone wrote, not even a name, since a shared
/// screen is the norm for a couple.
pub const NOTIFICATION_TITLE: &str = "rekindle";
pub const NOTIFICATION_BODY: &str = "A moment for your daily check-in, when you are ready.";

/// A time of day, `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct At {
    pub hour: u8,
    pub minute: u8,
}

impl At {
    /// `21:00`, `9:30`; anything else is refused with what is accepted.
    pub fn parse(text: &str) -> Result<At, String> {
        let refuse = || {
            format!(
                "--at \"{}\" is not a time of day; use HH:MM, e.g. 21:00 or 08:30",
                sanitize::line(text.trim())
            )
        };
        let (h, m) = text.trim().split_once(':').ok_or_else(refuse)?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(h) || m.len() != 2 || !digits(m) {
            return Err(refuse());
        }
        let (hour, minute): (u8, u8) = (
            h.parse().map_err(|_| refuse())?,
            m.parse().map_err(|_| refuse())?,
        );
        if hour > 23 || minute > 59 {
            return Err(refuse());
        }
        Ok(At { hour, minute })
    }
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// The command the scheduler runs, quoted for a shell or a unit's ExecStart.
pub fn notify_command(program: &Path, journal: &Path, partner: &str) -> String {
    [
        program.display().to_string(),
        "--journal".to_string(),
        journal.display().to_string(),
        "remind".to_string(),
        "notify".to_string(),
        "--as".to_string(),
        partner.to_string(),
    ]
    .iter()
    .map(|w| prose::shell_word(w))
    .collect::<Vec<_>>()
    .join(" ")
}

/// The timer's unit name for a partner: `rekindle-remind-<name>`, with only letters, digits
/// and dashes kept, so any name gives a valid unit name.
pub fn unit_name(partner: &str) -> String {
    let mut name: String = partner
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    name = name.trim_matches('-').to_string();
    if name.is_empty() {
        name = "partner".into();
    }
    format!("rekindle-remind-{name}")
}

/// The `.service`: one run of `rekindle remind notify`.
pub fn service_unit(command: &str) -> String {
    format!(
        "[Unit]\nDescription=rekindle: a reminder to check in\n\n[Service]\nType=oneshot\n\
         ExecStart={}\n",
        command.replace('%', "%%")
    )
}

/// The `.timer`: every day at `at`, and, with Persistent=true, soon after the computer wakes
/// when it was off at that time.
pub fn timer_unit(at: At) -> String {
    format!(
        "[Unit]\nDescription=rekindle: a daily reminder to check in\n\n[Timer]\n\
         OnCalendar=*-*-* {at}:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
    )
}

/// The crontab line, for a computer without a systemd user session.
pub fn cron_line(at: At, command: &str) -> String {
    format!("{} {} * * * {command}", at.minute, at.hour)
}

/// What `remind install`, `show` and `remove` did or found.
#[derive(Debug, Serialize)]
pub struct Reminder {
    pub partner: String,
    /// `systemd` or `cron`.
    pub scheduler: &'static str,
    /// `installed`, `removed`, `shown`, `not-installed` (systemd); `add-this-line`,
    /// `remove-this-line`, `cron-line` (cron).
    pub state: &'static str,
    pub at: Option<String>,
    /// Files written or removed, for systemd.
    pub files: Vec<String>,
    /// The crontab line, for cron.
    pub cron_line: Option<String>,
    /// A sentence about what could not be done, if anything.
    pub note: Option<String>,
}

impl Output for Reminder {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let who = sanitize::line(&self.partner);
        let at = self.at.as_deref().unwrap_or("");
        match (self.scheduler, self.state) {
            ("systemd", "installed") => {
                writeln!(
                    out,
                    "{}",
                    prose::paragraph(
                        &format!(
                            "Set a daily reminder for {who} at {at}, through a systemd user \
                             timer. It shows a notification with no words from your journal, \
                             and stays quiet on days {who} has already checked in. Wrote:"
                        ),
                        0
                    )
                )?;
            }
            ("systemd", "removed") => writeln!(out, "Removed {who}'s daily reminder:")?,
            ("systemd", "shown") => writeln!(out, "{who}'s daily reminder is set for {at}:")?,
            (_, "not-installed") => writeln!(
                out,
                "There is no daily reminder for {who}. Set one with: rekindle remind install --as {} --at 21:00",
                prose::shell_word(&who)
            )?,
            ("cron", "add-this-line") => {
                writeln!(
                    out,
                    "{}",
                    prose::paragraph(
                        &format!(
                            "This computer has no systemd user session, so rekindle cannot set \
                             the timer itself. For a daily reminder for {who} at {at}, add this \
                             line with crontab -e:"
                        ),
                        0
                    )
                )?;
            }
            ("cron", "cron-line") => writeln!(
                out,
                "rekindle sets no crontab lines itself; check crontab -l for {who}'s reminder, a line ending:"
            )?,
            ("cron", "remove-this-line") => writeln!(
                out,
                "rekindle sets no crontab lines itself. If you added one for {who}, remove this line with crontab -e:"
            )?,
            _ => {}
        }
        for file in &self.files {
            writeln!(out, "  {}", sanitize::line(file))?;
        }
        if let Some(line) = &self.cron_line {
            writeln!(out, "  {}", sanitize::line(line))?;
        }
        if let Some(note) = &self.note {
            writeln!(out, "{}", prose::paragraph(&sanitize::line(note), 0))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_runs_daily_and_catches_up_after_the_computer_was_off() {
        let at = At::parse("21:00").unwrap();
        let timer = timer_unit(at);
        assert!(timer.contains("\nOnCalendar=*-*-* 21:00:00\n"), "{timer}");
        assert!(timer.contains("\nPersistent=true\n"), "{timer}");
        assert!(timer.contains("\nWantedBy=timers.target\n"), "{timer}");
        let command = notify_command(
            Path::new("/usr/local/bin/rekindle"),
            Path::new("/home/sam/My Journal/journal.db"),
            "Mary Ann",
        );
        assert_eq!(
            command,
            "/usr/local/bin/rekindle --journal '/home/sam/My Journal/journal.db' remind notify --as 'Mary Ann'"
        );
        let service = service_unit(&command);
        assert!(service.contains("\nType=oneshot\n"), "{service}");
        assert!(
            service.contains(&format!("\nExecStart={command}\n")),
            "{service}"
        );
        assert_eq!(unit_name("Mary Ann"), "rekindle-remind-mary-ann");
        assert_eq!(unit_name("Zoë"), "rekindle-remind-zo");
        assert_eq!(
            cron_line(
                At::parse("8:05").unwrap(),
                "rekindle remind notify --as Sam"
            ),
            "5 8 * * * rekindle remind notify --as Sam"
        );
    }

    #[test]
    fn times_of_day_are_read_strictly() {
        assert_eq!(
            At::parse(" 07:30 ").unwrap(),
            At {
                hour: 7,
                minute: 30
            }
        );
        for bad in ["24:00", "21", "21:5", "9pm", "21:60", "-1:00", ""] {
            let err = At::parse(bad).unwrap_err();
            assert!(err.contains("HH:MM"), "{bad}: {err}");
        }
    }

    #[test]
    fn the_notification_carries_no_journal_text() {
        assert!(!NOTIFICATION_BODY.contains('{'));
        assert_eq!(NOTIFICATION_TITLE, "rekindle");
    }
}
