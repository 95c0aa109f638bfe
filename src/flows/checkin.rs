//! The daily check-in as a conversation, spoken through a [`Prompter`] so it is tested with
//! scripted answers. `commands::checkin` and `commands::together` save what [`ask`] returns.
//!
//! A guided check-in asks, in order: trust (1–10), connection (1–10), feelings (picked from
//! the vocabulary, each with an optional intensity 1–5), the answer to the day's prompt
//! (typed, or written in `$EDITOR`), then appreciation, need and note (Enter skips each),
//! then, for a partner whose words can be kept private and who wrote some, whether to share
//! them; finally it shows a summary (which says whether the words are shared or private) and
//! asks to save. A question whose flag was given is not asked.
//!
//! Replacing a saved check-in starts from it: every question offers the saved answer, and
//! Enter keeps it. Every answer is checked inside its question, so a refused one is asked
//! again with the reason and never shown as accepted.

use chrono::NaiveDate;

use crate::domain::checkin::{
    Draft, Given, changes, changes_in_words, parse_scale, same_feelings, summary, text,
};
use crate::domain::dates;
use crate::domain::error::{Cancelled, UserError};
use crate::domain::feelings::{self, FeelingEntry, Parsed, VOCABULARY};
use crate::domain::journey::{self, Prompt, StepGuide};
use crate::domain::model::Role;
use crate::flows::prompter::{Edited, Prompter, ask as hinted};
use crate::text::prose;
use crate::text::sanitize;

/// What the partner is shown before the questions.
#[derive(Debug, Clone)]
pub struct Guidance<'a> {
    pub date: NaiveDate,
    pub today: NaiveDate,
    pub partner: &'a str,
    pub other: &'a str,
    /// The partner's role: the partner who was hurt is not asked for an appreciation of the
    /// other in the first steps (see `journey::appreciation_held_back`).
    pub role: Role,
    pub guide: &'a StepGuide,
    pub prompt: Option<&'a Prompt>,
    /// The check-in already saved for that date, which this one replaces: each question
    /// offers its answer, and Enter keeps it.
    pub before: Option<&'a Draft>,
    /// Whether the words can be kept private, and so whether sharing them is asked.
    pub privacy: Privacy,
}

/// Whether a check-in's words can be kept private.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Privacy {
    /// Shared, and nothing asked: the partner has no key of their own, or both are at one
    /// keyboard (`together`).
    #[default]
    Shared,
    /// Kept private already (`--private`): the summary says so, and nothing is asked.
    Private,
    /// "Share these words with …?" is asked once the words are written, when there are any.
    Ask,
}

/// What the check-in's questions gave: the check-in, and whether its words stay private.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub draft: Draft,
    /// The words are kept private (`Privacy::Private`, or "no" to sharing them).
    pub private: bool,
}

/// How much of the flow to run: `together` asks appreciation and requests as part of the
/// meeting and confirms once at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub confirm: bool,
    pub extras: bool,
}

impl Options {
    pub const ALONE: Options = Options {
        confirm: true,
        extras: true,
    };
    pub const TOGETHER: Options = Options {
        confirm: false,
        extras: false,
    };
}

/// How the feelings list is used, on a line of its own under the question.
const FEELINGS_HINT: &str = "Space picks, arrows move, Enter ends";

/// Said once above the feelings list: how to get around it quickly.
const FEELINGS_HELP: &str = "Ten words to a page, one core feeling each (mad, sad, scared, \
                             joyful, powerful, peaceful): ← and → turn the page, and ↑ from \
                             the top reaches \"a word of my own\".";

/// Typed as the answer, opens `$EDITOR` instead.
const EDITOR_WORD: &str = "e";

/// Typed for a saved text or strength while replacing a check-in, removes it.
const REMOVE_WORD: &str = "-";

/// Asks for everything the flags left out, then whether to share the words (when
/// `guidance.privacy` asks it), then (with `options.confirm`) shows a summary and asks to
/// save, last. Declining or cancelling is [`Cancelled`]: nothing is saved.
pub fn ask(
    p: &mut dyn Prompter,
    given: Given,
    guidance: &Guidance<'_>,
    options: Options,
) -> anyhow::Result<Asked> {
    let extras_missing = options.extras
        && (given.appreciation.is_none() || given.need.is_none() || given.note.is_none());
    let anything_missing = given.trust.is_none()
        || given.connection.is_none()
        || given.feelings.is_none()
        || given.answer.is_none()
        || extras_missing;
    if !anything_missing {
        let draft = match guidance.before {
            Some(before) => given.apply(before),
            None => given.without_terminal()?,
        };
        let private = ask_private(p, &draft, guidance)?;
        return Ok(Asked { draft, private });
    }

    introduce(p, guidance, options)?;
    let before = guidance.before;
    let other = sanitize::line(guidance.other).into_owned();
    // A check-in for an earlier day asks about that day.
    let day = if guidance.date == guidance.today {
        "today"
    } else {
        "that day"
    };
    let trust = match given.trust {
        Some(n) => n,
        None => ask_scale(
            p,
            &if day == "today" {
                format!("How much do you trust {other} today?")
            } else {
                format!("How much did you trust {other} that day?")
            },
            "trust",
            before.map(|b| b.trust),
        )?,
    };
    let connection = match given.connection {
        Some(n) => n,
        None => ask_scale(
            p,
            &if day == "today" {
                format!("How close do you feel to {other} today?")
            } else {
                format!("How close did you feel to {other} that day?")
            },
            "connection",
            before.and_then(|b| b.connection),
        )?,
    };
    let feelings = match given.feelings {
        Some(f) => f,
        None => ask_feelings(p, before.map_or(&[][..], |b| &b.feelings), day)?,
    };
    let answer = match given.answer {
        Some(a) => a,
        None if guidance.prompt.is_some() || before.is_some_and(|b| b.answer.is_some()) => {
            ask_answer(
                p,
                before.and_then(|b| b.answer.as_deref()),
                guidance.prompt.map(|q| q.text.as_str()),
            )?
        }
        None => None,
    };
    let mut draft = Draft {
        trust,
        connection: Some(connection),
        feelings,
        answer,
        appreciation: given.appreciation.clone().flatten(),
        need: given.need.clone().flatten(),
        note: given.note.clone().flatten(),
        prompt_shown: guidance.prompt.is_some(),
    };
    if options.extras {
        let saved = |pick: fn(&Draft) -> &Option<String>| before.and_then(|b| pick(b).as_deref());
        // Held back for the partner who was hurt in the first three steps: a daily request
        // to appreciate the one who broke trust can feel like being asked to move on. The
        // flag --appreciation still saves one.
        let held_back = journey::appreciation_held_back(guidance.role, guidance.guide.step);
        if given.appreciation.is_none() && !held_back {
            draft.appreciation = ask_text(
                p,
                &format!(
                    "Anything you appreciated about {other} {day}? It is fine to leave this empty"
                ),
                saved(|b| &b.appreciation),
            )?;
        } else if given.appreciation.is_none() {
            draft.appreciation = before.and_then(|b| b.appreciation.clone());
        }
        if given.need.is_none() {
            draft.need = ask_text(
                p,
                &format!("Something you need from {other}"),
                saved(|b| &b.need),
            )?;
        }
        if given.note.is_none() {
            draft.note = ask_text(p, "Anything else to note?", saved(|b| &b.note))?;
        }
    } else if let Some(before) = before {
        // `together` asks for these in the meeting itself, so a replaced check-in keeps its own.
        draft.appreciation = before.appreciation.clone();
        draft.need = before.need.clone();
        draft.note = before.note.clone();
    }
    let private = ask_private(p, &draft, guidance)?;
    if options.confirm {
        p.say("")?;
        p.say(&summary(&draft, guidance.date))?;
        if let Some(line) = privacy_line(&draft, guidance, private, &other) {
            p.say(&line)?;
        }
        if let Some(before) = before {
            p.say(&format!("  {}", changes_in_words(&changes(before, &draft))))?;
        }
        if !p.confirm("Save this check-in?", true)? {
            return Err(Cancelled.into());
        }
    }
    Ok(Asked { draft, private })
}

/// Whether the words stay private: kept so by `--private`, or "no" to sharing them, asked
/// only when they can be kept private and there are words to keep.
fn ask_private(
    p: &mut dyn Prompter,
    draft: &Draft,
    guidance: &Guidance<'_>,
) -> anyhow::Result<bool> {
    match guidance.privacy {
        Privacy::Shared => Ok(false),
        Privacy::Private => Ok(true),
        Privacy::Ask if !draft.has_words() => Ok(false),
        Privacy::Ask => {
            let other = sanitize::line(guidance.other);
            Ok(!p.confirm(
                &format!(
                    "Share these words with {other}?\nno keeps them private: only you can read \
                     them, with your passphrase; scores and feelings are shared either way"
                ),
                true,
            )?)
        }
    }
}

/// The summary's line on where the words go, when they could be kept private.
fn privacy_line(
    draft: &Draft,
    guidance: &Guidance<'_>,
    private: bool,
    other: &str,
) -> Option<String> {
    if guidance.privacy == Privacy::Shared || !draft.has_words() {
        return None;
    }
    Some(if private {
        "  words: private, only you can read them".to_string()
    } else {
        format!("  words: shared with {other}")
    })
}

fn introduce(p: &mut dyn Prompter, g: &Guidance<'_>, options: Options) -> anyhow::Result<()> {
    let day = if g.date == g.today {
        format!("today, {}", dates::in_words(g.date))
    } else {
        dates::in_words(g.date)
    };
    p.say(&format!(
        "{}'s check-in for {day}",
        sanitize::line(g.partner)
    ))?;
    if g.before.is_some() {
        p.say(
            "This replaces the check-in you already saved for that day. Each question starts \
             from what you said then: Enter keeps it.",
        )?;
    }
    p.say(&format!(
        "Step {} of 8: {}",
        g.guide.step.number(),
        sanitize::line(&g.guide.title)
    ))?;
    if let Some(prompt) = g.prompt {
        p.say("")?;
        p.say(&prose::paragraph(&sanitize::line(&prompt.text), 2))?;
    }
    // At one keyboard (`together`) the safety note waits, with the card, until the meeting
    // is over.
    if let Some(note) = g.guide.note().filter(|_| options.extras) {
        p.say("")?;
        p.say(&prose::paragraph(note, 2))?;
    }
    p.say("")?;
    Ok(())
}

/// A number from 1 to 10, checked inside the question. With a saved value, Enter keeps it.
fn ask_scale(
    p: &mut dyn Prompter,
    question: &str,
    what: &str,
    saved: Option<u8>,
) -> anyhow::Result<u8> {
    let question = match saved {
        Some(_) => hinted(question, "1 to 10, Enter keeps it"),
        None => hinted(question, "1 to 10"),
    };
    let saved = saved.map(|n| n.to_string());
    let check = |answer: &str| parse_scale(what, answer, 10).map(|_| ()).map_err(|e| e.0);
    let answer = p.input_checked(&question, saved.as_deref(), false, &check)?;
    Ok(parse_scale(what, &answer, 10)?)
}

/// An optional text. With a saved one, Enter keeps it and "-" removes it.
fn ask_text(
    p: &mut dyn Prompter,
    question: &str,
    saved: Option<&str>,
) -> anyhow::Result<Option<String>> {
    match saved {
        None => Ok(text(Some(p.input(
            &hinted(question, "Enter skips"),
            None,
            true,
        )?))),
        Some(saved) => {
            let answer = p.input(
                &hinted(
                    question,
                    &format!("Enter keeps it, {REMOVE_WORD} removes it"),
                ),
                Some(saved),
                true,
            )?;
            Ok(kept_or_removed(answer))
        }
    }
}

fn kept_or_removed(answer: String) -> Option<String> {
    if answer.trim() == REMOVE_WORD {
        None
    } else {
        text(Some(answer))
    }
}

/// The list shown in the feelings menu: every vocabulary word, ten to a core feeling (so a
/// page of ten is one core feeling), then a way to type words of one's own.
pub fn feeling_choices() -> Vec<String> {
    let mut items: Vec<String> = VOCABULARY.iter().map(|w| w.word.to_string()).collect();
    // In parentheses: an action, which the line left once the list is answered leaves out.
    items.push("(a word of my own)".to_string());
    items
}

/// `wistful:3, tender`: feelings written back as they would be typed.
fn as_typed(entries: &[FeelingEntry]) -> String {
    entries
        .iter()
        .map(|e| match e.intensity {
            Some(n) => format!("{}:{n}", e.word),
            None => e.word.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn ask_feelings(
    p: &mut dyn Prompter,
    saved: &[FeelingEntry],
    day: &str,
) -> anyhow::Result<Vec<FeelingEntry>> {
    let choices = feeling_choices();
    let own_item = VOCABULARY.len();
    let index = |word: &str| VOCABULARY.iter().position(|w| w.word == word);
    let saved_own: Vec<FeelingEntry> = saved
        .iter()
        .filter(|f| index(&f.word).is_none())
        .cloned()
        .collect();
    let mut ticked: Vec<usize> = saved.iter().filter_map(|f| index(&f.word)).collect();
    if !saved_own.is_empty() {
        ticked.push(own_item);
    }
    p.say(&prose::paragraph(FEELINGS_HELP, 0))?;
    let question = if day == "today" {
        "What are you feeling?"
    } else {
        "What were you feeling that day?"
    };
    let picked = p.multi_select(&hinted(question, FEELINGS_HINT), &choices, &ticked)?;
    let mut entries: Vec<FeelingEntry> = picked
        .iter()
        .filter_map(|&i| VOCABULARY.get(i))
        .map(|w| FeelingEntry {
            word: w.word.to_string(),
            intensity: None,
        })
        .collect();
    if picked.contains(&own_item) {
        let own = ask_own_words(p, &entries, &saved_own)?;
        entries.extend(own);
    }
    for entry in &mut entries {
        if entry.intensity.is_some() {
            continue;
        }
        let saved = saved
            .iter()
            .find(|f| f.word == entry.word)
            .and_then(|f| f.intensity);
        entry.intensity = ask_intensity(p, &entry.word, saved)?;
    }
    // Kept as they were (in another order, say): keep them in their saved order too.
    if same_feelings(saved, &entries) {
        return Ok(saved.to_vec());
    }
    Ok(entries)
}

fn ask_intensity(
    p: &mut dyn Prompter,
    word: &str,
    saved: Option<u8>,
) -> anyhow::Result<Option<u8>> {
    let word = sanitize::line(word);
    let label = format!("How strong is \"{word}\"?");
    let question = match saved {
        Some(_) => hinted(
            &label,
            &format!("1 to 5, Enter keeps it, {REMOVE_WORD} for none"),
        ),
        None => hinted(&label, "1 to 5, Enter skips"),
    };
    let read = |answer: &str| -> Result<Option<u8>, UserError> {
        let answer = answer.trim();
        if answer.is_empty() || (saved.is_some() && answer == REMOVE_WORD) {
            return Ok(None);
        }
        parse_scale("intensity", answer, 5).map(Some)
    };
    let check = |answer: &str| read(answer).map(|_| ()).map_err(|e| e.0);
    let saved = saved.map(|n| n.to_string());
    let answer = p.input_checked(&question, saved.as_deref(), true, &check)?;
    Ok(read(&answer)?)
}

/// Words of one's own, separated by commas, each with an optional strength. A word already
/// ticked in the list, or given twice, is refused inside the question.
fn ask_own_words(
    p: &mut dyn Prompter,
    picked: &[FeelingEntry],
    saved: &[FeelingEntry],
) -> anyhow::Result<Vec<FeelingEntry>> {
    let read = |answer: &str| -> Result<Vec<FeelingEntry>, UserError> {
        if answer.trim().is_empty() {
            return Ok(Vec::new());
        }
        let own = match feelings::parse(&[answer])? {
            Parsed::NoneAtAll => Vec::new(),
            Parsed::Words(words) => words,
        };
        let all: Vec<FeelingEntry> = picked.iter().chain(&own).cloned().collect();
        match feelings::repeated(&all) {
            Some(word) => Err(UserError::new(format!(
                "\"{}\" is already picked in the list; give it once, here or there",
                sanitize::line(word)
            ))),
            None => Ok(own),
        }
    };
    let check = |answer: &str| read(answer).map(|_| ()).map_err(|e| e.0);
    let saved_text = (!saved.is_empty()).then(|| as_typed(saved));
    let question = match saved_text {
        Some(_) => hinted(
            "Your own words",
            "commas between them, :N for strength; Enter keeps them",
        ),
        None => hinted(
            "Your own words",
            "commas between them, :N for strength (wistful:3)",
        ),
    };
    let answer = p.input_checked(&question, saved_text.as_deref(), true, &check)?;
    let mut own = read(&answer)?;
    // A likely typo of a listed word is asked about, so that it is not counted as neutral by
    // mistake; the word as typed is kept when that is what was meant. A word already saved
    // (kept as typed in an earlier answer) is not asked about again.
    for entry in &mut own {
        let kept_before = saved
            .iter()
            .any(|s| s.word.eq_ignore_ascii_case(&entry.word));
        if let Some(near) = feelings::nearest(&entry.word).filter(|_| !kept_before) {
            let question = hinted(
                &format!(
                    "\"{}\" is not in the list; did you mean \"{near}\"?",
                    sanitize::line(&entry.word)
                ),
                "No keeps your word",
            );
            // No is the default: Enter keeps the word as typed, so a slip of the finger
            // never changes what someone said they feel.
            if p.confirm(&question, false)? {
                entry.word = near.to_string();
            }
        }
    }
    // A corrected word may now name a feeling already given: it is kept once.
    let mut kept: Vec<FeelingEntry> = Vec::new();
    for entry in own {
        let all: Vec<FeelingEntry> = picked
            .iter()
            .chain(&kept)
            .chain([&entry])
            .cloned()
            .collect();
        if feelings::repeated(&all).is_none() {
            kept.push(entry);
        }
    }
    Ok(kept)
}

/// The answer to the day's prompt: typed, or written in the editor by typing `e`. A saved
/// answer is kept with Enter, removed with "-", and is where the editor starts. An editor
/// that cannot start or fails is named, and the answer can be typed instead; whatever the
/// editor did save is offered, so nothing written is lost.
fn ask_answer(
    p: &mut dyn Prompter,
    saved: Option<&str>,
    prompt: Option<&str>,
) -> anyhow::Result<Option<String>> {
    let mut offered: Option<String> = saved.map(str::to_string);
    loop {
        let question = match offered {
            Some(_) => hinted(
                "Your answer",
                &format!(
                    "Enter keeps it, {REMOVE_WORD} removes it, {EDITOR_WORD} opens your editor"
                ),
            ),
            None => hinted(
                "Your answer",
                &format!("Enter skips, {EDITOR_WORD} opens your editor"),
            ),
        };
        let answer = p.input_or_word(&question, offered.as_deref(), EDITOR_WORD)?;
        if !answer.trim().eq_ignore_ascii_case(EDITOR_WORD) {
            return Ok(match offered {
                Some(_) => kept_or_removed(answer),
                None => text(Some(answer)),
            });
        }
        let about = match prompt {
            Some(prompt) => format!("Your answer to:\n{prompt}"),
            None => "Your answer".to_string(),
        };
        match p.editor(offered.as_deref().unwrap_or(""), &about)? {
            Edited::Text(written) if !written.trim().is_empty() => {
                let written = written.trim_end().to_string();
                let mut lines = written.lines().map(str::trim).filter(|l| !l.is_empty());
                let first = lines.next().unwrap_or("");
                let more = if lines.next().is_some() { " …" } else { "" };
                p.say(&format!(
                    "  Your answer, from the editor: {}{more}",
                    crate::text::prose::shown(first, 60)
                ))?;
                return Ok(Some(written));
            }
            Edited::Text(_) => {
                p.say("Nothing was written in the editor; you can type your answer here.")?;
            }
            Edited::Failed { why, left } => {
                let kept = match left {
                    Some(left) => {
                        offered = Some(left);
                        " What it saved is kept: press Enter to use it."
                    }
                    None => "",
                };
                p.say(&prose::paragraph(
                    &format!(
                        "{why}{kept} You can type your answer here instead, or set EDITOR to \
                         the editor you use."
                    ),
                    0,
                ))?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::tests::{entry, saved};
    use crate::domain::journey::Journey;
    use crate::domain::model::{Role, Step};
    use crate::flows::prompter::{Reply, Scripted};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn text_reply(t: &str) -> Reply {
        Reply::Text(t.to_string())
    }

    fn run_from(
        replies: Vec<Reply>,
        given: Given,
        step: Step,
        options: Options,
        before: Option<&Draft>,
    ) -> (anyhow::Result<Draft>, Scripted) {
        let journey = Journey::builtin();
        let date = d(2026, 11, 21);
        let guide = journey.step(step);
        let prompt = journey.prompt_for(step, Role::Repairing, date);
        let guidance = Guidance {
            date,
            today: date,
            partner: "Sam",
            other: "Alex",
            role: Role::Repairing,
            guide,
            prompt,
            before,
            privacy: Privacy::Shared,
        };
        let mut p = Scripted::new(replies);
        let result = ask(&mut p, given, &guidance, options).map(|asked| asked.draft);
        (result, p)
    }

    fn run(
        replies: Vec<Reply>,
        given: Given,
        step: Step,
        options: Options,
    ) -> (anyhow::Result<Draft>, Scripted) {
        run_from(replies, given, step, options, None)
    }

    fn index_of(word: &str) -> usize {
        VOCABULARY.iter().position(|w| w.word == word).unwrap()
    }

    #[test]
    fn a_full_guided_check_in_asks_everything_in_order() {
        let hurt = index_of("hurt");
        let hopeful = index_of("hopeful");
        let (draft, p) = run(
            vec![
                text_reply("eleven"),
                text_reply("6"),
                text_reply("7"),
                Reply::Picks(vec![hurt, hopeful]),
                text_reply("4"),
                text_reply(""),
                text_reply("I was not honest about where I was."),
                text_reply("You made tea"),
                text_reply(""),
                text_reply("tired day"),
                Reply::Yes,
            ],
            Given::default(),
            Step::Responsibility,
            Options::ALONE,
        );
        let draft = draft.unwrap();
        assert_eq!(
            draft,
            Draft {
                trust: 6,
                connection: Some(7),
                feelings: vec![entry("hurt", Some(4)), entry("hopeful", None)],
                answer: Some("I was not honest about where I was.".into()),
                appreciation: Some("You made tea".into()),
                need: None,
                note: Some("tired day".into()),
                prompt_shown: true,
            }
        );
        assert_eq!(p.remaining(), 0);
        assert_eq!(
            p.asked,
            [
                "How much do you trust Alex today?\n1 to 10",
                "How much do you trust Alex today?\n1 to 10",
                "How close do you feel to Alex today?\n1 to 10",
                "What are you feeling?\nSpace picks, arrows move, Enter ends",
                "How strong is \"hurt\"?\n1 to 5, Enter skips",
                "How strong is \"hopeful\"?\n1 to 5, Enter skips",
                "Your answer\nEnter skips, e opens your editor",
                "Anything you appreciated about Alex today? It is fine to leave this empty\nEnter skips",
                "Something you need from Alex\nEnter skips",
                "Anything else to note?\nEnter skips",
                "Save this check-in?",
            ]
        );
        // The step and the prompt come first.
        assert!(p.said[0].starts_with("Sam's check-in for today, Saturday 21 November 2026"));
        assert!(p.said[1].contains("Step 1 of 8: Take responsibility"));
        let prompt = Journey::builtin()
            .prompt_for(Step::Responsibility, Role::Repairing, d(2026, 11, 21))
            .unwrap()
            .text
            .clone();
        assert!(p.said[3].contains(&prompt[..20]));
        assert!(
            p.said
                .iter()
                .any(|s| s.contains("feeling: hurt (4), hopeful"))
        );
    }

    // Regression: a refused answer was first drawn as accepted ("✔ How much do you trust
    // Riley today? · 11") and only then refused. The check now runs inside the question.
    #[test]
    fn a_refused_number_is_asked_again_inside_its_question() {
        let (draft, p) = run(
            vec![
                text_reply("11"),
                text_reply("5"),
                text_reply("0"),
                text_reply("5"),
                Reply::Picks(vec![index_of("hurt")]),
                text_reply("9"),
                text_reply("3"),
                Reply::Cancel,
            ],
            Given::default(),
            Step::Healing,
            Options::ALONE,
        );
        assert!(draft.is_err());
        assert_eq!(
            p.refused,
            [
                "trust must be a whole number from 1 to 10 (got \"11\")",
                "connection must be a whole number from 1 to 10 (got \"0\")",
                "intensity must be a whole number from 1 to 5 (got \"9\")",
            ]
        );
        // Nothing refused is ever said as if it had been taken.
        assert!(!p.said.iter().any(|s| s.contains("must be")));
    }

    #[test]
    fn the_fewest_answers_complete_a_check_in() {
        let (draft, p) = run(
            vec![
                text_reply("5"),
                text_reply("5"),
                Reply::Picks(vec![]),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                Reply::Yes,
            ],
            Given::default(),
            Step::Consistency,
            Options::ALONE,
        );
        let draft = draft.unwrap();
        assert_eq!(draft.trust, 5);
        assert!(draft.feelings.is_empty());
        assert_eq!(draft.answer, None);
        assert_eq!(
            p.asked.len(),
            8,
            "eight questions when no feeling is picked"
        );
    }

    #[test]
    fn flags_bypass_their_questions() {
        let given = Given {
            trust: Some(8),
            feelings: Some(vec![]),
            answer: Some(Some("given".into())),
            need: Some(Some("a hug".into())),
            // Given blank: no note, and not asked either.
            note: Some(None),
            ..Default::default()
        };
        let (draft, p) = run(
            vec![text_reply("3"), text_reply(""), Reply::Yes],
            given,
            Step::Healing,
            Options::ALONE,
        );
        let draft = draft.unwrap();
        assert_eq!((draft.trust, draft.connection), (8, Some(3)));
        assert_eq!(draft.answer.as_deref(), Some("given"));
        assert_eq!(draft.need.as_deref(), Some("a hug"));
        assert_eq!(draft.note, None);
        assert_eq!(
            p.asked,
            [
                "How close do you feel to Alex today?\n1 to 10",
                "Anything you appreciated about Alex today? It is fine to leave this empty\nEnter skips",
                "Save this check-in?",
            ]
        );
    }

    fn run_privately(
        replies: Vec<Reply>,
        given: Given,
        privacy: Privacy,
    ) -> (anyhow::Result<Asked>, Scripted) {
        let journey = Journey::builtin();
        let date = d(2026, 11, 21);
        let guidance = Guidance {
            date,
            today: date,
            partner: "Sam",
            other: "Alex",
            role: Role::Repairing,
            guide: journey.step(Step::Healing),
            prompt: None,
            before: None,
            privacy,
        };
        let mut p = Scripted::new(replies);
        let result = ask(&mut p, given, &guidance, Options::ALONE);
        (result, p)
    }

    // Found in a user trial: "Share these words with Alex?" came after "Save this check-in?
    // · yes", so the summary could not say where the words would go.
    #[test]
    fn sharing_the_words_is_asked_with_them_and_the_summary_says_so() {
        // Scores, no feelings, the appreciation and the note, the answer to "Share these words?"
        // when it is asked, and yes to saving.
        let replies = |appreciation: &str, note: &str, share: Option<Reply>| {
            let mut replies = vec![
                text_reply("6"),
                text_reply("7"),
                Reply::Picks(vec![]),
                text_reply(appreciation),
                text_reply(""),
                text_reply(note),
            ];
            replies.extend(share);
            replies.push(Reply::Yes);
            replies
        };
        let (asked, p) = run_privately(
            replies("the soup", "", Some(Reply::No)),
            Given::default(),
            Privacy::Ask,
        );
        let asked = asked.unwrap();
        assert!(asked.private);
        assert_eq!(asked.draft.appreciation.as_deref(), Some("the soup"));
        assert_eq!(p.remaining(), 0);
        let labels: Vec<&str> = p.asked.iter().map(|q| q.lines().next().unwrap()).collect();
        assert_eq!(
            labels[labels.len() - 3..],
            [
                "Anything else to note?",
                "Share these words with Alex?",
                "Save this check-in?"
            ]
        );
        let summary = p
            .said
            .iter()
            .position(|s| s.starts_with("Your check-in for"));
        assert_eq!(
            p.said.get(summary.unwrap() + 1).map(String::as_str),
            Some("  words: private, only you can read them"),
            "{:?}",
            p.said
        );

        let (asked, p) = run_privately(
            replies("the soup", "", Some(Reply::Yes)),
            Given::default(),
            Privacy::Ask,
        );
        assert!(!asked.unwrap().private);
        assert!(p.said.contains(&"  words: shared with Alex".to_string()));

        // No words: nothing to keep private, nothing asked, nothing said about it.
        let (asked, p) = run_privately(replies("", "", None), Given::default(), Privacy::Ask);
        assert!(!asked.unwrap().private);
        assert_eq!(
            p.asked.last().map(String::as_str),
            Some("Save this check-in?")
        );
        assert!(!p.asked.iter().any(|q| q.starts_with("Share")));
        assert!(!p.said.iter().any(|s| s.contains("words:")));

        // --private: not asked, and the summary says so.
        let (asked, p) = run_privately(
            replies("", "a note", None),
            Given::default(),
            Privacy::Private,
        );
        assert!(asked.unwrap().private);
        assert!(!p.asked.iter().any(|q| q.starts_with("Share")));
        assert!(
            p.said
                .contains(&"  words: private, only you can read them".to_string())
        );
    }

    #[test]
    fn everything_given_asks_nothing() {
        let given = Given {
            trust: Some(8),
            connection: Some(9),
            feelings: Some(vec![]),
            answer: Some(Some("a".into())),
            appreciation: Some(Some("b".into())),
            need: Some(Some("c".into())),
            note: Some(Some("d".into())),
        };
        let (draft, p) = run(vec![], given, Step::Healing, Options::ALONE);
        assert_eq!(draft.unwrap().trust, 8);
        assert!(p.asked.is_empty() && p.said.is_empty());
    }

    #[test]
    fn declining_or_cancelling_saves_nothing() {
        let (result, _) = run(
            vec![
                text_reply("5"),
                text_reply("5"),
                Reply::Picks(vec![]),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                Reply::No,
            ],
            Given::default(),
            Step::Responsibility,
            Options::ALONE,
        );
        assert!(result.unwrap_err().downcast_ref::<Cancelled>().is_some());
        let (result, p) = run(
            vec![text_reply("5"), Reply::Cancel],
            Given::default(),
            Step::Responsibility,
            Options::ALONE,
        );
        assert!(result.unwrap_err().downcast_ref::<Cancelled>().is_some());
        assert_eq!(p.asked.len(), 2);
    }

    #[test]
    fn own_words_and_the_editor() {
        let own = VOCABULARY.len();
        let (draft, p) = run(
            vec![
                text_reply("4"),
                text_reply("4"),
                Reply::Picks(vec![index_of("hurt"), own]),
                text_reply("wistful:9"),
                text_reply("HURT, wistful"),
                text_reply("calm:2:3"),
                text_reply("Wistful:2, RELIEVED"),
                text_reply(""),
                text_reply(""),
                text_reply("e"),
                Reply::Edited("A long answer\nover two lines\n".into()),
            ],
            Given::default(),
            Step::Forgiveness,
            Options::TOGETHER,
        );
        let draft = draft.unwrap();
        assert_eq!(
            draft.feelings,
            [
                entry("hurt", None),
                entry("Wistful", Some(2)),
                entry("relieved", None)
            ]
        );
        assert_eq!(
            draft.answer.as_deref(),
            Some("A long answer\nover two lines")
        );
        // The line the question leaves behind reads "e"; the answer itself is shown under it.
        assert!(
            p.said
                .contains(&"  Your answer, from the editor: A long answer …".to_string()),
            "{:?}",
            p.said
        );
        assert_eq!(p.refused.len(), 3, "{:?}", p.refused);
        assert!(p.refused[0].contains("got \"9\" in \"wistful:9\""));
        assert_eq!(
            p.refused[1],
            "\"hurt\" is already picked in the list; give it once, here or there"
        );
        assert!(p.refused[2].contains("more than one \":\""));
        // Together: no appreciation, need, note or confirm inside the check-in.
        assert_eq!(p.remaining(), 0);
        assert_eq!(draft.appreciation, None);
    }

    #[test]
    fn a_likely_typo_is_asked_about_and_your_word_kept_when_meant() {
        let own = VOCABULARY.len();
        let (draft, p) = run(
            vec![
                text_reply("4"),
                text_reply("4"),
                Reply::Picks(vec![index_of("hurt"), own]),
                text_reply("anxous:3, sane, hrut"),
                // "anxous": yes, anxious. "sane" (near "safe"): no, keep it. "hrut": yes,
                // hurt, already picked in the list, so it is kept once.
                Reply::Yes,
                Reply::No,
                Reply::Yes,
                // Strength of hurt and of sane, then no answer to the prompt.
                text_reply(""),
                text_reply(""),
                text_reply(""),
            ],
            Given::default(),
            Step::Forgiveness,
            Options::TOGETHER,
        );
        let draft = draft.unwrap();
        assert_eq!(
            draft.feelings,
            [
                entry("hurt", None),
                entry("anxious", Some(3)),
                entry("sane", None)
            ]
        );
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        assert_eq!(p.remaining(), 0);
    }

    // Regression: amending a check-in in the terminal and pressing Enter on the saved own
    // words "left out" saved two feelings, "left" and "out".
    #[test]
    fn a_two_word_feeling_of_your_own_stays_one_when_kept() {
        let own = VOCABULARY.len();
        let saved = [entry("hurt", Some(2)), entry("left out", None)];
        let mut p = Scripted::new([
            Reply::Picks(vec![index_of("hurt"), own]),
            text_reply(""),
            text_reply(""),
            text_reply(""),
        ]);
        let feelings = ask_feelings(&mut p, &saved, "today").unwrap();
        assert_eq!(feelings, saved);
        assert_eq!(p.remaining(), 0);
        assert_eq!(
            feelings::parse(&["left out"]).unwrap(),
            Parsed::Words(vec![entry("left out", None)])
        );
    }

    #[test]
    fn the_typo_question_defaults_to_keeping_the_word() {
        let own = VOCABULARY.len();
        let mut p = Scripted::new([
            Reply::Picks(vec![own]),
            text_reply("lonley"),
            Reply::No,
            text_reply(""),
        ]);
        let feelings = ask_feelings(&mut p, &[], "today").unwrap();
        assert_eq!(feelings, [entry("lonley", None)]);
        assert_eq!(p.confirm_defaults, [false], "Enter keeps the word as typed");
        // A word of another meaning is not asked about at all.
        let mut p = Scripted::new([
            Reply::Picks(vec![own]),
            text_reply("closed"),
            text_reply(""),
        ]);
        let feelings = ask_feelings(&mut p, &[], "today").unwrap();
        assert_eq!(feelings, [entry("closed", None)]);
        assert!(p.confirm_defaults.is_empty());
    }

    // Regression: a word kept as typed after "did you mean …? no" was asked about again when
    // amending, with yes as the default, so Enter changed it.
    #[test]
    fn a_word_kept_as_typed_is_not_asked_about_again() {
        let own = VOCABULARY.len();
        let saved = [entry("anxous", Some(2))];
        let mut p = Scripted::new([Reply::Picks(vec![own]), text_reply("")]);
        let feelings = ask_feelings(&mut p, &saved, "today").unwrap();
        assert_eq!(feelings, saved);
        assert_eq!(p.remaining(), 0);
        assert!(
            p.asked.iter().all(|q| !q.contains("did you mean")),
            "{:?}",
            p.asked
        );
    }

    // Regression: `EDITOR=nonexistent-editor` ended the check-in with an I/O error and threw
    // away everything answered so far. Now the editor is named and the answer can be typed.
    #[test]
    fn a_missing_editor_lets_you_type_the_answer_instead() {
        let (draft, p) = run(
            vec![
                text_reply("4"),
                text_reply("4"),
                Reply::Picks(vec![]),
                text_reply("e"),
                Reply::EditorFails,
                text_reply("typed after all"),
            ],
            Given::default(),
            Step::Forgiveness,
            Options::TOGETHER,
        );
        assert_eq!(draft.unwrap().answer.as_deref(), Some("typed after all"));
        assert!(
            p.said.iter().any(|s| s.replace('\n', " ").contains(
                "Could not start your editor \"nonexistent-editor\": there is no such program. \
                 You can type your answer here instead, or set EDITOR"
            )),
            "{:?}",
            p.said
        );
    }

    #[test]
    fn what_a_failing_editor_saved_is_offered_not_lost() {
        let (draft, p) = run(
            vec![
                text_reply("4"),
                text_reply("4"),
                Reply::Picks(vec![]),
                text_reply("e"),
                Reply::EditorFailsLeaving("half a thought".into()),
                text_reply(""),
            ],
            Given::default(),
            Step::Forgiveness,
            Options::TOGETHER,
        );
        assert_eq!(draft.unwrap().answer.as_deref(), Some("half a thought"));
        assert_eq!(p.defaults.last(), Some(&Some("half a thought".to_string())));
        assert!(
            p.said
                .iter()
                .any(|s| s.replace('\n', " ").contains("What it saved is kept")),
            "{:?}",
            p.said
        );
    }

    #[test]
    fn the_reassess_step_shows_the_safety_note_with_its_prompt() {
        let (_, p) = run(
            vec![Reply::Cancel],
            Given::default(),
            Step::Reassess,
            Options::ALONE,
        );
        assert!(
            p.said
                .iter()
                .any(|s| s.contains("domestic-violence helpline"))
        );
        let (_, p) = run(
            vec![Reply::Cancel],
            Given::default(),
            Step::Renewal,
            Options::ALONE,
        );
        assert!(!p.said.iter().any(|s| s.contains("helpline")));
    }

    // Regression: "Replace that check-in? yes" started from blank questions, so Enter
    // everywhere quietly emptied the check-in.
    #[test]
    fn replacing_offers_every_saved_answer_and_enter_keeps_it() {
        let before = saved();
        let own = VOCABULARY.len();
        let ticked = vec![
            index_of("hurt"),
            index_of("anxious"),
            index_of("hopeful"),
            own,
        ];
        let (draft, p) = run_from(
            vec![
                text_reply(""),
                text_reply(""),
                Reply::Picks(ticked.clone()),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                text_reply(""),
                Reply::Yes,
            ],
            Given::default(),
            Step::Healing,
            Options::ALONE,
            Some(&before),
        );
        let draft = draft.unwrap();
        assert_eq!(
            draft,
            Draft {
                prompt_shown: true,
                ..before.clone()
            }
        );
        assert_eq!(p.ticked, [ticked]);
        assert_eq!(
            p.defaults,
            [
                Some("5".to_string()),
                Some("6".to_string()),
                Some("wistful:2".to_string()),
                Some("4".to_string()),
                None,
                None,
                Some("Written in the editor,\nover two lines.".to_string()),
                Some("the soup".to_string()),
                Some("time".to_string()),
                None,
            ]
        );
        assert!(
            p.asked.contains(
                &"How much do you trust Alex today?\n1 to 10, Enter keeps it".to_string()
            )
        );
        assert!(p.said.iter().any(|s| s.contains("Enter keeps it")));
        assert!(
            p.said.iter().any(|s| s == "  Nothing changed."),
            "{:?}",
            p.said
        );
    }

    #[test]
    fn replacing_can_remove_a_text_and_edit_the_saved_answer() {
        let before = saved();
        let (draft, p) = run_from(
            vec![
                text_reply("8"),
                text_reply(""),
                Reply::Picks(vec![index_of("calm")]),
                text_reply(""),
                text_reply("e"),
                Reply::Edited("Rewritten.".into()),
                text_reply("-"),
                text_reply(""),
                text_reply("a new note"),
                Reply::Yes,
            ],
            Given::default(),
            Step::Healing,
            Options::ALONE,
            Some(&before),
        );
        let draft = draft.unwrap();
        assert_eq!(p.edited_from, ["Written in the editor,\nover two lines."]);
        assert_eq!(draft.answer.as_deref(), Some("Rewritten."));
        assert_eq!(draft.appreciation, None);
        assert_eq!(draft.need.as_deref(), Some("time"));
        assert_eq!(draft.note.as_deref(), Some("a new note"));
        assert_eq!(draft.feelings, [entry("calm", None)]);
        assert!(
            p.said.iter().any(|s| s
                == "  Changed: trust 5 → 8; feelings hurt (4), anxious, wistful (2), hopeful → calm; \
                    answer changed; appreciation removed; note added."),
            "{:?}",
            p.said
        );
    }

    // Regression: a check-in for an earlier day asked "How much do you trust Alex today?".
    #[test]
    fn a_back_dated_check_in_asks_about_that_day() {
        let journey = Journey::builtin();
        let guide = journey.step(Step::Responsibility);
        let guidance = Guidance {
            date: d(2026, 11, 13),
            today: d(2026, 11, 21),
            partner: "Sam",
            other: "Alex",
            role: Role::Repairing,
            guide,
            prompt: None,
            before: None,
            privacy: Privacy::Shared,
        };
        let mut p = Scripted::new([
            text_reply("6"),
            text_reply("7"),
            Reply::Picks(vec![]),
            text_reply(""),
            text_reply(""),
            text_reply(""),
            Reply::Yes,
        ]);
        ask(&mut p, Given::default(), &guidance, Options::ALONE).unwrap();
        let labels: Vec<&str> = p.asked.iter().map(|q| q.lines().next().unwrap()).collect();
        assert_eq!(labels[0], "How much did you trust Alex that day?");
        assert_eq!(labels[1], "How close did you feel to Alex that day?");
        assert_eq!(labels[2], "What were you feeling that day?");
        assert!(labels.iter().all(|l| !l.contains("today")), "{labels:?}");
    }
}
