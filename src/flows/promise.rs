//! A promise made in a terminal: what is promised, from when, how often, and until when.
//! `commands::promise::add` asks this when the promise's words were not given as an argument,
//! and checks what comes back as it checks the flags.

use chrono::NaiveDate;

use crate::domain::dates;
use crate::domain::recurrence::Rule;
use crate::flows::prompter::{Prompter, ask};
use crate::text::sanitize;

/// What the conversation gathered; the flags given are kept and not asked again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guided {
    pub text: String,
    pub from: NaiveDate,
    pub every: Option<Rule>,
    pub due: Option<NaiveDate>,
}

/// What the flags already say.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub from: Option<NaiveDate>,
    pub every: Option<Option<Rule>>,
    pub due: Option<NaiveDate>,
}

/// Asks for the promise: its words, then whatever `known` leaves open. `by` and `to` name
/// the partners, so the person typing sees whose promise it is.
pub fn ask_promise(
    p: &mut dyn Prompter,
    by: &str,
    to: &str,
    known: &Known,
    today: NaiveDate,
) -> anyhow::Result<Guided> {
    let (by, to) = (sanitize::line(by), sanitize::line(to));
    p.say(&format!(
        "A promise from {by} to {to}. A small, concrete one you can keep works best."
    ))?;
    let text = loop {
        let answer = p.input(
            &ask(
                "What do you promise?",
                "In your own words: \"Text you if I'll be late\"",
            ),
            None,
            false,
        )?;
        if !answer.trim().is_empty() {
            break answer;
        }
    };
    let from = match known.from {
        Some(from) => from,
        None => {
            let check = |answer: &str| {
                if answer.trim().is_empty() {
                    return Ok(());
                }
                dates::parse(answer, today)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            };
            let answer = p.input_checked(
                &ask(
                    "From when?",
                    "Enter for today, or an earlier day (yesterday, monday, 2026-11-30)",
                ),
                None,
                true,
                &check,
            )?;
            if answer.trim().is_empty() {
                today
            } else {
                dates::parse(&answer, today)?
            }
        }
    };
    let every = match known.every {
        Some(every) => every,
        None => ask_how_often(p, from)?,
    };
    let due = match known.due {
        Some(due) => Some(due),
        None => {
            let label = if every.is_some() {
                "Until when?"
            } else {
                "Due by when?"
            };
            let hint = if every.is_some() {
                "Enter for no end, or a day: friday, in 3 weeks, 2026-12-31"
            } else {
                "Enter for no due date, or a day: tomorrow, friday, in 3 days"
            };
            let check = |answer: &str| {
                if answer.trim().is_empty() {
                    return Ok(());
                }
                let due = dates::parse_forward(answer, today).map_err(|e| e.to_string())?;
                if due < from {
                    return Err(format!(
                        "{} is before the promise starts ({})",
                        dates::in_words(due),
                        dates::in_words(from)
                    ));
                }
                Ok(())
            };
            let answer = p.input_checked(&ask(label, hint), None, true, &check)?;
            if answer.trim().is_empty() {
                None
            } else {
                Some(dates::parse_forward(&answer, today)?)
            }
        }
    };
    Ok(Guided {
        text,
        from,
        every,
        due,
    })
}

fn ask_how_often(p: &mut dyn Prompter, from: NaiveDate) -> anyhow::Result<Option<Rule>> {
    let choices = vec![
        "Once".to_string(),
        "Every day".to_string(),
        "Every weekday, Monday to Friday".to_string(),
        format!("Every week, on {}s", from.format("%A")),
        "On certain days of the week".to_string(),
    ];
    Ok(match p.select("How often?", &choices, 0)? {
        1 => Some(Rule::Day),
        2 => Some(Rule::Weekday),
        3 => Some(Rule::Week),
        4 => {
            let check = |answer: &str| answer.parse::<Rule>().map(|_| ());
            let answer = p.input_checked(
                &ask("Which days?", "Names with commas between them: mon,thu"),
                None,
                false,
                &check,
            )?;
            Some(
                answer
                    .parse::<Rule>()
                    .map_err(crate::domain::error::UserError::new)?,
            )
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::prompter::{Reply, Scripted};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn t(s: &str) -> Reply {
        Reply::Text(s.to_string())
    }

    #[test]
    fn asks_what_from_when_how_often_and_until_when() {
        // Saturday 21 November 2026.
        let mut p = Scripted::new([
            t("Say goodnight"),
            t("monday"),
            Reply::Pick(1),
            t("in 2 weeks"),
        ]);
        let guided = ask_promise(&mut p, "Sam", "Alex", &Known::default(), d(11, 21)).unwrap();
        assert_eq!(
            guided,
            Guided {
                text: "Say goodnight".into(),
                from: d(11, 16),
                every: Some(Rule::Day),
                due: Some(d(12, 5)),
            }
        );
        assert!(p.said[0].contains("from Sam to Alex"), "{:?}", p.said);
        assert_eq!(
            p.asked
                .iter()
                .map(|q| q.lines().next().unwrap())
                .collect::<Vec<_>>(),
            [
                "What do you promise?",
                "From when?",
                "How often?",
                "Until when?"
            ]
        );
    }

    #[test]
    fn a_due_date_before_the_start_is_asked_again_and_flags_are_not_asked() {
        let mut p = Scripted::new([t("Book the counsellor"), t("yesterday"), t("friday")]);
        let known = Known {
            from: Some(d(11, 21)),
            every: Some(None),
            due: None,
        };
        let guided = ask_promise(&mut p, "Sam", "Alex", &known, d(11, 21)).unwrap();
        assert_eq!(guided.due, Some(d(11, 27)));
        assert_eq!(guided.every, None);
        assert!(
            p.refused[0].contains("before the promise starts"),
            "{:?}",
            p.refused
        );
        assert_eq!(p.asked.len(), 3);
    }

    #[test]
    fn certain_days_are_read_as_every_reads_them() {
        let mut p = Scripted::new([
            t("Walk"),
            t(""),
            Reply::Pick(4),
            t("sundy"),
            t("sat,sun"),
            t(""),
        ]);
        let guided = ask_promise(&mut p, "Sam", "Alex", &Known::default(), d(11, 21)).unwrap();
        assert_eq!(guided.every, Some("sat,sun".parse().unwrap()));
        assert_eq!(guided.from, d(11, 21));
        assert_eq!(guided.due, None);
        assert_eq!(p.refused.len(), 1);
    }
}
