//! Where a passphrase comes from: a file named in the environment (scripts), else a question
//! in a terminal with nothing echoed; never a flag (it would land in shell history and `ps`).
//! And the cost of wrapping a new key, which only a debug build lets tests lower.

use std::io::Write;
use std::path::PathBuf;

use super::{Context, Env};
use crate::domain::error::UserError;
use crate::keys::{self, Cost, Identity, KeyError, Passphrase};
use crate::text::sanitize;

/// The variable a script names its passphrase file in.
pub const PASSPHRASE_FILE: &str = "REKINDLE_PASSPHRASE_FILE";
/// The variable naming the file with a new passphrase, when one is changed.
pub const NEW_PASSPHRASE_FILE: &str = "REKINDLE_NEW_PASSPHRASE_FILE";

/// How many times a terminal asks before a wrong passphrase ends the command.
const TRIES: usize = 3;

/// The passphrase settings read from the environment when the context is resolved.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    file: Option<PathBuf>,
    new_file: Option<PathBuf>,
    cost: Cost,
}

impl Sources {
    pub fn from_env(env: &dyn Env) -> Sources {
        Sources {
            file: env.var(PASSPHRASE_FILE).map(PathBuf::from),
            new_file: env.var(NEW_PASSPHRASE_FILE).map(PathBuf::from),
            cost: cost_from(env),
        }
    }
}

/// `REKINDLE_TEST_KDF=cheap` makes new wraps cheap, in debug builds only: in a release build
/// this code and [`Cost::Cheap`] do not exist, so no environment can weaken a real key.
#[cfg(debug_assertions)]
fn cost_from(env: &dyn Env) -> Cost {
    match env.var("REKINDLE_TEST_KDF") {
        Some(v) if v == "cheap" => Cost::Cheap,
        _ => Cost::Standard,
    }
}

#[cfg(not(debug_assertions))]
fn cost_from(_env: &dyn Env) -> Cost {
    Cost::Standard
}

impl Context {
    /// The cost a new or re-wrapped key is wrapped at.
    pub fn key_cost(&self) -> Cost {
        self.passphrases.cost
    }

    /// Whether a passphrase can be had at all: a file is named, or a terminal can ask.
    pub fn can_get_passphrase(&self) -> bool {
        self.passphrases.file.is_some() || self.interactive()
    }

    /// The passphrase file named in `REKINDLE_PASSPHRASE_FILE`, if any.
    pub(super) fn passphrase_file(&self) -> Option<PathBuf> {
        self.passphrases.file.clone()
    }

    /// `name`'s current passphrase, unchecked: from `REKINDLE_PASSPHRASE_FILE`, else asked
    /// once in a terminal, else a refusal that says how to give it.
    pub fn passphrase(&mut self, name: &str) -> anyhow::Result<Passphrase> {
        if let Some(path) = self.passphrases.file.clone() {
            return self.read_file(PASSPHRASE_FILE, path);
        }
        let shown = sanitize::line(name);
        let Some(prompter) = self.prompter() else {
            return Err(UserError::new(format!(
                "{shown} has a passphrase, and this needs it: run this in a terminal to type it, \
                 or name a file holding it in {PASSPHRASE_FILE}"
            ))
            .into());
        };
        let typed = prompter.secret(&format!("{shown}'s passphrase"))?;
        Passphrase::new(typed).map_err(user)
    }

    /// Opens `name`'s wrapped identity with their passphrase. A terminal asks again after a
    /// wrong one (three tries in all); a file gets one try. A wrong passphrase is exit 2, and
    /// the caller has written nothing yet.
    pub fn unlock(&mut self, name: &str, wrapped: &[u8]) -> anyhow::Result<Identity> {
        let shown = sanitize::line(name);
        let tries = if self.passphrases.file.is_some() {
            1
        } else {
            TRIES
        };
        for attempt in 1..=tries {
            let passphrase = self.passphrase(name)?;
            match Identity::unwrap(wrapped, &passphrase) {
                Ok(identity) => return Ok(identity),
                Err(KeyError::WrongPassphrase) if attempt < tries => {
                    if let Some(prompter) = self.prompter() {
                        prompter.say(&format!("That is not {shown}'s passphrase. Try again."))?;
                    }
                }
                Err(KeyError::WrongPassphrase) => {
                    return Err(UserError::new(format!(
                        "that is not {shown}'s passphrase; nothing was changed"
                    ))
                    .into());
                }
                Err(other) => return Err(other.into()),
            }
        }
        unreachable!("the last try returns")
    }

    /// A new passphrase for `name`, checked for strength against the partners' `names` and
    /// the journal's `words`. Scripts: `REKINDLE_NEW_PASSPHRASE_FILE`, or for a partner with
    /// no passphrase yet (`first`) `REKINDLE_PASSPHRASE_FILE` when no new-passphrase file is
    /// named. A terminal asks twice, without echo, until both agree and it is strong enough.
    pub fn new_passphrase(
        &mut self,
        name: &str,
        first: bool,
        names: &[&str],
        words: &[&str],
    ) -> anyhow::Result<Passphrase> {
        let file = match (&self.passphrases.new_file, &self.passphrases.file) {
            (Some(new), _) => Some((NEW_PASSPHRASE_FILE, new.clone())),
            (None, Some(file)) if first => Some((PASSPHRASE_FILE, file.clone())),
            _ => None,
        };
        if let Some((var, path)) = file {
            let passphrase = self.read_file(var, path)?;
            keys::check_strength(&passphrase, names, words).map_err(user)?;
            return Ok(passphrase);
        }
        let shown = sanitize::line(name);
        let Some(prompter) = self.prompter() else {
            let var = if first {
                PASSPHRASE_FILE
            } else {
                NEW_PASSPHRASE_FILE
            };
            return Err(UserError::new(format!(
                "a new passphrase is asked for in a terminal; without one, name a file holding \
                 it in {var}"
            ))
            .into());
        };
        loop {
            let typed = prompter.secret(&format!(
                "New passphrase for {shown}\nat least 8 characters; three or four ordinary words \
                 are easy to remember and hard to guess"
            ))?;
            let passphrase = match Passphrase::new(typed) {
                Ok(p) => p,
                Err(err) => {
                    prompter.say(&capitalised(&err.to_string()))?;
                    continue;
                }
            };
            if let Err(err) = keys::check_strength(&passphrase, names, words) {
                prompter.say(&capitalised(&err.to_string()))?;
                continue;
            }
            let again = prompter.secret("The same passphrase again")?;
            match Passphrase::new(again) {
                Ok(again) if again.same_as(&passphrase) => return Ok(passphrase),
                _ => prompter.say("The two did not match; let us start again.")?,
            }
        }
    }

    pub(super) fn read_file(&self, var: &'static str, path: PathBuf) -> anyhow::Result<Passphrase> {
        let (passphrase, warning) = keys::read_passphrase_file(var, &path).map_err(user)?;
        if let Some(warning) = warning {
            let _ = writeln!(
                std::io::stderr().lock(),
                "rekindle: warning: {}",
                sanitize::line(&warning.0)
            );
        }
        Ok(passphrase)
    }
}

/// A key error the user can fix becomes a [`UserError`] (exit 2); the rest stay failures.
fn user(err: KeyError) -> anyhow::Error {
    if err.is_user_error() {
        UserError::new(err.to_string()).into()
    } else {
        err.into()
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::ffi::OsString;

    use super::*;
    use crate::commands::context::{Globals, Terminals};
    use crate::flows::prompter::{Reply, Scripted};

    struct FakeEnv(HashMap<&'static str, String>);

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

    fn context(vars: &[(&'static str, String)]) -> Context {
        let globals = Globals {
            journal: Some("/tmp/j.db".into()),
            ..Globals::default()
        };
        let env = FakeEnv(vars.iter().cloned().collect());
        Context::resolve(
            &globals,
            &env,
            Terminals::default(),
            std::time::SystemTime::now(),
        )
        .unwrap()
    }

    fn scripted(ctx: &mut Context, replies: Vec<Reply>) {
        ctx.set_prompter(Some(Box::new(Scripted::new(replies))));
    }

    fn text(t: &str) -> Reply {
        Reply::Text(t.to_string())
    }

    fn wrapped(pass: &str) -> (Identity, Vec<u8>) {
        let id = Identity::generate();
        let p = Passphrase::new(pass.to_string()).unwrap();
        let w = id.wrap(&p, Cost::Cheap).unwrap();
        (id, w)
    }

    fn exit_code(err: &anyhow::Error) -> Option<&UserError> {
        err.chain().find_map(|c| c.downcast_ref::<UserError>())
    }

    #[test]
    fn the_cheap_cost_is_chosen_only_by_its_variable() {
        assert_eq!(context(&[]).key_cost(), Cost::Standard);
        let other = context(&[("REKINDLE_TEST_KDF", "fast".into())]);
        assert_eq!(other.key_cost(), Cost::Standard);
        let cheap = context(&[("REKINDLE_TEST_KDF", "cheap".into())]);
        assert_eq!(cheap.key_cost(), Cost::Cheap);
    }

    #[test]
    fn without_a_terminal_or_a_file_the_refusal_names_the_variable() {
        let mut ctx = context(&[]);
        assert!(!ctx.can_get_passphrase());
        let err = ctx.passphrase("Sam").unwrap_err();
        let msg = exit_code(&err).unwrap().to_string();
        assert!(msg.contains("Sam has a passphrase"), "{msg}");
        assert!(msg.contains(PASSPHRASE_FILE), "{msg}");
        let err = ctx.new_passphrase("Sam", false, &[], &[]).unwrap_err();
        assert!(
            exit_code(&err)
                .unwrap()
                .to_string()
                .contains(NEW_PASSPHRASE_FILE)
        );
    }

    #[test]
    fn a_terminal_gets_three_tries_and_a_file_one() {
        let (id, w) = wrapped("lantern harbour quietly");
        let mut ctx = context(&[]);
        scripted(
            &mut ctx,
            vec![text("wrong one"), text("lantern harbour quietly")],
        );
        assert_eq!(ctx.unlock("Sam", &w).unwrap().recipient(), id.recipient());
        scripted(
            &mut ctx,
            vec![
                text("a"),
                text("b"),
                text("c"),
                text("lantern harbour quietly"),
            ],
        );
        let err = ctx.unlock("Sam", &w).unwrap_err();
        assert_eq!(
            exit_code(&err).unwrap().to_string(),
            "that is not Sam's passphrase; nothing was changed"
        );

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p");
        std::fs::write(&file, "wrong one\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let mut ctx = context(&[(PASSPHRASE_FILE, file.display().to_string())]);
        // A file is preferred to the terminal, and gets one try.
        scripted(&mut ctx, vec![text("lantern harbour quietly")]);
        assert!(exit_code(&ctx.unlock("Sam", &w).unwrap_err()).is_some());
        std::fs::write(&file, "lantern harbour quietly\n").unwrap();
        assert_eq!(ctx.unlock("Sam", &w).unwrap().recipient(), id.recipient());
    }

    #[test]
    fn a_new_passphrase_is_asked_twice_and_must_be_strong() {
        let mut ctx = context(&[]);
        let script = Scripted::new(vec![
            text("alexsam1"),
            text("paris lantern oak meadow"),
            text("paris lantern oak meadows"),
            text("paris lantern oak meadow"),
            text("paris lantern oak meadow"),
        ]);
        ctx.set_prompter(Some(Box::new(script)));
        let p = ctx
            .new_passphrase("Alex", true, &["Alex", "Sam"], &["forgiveness"])
            .unwrap();
        assert!(p.same_as(&Passphrase::new("paris lantern oak meadow".into()).unwrap()));
    }
}
