//! `rekindle apology add`: writing an apology, part by part.
//!
//! The parts follow what research finds matters (Lewicki, Polin & Lount, 2016): owning the
//! act and offering repair most, then the rest. In a terminal each missing part is asked for
//! with a line of guidance, and each answer goes through the apology check, so the writer
//! sees an excuse or a hedge while they can still change it. Nothing is saved until the
//! writer says so; without a terminal, the flags are the whole apology.

use std::io::Write as _;

use clap::Args as ClapArgs;

use crate::bail_user;
use crate::commands::common::other_partner;
use crate::commands::context::Context;
use crate::domain::apology_check::{self, Finding};
use crate::domain::dates;
use crate::domain::error::UserError;
use crate::domain::input::{OPTIONAL, nonblank};
use crate::domain::recurrence::Rule;
use crate::prompter::Prompter;
use crate::records::{self, Names};
use crate::store::apologies::{self, NewApology};
use crate::store::promises::{self, NewPromise};
use crate::text::prose;
use crate::text::sanitize;

#[derive(Debug, ClapArgs)]
pub struct AddArgs {
    /// What happened: what you did, plainly
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub what: Option<String>,

    /// How you think it affected your partner
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub impact: Option<String>,

    /// What you take responsibility for, in your own words
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub responsibility: Option<String>,

    /// What you will do differently
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub change: Option<String>,

    /// Also make the change a promise to your partner, to keep and record like any other
    #[arg(long)]
    pub promise: bool,

    /// With --promise: how often (day, weekday, week, or days such as mon,thu) [default: once]
    #[arg(long, value_name = "WHEN")]
    pub every: Option<String>,

    /// The day of the apology [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// An apology's parts as gathered from flags and the guided flow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub what: Option<String>,
    pub impact: Option<String>,
    pub responsibility: Option<String>,
    pub change: Option<String>,
    /// Make the change a promise, with this schedule (None: once).
    pub promise: Option<Option<Rule>>,
}

#[derive(Clone, Copy)]
enum Part {
    What,
    Impact,
    Responsibility,
    Change,
}

impl Part {
    const ALL: [Part; 4] = [Part::What, Part::Impact, Part::Responsibility, Part::Change];

    fn required(self) -> bool {
        matches!(self, Part::What | Part::Responsibility)
    }

    fn question(self, partner: &str) -> String {
        match self {
            Part::What => "What happened".into(),
            Part::Impact => format!("How it affected {partner} (Enter to leave out)"),
            Part::Responsibility => "What you take responsibility for".into(),
            Part::Change => "What you will do differently (Enter to leave out)".into(),
        }
    }

    fn guidance(self, partner: &str) -> String {
        match self {
            Part::What => {
                "Describe what you did in plain words, the way someone watching would have \
                 seen it."
                    .into()
            }
            Part::Impact => format!(
                "Say how you think it landed for {partner}: what they may have felt or lost. \
                 You can ask them later whether you got it right."
            ),
            Part::Responsibility => {
                "Say what is yours to own, starting with \"I\": what you chose, and that it \
                 was wrong. This part matters most."
                    .into()
            }
            Part::Change => {
                "Name something concrete you will do differently, something your partner \
                 could notice. This matters almost as much."
                    .into()
            }
        }
    }

    fn slot(self, parts: &mut Parts) -> &mut Option<String> {
        match self {
            Part::What => &mut parts.what,
            Part::Impact => &mut parts.impact,
            Part::Responsibility => &mut parts.responsibility,
            Part::Change => &mut parts.change,
        }
    }
}

/// One finding as a short block to show: what the check noticed, why it matters, and what
/// to try.
pub fn finding_block(f: &Finding) -> String {
    format!(
        "  {}: \"{}\"\n{}\n{}",
        f.kind.label(),
        sanitize::line(&f.excerpt),
        prose::paragraph(f.kind.why(), 4),
        prose::paragraph(&format!("Try: {}", f.kind.suggestion()), 4)
    )
}

/// Asks for every part `given` lacks, checking each answer, then offers to make the change
/// a promise and asks before saving. Returns None when the writer chose not to save.
pub fn guided_parts(
    prompter: &mut dyn Prompter,
    mut parts: Parts,
    partner: &str,
) -> anyhow::Result<Option<Parts>> {
    prompter.say(&prose::paragraph(
        &format!(
            "Let's write your apology to {partner}, one part at a time. Nothing is saved \
             until the end."
        ),
        0,
    ))?;
    for part in Part::ALL {
        if part.slot(&mut parts).is_some() {
            continue;
        }
        prompter.say(&format!(
            "\n{}",
            prose::paragraph(&part.guidance(partner), 0)
        ))?;
        // "Edit what you wrote" starts the question from the draft just typed, to be changed
        // rather than typed again; "Write it again" starts from an empty line.
        let mut draft: Option<String> = None;
        let answer = loop {
            let question = part.question(partner);
            let answer = match draft.take() {
                Some(draft) => prompter.input_from(&question, &draft, !part.required())?,
                None => prompter.input(&question, None, !part.required())?,
            };
            if answer.trim().is_empty() {
                if part.required() {
                    prompter.say("This part is needed; a sentence is enough.")?;
                    continue;
                }
                break None;
            }
            let found = apology_check::findings(&answer);
            if found.is_empty() {
                break Some(answer);
            }
            prompter.say("The apology check noticed something here:")?;
            for f in &found {
                prompter.say(&finding_block(f))?;
            }
            let choices = [
                "Edit what you wrote".to_string(),
                "Write it again from the start".to_string(),
                "Keep it as it is".to_string(),
            ];
            match prompter.select("What would you like to do?", &choices, 0)? {
                0 => draft = Some(answer),
                1 => {}
                _ => break Some(answer),
            }
        };
        *part.slot(&mut parts) = answer;
    }
    if parts.change.is_some() && parts.promise.is_none() {
        let question =
            format!("Make this change a promise to {partner}, so you can both see it kept?");
        if prompter.confirm(&question, false)? {
            let choices: Vec<String> = ["Once", "Every day", "Every weekday", "Every week"]
                .iter()
                .map(|s| s.to_string())
                .collect();
            let every = match prompter.select("How often?", &choices, 0)? {
                1 => Some(Rule::Day),
                2 => Some(Rule::Weekday),
                3 => Some(Rule::Week),
                _ => None,
            };
            parts.promise = Some(every);
        }
    }
    prompter.say(&format!("\n{}", summary(&parts)))?;
    let missing = apology_check::missing(&parts.text());
    if !missing.is_empty() {
        prompter.say(&format!("\n{}", super::check::missing_block(&missing)))?;
    }
    if !prompter.confirm("Save this apology?", true)? {
        return Ok(None);
    }
    Ok(Some(parts))
}

impl Parts {
    /// The written parts together, one a line, as the apology check reads them.
    fn text(&self) -> String {
        [&self.what, &self.impact, &self.responsibility, &self.change]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The apology as it will be saved, for one last look before saving.
fn summary(parts: &Parts) -> String {
    let mut lines = vec!["Your apology:".to_string()];
    let labelled = [
        ("What happened", &parts.what),
        ("How it affected them", &parts.impact),
        ("Responsibility", &parts.responsibility),
        ("Change", &parts.change),
    ];
    for (label, value) in labelled {
        if let Some(text) = value {
            lines.push(prose::paragraph(
                &format!("{label}: {}", sanitize::block(text)),
                2,
            ));
        }
    }
    if let Some(every) = parts.promise {
        let how = match every {
            Some(Rule::Week) => "every week, on this weekday".to_string(),
            // Only a weekly rule depends on its start date.
            Some(rule) => rule.describe(chrono::NaiveDate::MIN),
            None => "once".to_string(),
        };
        lines.push(format!("  The change also becomes a promise ({how})."));
    }
    lines.join("\n")
}

fn from_flags(args: &AddArgs) -> Result<Parts, UserError> {
    let part = |flag: &str, value: &Option<String>| -> Result<Option<String>, UserError> {
        match value {
            Some(text) => Ok(Some(nonblank(flag, text, OPTIONAL)?.to_string())),
            None => Ok(None),
        }
    };
    let every: Option<Rule> = match &args.every {
        Some(value) => Some(value.parse().map_err(UserError::new)?),
        None => None,
    };
    // Checked here rather than with clap's `requires`, whose refusal calls --promise a
    // "required argument" when it is only needed alongside --every.
    if let (Some(rule), false) = (every, args.promise) {
        return Err(UserError::new(format!(
            "--every {rule} says how often your change repeats as a promise; add --promise, or leave --every out"
        )));
    }
    Ok(Parts {
        what: part("--what", &args.what)?,
        impact: part("--impact", &args.impact)?,
        responsibility: part("--responsibility", &args.responsibility)?,
        change: part("--change", &args.change)?,
        promise: args.promise.then_some(every),
    })
}

pub fn run(ctx: &mut Context, args: AddArgs) -> anyhow::Result<()> {
    let mut parts = from_flags(&args)?;
    let date = match &args.date {
        Some(value) => ctx.past_date("--date", value, "an apology")?,
        None => ctx.today,
    };
    let mut store = ctx.open()?;
    let me = ctx.acting_partner(&store)?;
    let partners = crate::store::partners::all(store.conn())?;
    let to = other_partner(&partners, &me)?.clone();
    let complete = parts.what.is_some()
        && parts.impact.is_some()
        && parts.responsibility.is_some()
        && parts.change.is_some();
    let asked = !complete && ctx.interactive();
    if asked && let Some(prompter) = ctx.prompter() {
        match guided_parts(prompter, parts, &sanitize::line(&to.name))? {
            Some(gathered) => parts = gathered,
            None => {
                writeln!(ctx.out(), "Nothing was saved.")?;
                return Ok(());
            }
        }
    }
    let missing: Vec<&str> = [
        ("--what", parts.what.is_none()),
        ("--responsibility", parts.responsibility.is_none()),
    ]
    .into_iter()
    .filter(|(_, absent)| *absent)
    .map(|(flag, _)| flag)
    .collect();
    if !missing.is_empty() {
        bail_user!(
            "apology add needs {} when there is no terminal to ask in (--impact and --change are welcome too)",
            missing.join(" and ")
        );
    }
    let (Some(what), Some(responsibility)) = (&parts.what, &parts.responsibility) else {
        bail_user!("apology add needs --what and --responsibility");
    };
    if parts.promise.is_some() && parts.change.is_none() {
        bail_user!("--promise turns your --change into a promise; pass --change too");
    }
    let (apology, promise) = store.write(|tx| {
        let promise = match (&parts.promise, &parts.change) {
            (Some(every), Some(change)) => Some(promises::insert(
                tx,
                &NewPromise {
                    by_id: me.id,
                    to_id: Some(to.id),
                    from: date,
                    text: change,
                    due: None,
                    every: *every,
                },
            )?),
            _ => None,
        };
        let apology = apologies::insert(
            tx,
            &NewApology {
                by_id: me.id,
                to_id: to.id,
                date,
                what,
                impact: parts.impact.as_deref(),
                responsibility,
                change: parts.change.as_deref(),
                promise_id: promise.as_ref().map(|p| p.id),
            },
        )?;
        Ok((apology, promise))
    })?;
    // What the apology check makes of the saved words, all parts together.
    let text = parts.text();
    if ctx.json {
        // The record as `history` shows it, plus the check's findings as `apology check
        // --json` gives them (DESIGN allows added fields).
        let names = Names::new(&partners);
        let mut record = serde_json::to_value(records::apology(&apology, &names))?;
        if let Some(fields) = record.as_object_mut() {
            fields.insert(
                "check".into(),
                serde_json::to_value(apology_check::check(&text))?,
            );
        }
        return ctx.print_json(&record);
    }
    let mut out = ctx.out();
    writeln!(
        out,
        "Saved {}'s apology to {}, number {}, for {}.",
        sanitize::line(&me.name),
        sanitize::line(&to.name),
        apology.id,
        dates::in_words(date)
    )?;
    if let Some(p) = &promise {
        let how = p
            .every
            .map(|r| r.describe(p.from))
            .unwrap_or_else(|| "once".into());
        writeln!(
            out,
            "Your change is now promise {} ({how}); record it with: rekindle promise keep {}",
            p.id, p.id
        )?;
    }
    let answer_hint = format!(
        "{} can answer whenever they are ready: rekindle apology respond {} --accept (or \
         --need-time, or --decline)",
        sanitize::line(&to.name),
        apology.id
    );
    writeln!(out, "{}", prose::paragraph(&answer_hint, 0))?;
    if !asked {
        let found = apology_check::findings(&text);
        if !found.is_empty() {
            writeln!(out)?;
            writeln!(
                out,
                "The apology check noticed something you may want to talk through with {}:",
                sanitize::line(&to.name)
            )?;
            for f in &found {
                writeln!(out, "{}", finding_block(f))?;
            }
        }
        // The guided flow showed this before asking to save.
        let missing = apology_check::missing(&text);
        if !missing.is_empty() {
            writeln!(out)?;
            writeln!(out, "{}", super::check::missing_block(&missing))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompter::{Reply, Scripted};

    fn text(s: &str) -> Reply {
        Reply::Text(s.into())
    }

    #[test]
    fn asks_each_missing_part_and_checks_it() {
        let mut p = Scripted::new([
            text("I read your messages without asking."),
            text(""), // impact left out
            text("I'm sorry if you felt hurt."),
            Reply::Pick(0), // edit what you wrote
            text("I'm sorry, but it was only once."),
            Reply::Pick(1), // write it again from the start
            text("I chose to invade your privacy, and it was wrong."),
            text("I will ask you before I touch your phone."),
            Reply::Yes,     // make it a promise
            Reply::Pick(2), // every weekday
            Reply::Yes,     // save
        ]);
        let parts = guided_parts(&mut p, Parts::default(), "Alex")
            .unwrap()
            .unwrap();
        assert_eq!(
            parts.responsibility.as_deref(),
            Some("I chose to invade your privacy, and it was wrong.")
        );
        assert_eq!(parts.impact, None);
        // Editing started from the flagged draft, under the same question; writing it again
        // started from an empty line.
        assert_eq!(p.initial_texts, ["I'm sorry if you felt hurt."]);
        assert_eq!(p.asked[2], p.asked[4], "{:?}", p.asked);
        assert_eq!(p.asked[4], p.asked[6], "{:?}", p.asked);
        assert_eq!(parts.promise, Some(Some(Rule::Weekday)));
        assert!(
            p.said.iter().any(|s| s.contains("A conditional apology")),
            "{:?}",
            p.said
        );
        let summary = &p.said[p.said.len() - 2];
        assert!(summary.contains("Responsibility: I chose to invade your privacy"));
        assert!(summary.contains("becomes a promise (every weekday)"));
        // It never says sorry: the check's note comes last, just before the save question.
        let missing = p.said.last().unwrap();
        assert!(missing.contains("It could say more about:"), "{missing}");
        assert!(missing.contains("Regret:"), "{missing}");
        assert!(!missing.contains("Repair:"), "{missing}");
        assert_eq!(p.remaining(), 0);
    }

    #[test]
    fn keeps_a_flagged_answer_when_asked_and_skips_given_parts() {
        let given = Parts {
            what: Some("I forgot your birthday.".into()),
            impact: Some("You felt forgotten.".into()),
            ..Parts::default()
        };
        let mut p = Scripted::new([
            text("It just happened."),
            Reply::Pick(2), // keep it
            text(""),       // no change
            Reply::Yes,
        ]);
        let parts = guided_parts(&mut p, given, "Alex").unwrap().unwrap();
        assert_eq!(parts.responsibility.as_deref(), Some("It just happened."));
        assert_eq!(parts.change, None);
        assert_eq!(parts.promise, None, "no change, so no promise offered");
        assert_eq!(
            p.asked,
            [
                "What you take responsibility for",
                "What would you like to do?",
                "What you will do differently (Enter to leave out)",
                "Save this apology?"
            ]
        );
    }

    #[test]
    fn a_required_part_is_asked_again_and_no_saves_nothing() {
        let mut p = Scripted::new([
            text("   "),
            text("I shouted at you."),
            text(""),
            text("I own that I shouted."),
            text(""),
            Reply::No,
        ]);
        assert_eq!(
            guided_parts(&mut p, Parts::default(), "Alex").unwrap(),
            None
        );
        assert!(p.said.iter().any(|s| s.contains("This part is needed")));
        // Before the save question: the same lines as `apology check` prints.
        let last = p.said.last().unwrap();
        assert!(last.contains("It could say more about:"), "{last}");
        assert!(last.contains("Repair: offer something"), "{last}");
        assert_eq!(p.asked.last().unwrap(), "Save this apology?");
    }
}
