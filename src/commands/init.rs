//! `rekindle init`: creates the journal for the two partners.

use std::io::Write as _;

use serde::Serialize;

use crate::bail_user;
use crate::commands::context::Context;
use crate::domain::SAFETY_NOTE;
use crate::domain::dates;
use crate::domain::input::check_name;
use crate::domain::model::{Partner, Role, Step, same_name};
use crate::prompter::Prompter;
use crate::store::{self, Store, StoreError};
use crate::text::prose;
use crate::text::sanitize;

/// Create the journal for the two of you.
///
/// Without flags, in a terminal, rekindle asks for your names. Roles: the partner who broke
/// trust is "repairing", the one who was hurt is "healing"; leave --repairing out when it is
/// mutual. Roles can be changed later with `rekindle partners role`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A partner's name; give it twice, once for each of you
    #[arg(long = "partner", value_name = "NAME")]
    pub partners: Vec<String>,

    /// The partner who is repairing trust (the other is then healing)
    #[arg(long, value_name = "NAME")]
    pub repairing: Option<String>,
}

/// The two names and who, if anyone, is repairing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Couple {
    pub names: [String; 2],
    pub repairing: Option<usize>,
}

impl Couple {
    fn role_of(&self, index: usize) -> Role {
        match self.repairing {
            None => Role::Mutual,
            Some(r) if r == index => Role::Repairing,
            Some(_) => Role::Healing,
        }
    }
}

#[derive(Serialize)]
struct Created<'a> {
    journal: String,
    partners: &'a [Partner],
    focus: Step,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    refuse_existing(ctx)?;
    let couple = match ctx.prompter() {
        Some(prompter) if args.partners.len() < 2 => ask_couple(prompter, &args)?,
        _ => couple_from_flags(&args)?,
    };
    let (_store, partners) = create(ctx, &couple)?;
    report(ctx, &partners)
}

/// Something already at the journal's path is never touched: a journal is refused as one,
/// anything else is named as not a journal. Only the first bytes are read.
fn refuse_existing(ctx: &Context) -> anyhow::Result<()> {
    if std::fs::symlink_metadata(&ctx.journal).is_err() {
        return Ok(());
    }
    match store::not_a_journal_reason(&ctx.journal) {
        None => Err(StoreError::Exists(ctx.journal.clone()).into()),
        Some(reason) => bail_user!(
            "{} is not a rekindle journal ({reason}); it was left untouched. To start a journal, choose another file with --journal PATH",
            ctx.journal.display()
        ),
    }
}

/// Creates the journal with the couple in it and the focus on the first step.
pub fn create(ctx: &Context, couple: &Couple) -> anyhow::Result<(Store, Vec<Partner>)> {
    let today = ctx.today;
    Store::create(&ctx.journal, |tx| {
        let mut partners = Vec::new();
        for (i, name) in couple.names.iter().enumerate() {
            partners.push(store::partners::insert(tx, name, couple.role_of(i))?);
        }
        store::focus::record(tx, Step::Responsibility, today, None)?;
        Ok(partners)
    })
}

fn couple_from_flags(args: &Args) -> anyhow::Result<Couple> {
    let names = match args.partners.as_slice() {
        [a, b] => [check_name(a)?, check_name(b)?],
        [] | [_] => bail_user!(
            "init needs both of your names: pass --partner twice, e.g. rekindle init --partner Sam --partner Alex"
        ),
        more => bail_user!(
            "rekindle is for two partners; --partner was given {} times",
            more.len()
        ),
    };
    couple_with(names, args.repairing.as_deref())
}

fn couple_with(names: [String; 2], repairing: Option<&str>) -> anyhow::Result<Couple> {
    if same_name(&names[0], &names[1]) {
        bail_user!(
            "the two partners need different names (both are \"{}\")",
            names[0]
        );
    }
    let repairing = match repairing {
        None => None,
        Some(r) => match names.iter().position(|n| same_name(n, r)) {
            Some(i) => Some(i),
            None => bail_user!(
                "--repairing \"{}\" is not one of the partners; use {} or {}",
                r.trim(),
                names[0],
                names[1]
            ),
        },
    };
    Ok(Couple { names, repairing })
}

/// Asks for whatever the flags did not give.
pub fn ask_couple(prompter: &mut dyn Prompter, args: &Args) -> anyhow::Result<Couple> {
    prompter.say("Let's set up your journal. It stays in one file on this computer.")?;
    let mut names: Vec<String> = Vec::new();
    for given in &args.partners {
        names.push(check_name(given)?);
    }
    while names.len() < 2 {
        let question = if names.is_empty() {
            "Your name"
        } else {
            "Your partner's name"
        };
        let answer = prompter.input(question, None, false)?;
        match check_name(&answer) {
            Ok(name) if names.iter().any(|n| same_name(n, &name)) => {
                prompter.say("The two of you need different names.")?;
            }
            Ok(name) => names.push(name),
            Err(e) => prompter.say(&e.to_string())?,
        }
    }
    let names: [String; 2] = [names[0].clone(), names[1].clone()];
    if args.repairing.is_some() {
        return couple_with(names, args.repairing.as_deref());
    }
    let shown: Vec<String> = names
        .iter()
        .map(|n| sanitize::line(n).into_owned())
        .collect();
    let choices = vec![
        format!("{} is repairing trust, {} is healing", shown[0], shown[1]),
        format!("{} is repairing trust, {} is healing", shown[1], shown[0]),
        "Both of us: it goes both ways".to_string(),
    ];
    let choice = prompter.select(
        "Who broke trust? (This only chooses which prompts each of you sees.)",
        &choices,
        2,
    )?;
    let repairing = match choice {
        0 => Some(0),
        1 => Some(1),
        _ => None,
    };
    Ok(Couple { names, repairing })
}

fn report(ctx: &Context, partners: &[Partner]) -> anyhow::Result<()> {
    if ctx.json {
        return ctx.print_json(&Created {
            journal: ctx.journal.display().to_string(),
            partners,
            focus: Step::Responsibility,
        });
    }
    let mut out = ctx.out();
    let journal = ctx.journal.display().to_string();
    writeln!(out, "Created your journal at {}.", sanitize::line(&journal))?;
    for p in partners {
        writeln!(
            out,
            "  {:<12} {}",
            sanitize::line(&p.name),
            p.role.describe()
        )?;
    }
    writeln!(
        out,
        "You start at step 1, taking responsibility ({}).",
        dates::in_words(ctx.today)
    )?;
    writeln!(out)?;
    writeln!(out, "{}", prose::paragraph(SAFETY_NOTE, 0))?;
    writeln!(out)?;
    writeln!(
        out,
        "Next, each of you checks in once a day: rekindle checkin --as {}",
        sanitize::line(&partners[0].name)
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompter::{Reply, Scripted};

    #[test]
    fn flags_make_a_mutual_couple_by_default() {
        let args = Args {
            partners: vec!["Sam".into(), " Alex ".into()],
            repairing: None,
        };
        let couple = couple_from_flags(&args).unwrap();
        assert_eq!(couple.names, ["Sam".to_string(), "Alex".to_string()]);
        assert_eq!(couple.role_of(0), Role::Mutual);
    }

    fn validate_couple(names: [&str; 2], repairing: Option<&str>) -> anyhow::Result<Couple> {
        couple_with([names[0].to_string(), names[1].to_string()], repairing)
    }

    #[test]
    fn repairing_matches_case_insensitively_and_the_other_heals() {
        let couple = validate_couple(["Sam", "Alex"], Some("alex")).unwrap();
        assert_eq!(couple.role_of(1), Role::Repairing);
        assert_eq!(couple.role_of(0), Role::Healing);
    }

    #[test]
    fn refusals_name_the_value() {
        let err = validate_couple(["Sam", "sam"], None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("different names"), "{err}");
        let err = validate_couple(["Sam", "Alex"], Some("Kim"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"Kim\""), "{err}");
        let args = Args {
            partners: vec!["Sam".into()],
            repairing: None,
        };
        let err = couple_from_flags(&args).unwrap_err().to_string();
        assert!(err.contains("--partner twice"), "{err}");
    }

    #[test]
    fn guided_setup_asks_names_then_roles_and_retries_a_clash() {
        let mut p = Scripted::new([
            Reply::Text("Sam".into()),
            Reply::Text("SAM".into()),
            Reply::Text("Alex".into()),
            Reply::Pick(1),
        ]);
        let args = Args {
            partners: vec![],
            repairing: None,
        };
        let couple = ask_couple(&mut p, &args).unwrap();
        assert_eq!(couple.names, ["Sam".to_string(), "Alex".to_string()]);
        assert_eq!(couple.repairing, Some(1));
        assert!(p.said.iter().any(|s| s.contains("different names")));
        assert_eq!(p.remaining(), 0);
    }
}
