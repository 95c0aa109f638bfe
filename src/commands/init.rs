//! `rekindle init`: creates the journal for the two partners.

use std::io::Write;

use serde::Serialize;

use crate::bail_user;
use crate::commands::common::create_journal;
use crate::commands::context::{CardReason, Context};
use crate::domain::dates;
use crate::domain::model::{Partner, Step};
use crate::flows::couple;
use crate::store::{self, StoreError};
use crate::text::prose;
use crate::text::sanitize;
use crate::views::Output;

/// Create the journal for the two of you.
///
/// Without flags, in a terminal, rekindle asks for your names. Roles: the partner who broke
/// trust is "repairing", the one who was hurt is "healing"; --mutual when it goes both ways.
/// With neither, no role is chosen for you: until you choose one with `rekindle partners
/// role`, each of you sees only the prompts written for either partner.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A partner's name; give it twice, once for each of you
    #[arg(long = "partner", value_name = "NAME")]
    pub partners: Vec<String>,

    /// The partner who is repairing trust (the other is then healing)
    #[arg(long, value_name = "NAME", conflicts_with = "mutual")]
    pub repairing: Option<String>,

    /// It goes both ways: each of you is repairing and healing
    #[arg(long)]
    pub mutual: bool,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    refuse_existing(ctx)?;
    let roles = couple::RoleFlags {
        repairing: args.repairing.as_deref(),
        mutual: args.mutual,
    };
    let couple = match ctx.prompter() {
        Some(prompter) if args.partners.len() < 2 => couple::ask(prompter, &args.partners, roles)?,
        _ => couple::from_flags(&args.partners, roles)?,
    };
    let (_store, partners) = create_journal(ctx, &couple)?;
    ctx.emit(&Created {
        journal: ctx.journal.display().to_string(),
        partners: &partners,
        focus: Step::Responsibility,
        today: ctx.today,
    })?;
    // On standard error, after what was made, so scripts reading the JSON are not disturbed.
    ctx.show_safety_card(CardReason::FirstUse);
    Ok(())
}

/// Something already at the journal's path is never touched: a journal is refused as one,
/// anything else is named as not a journal. Only the first bytes are read. A new journal's
/// folder must be yours, and others must not be able to write it.
fn refuse_existing(ctx: &Context) -> anyhow::Result<()> {
    if std::fs::symlink_metadata(&ctx.journal).is_err() {
        // A folder others can write is refused before any question is asked.
        store::privacy::check_new(&ctx.journal)?;
        return Ok(());
    }
    match store::schema::not_a_journal_reason(&ctx.journal) {
        None => Err(StoreError::Exists(ctx.journal.clone()).into()),
        Some(reason) => bail_user!(
            "{} is not a rekindle journal ({reason}); it was left untouched. To start a journal, choose another file with --journal PATH",
            ctx.journal.display()
        ),
    }
}

/// What `init` made: the journal, the two of you, and the first step.
#[derive(Serialize)]
struct Created<'a> {
    journal: String,
    partners: &'a [Partner],
    focus: Step,
    #[serde(skip)]
    today: chrono::NaiveDate,
}

impl Output for Created<'_> {
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        writeln!(
            out,
            "Created your journal at {}.",
            sanitize::line(&self.journal)
        )?;
        for p in self.partners {
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
            dates::in_words(self.today)
        )?;
        writeln!(
            out,
            "{}",
            prose::paragraph(
                "Only your computer account can open the file. Anything either of you \
                 writes here, the other can read.",
                0
            )
        )?;
        if let Some(first) = self.partners.first() {
            writeln!(
                out,
                "Next, each of you checks in once a day: rekindle checkin --as {}",
                crate::text::prose::shell_word(&sanitize::line(&first.name))
            )?;
        }
        Ok(())
    }
}
