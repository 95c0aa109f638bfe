//! The resolved context a command runs in: journal path, today's date, output mode, colour,
//! whether we may ask questions, and who is acting. Global flags and the environment are
//! read here once, so commands never look at either.

use std::ffi::OsString;
use std::io::{self, IsTerminal as _, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::cli::GlobalArgs;
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::model::{Partner, same_name};
use crate::paths;
use crate::prompter::{self, Prompter, TerminalPrompter};
use crate::store::{self, Store};
use crate::text::prose::{and_list, or_list};
use crate::text::sanitize;

/// Where the environment is read from; a seam so resolution can be tested without touching
/// the process environment.
pub trait Env {
    fn var(&self, key: &str) -> Option<OsString>;
}

/// The real process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, key: &str) -> Option<OsString> {
        std::env::var_os(key).filter(|v| !v.is_empty())
    }
}

/// Which of the standard streams are a terminal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Terminals {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

pub struct Context {
    pub journal: PathBuf,
    pub json: bool,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr, where questions are drawn.
    pub color_stderr: bool,
    /// Today's local date (or `REKINDLE_TODAY`, for tests and scripts that replay a past day).
    pub today: NaiveDate,
    as_name: Option<String>,
    /// Whether `as_name` came from the `--as` flag rather than `REKINDLE_AS`.
    as_flag: bool,
    prompter: Option<Box<dyn Prompter>>,
}

impl Context {
    /// Resolves the global flags against the process environment and terminal.
    pub fn from_args(global: &GlobalArgs) -> anyhow::Result<Context> {
        let terminals = Terminals {
            stdin: io::stdin().is_terminal(),
            stdout: io::stdout().is_terminal(),
            stderr: io::stderr().is_terminal(),
        };
        Self::resolve(global, &ProcessEnv, terminals)
    }

    /// Resolution proper, with the environment and terminal facts passed in. Colour is
    /// decided first, so the prompter is built with the look that decision calls for.
    pub fn resolve(
        global: &GlobalArgs,
        env: &dyn Env,
        terminals: Terminals,
    ) -> anyhow::Result<Context> {
        let journal = paths::choose_journal(
            global.journal.clone(),
            env.var("REKINDLE_JOURNAL"),
            paths::data_dir,
        )?;
        let today = match env.var("REKINDLE_TODAY") {
            Some(value) => {
                let text = value.to_string_lossy().into_owned();
                NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
                    UserError::new(format!(
                        "REKINDLE_TODAY must be a date as YYYY-MM-DD (got \"{text}\")"
                    ))
                })?
            }
            None => chrono::Local::now().date_naive(),
        };
        let dumb_terminal = env.var("TERM").is_some_and(|t| t == "dumb");
        let colour_wanted = !global.no_color && env.var("NO_COLOR").is_none() && !dumb_terminal;
        let color = terminals.stdout && colour_wanted;
        let color_stderr = terminals.stderr && colour_wanted;
        // Questions need a keyboard to answer and a screen to draw on (stderr, so that
        // stdout stays clean for pipes).
        let prompter: Option<Box<dyn Prompter>> = if terminals.stdin && terminals.stderr {
            let editor = prompter::editor_command(env.var("VISUAL"), env.var("EDITOR"));
            Some(Box::new(TerminalPrompter::new(color_stderr, editor)))
        } else {
            None
        };
        let flag = global.as_name.clone().filter(|n| !n.trim().is_empty());
        let as_flag = flag.is_some();
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
            as_name,
            as_flag,
            prompter,
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

    /// Opens the existing journal; a missing one is not created.
    pub fn open(&self) -> anyhow::Result<Store> {
        Ok(Store::open(&self.journal)?)
    }

    /// The name given with `--as` or `REKINDLE_AS`, if any.
    pub fn as_name(&self) -> Option<&str> {
        self.as_name.as_deref()
    }

    /// The name given with the `--as` flag itself, ignoring `REKINDLE_AS`: for filters, where
    /// a name set once in the environment should not silently hide the other partner.
    pub fn as_flag(&self) -> Option<&str> {
        self.as_name.as_deref().filter(|_| self.as_flag)
    }

    /// Who is acting: `--as`/`REKINDLE_AS` matched case-insensitively, else asked in a
    /// terminal, else an error naming `--as` and the partners.
    pub fn acting_partner(&mut self, store: &Store) -> anyhow::Result<Partner> {
        let partners = store::partners::all(store.conn())?;
        if let Some(name) = &self.as_name {
            return Ok(find_partner(&partners, name)?.clone());
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
                or_list(&names)
            ))
            .into()),
        }
    }

    /// Parses a date flag relative to today. `flag` names it in the error ("--date").
    pub fn date(&self, flag: &str, value: &str) -> Result<NaiveDate, UserError> {
        dates::parse(value, self.today).map_err(|e| UserError::new(format!("{flag}: {e}")))
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

    /// Prints `value` as pretty JSON followed by a newline.
    pub fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> anyhow::Result<()> {
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
    }

    fn global(as_name: Option<&str>) -> GlobalArgs {
        GlobalArgs {
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
        let ctx = Context::resolve(&global(Some("Sam")), &env, Terminals::default()).unwrap();
        assert_eq!(ctx.as_name(), Some("Sam"));
        let ctx = Context::resolve(&global(None), &env, Terminals::default()).unwrap();
        assert_eq!(ctx.as_name(), Some("Zoë"));
    }

    #[test]
    fn missing_acting_partner_without_terminal_names_the_flag() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                store::partners::insert(tx, "Sam", Role::Mutual)?;
                store::partners::insert(tx, "Alex", Role::Mutual)?;
                Ok(())
            })
            .unwrap();
        let env = FakeEnv(HashMap::new());
        let mut ctx = Context::resolve(&global(None), &env, Terminals::default()).unwrap();
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
    };

    fn colours(env: &FakeEnv, terminals: Terminals) -> (bool, bool) {
        let ctx = Context::resolve(&global(None), env, terminals).unwrap();
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
        let ctx = Context::resolve(&flag, &plain, ALL).unwrap();
        assert_eq!((ctx.color, ctx.color_stderr), (false, false));
    }

    #[test]
    fn questions_are_asked_only_with_a_keyboard_and_a_screen() {
        let env = FakeEnv(HashMap::new());
        let asks = |terminals| {
            Context::resolve(&global(None), &env, terminals)
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
        let ctx = Context::resolve(&global(None), &env, Terminals::default()).unwrap();
        assert_eq!(ctx.today, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
        let bad = FakeEnv(HashMap::from([("REKINDLE_TODAY", "soon")]));
        assert!(Context::resolve(&global(None), &bad, Terminals::default()).is_err());
    }
}
