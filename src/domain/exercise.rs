//! The three guided exercises, as plain rules: which parts each one has, what each part asks,
//! and which texts call for the safety card.
//!
//! - **incident**: talking a hard moment through afterwards, once both are calm: how you
//!   felt, how you saw it, what it touched in you, your own part in that moment, and one idea
//!   for next time. It is about one moment between you, never about who is to blame for the
//!   betrayal.
//! - **trigger**: one line of a trigger plan: what sets off the hurt, what helps, and what
//!   the partner repairing trust does then.
//! - **request**: one specific thing the partner who was hurt asks for; the other partner can
//!   turn it into a promise.

use std::fmt;
use std::str::FromStr;

use crate::domain::safety;

/// Which exercise a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Exercise {
    Incident,
    Trigger,
    Request,
}

/// One part of an exercise: its field (as the export and `--json` name it), its flag, the
/// label it is shown under, and the question a guided flow asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub field: &'static str,
    pub flag: &'static str,
    pub label: &'static str,
    pub question: &'static str,
    pub hint: &'static str,
}

const INCIDENT: &[Part] = &[
    Part {
        field: "what",
        flag: "--what",
        label: "The moment",
        question: "Which moment is this about? A few words to name it",
        hint: "For example: Saturday night, when the phone buzzed at dinner.",
    },
    Part {
        field: "felt",
        flag: "--felt",
        label: "How I felt",
        question: "How did you feel then? Feelings only, not what they did",
        hint: "Words like hurt, scared, lonely, shut out, ashamed. Enter to skip.",
    },
    Part {
        field: "view",
        flag: "--view",
        label: "How I saw it",
        question: "How did it look from where you stood?",
        hint: "Your side, told as yours: there are two true views of one moment. Enter to skip.",
    },
    Part {
        field: "triggers",
        flag: "--triggers",
        label: "What it touched",
        question: "What did it touch in you, from before or from what happened between you?",
        hint: "An old hurt or fear that made the moment bigger. Enter to skip.",
    },
    Part {
        field: "own_part",
        flag: "--own-part",
        label: "My part in it",
        question: "What was your own part in how this moment went?",
        hint: "Only this moment, and only yours, such as being short or not listening. Enter to skip.",
    },
    Part {
        field: "plan",
        flag: "--plan",
        label: "One idea for next time",
        question: "One thing that could help the next time a moment like this comes",
        hint: "Small and concrete is best. Enter to skip.",
    },
];

const TRIGGER: &[Part] = &[
    Part {
        field: "what",
        flag: "--what",
        label: "What sets it off",
        question: "What sets off the hurt?",
        hint: "A place, a song, a late reply, a date on the calendar: anything that brings it back.",
    },
    Part {
        field: "helps",
        flag: "--helps",
        label: "What helps",
        question: "When it comes, what helps?",
        hint: "Company or quiet, a walk, a hand held, being asked. Enter to skip.",
    },
    Part {
        field: "repair",
        flag: "--repair",
        label: "What the repairing partner does",
        question: "What would you like the partner repairing trust to do then?",
        hint: "For example: reassure, stay close, answer questions without defending. Enter to skip.",
    },
];

const REQUEST: &[Part] = &[Part {
    field: "what",
    flag: "--what",
    label: "What would help",
    question: "What specific thing would help you trust again?",
    hint: "Something that can be seen to happen, such as calling when plans change.",
}];

impl Exercise {
    pub const ALL: [Exercise; 3] = [Exercise::Incident, Exercise::Trigger, Exercise::Request];

    /// Its name as the journal, `--json` and the commands spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Exercise::Incident => "incident",
            Exercise::Trigger => "trigger",
            Exercise::Request => "request",
        }
    }

    /// How sentences name it: "a hard moment talked through".
    pub fn label(self) -> &'static str {
        match self {
            Exercise::Incident => "hard moment talked through",
            Exercise::Trigger => "trigger plan entry",
            Exercise::Request => "request",
        }
    }

    /// Its parts, in the order a guided flow asks them; the first (`what`) is required.
    pub fn parts(self) -> &'static [Part] {
        match self {
            Exercise::Incident => INCIDENT,
            Exercise::Trigger => TRIGGER,
            Exercise::Request => REQUEST,
        }
    }

    /// Whether `field` is one of its parts.
    pub fn has(self, field: &str) -> bool {
        self.parts().iter().any(|p| p.field == field)
    }
}

impl fmt::Display for Exercise {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Exercise {
    type Err = String;

    fn from_str(s: &str) -> Result<Exercise, String> {
        Exercise::ALL
            .into_iter()
            .find(|e| e.as_str() == s.trim())
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not an exercise; use incident, trigger or request",
                    s.trim()
                )
            })
    }
}

/// The opening of the incident exercise, said in its help and before its first question.
pub const INCIDENT_OPENING: &str = "This is for one hard moment between you, talked \
through once you are both calm. Each of you writes your own side; there are two true views of \
one moment. It is never a way to weigh who is to blame for the betrayal: that hurt and its \
repair belong elsewhere, and nothing here balances it.";

/// The opening of a trigger plan entry.
pub const TRIGGER_OPENING: &str = "A trigger plan says what brings the hurt back, what helps \
when it does, and what the partner repairing trust can do then. Being set off is not a step \
backwards; it is part of healing.";

/// The opening of a request.
pub const REQUEST_OPENING: &str = "Name one specific thing that would help you trust again, \
something that can be seen to happen. Your partner can turn it into a promise; asking is \
enough, and you owe no reasons.";

/// Whether the texts of an exercise call for the safety card: a danger word among the
/// feelings named, or any text speaking of dying or self-harm.
pub fn calls_for_card<'a>(felt: Option<&str>, texts: impl IntoIterator<Item = &'a str>) -> bool {
    let danger = felt.is_some_and(|felt| {
        felt.split(|c: char| !c.is_alphanumeric())
            .any(|word| safety::feeling_shows_card(word, None))
    });
    danger || texts.into_iter().any(safety::calls_for_card_in_words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_refuse_with_the_accepted_ones() {
        assert_eq!("trigger".parse::<Exercise>(), Ok(Exercise::Trigger));
        assert_eq!(
            "fight".parse::<Exercise>(),
            Err("\"fight\" is not an exercise; use incident, trigger or request".to_string())
        );
    }

    #[test]
    fn every_exercise_starts_with_what() {
        for e in Exercise::ALL {
            assert_eq!(e.parts()[0].field, "what");
        }
        assert_eq!(Exercise::Incident.parts().len(), 6);
        assert!(Exercise::Trigger.has("repair"));
        assert!(!Exercise::Request.has("plan"));
    }

    #[test]
    fn the_opening_says_it_is_not_about_blame_for_the_betrayal() {
        assert!(INCIDENT_OPENING.contains("never a way to weigh who is to blame for the betrayal"));
    }

    #[test]
    fn danger_words_in_feelings_and_self_harm_anywhere_call_for_the_card() {
        assert!(calls_for_card(Some("hurt, afraid"), []));
        assert!(calls_for_card(Some("Trapped."), []));
        assert!(!calls_for_card(Some("hurt and lonely"), ["we shouted"]));
        assert!(calls_for_card(None, ["I want to die"]));
    }
}
