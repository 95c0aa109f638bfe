//! The daily check-in as a conversation: what the flags gave, what is still to ask, and the
//! guided questions themselves, spoken through a [`Prompter`] so the flow is tested with
//! scripted answers. No SQL and no terminal here; `commands::checkin` and
//! `commands::together` save what this returns.
//!
//! A guided check-in asks, in order: trust (1–10), connection (1–10), feelings (picked from
//! the vocabulary, each with an optional intensity 1–5), the answer to the day's prompt
//! (typed, or written in `$EDITOR`), then appreciation, need and note (Enter skips each), and
//! finally shows a summary and asks to save. A question whose flag was given is not asked.

use chrono::NaiveDate;

use crate::dates;
use crate::error::{Cancelled, UserError};
use crate::feelings::{self, VOCABULARY};
use crate::journey::{Prompt, StepGuide};
use crate::prompter::Prompter;
use crate::sanitize;
use crate::ui;

/// The longest feeling word accepted, in characters.
const MAX_WORD: usize = 40;

/// A feeling as given: the word (the vocabulary's spelling when it is known) and how strong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeelingEntry {
    pub word: String,
    pub intensity: Option<u8>,
}

/// Reads a whole number on a scale from 1 to `max`: `what` names it in the message
/// ("trust must be a whole number from 1 to 10 (got \"11\")").
pub fn parse_scale(what: &str, value: &str, max: u8) -> Result<u8, UserError> {
    let n = crate::cli::whole_number(what, value, 1, u32::from(max))?;
    // In range, so it fits: `max` is a u8.
    Ok(u8::try_from(n).unwrap_or(max))
}

/// Checks a feeling word and returns how it is stored.
pub fn check_word(word: &str) -> Result<String, UserError> {
    let trimmed = word.trim();
    if trimmed.is_empty() {
        return Err(UserError::new(
            "a feeling needs a word, e.g. hurt or hopeful:4",
        ));
    }
    if trimmed.chars().any(char::is_control) || sanitize::has_hidden(trimmed) {
        return Err(UserError::new(format!(
            "the feeling \"{}\" contains control or invisible characters; use letters and spaces",
            sanitize::line(trimmed)
        )));
    }
    if trimmed.chars().count() > MAX_WORD {
        return Err(UserError::new(format!(
            "the feeling \"{trimmed}\" is too long; use a word or two (at most {MAX_WORD} characters)"
        )));
    }
    Ok(feelings::canonical(trimmed))
}

/// Reads `WORD` or `WORD:N` (N the intensity, 1–5).
pub fn parse_feeling(spec: &str) -> Result<FeelingEntry, UserError> {
    let (word, intensity) = match spec.rsplit_once(':') {
        Some((word, n)) => {
            let intensity = parse_scale("intensity", n, 5).map_err(|_| {
                UserError::new(format!(
                    "intensity must be a whole number from 1 to 5 (got \"{}\" in \"{}\")",
                    sanitize::line(n),
                    sanitize::line(spec)
                ))
            })?;
            (word, Some(intensity))
        }
        None => (spec, None),
    };
    if word.trim().is_empty() {
        return Err(UserError::new(format!(
            "a feeling needs a word (got \"{}\"); give one such as hurt or hopeful:4",
            sanitize::line(spec)
        )));
    }
    Ok(FeelingEntry {
        word: check_word(word)?,
        intensity,
    })
}

/// Empty or blank text counts as not given; anything else is kept exactly.
pub fn text(value: Option<String>) -> Option<String> {
    value.filter(|t| !t.trim().is_empty())
}

/// What the flags gave, already checked. `None` means "not given": ask for it in a terminal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    pub trust: Option<u8>,
    pub connection: Option<u8>,
    pub feelings: Option<Vec<FeelingEntry>>,
    pub answer: Option<String>,
    pub appreciation: Option<String>,
    pub need: Option<String>,
    pub note: Option<String>,
}

/// A check-in ready to be saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub trust: u8,
    pub connection: Option<u8>,
    pub feelings: Vec<FeelingEntry>,
    pub answer: Option<String>,
    pub appreciation: Option<String>,
    pub need: Option<String>,
    pub note: Option<String>,
    /// Whether the day's prompt was shown, so the check-in records which prompt it was.
    pub prompt_shown: bool,
}

/// The flags that can stand in for the questions, for the "no terminal" message.
pub const FLAGS: &str = "--trust N (1-10), and if you like --connection N, --feeling WORD[:N], \
                         --answer, --appreciation, --need and --note";

impl Given {
    /// Without a terminal nothing can be asked: trust must be given, the rest may be absent.
    pub fn without_terminal(self) -> Result<Draft, UserError> {
        let Some(trust) = self.trust else {
            return Err(UserError::new(format!(
                "there is no terminal to ask in, so checkin needs {FLAGS}"
            )));
        };
        Ok(Draft {
            trust,
            connection: self.connection,
            feelings: self.feelings.unwrap_or_default(),
            answer: self.answer,
            appreciation: self.appreciation,
            need: self.need,
            note: self.note,
            prompt_shown: false,
        })
    }
}

/// What the partner is shown before the questions.
#[derive(Debug, Clone)]
pub struct Guidance<'a> {
    pub date: NaiveDate,
    pub today: NaiveDate,
    pub partner: &'a str,
    pub other: &'a str,
    pub guide: &'a StepGuide,
    pub prompt: Option<&'a Prompt>,
    /// The check-in replaces one already saved for that date.
    pub replacing: bool,
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

/// Short enough to fit on one line of an 80-column terminal with dialoguer's page marker:
/// a wrapped question is redrawn badly while the list pages.
const FEELINGS_QUESTION: &str = "What are you feeling? Space picks, arrows show more, Enter ends";

/// Typed as the answer, opens `$EDITOR` instead.
const EDITOR_WORD: &str = "e";

/// Asks for everything the flags left out, then (with `options.confirm`) shows a summary and
/// asks to save. Declining or cancelling is [`Cancelled`]: nothing is saved.
pub fn ask(
    p: &mut dyn Prompter,
    given: Given,
    guidance: &Guidance<'_>,
    options: Options,
) -> anyhow::Result<Draft> {
    let extras_missing = options.extras
        && (given.appreciation.is_none() || given.need.is_none() || given.note.is_none());
    let anything_missing = given.trust.is_none()
        || given.connection.is_none()
        || given.feelings.is_none()
        || given.answer.is_none()
        || extras_missing;
    if !anything_missing {
        let mut draft = given.without_terminal()?;
        draft.prompt_shown = false;
        return Ok(draft);
    }

    introduce(p, guidance)?;
    let other = sanitize::line(guidance.other).into_owned();
    let trust = match given.trust {
        Some(n) => n,
        None => ask_scale(
            p,
            &format!("How much do you trust {other} today? (1-10)"),
            "trust",
            10,
        )?,
    };
    let connection = match given.connection {
        Some(n) => n,
        None => ask_scale(
            p,
            &format!("How close do you feel to {other} today? (1-10)"),
            "connection",
            10,
        )?,
    };
    let feelings = match given.feelings {
        Some(f) => f,
        None => ask_feelings(p)?,
    };
    let answer = match given.answer {
        Some(a) => Some(a),
        None if guidance.prompt.is_some() => ask_answer(p)?,
        None => None,
    };
    let mut draft = Draft {
        trust,
        connection: Some(connection),
        feelings,
        answer,
        appreciation: given.appreciation,
        need: given.need,
        note: given.note,
        prompt_shown: guidance.prompt.is_some(),
    };
    if options.extras {
        if draft.appreciation.is_none() {
            draft.appreciation = ask_text(
                p,
                &format!("Something you appreciate about {other} today (Enter to skip)"),
            )?;
        }
        if draft.need.is_none() {
            draft.need = ask_text(
                p,
                &format!("Something you need from {other} (Enter to skip)"),
            )?;
        }
        if draft.note.is_none() {
            draft.note = ask_text(p, "Anything else you want to note? (Enter to skip)")?;
        }
    }
    if options.confirm {
        p.say("")?;
        p.say(&summary(&draft, guidance.date))?;
        if !p.confirm("Save this check-in?", true)? {
            return Err(Cancelled.into());
        }
    }
    Ok(draft)
}

fn introduce(p: &mut dyn Prompter, g: &Guidance<'_>) -> anyhow::Result<()> {
    let day = if g.date == g.today {
        format!("today, {}", dates::in_words(g.date))
    } else {
        dates::in_words(g.date)
    };
    p.say(&format!(
        "{}'s check-in for {day}",
        sanitize::line(g.partner)
    ))?;
    if g.replacing {
        p.say("This replaces the check-in you already saved for that day.")?;
    }
    p.say(&format!(
        "Step {} of 8: {}",
        g.guide.step.number(),
        sanitize::line(&g.guide.title)
    ))?;
    if let Some(prompt) = g.prompt {
        p.say("")?;
        p.say(&ui::paragraph(&sanitize::line(&prompt.text), 2))?;
    }
    if let Some(note) = g.guide.note() {
        p.say("")?;
        p.say(&ui::paragraph(note, 2))?;
    }
    p.say("")?;
    Ok(())
}

fn ask_scale(p: &mut dyn Prompter, question: &str, what: &str, max: u8) -> anyhow::Result<u8> {
    loop {
        let answer = p.input(question, None, false)?;
        match parse_scale(what, &answer, max) {
            Ok(n) => return Ok(n),
            Err(e) => p.say(&e.to_string())?,
        }
    }
}

fn ask_text(p: &mut dyn Prompter, question: &str) -> anyhow::Result<Option<String>> {
    Ok(text(Some(p.input(question, None, true)?)))
}

/// The list shown in the feelings menu: every vocabulary word, ten to a core feeling (so a
/// page of ten is one core feeling), then a way to type words of one's own.
pub fn feeling_choices() -> Vec<String> {
    let mut items: Vec<String> = VOCABULARY.iter().map(|w| w.word.to_string()).collect();
    items.push("a word of my own...".to_string());
    items
}

fn ask_feelings(p: &mut dyn Prompter) -> anyhow::Result<Vec<FeelingEntry>> {
    let choices = feeling_choices();
    let picked = p.multi_select(FEELINGS_QUESTION, &choices)?;
    let mut entries: Vec<FeelingEntry> = picked
        .iter()
        .filter_map(|&i| VOCABULARY.get(i))
        .map(|w| FeelingEntry {
            word: w.word.to_string(),
            intensity: None,
        })
        .collect();
    if picked.contains(&VOCABULARY.len()) {
        entries.extend(ask_own_words(p)?);
    }
    for entry in &mut entries {
        if entry.intensity.is_some() {
            continue;
        }
        let question = format!(
            "How strong is \"{}\"? (1-5, Enter to skip)",
            sanitize::line(&entry.word)
        );
        loop {
            let answer = p.input(&question, None, true)?;
            if answer.trim().is_empty() {
                break;
            }
            match parse_scale("intensity", &answer, 5) {
                Ok(n) => {
                    entry.intensity = Some(n);
                    break;
                }
                Err(e) => p.say(&e.to_string())?,
            }
        }
    }
    Ok(entries)
}

fn ask_own_words(p: &mut dyn Prompter) -> anyhow::Result<Vec<FeelingEntry>> {
    loop {
        let answer = p.input(
            "Your own words, separated by commas (add :N for intensity, e.g. wistful:3)",
            None,
            true,
        )?;
        let parsed: Result<Vec<FeelingEntry>, UserError> = answer
            .split(',')
            .filter(|w| !w.trim().is_empty())
            .map(parse_feeling)
            .collect();
        match parsed {
            Ok(entries) => return Ok(entries),
            Err(e) => p.say(&e.to_string())?,
        }
    }
}

fn ask_answer(p: &mut dyn Prompter) -> anyhow::Result<Option<String>> {
    loop {
        let answer = p.input(
            &format!("Your answer (Enter to skip; type {EDITOR_WORD} to write it in your editor)"),
            None,
            true,
        )?;
        if !answer.trim().eq_ignore_ascii_case(EDITOR_WORD) {
            return Ok(text(Some(answer)));
        }
        match p.editor("")? {
            Some(written) if !written.trim().is_empty() => {
                return Ok(Some(written.trim_end().to_string()));
            }
            _ => p.say("Nothing was written in the editor; you can type your answer here.")?,
        }
    }
}

/// "hurt (4), hopeful".
pub fn feelings_in_words(feelings: &[FeelingEntry]) -> String {
    feelings
        .iter()
        .map(|f| match f.intensity {
            Some(n) => format!("{} ({n})", sanitize::line(&f.word)),
            None => sanitize::line(&f.word).into_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The summary shown before saving.
pub fn summary(draft: &Draft, date: NaiveDate) -> String {
    let mut lines = vec![format!("Your check-in for {}:", dates::in_words(date))];
    let mut scores = format!("  trust {}", draft.trust);
    if let Some(c) = draft.connection {
        scores.push_str(&format!(", connection {c}"));
    }
    lines.push(scores);
    if !draft.feelings.is_empty() {
        lines.push(format!("  feeling: {}", feelings_in_words(&draft.feelings)));
    }
    for (label, value) in [
        ("answer", &draft.answer),
        ("appreciation", &draft.appreciation),
        ("need", &draft.need),
        ("note", &draft.note),
    ] {
        if let Some(v) = value {
            lines.push(format!("  {label}: {}", sanitize::line(v)));
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Journey;
    use crate::model::{Role, Step};
    use crate::prompter::{Reply, Scripted};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn text_reply(t: &str) -> Reply {
        Reply::Text(t.to_string())
    }

    fn run(
        replies: Vec<Reply>,
        given: Given,
        step: Step,
        options: Options,
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
            guide,
            prompt,
            replacing: false,
        };
        let mut p = Scripted::new(replies);
        let result = ask(&mut p, given, &guidance, options);
        (result, p)
    }

    fn index_of(word: &str) -> usize {
        VOCABULARY.iter().position(|w| w.word == word).unwrap()
    }

    #[test]
    fn scales_accept_whole_numbers_in_range_only() {
        assert_eq!(parse_scale("trust", " 7 ", 10).unwrap(), 7);
        assert_eq!(parse_scale("trust", "10", 10).unwrap(), 10);
        for bad in ["0", "11", "-1", "7.5", "seven", "", "300"] {
            let err = parse_scale("trust", bad, 10).unwrap_err().to_string();
            assert_eq!(
                err,
                format!("trust must be a whole number from 1 to 10 (got \"{bad}\")")
            );
        }
    }

    #[test]
    fn feelings_parse_with_optional_intensity() {
        assert_eq!(
            parse_feeling("Hurt:4").unwrap(),
            FeelingEntry {
                word: "hurt".into(),
                intensity: Some(4)
            }
        );
        assert_eq!(parse_feeling("wistful").unwrap().word, "wistful");
        assert_eq!(parse_feeling("wistful").unwrap().intensity, None);
        let err = parse_feeling("hurt:9").unwrap_err().to_string();
        assert_eq!(
            err,
            "intensity must be a whole number from 1 to 5 (got \"9\" in \"hurt:9\")"
        );
        assert!(parse_feeling("hurt:").is_err());
        assert!(parse_feeling(":3").is_err());
        assert!(parse_feeling("  ").is_err());
        assert!(parse_feeling("a\x1b[2Jb").is_err());
        // Invisible characters would make "hurt" a different, neutral word without a trace.
        assert!(parse_feeling("hurt\u{200b}").is_err());
        assert!(parse_feeling("\u{202e}hurt").is_err());
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
                feelings: vec![
                    FeelingEntry {
                        word: "hurt".into(),
                        intensity: Some(4)
                    },
                    FeelingEntry {
                        word: "hopeful".into(),
                        intensity: None
                    },
                ],
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
                "How much do you trust Alex today? (1-10)",
                "How much do you trust Alex today? (1-10)",
                "How close do you feel to Alex today? (1-10)",
                FEELINGS_QUESTION,
                "How strong is \"hurt\"? (1-5, Enter to skip)",
                "How strong is \"hopeful\"? (1-5, Enter to skip)",
                "Your answer (Enter to skip; type e to write it in your editor)",
                "Something you appreciate about Alex today (Enter to skip)",
                "Something you need from Alex (Enter to skip)",
                "Anything else you want to note? (Enter to skip)",
                "Save this check-in?",
            ]
        );
        // The step and the prompt come first, and a bad number is explained, not fatal.
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
                .any(|s| s == "trust must be a whole number from 1 to 10 (got \"eleven\")")
        );
        assert!(
            p.said
                .iter()
                .any(|s| s.contains("feeling: hurt (4), hopeful"))
        );
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
            answer: Some("given".into()),
            need: Some("a hug".into()),
            ..Default::default()
        };
        let (draft, p) = run(
            vec![text_reply("3"), text_reply(""), text_reply(""), Reply::Yes],
            given,
            Step::Healing,
            Options::ALONE,
        );
        let draft = draft.unwrap();
        assert_eq!((draft.trust, draft.connection), (8, Some(3)));
        assert_eq!(draft.answer.as_deref(), Some("given"));
        assert_eq!(draft.need.as_deref(), Some("a hug"));
        assert_eq!(
            p.asked,
            [
                "How close do you feel to Alex today? (1-10)",
                "Something you appreciate about Alex today (Enter to skip)",
                "Anything else you want to note? (Enter to skip)",
                "Save this check-in?",
            ]
        );
    }

    #[test]
    fn everything_given_asks_nothing() {
        let given = Given {
            trust: Some(8),
            connection: Some(9),
            feelings: Some(vec![]),
            answer: Some("a".into()),
            appreciation: Some("b".into()),
            need: Some("c".into()),
            note: Some("d".into()),
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
                Reply::Picks(vec![own]),
                text_reply("wistful:9"),
                text_reply("Wistful:2, RELIEVED"),
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
                FeelingEntry {
                    word: "Wistful".into(),
                    intensity: Some(2)
                },
                FeelingEntry {
                    word: "relieved".into(),
                    intensity: None
                },
            ]
        );
        assert_eq!(
            draft.answer.as_deref(),
            Some("A long answer\nover two lines")
        );
        assert!(
            p.said
                .iter()
                .any(|s| s.contains("got \"9\" in \"wistful:9\""))
        );
        // Together: no appreciation, need, note or confirm inside the check-in.
        assert_eq!(p.remaining(), 0);
        assert_eq!(draft.appreciation, None);
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

    #[test]
    fn without_a_terminal_trust_is_required_and_the_message_names_the_flags() {
        let err = Given::default().without_terminal().unwrap_err().to_string();
        assert!(err.contains("--trust N"), "{err}");
        assert!(err.contains("--feeling WORD[:N]"), "{err}");
        let draft = Given {
            trust: Some(3),
            ..Default::default()
        }
        .without_terminal()
        .unwrap();
        assert_eq!((draft.trust, draft.connection), (3, None));
    }
}
