//! A guided edit: each text the record holds, offered as it is to be changed in place (Enter
//! keeps it), then a summary of what changes and a question to save. A check-in is edited
//! with the check-in's own questions instead (`flows::checkin`).

use crate::domain::error::Cancelled;
use crate::flows::prompter::Prompter;
use crate::text::sanitize;

/// One text of a record, as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The question: "What happened".
    pub label: String,
    pub value: Option<String>,
    /// Whether the record cannot be without it (it cannot be emptied).
    pub required: bool,
}

/// Asks for each field starting from what it says now. Returns the fields as they are at the
/// end (`None`: emptied), in the same order; a "no" to saving is [`Cancelled`].
pub fn ask(
    p: &mut dyn Prompter,
    what: &str,
    fields: &[Field],
) -> anyhow::Result<Vec<Option<String>>> {
    p.say(&format!(
        "Editing {what}. Each part starts as it is now: change it, or press Enter to keep it."
    ))?;
    let mut answers = Vec::with_capacity(fields.len());
    for field in fields {
        let label = if field.required {
            field.label.clone()
        } else {
            format!("{} (clear it to leave it out)", field.label)
        };
        let initial = field.value.clone().unwrap_or_default();
        let answer = loop {
            let answer = p.input_from(&label, &initial, !field.required)?;
            if !field.required || !answer.trim().is_empty() {
                break answer;
            }
            p.say("This part cannot be left out.")?;
        };
        answers.push(Some(answer).filter(|a| !a.trim().is_empty()));
    }
    let changed: Vec<String> = fields
        .iter()
        .zip(&answers)
        .filter(|(f, a)| f.value != **a)
        .map(|(f, a)| match a {
            Some(text) => format!("  {}: {}", f.label, sanitize::line(text)),
            None => format!("  {}: (left out)", f.label),
        })
        .collect();
    if changed.is_empty() {
        return Ok(answers);
    }
    p.say("It will say:")?;
    for line in &changed {
        p.say(line)?;
    }
    if !p.confirm(
        "Save this? (the version before is kept, and `show` lists it)",
        true,
    )? {
        return Err(Cancelled.into());
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::prompter::{Reply, Scripted};

    #[test]
    fn each_field_starts_as_it_is_and_a_required_one_cannot_be_emptied() {
        let fields = [
            Field {
                label: "What happened".into(),
                value: Some("I lied".into()),
                required: true,
            },
            Field {
                label: "What will change".into(),
                value: Some("More".into()),
                required: false,
            },
        ];
        let mut p = Scripted::new([
            Reply::Text("  ".into()),
            Reply::Text("I lied to you".into()),
            Reply::Text("".into()),
            Reply::Yes,
        ]);
        let answers = ask(&mut p, "apology 1", &fields).unwrap();
        assert_eq!(answers, [Some("I lied to you".into()), None]);
        assert_eq!(p.initial_texts, ["I lied", "I lied", "More"]);
        assert!(
            p.said
                .contains(&"This part cannot be left out.".to_string())
        );
        assert!(
            p.said
                .contains(&"  What will change: (left out)".to_string())
        );
    }
}
