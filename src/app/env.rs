//! The real process's environment: its variables, the XDG folders, and which standard streams
//! are terminals. This is the only place they are read; the context resolves them once.
//!
//! XDG rules (including ignoring a relative `XDG_DATA_HOME`) come from `etcetera`, which uses
//! them on every platform, as bat and jj do.

use std::ffi::OsString;
use std::io::{self, IsTerminal as _};
use std::path::PathBuf;

use anyhow::Context as _;
use etcetera::BaseStrategy as _;

use crate::commands::context::{Env, Terminals};

/// The real process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, key: &str) -> Option<OsString> {
        std::env::var_os(key).filter(|v| !v.is_empty())
    }

    fn data_dir(&self) -> anyhow::Result<PathBuf> {
        let strategy = etcetera::choose_base_strategy()
            .context("cannot find your home directory to keep the journal in; pass --journal PATH or set REKINDLE_JOURNAL")?;
        Ok(strategy.data_dir())
    }

    fn config_dir(&self) -> Option<PathBuf> {
        Some(etcetera::choose_base_strategy().ok()?.config_dir())
    }
}

/// Which standard streams are a terminal, and standard output's width.
pub fn terminals() -> Terminals {
    let stdout = io::stdout().is_terminal();
    Terminals {
        stdin: io::stdin().is_terminal(),
        stdout,
        stderr: io::stderr().is_terminal(),
        columns: console::Term::stdout()
            .size_checked()
            .map(|(_, cols)| usize::from(cols))
            .filter(|_| stdout),
    }
}
