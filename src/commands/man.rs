//! `rekindle man`: the manual page, built from the same command-line definitions as `--help`
//! (clap_mangen), so the two never disagree. `docs/man/rekindle.1` is this page checked in;
//! a test fails when it falls behind.

use std::io::Write;

use serde::Serialize;

use crate::commands::context::Context;
use crate::views::Output;

/// Print rekindle's manual page (roff), for man to show.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The page's roff text for the whole command line: clap_mangen's page for `rekindle`, then a
/// section for every command (its description, options and examples), so that one page holds
/// what every `--help` says.
pub fn page(mut command: clap::Command) -> anyhow::Result<String> {
    command.build();
    let mut roff = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut roff)?;
    let mut page = String::from_utf8(roff)?;
    page.push_str(".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        commands(&mut page, sub, "rekindle");
    }
    Ok(page)
}

/// Text made safe for roff: backslashes and a leading dot or quote escaped, dashes as minus.
fn roff(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.replace('\\', "\\e").replace('-', "\\-");
            if line.starts_with('.') || line.starts_with('\'') {
                format!("\\&{line}")
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn commands(page: &mut String, command: &clap::Command, parent: &str) {
    let name = format!("{parent} {}", command.get_name());
    page.push_str(&format!(".SS \"{}\"\n", roff(&name)));
    if let Some(about) = command.get_long_about().or(command.get_about()) {
        for paragraph in about.to_string().split("\n\n") {
            page.push_str(&format!(".PP\n{}\n", roff(paragraph.trim())));
        }
    }
    for arg in command
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_global_set())
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
    {
        let mut flag = match (arg.get_long(), arg.get_short()) {
            (Some(long), _) => format!("\\-\\-{long}"),
            (None, Some(short)) => format!("\\-{short}"),
            (None, None) => String::new(),
        };
        if let Some(names) = arg
            .get_value_names()
            .filter(|_| arg.get_action().takes_values())
        {
            let names: Vec<String> = names.iter().map(|n| format!("<{n}>")).collect();
            if !flag.is_empty() {
                flag.push(' ');
            }
            flag.push_str(&roff(&names.join(" ")));
        }
        page.push_str(&format!(".TP\n\\fB{flag}\\fR\n"));
        if let Some(help) = arg.get_long_help().or(arg.get_help()) {
            page.push_str(&format!("{}\n", roff(&help.to_string())));
        }
    }
    if let Some(after) = command.get_after_help() {
        page.push_str(&format!(".PP\n.nf\n{}\n.fi\n", roff(&after.to_string())));
    }
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        commands(page, sub, &name);
    }
}

/// The page; its JSON is the text as a string.
#[derive(Serialize)]
#[serde(transparent)]
struct Page(String);

impl Output for Page {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        out.write_all(self.0.as_bytes())?;
        Ok(())
    }
}

/// `cli` is the whole command line, which only the process edge knows.
pub fn run(ctx: &mut Context, _args: Args, command: clap::Command) -> anyhow::Result<()> {
    ctx.emit(&Page(page(command)?))
}
