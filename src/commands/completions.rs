//! `rekindle completions SHELL`: prints a completion script.
//!
//! clap_complete's scripts complete commands, flags and the values clap knows (step ids,
//! kinds of record, formats). Partner names live in the journal, so for bash, zsh and fish
//! the script is given a small addition: `--as` completes from `rekindle completions
//! --partners`, which prints the names one to a line. (clap_complete's own dynamic
//! completion would do this too, but it sits behind an unstable feature whose interface still
//! changes; three lines of shell per shell are easier to keep.)

use std::io::Write as _;

use clap_complete::Shell;

use crate::commands::context::Context;
use crate::store;

/// Print a shell completion script.
///
/// For example, for bash: rekindle completions bash > ~/.bash_completion.d/rekindle
#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell
    #[arg(ignore_case = true, required_unless_present = "partners")]
    pub shell: Option<Shell>,

    /// Print the partners' names, one to a line (the scripts call this to complete --as)
    #[arg(long, hide = true)]
    pub partners: bool,
}

/// How `--as` is completed in each shell's script, from the names the journal holds.
const NAMES: &str = "rekindle completions --partners 2>/dev/null";

/// `cli` is the whole command line, which only the process edge knows.
pub fn run(ctx: &mut Context, args: Args, mut command: clap::Command) -> anyhow::Result<()> {
    let mut out = ctx.out();
    if args.partners {
        // Quiet when there is no journal: completion offers nothing rather than an error.
        if let Ok(store) = ctx.open() {
            for partner in store::partners::all(store.conn())? {
                writeln!(out, "{}", partner.name)?;
            }
        }
        return Ok(());
    }
    let Some(shell) = args.shell else {
        return Ok(());
    };
    // clap_complete panics on a write error, so the script is built in memory first and a
    // closed pipe stays an ordinary error.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rekindle", &mut script);
    let script = with_partner_names(shell, &String::from_utf8_lossy(&script));
    out.write_all(script.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The script, with `--as` completing partner names where the shell allows.
pub fn with_partner_names(shell: Shell, script: &str) -> String {
    match shell {
        Shell::Bash => script.replace(
            "                --as)\n                    COMPREPLY=($(compgen -f \"${cur}\"))",
            &format!(
                "                --as)\n                    local IFS=$'\\n'\n                    COMPREPLY=($(compgen -W \"$({NAMES})\" -- \"${{cur}}\"))"
            ),
        ),
        Shell::Zsh => {
            let function = format!(
                "_rekindle_partners() {{\n    local -a names\n    names=(${{(f)\"$({NAMES})\"}})\n    _describe 'partner' names\n}}\n"
            );
            script
                .replacen("#compdef rekindle\n", &format!("#compdef rekindle\n\n{function}"), 1)
                .replace("]:NAME:_default'", "]:NAME:_rekindle_partners'")
        }
        Shell::Fish => script
            .lines()
            .map(|line| {
                if line.contains(" -l as ") && line.ends_with(" -r") {
                    format!("{line} -f -a \"({NAMES})\"")
                } else {
                    line.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n",
        _ => script.to_string(),
    }
}
