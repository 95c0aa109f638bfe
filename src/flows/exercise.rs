//! The guided exercises in a terminal: the exercise's opening, then each part not given as a
//! flag, one question at a time. Only the first part (`what`) must be answered; Enter leaves
//! any other out. Nothing is saved until the end, and Esc saves nothing.

use crate::domain::error::Cancelled;
use crate::domain::exercise::Exercise;
use crate::flows::prompter::{Prompter, ask};
use crate::store::exercises::Texts;
use crate::text::sanitize;

/// Asks for the parts of `exercise` that `given` does not hold yet, after saying `opening`.
/// `{partner}` in a question is the other partner's name.
pub fn ask_parts(
    p: &mut dyn Prompter,
    exercise: Exercise,
    opening: &str,
    given: &Texts,
    asked_for: &[&str],
    other: &str,
) -> anyhow::Result<Texts> {
    p.say(opening)?;
    let mut texts = given.clone();
    for part in exercise.parts() {
        if asked_for.contains(&part.field) {
            continue;
        }
        let required = part.field == "what";
        let question = ask(part.question, part.hint);
        let answer = if required {
            p.input_checked(&question, None, false, &|text| {
                if text.trim().is_empty() {
                    Err("this part is needed; Esc stops without saving".to_string())
                } else {
                    Ok(())
                }
            })?
        } else {
            p.input(&question, None, true)?
        };
        texts.set(part.field, Some(answer.trim().to_string()));
    }
    let question = format!(
        "Save this? {} can read everything saved here",
        sanitize::line(other)
    );
    if !p.confirm(&question, true)? {
        return Err(Cancelled.into());
    }
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::prompter::{Reply, Scripted};

    #[test]
    fn asks_what_the_flags_left_out_and_keeps_what_they_gave() {
        let mut p = Scripted::new([
            Reply::Text("the phone at dinner".into()),
            Reply::Text("".into()),
            Reply::Text("stay close and answer".into()),
            Reply::Yes,
        ]);
        let given = Texts::default();
        let texts = ask_parts(&mut p, Exercise::Trigger, "opening", &given, &[], "Sam").unwrap();
        assert_eq!(texts.what, "the phone at dinner");
        assert_eq!(texts.helps, None);
        assert_eq!(texts.repair.as_deref(), Some("stay close and answer"));
        assert_eq!(p.said, ["opening"]);
        assert_eq!(p.asked.len(), 4);
        assert_eq!(p.asked[3], "Save this? Sam can read everything saved here");

        let mut p = Scripted::new([Reply::Text("a walk".into()), Reply::No]);
        let given = Texts {
            what: "late replies".into(),
            repair: Some("reassure".into()),
            ..Texts::default()
        };
        let result = ask_parts(
            &mut p,
            Exercise::Trigger,
            "o",
            &given,
            &["what", "repair"],
            "Sam",
        );
        // Saying no at the end saves nothing.
        assert!(result.unwrap_err().downcast_ref::<Cancelled>().is_some());
        assert_eq!(p.asked.len(), 2);

        let mut p = Scripted::new([Reply::Text("a walk".into()), Reply::Yes]);
        let texts = ask_parts(
            &mut p,
            Exercise::Trigger,
            "o",
            &given,
            &["what", "repair"],
            "Sam",
        )
        .unwrap();
        assert_eq!(texts.what, "late replies");
        assert_eq!(texts.helps.as_deref(), Some("a walk"));
        assert_eq!(texts.repair.as_deref(), Some("reassure"));
    }

    #[test]
    fn the_moment_must_be_named_and_esc_saves_nothing() {
        let mut p = Scripted::new([Reply::Text("  ".into()), Reply::Cancel]);
        let result = ask_parts(
            &mut p,
            Exercise::Incident,
            "o",
            &Texts::default(),
            &[],
            "Sam",
        );
        assert!(result.is_err());
        assert_eq!(p.refused.len(), 1);
    }
}
