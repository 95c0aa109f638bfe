//! The couple on first use: both names, and who (if anyone) is repairing trust, from the
//! flags or asked in a terminal. `init` and a first `checkin` create the journal from it.

use crate::bail_user;
use crate::domain::input::check_name;
use crate::domain::model::{Role, look_alike, names_look_alike, same_name};
use crate::flows::prompter::Prompter;
use crate::text::sanitize;

/// The two names and their roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Couple {
    pub names: [String; 2],
    pub roles: Roles,
}

/// The roles as chosen: nothing is preselected, so without a choice both are unset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roles {
    /// Not chosen yet: each partner sees only the prompts written for either partner.
    Unset,
    /// It goes both ways: each is repairing and healing.
    Mutual,
    /// The partner named at this index is repairing; the other is healing.
    Repairing(usize),
}

/// The roles the flags ask for: `--repairing NAME` or `--mutual` (never both), or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoleFlags<'a> {
    pub repairing: Option<&'a str>,
    pub mutual: bool,
}

impl RoleFlags<'_> {
    fn given(&self) -> bool {
        self.repairing.is_some() || self.mutual
    }
}

impl Couple {
    /// The role of the partner named `index`th.
    pub fn role_of(&self, index: usize) -> Role {
        match self.roles {
            Roles::Unset => Role::Unset,
            Roles::Mutual => Role::Mutual,
            Roles::Repairing(r) if r == index => Role::Repairing,
            Roles::Repairing(_) => Role::Healing,
        }
    }
}

/// The couple from `--partner` (given twice), `--repairing` and `--mutual`, without asking.
pub fn from_flags(partners: &[String], roles: RoleFlags) -> anyhow::Result<Couple> {
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
    couple_with(names, roles)
}

fn couple_with(names: [String; 2], flags: RoleFlags) -> anyhow::Result<Couple> {
    if same_name(&names[0], &names[1]) {
        bail_user!(
            "the two partners need different names (both are \"{}\")",
            names[0]
        );
    }
    if names_look_alike(&names[0], &names[1]) {
        bail_user!("{}", look_alike(&names[0], &names[1]));
    }
    let roles = match (flags.repairing, flags.mutual) {
        (Some(_), true) => bail_user!(
            "--repairing and --mutual cannot both be given; choose one, or neither to decide later"
        ),
        (None, true) => Roles::Mutual,
        (None, false) => Roles::Unset,
        (Some(r), false) => match names.iter().position(|n| same_name(n, r)) {
            Some(i) => Roles::Repairing(i),
            None => bail_user!(
                "--repairing \"{}\" is not one of the partners; use {} or {}",
                r.trim(),
                names[0],
                names[1]
            ),
        },
    };
    Ok(Couple { names, roles })
}

/// Asks for whatever the flags (`partners`, `repairing`) did not give.
pub fn ask(
    prompter: &mut dyn Prompter,
    partners: &[String],
    flags: RoleFlags,
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
            Ok(name) if names.iter().any(|n| names_look_alike(n, &name)) => {
                prompter.say(&look_alike(&names[0], &name))?;
            }
            Ok(name) => names.push(name),
            Err(e) => prompter.say(&e.to_string())?,
        }
    }
    let names: [String; 2] = [names[0].clone(), names[1].clone()];
    if flags.given() {
        return couple_with(names, flags);
    }
    let shown: Vec<String> = names
        .iter()
        .map(|n| sanitize::line(n).into_owned())
        .collect();
    // No role is preselected: the cursor starts on deciding later.
    let choices = vec![
        "Decide later (until then, each of you sees prompts written for either partner)"
            .to_string(),
        format!("{} is repairing trust, {} is healing", shown[0], shown[1]),
        format!("{} is repairing trust, {} is healing", shown[1], shown[0]),
        "Mutual: it goes both ways, so each of you is repairing and healing".to_string(),
    ];
    let choice = prompter.select(
        "Who broke trust?\nThis only chooses which prompts each of you sees; \
         rekindle partners role changes it later",
        &choices,
        0,
    )?;
    let roles = match choice {
        1 => Roles::Repairing(0),
        2 => Roles::Repairing(1),
        3 => Roles::Mutual,
        _ => Roles::Unset,
    };
    Ok(Couple { names, roles })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::prompter::{Reply, Scripted};

    #[test]
    fn flags_preselect_no_role_and_mutual_is_chosen_by_name() {
        let couple = from_flags(&["Sam".into(), " Alex ".into()], RoleFlags::default()).unwrap();
        assert_eq!(couple.names, ["Sam".to_string(), "Alex".to_string()]);
        assert_eq!(
            (couple.role_of(0), couple.role_of(1)),
            (Role::Unset, Role::Unset)
        );
        let mutual = RoleFlags {
            repairing: None,
            mutual: true,
        };
        let couple = from_flags(&["Sam".into(), "Alex".into()], mutual).unwrap();
        assert_eq!(
            (couple.role_of(0), couple.role_of(1)),
            (Role::Mutual, Role::Mutual)
        );
        let both = RoleFlags {
            repairing: Some("Sam"),
            mutual: true,
        };
        let err = from_flags(&["Sam".into(), "Alex".into()], both).unwrap_err();
        assert!(
            err.to_string().contains("--repairing and --mutual"),
            "{err}"
        );
    }

    fn validate_couple(names: [&str; 2], repairing: Option<&str>) -> anyhow::Result<Couple> {
        couple_with(
            [names[0].to_string(), names[1].to_string()],
            RoleFlags {
                repairing,
                mutual: false,
            },
        )
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
        let err = from_flags(&["Sam".into()], RoleFlags::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("--partner twice"), "{err}");
    }

    #[test]
    fn guided_setup_asks_names_then_roles_and_retries_a_clash() {
        let mut p = Scripted::new([
            Reply::Text("Sam".into()),
            Reply::Text("SAM".into()),
            Reply::Text("Alex".into()),
            Reply::Pick(2),
        ]);
        let couple = ask(&mut p, &[], RoleFlags::default()).unwrap();
        assert_eq!(couple.names, ["Sam".to_string(), "Alex".to_string()]);
        assert_eq!(couple.roles, Roles::Repairing(1));
        assert!(p.said.iter().any(|s| s.contains("different names")));
        assert_eq!(p.remaining(), 0);
    }
}
