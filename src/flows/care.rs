//! Before a danger word is saved: the partner chooses whether it goes in the journal, where
//! the other partner can read it. Nothing is asked about why.

use crate::domain::feelings::FeelingEntry;
use crate::domain::safety::{self, DangerChoice};
use crate::flows::prompter::Prompter;
use crate::text::sanitize;

/// The feelings as they will be saved: each danger word among them kept or left out, as the
/// partner chooses (leaving it out is the default). Other words pass through untouched.
pub fn offer_danger_words(
    p: &mut dyn Prompter,
    feelings: Vec<FeelingEntry>,
    other: &str,
) -> anyhow::Result<Vec<FeelingEntry>> {
    let mut kept = Vec::with_capacity(feelings.len());
    for feeling in feelings {
        if !safety::is_danger_word(&feeling.word) {
            kept.push(feeling);
            continue;
        }
        let other = sanitize::line(other);
        let choices: Vec<String> = DangerChoice::offered()
            .iter()
            .map(|c| match c {
                DangerChoice::LeaveOut => "Leave it out: nothing of it is saved".to_string(),
                DangerChoice::Save => format!("Save it, where {other} can read it"),
            })
            .collect();
        let question = format!(
            "Save \"{}\"? {other} can read everything saved here",
            sanitize::line(&feeling.word)
        );
        let chosen = p.select(&question, &choices, 0)?;
        if DangerChoice::offered().get(chosen) == Some(&DangerChoice::Save) {
            kept.push(feeling);
        }
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::prompter::{Reply, Scripted};

    fn entry(word: &str) -> FeelingEntry {
        FeelingEntry {
            word: word.into(),
            intensity: None,
        }
    }

    #[test]
    fn each_danger_word_is_offered_and_left_out_by_default() {
        // The first choice is the default, and it leaves the word out.
        assert_eq!(DangerChoice::offered()[0], DangerChoice::LeaveOut);
        let mut p = Scripted::new(vec![Reply::Pick(0), Reply::Pick(1)]);
        let kept = offer_danger_words(
            &mut p,
            vec![entry("hurt"), entry("afraid"), entry("Trapped")],
            "Sam",
        )
        .unwrap_or_default();
        let words: Vec<&str> = kept.iter().map(|f| f.word.as_str()).collect();
        assert_eq!(words, ["hurt", "Trapped"]);
        assert_eq!(p.asked.len(), 2, "hurt is not asked about");
        assert!(p.asked[0].contains("\"afraid\""), "{}", p.asked[0]);
        assert!(p.asked[0].contains("Sam can read"), "{}", p.asked[0]);
    }
}
