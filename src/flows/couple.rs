//! The couple on first use: both names, and who (if anyone) is repairing trust, from the
//! flags or asked in a terminal. `init` and a first `checkin` create the journal from it.

use crate::bail_user;
use crate::domain::input::check_name;
use crate::domain::model::{Role, same_name};
use crate::flows::prompter::Prompter;
use crate::text::sanitize;

/// The two names and who, if anyone, is repairing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Couple {
    pub names: [String; 2],
    pub repairing: Option<usize>,
}

impl Couple {
    /// The role of the partner named `index`th.
    pub fn role_of(&self, index: usize) -> Role {
        match self.repairing {
            None => Role::Mutual,
            Some(r) if r == index => Role::Repairing,
            Some(_) => Role::Healing,
        }
    }
}

/// The couple from `--partner` (given twice) and `--repairing`, without asking.
pub fn from_flags(partners: &[String], repairing: Option<&str>) -> anyhow::Result<Couple> {
    let names = match partners {
        [a, b] => [check_name(a)?, check_name(b)?],
        [] | [_] => bail_user!(
            "init needs both of your names: pass --partner twice, e.g. rekindle init --partner Sam --partner Alex"
        ),
        more => bail_user!(
            "rekindle is for two partners; --partner was given {} times",
            more.len()
        ),
    };
    couple_with(names, repairing)
}

fn couple_with(names: [String; 2], repairing: Option<&str>) -> anyhow::Result<Couple> {
    if same_name(&names[0], &names[1]) {
        bail_user!(
            "the two partners need different names (both are \"{}\")",
            names[0]
        );
    }
    let repairing = match repairing {
        None => None,
        Some(r) => match names.iter().position(|n| same_name(n, r)) {
            Some(i) => Some(i),
            None => bail_user!(
                "--repairing \"{}\" is not one of the partners; use {} or {}",
                r.trim(),
                names[0],
                names[1]
            ),
        },
    };
    Ok(Couple { names, repairing })
}

/// Asks for whatever the flags (`partners`, `repairing`) did not give.
pub fn ask(
    prompter: &mut dyn Prompter,
    partners: &[String],
    repairing: Option<&str>,
) -> anyhow::Result<Couple> {
    prompter.say("Let's set up your journal. It stays in one file on this computer.")?;
    let mut names: Vec<String> = Vec::new();
    for given in partners {
        names.push(check_name(given)?);
    }
    while names.len() < 2 {
        let question = if names.is_empty() {
            "Your name"
        } else {
            "Your partner's name"
        };
        let answer = prompter.input(question, None, false)?;
        match check_name(&answer) {
            Ok(name) if names.iter().any(|n| same_name(n, &name)) => {
                prompter.say("The two of you need different names.")?;
            }
            Ok(name) => names.push(name),
            Err(e) => prompter.say(&e.to_string())?,
        }
    }
    let names: [String; 2] = [names[0].clone(), names[1].clone()];
    if repairing.is_some() {
        return couple_with(names, repairing);
    }
    let shown: Vec<String> = names
        .iter()
        .map(|n| sanitize::line(n).into_owned())
        .collect();
    let choices = vec![
        format!("{} is repairing trust, {} is healing", shown[0], shown[1]),
        format!("{} is repairing trust, {} is healing", shown[1], shown[0]),
        "Both of us: it goes both ways".to_string(),
    ];
    let choice = prompter.select(
        "Who broke trust?\nThis only chooses which prompts each of you sees",
        &choices,
        2,
    )?;
    let repairing = match choice {
        0 => Some(0),
        1 => Some(1),
        _ => None,
    };
    Ok(Couple { names, repairing })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::prompter::{Reply, Scripted};

    #[test]
    fn flags_make_a_mutual_couple_by_default() {
        let couple = from_flags(&["Sam".into(), " Alex ".into()], None).unwrap();
        assert_eq!(couple.names, ["Sam".to_string(), "Alex".to_string()]);
        assert_eq!(couple.role_of(0), Role::Mutual);
    }

    fn validate_couple(names: [&str; 2], repairing: Option<&str>) -> anyhow::Result<Couple> {
        couple_with([names[0].to_string(), names[1].to_string()], repairing)
    }

    #[test]
    fn repairing_matches_case_insensitively_and_the_other_heals() {
        let couple = validate_couple(["Sam", "Alex"], Some("alex")).unwrap();
        assert_eq!(couple.role_of(1), Role::Repairing);
        assert_eq!(couple.role_of(0), Role::Healing);
    }

    #[test]
    fn refusals_name_the_value() {
        let err = validate_couple(["Sam", "sam"], None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("different names"), "{err}");
        let err = validate_couple(["Sam", "Alex"], Some("Kim"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"Kim\""), "{err}");
        let err = from_flags(&["Sam".into()], None).unwrap_err().to_string();
        assert!(err.contains("--partner twice"), "{err}");
    }

    #[test]
    fn guided_setup_asks_names_then_roles_and_retries_a_clash() {
        let mut p = Scripted::new([
            Reply::Text("Sam".into()),
            Reply::Text("SAM".into()),
            Reply::Text("Alex".into()),
            Reply::Pick(1),
        ]);
        let couple = ask(&mut p, &[], None).unwrap();
        assert_eq!(couple.names, ["Sam".to_string(), "Alex".to_string()]);
        assert_eq!(couple.repairing, Some(1));
        assert!(p.said.iter().any(|s| s.contains("different names")));
        assert_eq!(p.remaining(), 0);
    }
}
