//! The words a person reads in place of ids, for the CSV and Markdown exports: a step's
//! title and a prompt's text. The JSON export keeps the ids, as it is the one that imports.

use crate::domain::journey::Journey;
use crate::domain::model::Step;

/// Step titles and prompt texts, from the built-in journey and the user's own prompt files.
pub struct Words<'a> {
    journey: &'a Journey,
}

impl<'a> Words<'a> {
    pub fn new(journey: &'a Journey) -> Self {
        Words { journey }
    }

    /// The step's title ("Take responsibility"); an id rekindle does not know is kept.
    pub fn step_title(&self, id: &str) -> String {
        match id.parse::<Step>() {
            Ok(step) => self.journey.step(step).title.clone(),
            Err(_) => id.to_string(),
        }
    }

    /// "step 1, Take responsibility"; an id rekindle does not know is kept as it is.
    pub fn step_words(&self, id: &str) -> String {
        match id.parse::<Step>() {
            Ok(step) => format!("step {}, {}", step.number(), self.journey.step(step).title),
            Err(_) => id.to_string(),
        }
    }

    /// The prompt's text; the id when no prompt has it any more (a user prompt file removed).
    pub fn prompt_text(&self, id: &str) -> String {
        self.journey
            .find_prompt(id)
            .map_or_else(|| id.to_string(), |p| p.text.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_words_and_unknown_ids_stay() {
        let journey = Journey::builtin();
        let words = Words::new(&journey);
        assert_eq!(words.step_title("responsibility"), "Take responsibility");
        assert_eq!(
            words.step_words("communication"),
            "step 2, Talk and listen openly"
        );
        assert_eq!(words.step_title("trusting"), "trusting");
        assert_eq!(
            words.prompt_text("responsibility.own-it"),
            "What did you do that you want to own today, said plainly and with no reason attached?"
        );
        assert_eq!(words.prompt_text("mine.gone"), "mine.gone");
    }
}
