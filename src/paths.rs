//! Where the journal and the user's own prompt files live.
//!
//! The journal is `--journal PATH`, else `$REKINDLE_JOURNAL`, else
//! `$XDG_DATA_HOME/rekindle/journal.db` (by default `~/.local/share/rekindle/journal.db`).
//! XDG rules (including ignoring a relative `XDG_DATA_HOME`) come from `etcetera`, which uses
//! them on every platform, as bat and jj do.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::Context as _;
use etcetera::BaseStrategy as _;

pub const APP_DIR: &str = "rekindle";
pub const JOURNAL_FILE: &str = "journal.db";

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

/// The XDG data directory (`$XDG_DATA_HOME` or `~/.local/share`).
pub fn data_dir() -> anyhow::Result<PathBuf> {
    let strategy = etcetera::choose_base_strategy()
        .context("cannot find your home directory to keep the journal in; pass --journal PATH or set REKINDLE_JOURNAL")?;
    Ok(strategy.data_dir())
}

/// The directory for the user's own prompt files: `$XDG_CONFIG_HOME/rekindle/prompts`.
/// `None` when there is no home directory; user prompts are optional.
pub fn user_prompts_dir() -> Option<PathBuf> {
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join(APP_DIR).join("prompts"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
