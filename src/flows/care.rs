//! Before a danger word is saved: the partner chooses whether it goes in the journal, where
//! the other partner can read it. Nothing is asked about why.

use crate::domain::feelings::FeelingEntry;
use crate::domain::safety::{self, DangerChoice};
use crate::flows::prompter::Prompter;
use crate::text::sanitize;

/// The feelings as they will be saved: each danger word among them kept or left out, as the
/// partner chooses (leaving it out is the default). Other words pass through untouched.
/// For a check-in's feelings, which are always shared.
pub fn offer_danger_words(
    p: &mut dyn Prompter,
    feelings: Vec<FeelingEntry>,
    other: &str,
) -> anyhow::Result<Vec<FeelingEntry>> {
    Ok(offer_danger_feelings(p, feelings, other, false)?
        .into_iter()
        .map(|(feeling, _)| feeling)
        .collect())
}

/// Like [`offer_danger_words`], with keeping a danger word private offered too when
/// `private` (a feeling of its own, by a partner with a passphrase of their own): each
/// feeling to save, and whether it is to be kept private.
pub fn offer_danger_feelings(
    p: &mut dyn Prompter,
    feelings: Vec<FeelingEntry>,
    other: &str,
    private: bool,
) -> anyhow::Result<Vec<(FeelingEntry, bool)>> {
    let mut kept = Vec::with_capacity(feelings.len());
    let offered = DangerChoice::offered(private);
    for feeling in feelings {
        if !safety::is_danger_word(&feeling.word) {
            kept.push((feeling, false));
            continue;
        }
        let other = sanitize::line(other);
        let choices: Vec<String> = offered
            .iter()
            .map(|c| match c {
                DangerChoice::LeaveOut => "Leave it out: nothing of it is saved".to_string(),
                DangerChoice::KeepPrivate => {
                    format!("Keep it private: saved so that only you can read it, not {other}")
                }
                DangerChoice::Save => format!("Save it, where {other} can read it"),
            })
            .collect();
        let question = format!(
            "Save \"{}\"? {other} can read everything saved here",
            sanitize::line(&feeling.word)
        );
        let chosen = p.select(&question, &choices, 0)?;
        match offered.get(chosen) {
            Some(DangerChoice::Save) => kept.push((feeling, false)),
            Some(DangerChoice::KeepPrivate) => kept.push((feeling, true)),
            _ => {}
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
        assert_eq!(DangerChoice::offered(false)[0], DangerChoice::LeaveOut);
        assert_eq!(DangerChoice::offered(true)[0], DangerChoice::LeaveOut);
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

    #[test]
    fn a_feeling_of_its_own_may_be_kept_private_instead() {
        // Leave out, keep private, save: in that order.
        let mut p = Scripted::new(vec![Reply::Pick(1), Reply::Pick(2), Reply::Pick(0)]);
        let kept = offer_danger_feelings(
            &mut p,
            vec![
                entry("afraid"),
                entry("unsafe"),
                entry("hurt"),
                entry("trapped"),
            ],
            "Alex",
            true,
        )
        .unwrap_or_default();
        let saved: Vec<(&str, bool)> = kept.iter().map(|(f, p)| (f.word.as_str(), *p)).collect();
        assert_eq!(
            saved,
            [("afraid", true), ("unsafe", false), ("hurt", false)]
        );
        assert_eq!(p.asked.len(), 3);
    }
}
