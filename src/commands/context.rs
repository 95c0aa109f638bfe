//! The resolved context a command runs in: journal path, today's date, output mode, colour,
//! wrap width, whether we may ask questions, where the user's prompt files are, and who is
//! acting.
//!
//! It is resolved once, from the global flags ([`Globals`]), an [`Env`] and the
//! [`Terminals`], which the process edge (`app`) reads from the real process and hands in;
//! nothing here or in any command reads the environment or asks the terminal itself. (The one
//! exception is the store's busy handler, which SQLite calls through a plain function
//! pointer, so it checks on its own whether stderr is a terminal before saying it waits.)

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

use crate::domain::error::UserError;
use crate::domain::journey::Journey;
use crate::domain::model::{Partner, same_name};
use crate::domain::{clock, dates};
use crate::flows::prompter::{self, Prompter, TerminalPrompter};
use crate::store::clock::Clock;
use crate::store::{self, Store};
use crate::text::prose::{self, and_list, or_list};
use crate::text::sanitize;
use crate::views::Output;

mod author;
mod journal_key;
mod passphrase;

pub use journal_key::{JournalKey, Recovery};

/// The name of rekindle's folders under the XDG data and config directories.
pub const APP_DIR: &str = "rekindle";
/// The journal's file name in its default folder.
pub const JOURNAL_FILE: &str = "journal.db";

/// The global flags, as plain values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Globals {
    pub journal: Option<PathBuf>,
    pub json: bool,
    pub no_color: bool,
    pub as_name: Option<String>,
}

/// Where the environment is read from; a seam so resolution can be tested without touching
/// the process environment.
pub trait Env {
    /// A variable; an empty value counts as unset.
    fn var(&self, key: &str) -> Option<OsString>;

    /// The XDG data directory (`$XDG_DATA_HOME` or `~/.local/share`), where the journal
    /// lives by default.
    fn data_dir(&self) -> anyhow::Result<PathBuf>;

    /// The XDG config directory (`$XDG_CONFIG_HOME` or `~/.config`); `None` without a home.
    fn config_dir(&self) -> Option<PathBuf>;
}

/// Which of the standard streams are a terminal, and how wide standard output's is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Terminals {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// Standard output's width in columns, when it is a terminal that says.
    pub columns: Option<usize>,
}

pub struct Context {
    pub journal: PathBuf,
    pub json: bool,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr, where questions are drawn.
    pub color_stderr: bool,
    /// Today's local date (or `REKINDLE_TODAY`, for tests and scripts that replay a past day;
    /// else the date of `REKINDLE_NOW`).
    pub today: NaiveDate,
    /// The latest calendar date it can be anywhere on Earth now (14 hours ahead of UTC; a
    /// day past a pinned `REKINDLE_TODAY`): what an entry made in another time zone may be
    /// dated, when it arrives by import.
    pub latest_anywhere: NaiveDate,
    /// Where "now" comes from when a change is stamped: the computer's clock, or
    /// `REKINDLE_NOW` (RFC 3339), for tests that run a journal ahead of time or set back.
    pub clock: Clock,
    /// The local time zone's offset, for showing when a change was made.
    pub offset: FixedOffset,
    /// The width prose is wrapped at: the terminal's, from 40 to 88 columns (80 unknown).
    pub width: usize,
    /// Whether standard output is a terminal (a page of HTML is not printed there).
    pub stdout_is_terminal: bool,
    /// The user's own prompt files: `$XDG_CONFIG_HOME/rekindle/prompts`.
    pub prompts_dir: Option<PathBuf>,
    /// The config directory (`$XDG_CONFIG_HOME`), where systemd keeps user units.
    pub config_dir: Option<PathBuf>,
    /// `REKINDLE_NOTIFY_FILE`: reminders are written to this file instead of shown on the
    /// desktop (for tests, and for anyone who wants them somewhere else).
    pub notify_file: Option<PathBuf>,
    /// Where passphrases come from without a terminal, and the cost of a new key's wrap
    /// (`context/passphrase.rs`).
    pub(super) passphrases: passphrase::Sources,
    /// The key an encrypted journal was unlocked with for this command
    /// (`context/journal_key.rs`).
    journal_key: Option<JournalKey>,
    /// `REKINDLE_EXPORT_PASSPHRASE_FILE`: the passphrase of an encrypted export, for scripts.
    export_passphrase_file: Option<PathBuf>,
    /// Partners who proved who they are in this command, with their unlocked identity.
    pub(super) proven: Vec<(i64, crate::keys::Identity)>,
    as_name: Option<String>,
    prompter: Option<Box<dyn Prompter>>,
    /// The safety card in this run: shown already, or held back until a meeting ends.
    card: std::cell::Cell<Card>,
    /// The warnings already said in this run: a command that opens the journal twice (a write,
    /// then the sync after it) says each once.
    warned: std::cell::RefCell<Vec<String>>,
}

/// Where the safety card stands in one run: it is shown at most once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Card {
    #[default]
    NotShown,
    /// Held back (`together` holds it until the meeting ends); `true` once it is wanted.
    Held(bool),
    Shown,
}

/// Why the safety card is shown: asked for, or because of something just written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardReason {
    /// `rekindle safety`: the card alone.
    Asked,
    /// First use (`init`, or a first check-in that creates the journal): the card in brief,
    /// short enough to read before the first question, pointing to `rekindle safety`.
    FirstUse,
    /// A danger word, strong hopelessness, or words about dying or self-harm: the card with a
    /// gentle line first.
    Written,
}

/// Chooses the journal path from the flag, the environment value and the data directory, in
/// that order. Empty values count as unset, so `REKINDLE_JOURNAL=` does not point at "".
pub fn choose_journal(
    flag: Option<PathBuf>,
    env: Option<OsString>,
    data_dir: impl FnOnce() -> anyhow::Result<PathBuf>,
) -> anyhow::Result<PathBuf> {
    if let Some(path) = flag.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(path);
    }
    if let Some(path) = env.filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    Ok(data_dir()?.join(APP_DIR).join(JOURNAL_FILE))
}

impl Context {
    /// Resolution proper, with the environment and terminal facts passed in. Colour is
    /// decided first, so the prompter is built with the look that decision calls for.
    ///
    /// `now` is the computer's clock as the process edge read it; a clock before 1970 or
    /// after 9999 is refused here, before anything is read or written.
    pub fn resolve(
        global: &Globals,
        env: &dyn Env,
        terminals: Terminals,
        now: SystemTime,
    ) -> anyhow::Result<Context> {
        let journal = choose_journal(global.journal.clone(), env.var("REKINDLE_JOURNAL"), || {
            env.data_dir()
        })?;
        let source = match env.var("REKINDLE_NOW") {
            Some(value) => {
                let text = value.to_string_lossy().into_owned();
                let at = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
                    UserError::new(format!(
                        "REKINDLE_NOW must be a moment as RFC 3339, such as 2026-11-21T09:30:00Z (got \"{text}\")"
                    ))
                })?;
                Clock::Fixed(at.with_timezone(&Utc))
            }
            None => Clock::System,
        };
        // Checked once, here: a clock before 1970 or after 9999 (the computer's, or one set
        // with REKINDLE_NOW) is refused before anything is read or written.
        let now = match source {
            Clock::Fixed(at) => clock::read(SystemTime::from(at))?,
            Clock::System => clock::read(now)?,
        };
        let local_now = now.with_timezone(&chrono::Local);
        let offset = *local_now.offset();
        let (today, latest_anywhere) = match env.var("REKINDLE_TODAY") {
            Some(value) => {
                let text = value.to_string_lossy().into_owned();
                let today = NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
                    UserError::new(format!(
                        "REKINDLE_TODAY must be a date as YYYY-MM-DD (got \"{text}\")"
                    ))
                })?;
                if !(dates::EARLIEST..=dates::LATEST).contains(&today) {
                    return Err(UserError::new(format!(
                        "REKINDLE_TODAY must be a date from 1970-01-01 to 9999-12-31 (got \"{text}\")"
                    ))
                    .into());
                }
                (today, clock::latest_anywhere(today, None))
            }
            None => {
                let today = local_now.date_naive();
                (today, clock::latest_anywhere(today, Some(now)))
            }
        };
        let dumb_terminal = env.var("TERM").is_some_and(|t| t == "dumb");
        let colour_wanted = !global.no_color && env.var("NO_COLOR").is_none() && !dumb_terminal;
        let color = terminals.stdout && colour_wanted;
        let color_stderr = terminals.stderr && colour_wanted;
        // Questions need a keyboard to answer and a screen to draw on (stderr, so that
        // stdout stays clean for pipes).
        let prompter: Option<Box<dyn Prompter>> = if terminals.stdin && terminals.stderr {
            let editor = prompter::editor_command(env.var("VISUAL"), env.var("EDITOR"));
            let temp = env
                .var("TMPDIR")
                .map(PathBuf::from)
                .filter(|dir| dir.is_absolute())
                .unwrap_or_else(|| PathBuf::from("/tmp"));
            Some(Box::new(TerminalPrompter::new(color_stderr, editor, temp)))
        } else {
            None
        };
        let flag = global.as_name.clone().filter(|n| !n.trim().is_empty());
        let as_name = flag.or_else(|| {
            env.var("REKINDLE_AS")
                .map(|v| v.to_string_lossy().into_owned())
        });
        Ok(Context {
            journal,
            json: global.json,
            color,
            color_stderr,
            today,
            latest_anywhere,
            clock: source,
            offset,
            // A terminal says how wide it is; output going elsewhere may be given a width
            // with COLUMNS, as shells export it and many tools read it.
            width: prose::width_for(terminals.columns.filter(|_| terminals.stdout).or_else(|| {
                env.var("COLUMNS")
                    .and_then(|c| c.to_string_lossy().trim().parse().ok())
                    .filter(|c: &usize| *c > 0)
            })),
            stdout_is_terminal: terminals.stdout,
            prompts_dir: env.config_dir().map(|d| d.join(APP_DIR).join("prompts")),
            config_dir: env.config_dir(),
            notify_file: env.var("REKINDLE_NOTIFY_FILE").map(PathBuf::from),
            passphrases: passphrase::Sources::from_env(env),
            journal_key: None,
            export_passphrase_file: env
                .var(journal_key::EXPORT_PASSPHRASE_FILE)
                .map(PathBuf::from),
            proven: Vec::new(),
            as_name,
            prompter,
            card: std::cell::Cell::new(Card::NotShown),
            warned: Default::default(),
        })
    }

    /// Whether questions can be asked (stdin and stderr are a terminal).
    pub fn interactive(&self) -> bool {
        self.prompter.is_some()
    }

    /// The prompter, if questions can be asked.
    pub fn prompter(&mut self) -> Option<&mut dyn Prompter> {
        match &mut self.prompter {
            Some(p) => Some(p.as_mut()),
            None => None,
        }
    }

    /// Replaces the prompter (tests drive guided flows with a scripted one).
    pub fn set_prompter(&mut self, prompter: Option<Box<dyn Prompter>>) {
        self.prompter = prompter;
    }

    /// Shows the safety card on standard error, whatever `--json` says and whether or not it
    /// is a terminal; never more than once a run, and never saved. While it is held (during
    /// `together`) it is only remembered, and [`Context::release_safety_card`] shows it.
    pub fn show_safety_card(&self, reason: CardReason) {
        match self.card.get() {
            Card::Shown => {}
            Card::Held(_) => self.card.set(Card::Held(true)),
            Card::NotShown => {
                self.card.set(Card::Shown);
                let mut text = String::new();
                if reason == CardReason::Written {
                    text.push_str(&prose::paragraph(crate::views::safety::GENTLE_OPENING, 0));
                    text.push_str("\n\n");
                }
                if reason == CardReason::FirstUse {
                    text.push_str(&crate::views::safety::first_use_card());
                } else {
                    text.push_str(&crate::views::safety::card());
                }
                let mut err = io::stderr().lock();
                // A closed stderr has nowhere else to say it; the command goes on.
                let _ = writeln!(err);
                let _ = write!(err, "{text}");
                let _ = writeln!(err);
            }
        }
    }

    /// Holds the safety card back until [`Context::release_safety_card`]: at one keyboard,
    /// in the middle of a meeting, it would be read over a shoulder.
    pub fn hold_safety_card(&self) {
        if self.card.get() == Card::NotShown {
            self.card.set(Card::Held(false));
        }
    }

    /// Shows the card if it was wanted while held.
    pub fn release_safety_card(&self) {
        if let Card::Held(wanted) = self.card.get() {
            self.card.set(Card::NotShown);
            if wanted {
                self.show_safety_card(CardReason::Written);
            }
        }
    }

    /// Opens the existing journal; a missing one is not created. A journal others can read
    /// is opened with one warning line on stderr, until `doctor --fix` makes it private. An
    /// encrypted journal opens with the key this command unlocked (see
    /// [`Context::unlock_journal`]).
    pub fn open(&self) -> anyhow::Result<Store> {
        let key = self.journal_key.as_ref().map(|k| &k.key);
        let mut store = Store::open_with(&self.journal, key)?.with_clock(self.clock);
        self.warn(&store.take_warnings());
        Ok(store)
    }

    /// Says each warning on stderr, one line each, defused, and each only once a run.
    pub fn warn(&self, warnings: &[String]) {
        let mut err = io::stderr().lock();
        let mut warned = self.warned.borrow_mut();
        for warning in warnings {
            if warned.contains(warning) {
                continue;
            }
            let _ = writeln!(err, "rekindle: warning: {}", sanitize::line(warning));
            warned.push(warning.clone());
        }
    }

    /// The journey, with the user's own prompt files merged in; a prompt file of theirs that
    /// was skipped is named on stderr.
    pub fn journey(&self) -> Journey {
        let (journey, warnings) = Journey::load(self.prompts_dir.as_deref());
        let mut err = io::stderr().lock();
        for warning in warnings {
            let _ = writeln!(
                err,
                "rekindle: warning: {}",
                sanitize::line(&warning.to_string())
            );
        }
        journey
    }

    /// The journey without a word about skipped prompt files (for an export, whose own output
    /// may be what is on the screen).
    pub fn journey_quietly(&self) -> Journey {
        Journey::load(self.prompts_dir.as_deref()).0
    }

    /// The journey for a view that names prompts in words; `None` with `--json`, whose records
    /// carry prompt ids only (so a prompt file of the user's is not read, nor reported).
    pub fn journey_for_words(&self) -> Option<Journey> {
        (!self.json).then(|| self.journey())
    }

    /// The name given with `--as` or `REKINDLE_AS`, if any.
    pub fn as_name(&self) -> Option<&str> {
        self.as_name.as_deref()
    }

    /// The partner named with `--as` or `REKINDLE_AS`, if any (never asked for).
    pub fn named_partner(&self, store: &Store) -> anyhow::Result<Option<Partner>> {
        self.partner_called(store, self.as_name())
    }

    fn partner_called(&self, store: &Store, name: Option<&str>) -> anyhow::Result<Option<Partner>> {
        let Some(name) = name else {
            return Ok(None);
        };
        let partners = store::partners::all(store.conn())?;
        Ok(Some(find_partner(&partners, name)?.clone()))
    }

    /// Who is acting: `--as`/`REKINDLE_AS` matched case-insensitively, else asked in a
    /// terminal, else an error naming `--as` and the partners.
    pub fn acting_partner(&mut self, store: &Store) -> anyhow::Result<Partner> {
        let partners = store::partners::all(store.conn())?;
        if let Some(name) = &self.as_name {
            return Ok(find_partner(&partners, name)?.clone());
        }
        // On a device that belongs to one partner (`sync init/join --as`), that partner.
        if let Some(owner) = store::sync::owner(store.conn())?
            && let Some(p) = partners.iter().find(|p| p.id == owner)
        {
            return Ok(p.clone());
        }
        let names: Vec<String> = partners.iter().map(|p| p.name.clone()).collect();
        match self.prompter() {
            Some(prompter) => {
                let shown: Vec<String> = names
                    .iter()
                    .map(|n| sanitize::line(n).into_owned())
                    .collect();
                let index = prompter.select("Who is this?", &shown, 0)?;
                Ok(partners[index].clone())
            }
            None => Err(UserError::new(format!(
                "who is this? pass --as with {} (or set REKINDLE_AS)",
                or_list(
                    &names
                        .iter()
                        .map(|n| crate::text::prose::shell_word(&sanitize::line(n)))
                        .collect::<Vec<_>>()
                )
            ))
            .into()),
        }
    }

    /// Parses a date flag relative to today. `flag` names it in the error ("--date").
    pub fn date(&self, flag: &str, value: &str) -> Result<NaiveDate, UserError> {
        dates::parse(value, self.today).map_err(|e| UserError::new(format!("{flag}: {e}")))
    }

    /// Parses a date flag that looks forward (`--due`): a bare weekday is the next one.
    pub fn date_ahead(&self, flag: &str, value: &str) -> Result<NaiveDate, UserError> {
        dates::parse_forward(value, self.today).map_err(|e| UserError::new(format!("{flag}: {e}")))
    }

    /// Like [`Context::date`], for something that already happened: not after today.
    pub fn past_date(&self, flag: &str, value: &str, what: &str) -> Result<NaiveDate, UserError> {
        let date = self.date(flag, value)?;
        dates::not_future(date, self.today, what).map_err(UserError::new)?;
        Ok(date)
    }

    /// Standard output, locked. Write with `writeln!` so a closed pipe is an error, not a panic.
    pub fn out(&self) -> io::StdoutLock<'static> {
        io::stdout().lock()
    }

    /// Shows what a command did: as JSON with `--json`, else in words. The one place a
    /// command's output mode is decided.
    pub fn emit<T: Output + ?Sized>(&self, output: &T) -> anyhow::Result<()> {
        if self.json {
            return self.print_json(output);
        }
        // Buffered, as the JSON is: a view is many small writes.
        let mut out = io::BufWriter::new(self.out());
        output.human(&mut out)?;
        out.flush()?;
        Ok(())
    }

    /// Prints `value` as pretty JSON followed by a newline.
    fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> anyhow::Result<()> {
        // Buffered: stdout is line-buffered, and pretty JSON is many small writes.
        let mut out = io::BufWriter::new(self.out());
        sanitize::write_json(&mut out, value)?;
        writeln!(out)?;
        out.flush()?;
        Ok(())
    }
}

/// Finds a partner by name, ignoring case.
pub fn find_partner<'a>(partners: &'a [Partner], name: &str) -> Result<&'a Partner, UserError> {
    partners
        .iter()
        .find(|p| same_name(&p.name, name))
        .ok_or_else(|| {
            let names: Vec<String> = partners.iter().map(|p| p.name.clone()).collect();
            UserError::new(format!(
                "there is no partner called \"{}\"; the partners are {}",
                name.trim(),
                and_list(&names)
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Role;
    use std::collections::HashMap;

    struct FakeEnv(HashMap<&'static str, &'static str>);

    impl Env for FakeEnv {
        fn var(&self, key: &str) -> Option<OsString> {
            self.0.get(key).map(OsString::from)
        }

        fn data_dir(&self) -> anyhow::Result<PathBuf> {
            anyhow::bail!("no home in these tests")
        }

        fn config_dir(&self) -> Option<PathBuf> {
            None
        }
    }

    fn global(as_name: Option<&str>) -> Globals {
        Globals {
            journal: Some("/tmp/j.db".into()),
            json: false,
            no_color: false,
            as_name: as_name.map(String::from),
        }
    }

    fn partners() -> Vec<Partner> {
        ["Sam", "Zoë"]
            .iter()
            .enumerate()
            .map(|(i, n)| Partner {
                id: i as i64 + 1,
                uuid: String::new(),
                name: n.to_string(),
                role: Role::Mutual,
            })
            .collect()
    }

    #[test]
    fn partner_found_case_insensitively() {
        let all = partners();
        assert_eq!(find_partner(&all, "sam").unwrap().id, 1);
        assert_eq!(find_partner(&all, "ZOË").unwrap().id, 2);
    }

    #[test]
    fn unknown_partner_names_the_value_and_the_partners() {
        let err = find_partner(&partners(), "Kim").unwrap_err().to_string();
        assert_eq!(
            err,
            "there is no partner called \"Kim\"; the partners are Sam and Zoë"
        );
    }

    #[test]
    fn flag_beats_environment_for_the_acting_partner() {
        let env = FakeEnv(HashMap::from([("REKINDLE_AS", "Zoë")]));
        let ctx = Context::resolve(
            &global(Some("Sam")),
            &env,
            Terminals::default(),
            SystemTime::now(),
        )
        .unwrap();
        assert_eq!(ctx.as_name(), Some("Sam"));
        let ctx =
            Context::resolve(&global(None), &env, Terminals::default(), SystemTime::now()).unwrap();
        assert_eq!(ctx.as_name(), Some("Zoë"));
    }

    #[test]
    fn missing_acting_partner_without_terminal_names_the_flag() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                let stamp = store::clock::testing(tx)?;
                store::partners::insert(tx, &stamp, "Sam", Role::Mutual)?;
                store::partners::insert(tx, &stamp, "Alex", Role::Mutual)?;
                Ok(())
            })
            .unwrap();
        let env = FakeEnv(HashMap::new());
        let mut ctx =
            Context::resolve(&global(None), &env, Terminals::default(), SystemTime::now()).unwrap();
        let err = ctx.acting_partner(&store).unwrap_err().to_string();
        assert_eq!(
            err,
            "who is this? pass --as with Sam or Alex (or set REKINDLE_AS)"
        );
    }

    const ALL: Terminals = Terminals {
        stdin: true,
        stdout: true,
        stderr: true,
        columns: None,
    };

    fn colours(env: &FakeEnv, terminals: Terminals) -> (bool, bool) {
        let ctx = Context::resolve(&global(None), env, terminals, SystemTime::now()).unwrap();
        (ctx.color, ctx.color_stderr)
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color_or_dumb_term() {
        let plain = FakeEnv(HashMap::new());
        assert_eq!(colours(&plain, ALL), (true, true));
        assert_eq!(colours(&plain, Terminals::default()), (false, false));
        // Questions on stderr keep their colour when only stdout is piped, and the other way.
        let piped = Terminals {
            stdout: false,
            ..ALL
        };
        assert_eq!(colours(&plain, piped), (false, true));
        let no_color = FakeEnv(HashMap::from([("NO_COLOR", "1")]));
        assert_eq!(colours(&no_color, ALL), (false, false));
        let dumb = FakeEnv(HashMap::from([("TERM", "dumb")]));
        assert_eq!(colours(&dumb, ALL), (false, false));
        let mut flag = global(None);
        flag.no_color = true;
        let ctx = Context::resolve(&flag, &plain, ALL, SystemTime::now()).unwrap();
        assert_eq!((ctx.color, ctx.color_stderr), (false, false));
    }

    #[test]
    fn questions_are_asked_only_with_a_keyboard_and_a_screen() {
        let env = FakeEnv(HashMap::new());
        let asks = |terminals| {
            Context::resolve(&global(None), &env, terminals, SystemTime::now())
                .unwrap()
                .interactive()
        };
        assert!(asks(ALL));
        assert!(!asks(Terminals {
            stdin: false,
            ..ALL
        }));
        assert!(!asks(Terminals {
            stderr: false,
            ..ALL
        }));
        assert!(asks(Terminals {
            stdout: false,
            ..ALL
        }));
    }

    #[test]
    fn today_can_be_pinned_and_bad_values_are_refused() {
        let env = FakeEnv(HashMap::from([("REKINDLE_TODAY", "2026-02-28")]));
        let ctx =
            Context::resolve(&global(None), &env, Terminals::default(), SystemTime::now()).unwrap();
        assert_eq!(ctx.today, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
        let bad = FakeEnv(HashMap::from([("REKINDLE_TODAY", "soon")]));
        assert!(
            Context::resolve(&global(None), &bad, Terminals::default(), SystemTime::now()).is_err()
        );
    }

    // Audit rows I32, I33: the clock is checked once, before anything is read or written.
    #[test]
    fn a_clock_outside_1970_to_9999_is_refused_in_one_line() {
        let env = FakeEnv(HashMap::new());
        let before_1970 = std::time::UNIX_EPOCH - std::time::Duration::from_secs(86_400);
        let err = Context::resolve(&global(None), &env, Terminals::default(), before_1970)
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.starts_with("the computer's clock says it is before 1970"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1);
        let year_10000 = std::time::UNIX_EPOCH + std::time::Duration::from_secs(253_402_387_200);
        let err = Context::resolve(&global(None), &env, Terminals::default(), year_10000)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("the year 10000"), "{err}");
        // A pinned day out of range is refused too.
        let far = FakeEnv(HashMap::from([("REKINDLE_TODAY", "10000-01-01")]));
        assert!(
            Context::resolve(&global(None), &far, Terminals::default(), SystemTime::now()).is_err()
        );
    }

    fn data() -> anyhow::Result<PathBuf> {
        Ok(PathBuf::from("/home/sam/.local/share"))
    }

    #[test]
    fn flag_wins_over_environment_and_default() {
        let path =
            choose_journal(Some("/tmp/a.db".into()), Some("/tmp/b.db".into()), data).unwrap();
        assert_eq!(path, PathBuf::from("/tmp/a.db"));
    }

    #[test]
    fn environment_wins_over_default() {
        let path = choose_journal(None, Some("/tmp/b.db".into()), data).unwrap();
        assert_eq!(path, PathBuf::from("/tmp/b.db"));
    }

    #[test]
    fn default_is_under_the_data_dir_and_empty_values_are_unset() {
        let path = choose_journal(Some(PathBuf::new()), Some(OsString::new()), data).unwrap();
        assert_eq!(
            path,
            PathBuf::from("/home/sam/.local/share/rekindle/journal.db")
        );
    }

    #[test]
    fn default_is_not_looked_up_when_overridden() {
        let path = choose_journal(None, Some("/tmp/b.db".into()), || anyhow::bail!("no home"));
        assert!(path.is_ok());
    }
}
