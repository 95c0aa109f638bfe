//! Plain domain types shared by the store, the commands and the pure computations.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::text::sanitize;

/// How a partner stands in the repair: the one who broke trust, the one who was hurt, both at
/// once, or not chosen yet. Nothing is preselected: a partner is `Unset` until a role is
/// chosen, and sees only the prompts written for either partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Repairing,
    Healing,
    Mutual,
    #[default]
    Unset,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Repairing, Role::Healing, Role::Mutual, Role::Unset];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Repairing => "repairing",
            Role::Healing => "healing",
            Role::Mutual => "mutual",
            Role::Unset => "unset",
        }
    }

    /// A short phrase for human output; "mutual" always with its meaning.
    pub fn describe(self) -> &'static str {
        match self {
            Role::Repairing => "repairing trust",
            Role::Healing => "healing",
            Role::Mutual => "mutual (each of you repairing and healing)",
            Role::Unset => "role not chosen yet",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == wanted)
            .ok_or_else(|| {
                format!("\"{s}\" is not a role; use repairing, healing, mutual or unset")
            })
    }
}

/// The eight steps of the journey, in order. Their words live in `prompts/<id>.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    #[default]
    Responsibility,
    Communication,
    Healing,
    Consistency,
    Forgiveness,
    Intimacy,
    Reassess,
    Renewal,
}

impl Step {
    pub const ALL: [Step; 8] = [
        Step::Responsibility,
        Step::Communication,
        Step::Healing,
        Step::Consistency,
        Step::Forgiveness,
        Step::Intimacy,
        Step::Reassess,
        Step::Renewal,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Step::Responsibility => "responsibility",
            Step::Communication => "communication",
            Step::Healing => "healing",
            Step::Consistency => "consistency",
            Step::Forgiveness => "forgiveness",
            Step::Intimacy => "intimacy",
            Step::Reassess => "reassess",
            Step::Renewal => "renewal",
        }
    }

    /// 1-based position in the journey.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn ids() -> String {
        Step::ALL.map(Step::id).join(", ")
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Step {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        if let Ok(n) = wanted.parse::<usize>()
            && (1..=Step::ALL.len()).contains(&n)
        {
            return Ok(Step::ALL[n - 1]);
        }
        Step::ALL
            .into_iter()
            .find(|step| step.id() == wanted)
            .ok_or_else(|| {
                format!(
                    "\"{s}\" is not a step; use one of {}, or its number from 1 to 8",
                    Step::ids()
                )
            })
    }
}

/// One of the two people keeping the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub id: i64,
    #[serde(skip)]
    pub uuid: String,
    pub name: String,
    pub role: Role,
}

/// Names are matched without regard to case ("sam" finds "Sam"), in any script.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether two names would read as one on a screen: the same but for case, or made of
/// characters that look alike (Latin "Sam" and "Ѕam" with a Cyrillic Ѕ, fullwidth "Ａlex",
/// "rn" for "m"). Compared by their Unicode skeletons (UTS 39), ignoring case: the timeline
/// says "Sam checked in", and nobody should have to guess which of the two that was.
pub fn names_look_alike(a: &str, b: &str) -> bool {
    use unicode_security::confusable_detection::skeleton;
    let folded = |s: &str| -> String { skeleton(&s.trim().to_lowercase()).collect() };
    same_name(a, b) || folded(a) == folded(b)
}

/// Why `new` is refused beside `other`, in a sentence (both defused).
pub fn look_alike(other: &str, new: &str) -> String {
    format!(
        "\"{}\" looks the same as \"{}\" on a screen (some of its letters only look like the other's), and the two of you need names that read differently; choose another",
        sanitize::line(new.trim()),
        sanitize::line(other.trim())
    )
}

/// The partner who is not `me` (rekindle is for two); `None` while the journal holds one.
pub fn other_partner<'a>(partners: &'a [Partner], me: &Partner) -> Option<&'a Partner> {
    partners.iter().find(|p| p.id != me.id)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Sam (repairing, id 1) and Alex (healing, id 2), as a journal would hold them.
    pub(crate) fn sam_and_alex() -> Vec<Partner> {
        vec![
            Partner {
                id: 1,
                uuid: String::new(),
                name: "Sam".into(),
                role: Role::Repairing,
            },
            Partner {
                id: 2,
                uuid: String::new(),
                name: "Alex".into(),
                role: Role::Healing,
            },
        ]
    }

    #[test]
    fn roles_parse_case_insensitively() {
        assert_eq!("Healing".parse::<Role>(), Ok(Role::Healing));
        assert!("victim".parse::<Role>().unwrap_err().contains("\"victim\""));
    }

    #[test]
    fn steps_parse_by_id_or_number() {
        assert_eq!("Consistency".parse::<Step>(), Ok(Step::Consistency));
        assert_eq!("7".parse::<Step>(), Ok(Step::Reassess));
        assert!("9".parse::<Step>().is_err());
        assert!("0".parse::<Step>().is_err());
        assert_eq!(Step::Renewal.number(), 8);
        let err = "trust".parse::<Step>().unwrap_err();
        assert!(err.contains("responsibility, communication"), "{err}");
    }

    #[test]
    fn names_match_across_case_and_scripts() {
        assert!(same_name("Zoë", "ZOË"));
        assert!(same_name(" sam", "Sam"));
        assert!(!same_name("Sam", "Samantha"));
    }

    // Audit row I37: two partners whose names read the same on a screen.
    #[test]
    fn names_that_look_alike_are_caught() {
        for (a, b) in [
            ("Sam", "\u{405}am"),
            ("\u{ff21}lex", "Alex"),
            ("Sam", "SAM"),
            ("Sam", "Sarn"),
            ("Zo\u{eb}", "Zoe\u{308}"),
            ("Alex", "\u{391}lex"),
        ] {
            assert!(names_look_alike(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("Sam", "Alex"),
            ("Sam", "Samantha"),
            ("Zo\u{eb}", "Zoe"),
            ("Ana", "Anna"),
        ] {
            assert!(!names_look_alike(a, b), "{a} / {b}");
        }
    }
}
