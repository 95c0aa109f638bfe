//! When a record changed while someone was writing their version of it (a guided amend or
//! edit, with another command saving meanwhile): both versions are shown, and they choose.
//! Nothing they typed is lost either way.

use crate::flows::prompter::Prompter;

/// What to do with a version written from a record that changed meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Save it; what is there now is kept as an earlier version.
    SaveMine,
    /// Keep what is there now; the caller prints what was written, so it can be copied.
    KeepTheirs,
}

/// Shows `theirs` (what is saved now) and `mine` (what was just written), both already in
/// words and defused, and asks which to keep. `what` names the record: "Sam's check-in for
/// Thursday 3 December".
pub fn resolve(
    p: &mut dyn Prompter,
    what: &str,
    theirs: &str,
    mine: &str,
) -> anyhow::Result<Choice> {
    p.say("")?;
    p.say(&format!(
        "{what} was changed by another rekindle command while you were writing."
    ))?;
    p.say("")?;
    p.say("Saved meanwhile:")?;
    p.say(theirs)?;
    p.say("")?;
    p.say("What you wrote:")?;
    p.say(mine)?;
    p.say("")?;
    let choices = [
        "Save what I wrote (what was saved meanwhile is kept as an earlier version)".to_string(),
        "Keep what was saved meanwhile (what I wrote is printed, to copy)".to_string(),
    ];
    Ok(match p.select("Which should stay?", &choices, 0)? {
        0 => Choice::SaveMine,
        _ => Choice::KeepTheirs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::prompter::{Reply, Scripted};

    #[test]
    fn both_versions_are_shown_before_the_choice() {
        let mut p = Scripted::new([Reply::Pick(1)]);
        let choice = resolve(&mut p, "Sam's check-in", "  trust 3", "  trust 7").unwrap();
        assert_eq!(choice, Choice::KeepTheirs);
        let said = p.said.join("\n");
        assert!(said.contains("Saved meanwhile:\n  trust 3"), "{said}");
        assert!(said.contains("What you wrote:\n  trust 7"), "{said}");
        assert_eq!(p.asked, ["Which should stay?"]);
    }
}
