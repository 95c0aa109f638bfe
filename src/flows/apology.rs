//! Writing an apology, part by part.
//!
//! The parts follow what research finds matters (Lewicki, Polin & Lount, 2016): owning the
//! act and offering repair most, then the rest. Each missing part is asked for with a line of
//! guidance, and each answer goes through the apology check, so the writer sees an excuse or
//! a hedge while they can still change it. Nothing is saved until the writer says so.

use crate::domain::apology_check;
use crate::domain::recurrence::Rule;
use crate::flows::prompter::Prompter;
use crate::text::prose;
use crate::text::sanitize;
use crate::views::apology::{finding_block, missing_block};

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
            Part::Impact => format!("How it affected {partner}\nEnter leaves it out"),
            Part::Responsibility => "What you take responsibility for".into(),
            Part::Change => "What you will do differently\nEnter leaves it out".into(),
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
        prompter.say(&format!("\n{}", missing_block(&missing)))?;
    }
    if !prompter.confirm("Save this apology?", true)? {
        return Ok(None);
    }
    Ok(Some(parts))
}

impl Parts {
    /// Whether every part is there, so nothing is left to ask.
    pub fn is_complete(&self) -> bool {
        self.what.is_some()
            && self.impact.is_some()
            && self.responsibility.is_some()
            && self.change.is_some()
    }

    /// The written parts together, one a line, as the apology check reads them.
    pub fn text(&self) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::prompter::{Reply, Scripted};

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
                "What you will do differently\nEnter leaves it out",
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
