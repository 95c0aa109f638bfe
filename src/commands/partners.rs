//! `rekindle partners`: list the two partners, change a role or a name.

use std::io::Write;

use clap::Subcommand;
use serde::Serialize;

use crate::bail_user;
use crate::commands::context::{Context, find_partner};
use crate::domain::error::UserError;
use crate::domain::input::check_name;
use crate::domain::model::{Partner, Role, look_alike, names_look_alike, same_name};
use crate::store::{self, Store};
use crate::text::sanitize;
use crate::views::Output;

mod passphrase;

/// List the two of you, or change a role or a name.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Set a partner's role: repairing (broke trust), healing (was hurt), mutual (each of you
    /// repairing and healing) or unset (not chosen yet: only the prompts for either partner)
    #[command(
        after_help = "Examples:\n  rekindle partners role Sam repairing\n  rekindle partners role Alex healing"
    )]
    Role {
        /// The partner, by name
        name: String,
        /// repairing, healing, mutual or unset
        role: String,
    },
    /// Give a partner a new name
    #[command(
        after_help = "Examples:\n  rekindle partners rename Alex Alexandra\n  rekindle partners rename \"Sam Lee\" Sam"
    )]
    Rename {
        /// The current name
        old: String,
        /// The new name
        new: String,
    },
    /// Set, change or remove a partner's passphrase [default: your own]
    ///
    /// A passphrase protects your private words and proves that it is you who writes in your
    /// name. In a terminal it is asked twice and never shown; a script names a file holding it
    /// in REKINDLE_PASSPHRASE_FILE (the current one) and REKINDLE_NEW_PASSPHRASE_FILE (a new
    /// one). A lost passphrase cannot be recovered, and the private words it protects are lost
    /// with it.
    #[command(
        after_help = "Examples:\n  rekindle partners passphrase --as Sam\n  REKINDLE_PASSPHRASE_FILE=~/.sam-pass rekindle partners passphrase Sam\n  rekindle partners passphrase Sam --remove"
    )]
    Passphrase {
        /// The partner, by name [default: the acting partner]
        name: Option<String>,
        /// Remove the passphrase (private words are then deleted for good: asked first)
        #[arg(long)]
        remove: bool,
        /// With --remove and no terminal: agree that private words are deleted
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let mut store = ctx.open()?;
    let partners = store::partners::all(store.conn())?;
    let changed = match args.action {
        None => {
            let keyed = store::partner_keys::with_passphrase(store.conn())?;
            let rows = partners
                .into_iter()
                .map(|p| Listed {
                    passphrase: keyed.contains(&p.id),
                    partner: p,
                })
                .collect();
            return ctx.emit(&List(rows));
        }
        Some(Action::Role { name, role }) => {
            let partner = find_partner(&partners, &name)?.clone();
            let role: Role = role.parse().map_err(UserError::new)?;
            ctx.prove(&store, &partner)?;
            set_role(&mut store, partner, role)?
        }
        Some(Action::Rename { old, new }) => {
            let partner = find_partner(&partners, &old)?.clone();
            let new = check_name(&new)?;
            ctx.prove(&store, &partner)?;
            rename(&mut store, partner, &old, new)?
        }
        Some(Action::Passphrase { name, remove, yes }) => {
            let changed = passphrase::run(ctx, &mut store, &partners, name, remove, yes)?;
            return ctx.emit(&changed);
        }
    };
    ctx.emit(&changed)
}

fn set_role(store: &mut Store, partner: Partner, role: Role) -> anyhow::Result<Changed> {
    // Setting the role a partner already has writes nothing: an import compares stamps to
    // decide which version to keep.
    let clock = store.clock();
    let already = store.write(|tx| {
        let now = store::partners::all(tx)?
            .into_iter()
            .find(|p| p.id == partner.id)
            .map(|p| p.role);
        if now == Some(role) {
            return Ok(true);
        }
        let stamp = store::clock::stamp(tx, &clock, Some(partner.id))?;
        store::partners::set_role(tx, &stamp, partner.id, role)?;
        Ok(false)
    })?;
    let name = sanitize::line(&partner.name);
    let message = match (already, role) {
        (true, Role::Unset) => format!("{name}'s role is not chosen yet; nothing changed."),
        (false, Role::Unset) => format!(
            "{name}'s role is now not chosen: {name} sees the prompts written for either partner."
        ),
        (true, _) => format!("{name} is already {}; nothing changed.", role.describe()),
        (false, _) => format!("{name} is now {}.", role.describe()),
    };
    Ok(Changed {
        partner: Partner { role, ..partner },
        message,
    })
}

/// Renames `partner` (found by `old`, before the write lock was taken). Under the lock the
/// partner is read again: one renamed meanwhile by another command is not renamed a second
/// time (concurrent renames of the same partner: one succeeds, the others say it was already
/// done), and a name that does not change is not written (an import compares versions).
fn rename(store: &mut Store, partner: Partner, old: &str, new: String) -> anyhow::Result<Changed> {
    let clock = store.clock();
    let renamed = store.write(|tx| {
        let partners = store::partners::all(tx)?;
        let Some(now) = partners.iter().find(|p| p.id == partner.id) else {
            bail_user!("there is no partner called \"{}\" any more", old.trim());
        };
        if !same_name(&now.name, old) {
            bail_user!(
                "\"{}\" was already renamed to \"{}\" by another command; nothing was changed",
                old.trim(),
                now.name
            );
        }
        if now.name == new {
            return Ok(false);
        }
        if let Some(other) = partners.iter().find(|p| p.id != partner.id) {
            if same_name(&other.name, &new) {
                bail_user!("the other partner is already called \"{new}\"; choose another name");
            }
            if names_look_alike(&other.name, &new) {
                bail_user!("{}", look_alike(&other.name, &new));
            }
        }
        let stamp = store::clock::stamp(tx, &clock, Some(partner.id))?;
        store::partners::rename(tx, &stamp, partner.id, &new)?;
        Ok(true)
    })?;
    let message = if renamed {
        format!(
            "{} is now called {}.",
            sanitize::line(&partner.name),
            sanitize::line(&new)
        )
    } else {
        format!(
            "{} is already called {}; nothing changed.",
            sanitize::line(&partner.name),
            sanitize::line(&new)
        )
    };
    Ok(Changed {
        partner: Partner {
            name: new,
            ..partner
        },
        message,
    })
}

/// A partner after a change of role or name; the JSON is the partner.
#[derive(Serialize)]
#[serde(transparent)]
struct Changed {
    partner: Partner,
    /// What changed, in a sentence (names already defused).
    #[serde(skip)]
    message: String,
}

impl Output for Changed {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(out, "{}", self.message)?;
        Ok(())
    }
}

/// A partner in the list, and whether they have a passphrase.
#[derive(Serialize)]
struct Listed {
    #[serde(flatten)]
    partner: Partner,
    passphrase: bool,
}

/// The two partners; the JSON is the list.
#[derive(Serialize)]
#[serde(transparent)]
struct List(Vec<Listed>);

impl Output for List {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let width = self
            .0
            .iter()
            .map(|p| sanitize::line(&p.partner.name).chars().count())
            .max()
            .unwrap_or(0);
        for listed in &self.0 {
            let p = &listed.partner;
            let key = if listed.passphrase {
                ", with a passphrase"
            } else {
                ""
            };
            writeln!(
                out,
                "{:>3}  {:<width$}  {}{key}",
                p.id,
                sanitize::line(&p.name),
                p.role.describe()
            )?;
        }
        Ok(())
    }
}
