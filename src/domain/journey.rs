//! The eight-step journey: each step's title, summary, prompts and practices, and the daily
//! choice of prompt.
//!
//! The words live in `prompts/<step>.toml`, embedded at build time so the program never
//! depends on files being present. A partner's own files in
//! `$XDG_CONFIG_HOME/rekindle/prompts/*.toml` (same format) add prompts or replace built-in
//! ones with the same id; a file that cannot be read is skipped with a warning naming its path
//! and line, and everything else keeps working.
//!
//! The prompt of the day is derived from the date alone (see [`pick`]), so it needs no stored
//! state: it is the same all day, and across consecutive days a partner sees every prompt of a
//! step that applies to their role once before any of them repeats.

use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::domain::model::{Role, Step};

/// Who a prompt is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Repairing,
    Healing,
    Both,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Repairing => "repairing",
            Audience::Healing => "healing",
            Audience::Both => "both",
        }
    }

    /// Whether a partner in `role` is asked this prompt. Partners in a mutual repair are both
    /// repairing and healing, so every prompt applies to them.
    pub fn applies_to(self, role: Role) -> bool {
        matches!(
            (self, role),
            (Audience::Both, _)
                | (_, Role::Mutual)
                | (Audience::Repairing, Role::Repairing)
                | (Audience::Healing, Role::Healing)
        )
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prompt {
    pub id: String,
    pub audience: Audience,
    pub text: String,
}

/// Everything rekindle says about one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepGuide {
    pub step: Step,
    pub title: String,
    pub summary: String,
    pub practices: Vec<String>,
    /// In the order written; the daily rotation walks this order.
    pub prompts: Vec<Prompt>,
}

impl StepGuide {
    /// The prompts a partner in `role` is asked, in rotation order.
    pub fn prompts_for(&self, role: Role) -> Vec<&Prompt> {
        self.prompts
            .iter()
            .filter(|p| p.audience.applies_to(role))
            .collect()
    }

    /// A note shown whenever this step's guidance is shown: the safety note for `reassess`.
    pub fn note(&self) -> Option<&'static str> {
        (self.step == Step::Reassess).then_some(super::SAFETY_NOTE)
    }
}

/// The whole journey, built-in words merged with the partner's own files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journey {
    steps: Vec<StepGuide>,
}

/// A user prompt file that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, " line {line}")?;
        }
        write!(
            f,
            ": {}; this file was skipped and the built-in prompts are used",
            self.message
        )
    }
}

/// The embedded step files, in journey order.
const BUILTIN_FILES: [(&str, &str); 8] = [
    (
        "prompts/responsibility.toml",
        include_str!("../../prompts/responsibility.toml"),
    ),
    (
        "prompts/communication.toml",
        include_str!("../../prompts/communication.toml"),
    ),
    (
        "prompts/healing.toml",
        include_str!("../../prompts/healing.toml"),
    ),
    (
        "prompts/consistency.toml",
        include_str!("../../prompts/consistency.toml"),
    ),
    (
        "prompts/forgiveness.toml",
        include_str!("../../prompts/forgiveness.toml"),
    ),
    (
        "prompts/intimacy.toml",
        include_str!("../../prompts/intimacy.toml"),
    ),
    (
        "prompts/reassess.toml",
        include_str!("../../prompts/reassess.toml"),
    ),
    (
        "prompts/renewal.toml",
        include_str!("../../prompts/renewal.toml"),
    ),
];

static BUILTIN: LazyLock<Journey> = LazyLock::new(|| match parse_builtin() {
    Ok(journey) => journey,
    // The files are part of the program and a unit test parses every one of them, so this
    // is a build mistake, never something a user or the disk can cause.
    Err(warning) => panic!("a built-in prompt file is broken: {warning}"),
});

/// The built-in title of a step ("Take responsibility").
pub fn title(step: Step) -> &'static str {
    &BUILTIN.step(step).title
}

/// The built-in two-sentence summary of a step.
pub fn summary(step: Step) -> &'static str {
    &BUILTIN.step(step).summary
}

/// The position in a list of `count` items for `date`: consecutive dates walk the list in
/// order and wrap around, so any `count` consecutive days visit every item exactly once.
pub fn rotation_index(date: NaiveDate, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    let days = (date - NaiveDate::default()).num_days();
    // `count` is a handful of prompts, so both conversions are exact.
    days.rem_euclid(count as i64) as usize
}

/// The item of the day.
pub fn pick<T: Copy>(items: &[T], date: NaiveDate) -> Option<T> {
    items.get(rotation_index(date, items.len())).copied()
}

impl Journey {
    /// The built-in journey alone.
    pub fn builtin() -> Journey {
        BUILTIN.clone()
    }

    /// The built-in journey with the files in the user's prompt directory (`dir`, which the
    /// context resolved; `None` without a home directory) merged in.
    pub fn load(dir: Option<&Path>) -> (Journey, Vec<Warning>) {
        match dir {
            Some(dir) => Journey::with_user_dir(dir),
            None => (Journey::builtin(), Vec::new()),
        }
    }

    /// The built-in journey with every `*.toml` in `dir` merged in, in file-name order. A
    /// missing directory is normal: most people never write their own prompts.
    pub fn with_user_dir(dir: &Path) -> (Journey, Vec<Warning>) {
        let mut journey = Journey::builtin();
        let mut warnings = Vec::new();
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (journey, warnings),
            Err(e) => {
                warnings.push(Warning {
                    path: dir.to_path_buf(),
                    line: None,
                    message: format!("cannot read this folder ({e})"),
                });
                return (journey, warnings);
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|ext| ext == "toml") && !p.is_dir())
            .collect();
        files.sort();
        for path in files {
            let text = match fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) => {
                    warnings.push(Warning {
                        path,
                        line: None,
                        message: format!("cannot read it ({e})"),
                    });
                    continue;
                }
            };
            match parse_file(&text, false) {
                Ok(file) => journey.merge(file),
                Err((span, message)) => warnings.push(Warning {
                    line: span.map(|s| line_of(&text, s.start)),
                    path,
                    message,
                }),
            }
        }
        (journey, warnings)
    }

    pub fn step(&self, step: Step) -> &StepGuide {
        // `steps` always holds the eight steps in journey order.
        &self.steps[step.number() - 1]
    }

    pub fn steps(&self) -> &[StepGuide] {
        &self.steps
    }

    /// The prompt of the day for a partner in `role`. If the partner's own files left no
    /// prompt for their role in a step, any prompt of the step will do.
    pub fn prompt_for(&self, step: Step, role: Role, date: NaiveDate) -> Option<&Prompt> {
        let guide = self.step(step);
        let mine = guide.prompts_for(role);
        if mine.is_empty() {
            let all: Vec<&Prompt> = guide.prompts.iter().collect();
            return pick(&all, date);
        }
        pick(&mine, date)
    }

    /// A prompt by id, wherever it lives.
    pub fn find_prompt(&self, id: &str) -> Option<&Prompt> {
        self.steps
            .iter()
            .flat_map(|s| s.prompts.iter())
            .find(|p| p.id == id)
    }

    fn merge(&mut self, file: ParsedFile) {
        let target = file.step.number() - 1;
        if let Some(title) = file.title {
            self.steps[target].title = title;
        }
        if let Some(summary) = file.summary {
            self.steps[target].summary = summary;
        }
        for practice in file.practices {
            if !self.steps[target].practices.contains(&practice) {
                self.steps[target].practices.push(practice);
            }
        }
        for prompt in file.prompts {
            let mut replaced = false;
            for (index, guide) in self.steps.iter_mut().enumerate() {
                if let Some(pos) = guide.prompts.iter().position(|p| p.id == prompt.id) {
                    if index == target {
                        guide.prompts[pos] = prompt.clone();
                        replaced = true;
                    } else {
                        guide.prompts.remove(pos);
                    }
                }
            }
            if !replaced {
                self.steps[target].prompts.push(prompt);
            }
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    id: Spanned<String>,
    title: Option<Spanned<String>>,
    summary: Option<Spanned<String>>,
    #[serde(default)]
    practices: Vec<Spanned<String>>,
    #[serde(default)]
    prompts: Vec<RawPrompt>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrompt {
    id: Spanned<String>,
    audience: Audience,
    text: Spanned<String>,
}

/// A checked step file.
#[derive(Debug)]
struct ParsedFile {
    step: Step,
    title: Option<String>,
    summary: Option<String>,
    practices: Vec<String>,
    prompts: Vec<Prompt>,
}

type FileError = (Option<Range<usize>>, String);

fn non_empty(field: &str, value: &Spanned<String>) -> Result<String, FileError> {
    let text = value.get_ref().trim();
    if text.is_empty() {
        return Err((Some(value.span()), format!("{field} is empty")));
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err((
            Some(value.span()),
            format!("{field} contains control characters"),
        ));
    }
    Ok(text.to_string())
}

/// Parses and checks one step file. Built-in files must also have a title and summary.
fn parse_file(text: &str, builtin: bool) -> Result<ParsedFile, FileError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| (e.span(), e.message().to_string()))?;
    let step: Step = raw
        .id
        .get_ref()
        .parse()
        .map_err(|e: String| (Some(raw.id.span()), e))?;
    let title = raw
        .title
        .as_ref()
        .map(|t| non_empty("title", t))
        .transpose()?;
    let summary = raw
        .summary
        .as_ref()
        .map(|s| non_empty("summary", s))
        .transpose()?;
    if builtin && (title.is_none() || summary.is_none()) {
        return Err((None, "a built-in step needs a title and a summary".into()));
    }
    let practices = raw
        .practices
        .iter()
        .map(|p| non_empty("a practice", p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut prompts: Vec<Prompt> = Vec::new();
    for raw_prompt in &raw.prompts {
        let id = non_empty("a prompt id", &raw_prompt.id)?;
        if id.chars().any(char::is_whitespace) {
            return Err((
                Some(raw_prompt.id.span()),
                format!(
                    "the prompt id \"{id}\" contains spaces; use letters, digits, dots and dashes"
                ),
            ));
        }
        if prompts.iter().any(|p| p.id == id) {
            return Err((
                Some(raw_prompt.id.span()),
                format!("the prompt id \"{id}\" is used twice in this file"),
            ));
        }
        let text = non_empty("a prompt's text", &raw_prompt.text)?;
        prompts.push(Prompt {
            id,
            audience: raw_prompt.audience,
            text,
        });
    }
    Ok(ParsedFile {
        step,
        title,
        summary,
        practices,
        prompts,
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn parse_builtin() -> Result<Journey, Warning> {
    let mut steps = Vec::with_capacity(Step::ALL.len());
    for (expected, (name, text)) in Step::ALL.iter().zip(BUILTIN_FILES) {
        let warning = |line: Option<usize>, message: String| Warning {
            path: PathBuf::from(name),
            line,
            message,
        };
        let file = parse_file(text, true)
            .map_err(|(span, message)| warning(span.map(|s| line_of(text, s.start)), message))?;
        if file.step != *expected {
            return Err(warning(None, format!("expected the step {expected}")));
        }
        steps.push(StepGuide {
            step: file.step,
            title: file.title.unwrap_or_default(),
            summary: file.summary.unwrap_or_default(),
            practices: file.practices,
            prompts: file.prompts,
        });
    }
    Ok(Journey { steps })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Prompts worded for one side only are marked for that side.
    #[test]
    fn one_sided_wording_has_a_one_sided_audience() {
        let journey = parse_builtin().unwrap_or_else(|w| panic!("{w}"));
        let own_time = journey
            .step(Step::Healing)
            .prompts
            .iter()
            .find(|p| p.id == "healing.own-time")
            .expect("healing.own-time is built in");
        assert_eq!(own_time.audience, Audience::Healing);
        assert!(!own_time.audience.applies_to(Role::Repairing));
    }

    #[test]
    fn every_embedded_file_parses_with_the_counts_the_design_asks_for() {
        let journey = parse_builtin().unwrap_or_else(|w| panic!("{w}"));
        assert_eq!(journey.steps().len(), 8);
        let mut ids = HashSet::new();
        for guide in journey.steps() {
            let step = guide.step.id();
            assert!(!guide.title.is_empty(), "{step}");
            assert!(guide.prompts.len() >= 6, "{step}: at least 6 prompts");
            assert!(guide.practices.len() >= 3, "{step}: at least 3 practices");
            for role in Role::ALL {
                assert!(
                    guide.prompts_for(role).len() >= 3,
                    "{step}: at least 3 prompts for {role}"
                );
            }
            let sentences = guide.summary.matches(['.', '!', '?']).count();
            assert_eq!(sentences, 2, "{step}: the summary is two sentences");
            for prompt in &guide.prompts {
                assert!(
                    prompt.id.starts_with(&format!("{step}.")),
                    "{}: ids start with the step",
                    prompt.id
                );
                assert!(ids.insert(prompt.id.clone()), "{} is used twice", prompt.id);
                assert_eq!(
                    prompt.text.matches('?').count(),
                    1,
                    "{}: one question per prompt",
                    prompt.id
                );
                assert!(prompt.text.ends_with('?'), "{}", prompt.id);
                // "What ..., and how ...?" is two questions wearing one question mark.
                for joined in [
                    ", and what",
                    ", and how",
                    ", and did",
                    ", and are",
                    ", and is",
                ] {
                    assert!(
                        !prompt.text.contains(joined),
                        "{}: one question per prompt",
                        prompt.id
                    );
                }
                let lower = prompt.text.to_lowercase();
                assert!(
                    lower.contains("you") || lower.contains("your"),
                    "{}: prompts speak to the partner",
                    prompt.id
                );
            }
        }
    }

    #[test]
    fn no_guidance_suggests_checking_up_on_a_partner() {
        let forbidden = [
            "phone",
            "password",
            "passcode",
            "location",
            "gps",
            "account",
            "inbox",
            "messages",
            "spy",
            "snoop",
            "track",
            "monitor",
            "check up on",
            "go through their",
            "look through",
            "demand",
        ];
        for (name, text) in BUILTIN_FILES {
            let lower = text.to_lowercase();
            for word in forbidden {
                assert!(!lower.contains(word), "{name} mentions \"{word}\"");
            }
        }
    }

    #[test]
    fn the_reassess_step_carries_the_safety_note_and_no_other_does() {
        let journey = Journey::builtin();
        for guide in journey.steps() {
            assert_eq!(
                guide.note().is_some(),
                guide.step == Step::Reassess,
                "{}",
                guide.step
            );
        }
        assert!(
            journey
                .step(Step::Reassess)
                .note()
                .is_some_and(|n| n.contains("helpline"))
        );
    }

    #[test]
    fn titles_are_public_for_other_commands() {
        assert_eq!(title(Step::Responsibility), "Take responsibility");
        assert_eq!(title(Step::Reassess), "Decide whether to stay");
        assert!(summary(Step::Renewal).ends_with('.'));
    }

    #[test]
    fn audiences_apply_to_roles() {
        assert!(Audience::Repairing.applies_to(Role::Repairing));
        assert!(!Audience::Repairing.applies_to(Role::Healing));
        assert!(!Audience::Healing.applies_to(Role::Repairing));
        assert!(Audience::Both.applies_to(Role::Healing));
        assert!(Audience::Healing.applies_to(Role::Mutual));
        assert!(Audience::Repairing.applies_to(Role::Mutual));
    }

    #[test]
    fn rotation_is_stable_within_a_day_and_walks_the_list() {
        // 1970-01-01 is day 0; 2026-11-21 is day 20_778 (= 2_968 × 7 + 2).
        assert_eq!(rotation_index(d(1970, 1, 1), 5), 0);
        assert_eq!(rotation_index(d(1970, 1, 7), 5), 1);
        assert_eq!(rotation_index(d(2026, 11, 21), 7), 2);
        assert_eq!(rotation_index(d(2026, 11, 22), 7), 3);
        assert_eq!(rotation_index(d(2026, 11, 27), 7), 1);
        assert_eq!(rotation_index(d(2026, 11, 21), 0), 0);
        let items = ["a", "b", "c"];
        assert_eq!(pick(&items, d(2026, 11, 21)), pick(&items, d(2026, 11, 21)));
        assert_eq!(pick::<&str>(&[], d(2026, 11, 21)), None);
    }

    #[test]
    fn a_full_cycle_shows_every_prompt_of_the_step_exactly_once_per_role() {
        let journey = Journey::builtin();
        for guide in journey.steps() {
            for role in Role::ALL {
                let mine = guide.prompts_for(role);
                let start = d(2026, 11, 17);
                let shown: Vec<&str> = (0..mine.len() as u64)
                    .map(|i| {
                        let day = start + chrono::Days::new(i);
                        journey
                            .prompt_for(guide.step, role, day)
                            .unwrap()
                            .id
                            .as_str()
                    })
                    .collect();
                let distinct: HashSet<&str> = shown.iter().copied().collect();
                assert_eq!(distinct.len(), mine.len(), "{} {role}", guide.step);
                assert!(
                    shown.iter().all(|id| mine
                        .iter()
                        .any(|p| p.id == *id && p.audience.applies_to(role))),
                    "only prompts for the role"
                );
                // The next day starts the cycle again with the first day's prompt.
                let next = start + chrono::Days::new(mine.len() as u64);
                assert_eq!(
                    journey.prompt_for(guide.step, role, next).unwrap().id,
                    shown[0]
                );
            }
        }
    }

    fn user_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn user_files_add_and_replace_prompts_by_id() {
        let dir = user_dir(&[(
            "mine.toml",
            r#"
id = "responsibility"

[[prompts]]
id = "responsibility.own-it"
audience = "repairing"
text = "In your own words, what are you owning today?"

[[prompts]]
id = "ours.walk"
audience = "both"
text = "Where would you like to walk together this week?"
"#,
        )]);
        let (journey, warnings) = Journey::with_user_dir(dir.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        let builtin = Journey::builtin();
        let guide = journey.step(Step::Responsibility);
        assert_eq!(
            guide.prompts.len(),
            builtin.step(Step::Responsibility).prompts.len() + 1
        );
        assert_eq!(
            guide.prompts[0].text, "In your own words, what are you owning today?",
            "replaced in place"
        );
        assert_eq!(guide.prompts.last().unwrap().id, "ours.walk");
        assert_eq!(guide.title, "Take responsibility", "title kept");
    }

    #[test]
    fn a_prompt_moved_to_another_step_leaves_its_old_one() {
        let dir = user_dir(&[(
            "move.toml",
            "id = \"renewal\"\n[[prompts]]\nid = \"responsibility.pace\"\naudience = \"both\"\ntext = \"What pace suits you now?\"\n",
        )]);
        let (journey, warnings) = Journey::with_user_dir(dir.path());
        assert!(warnings.is_empty());
        assert!(
            journey
                .step(Step::Responsibility)
                .prompts
                .iter()
                .all(|p| p.id != "responsibility.pace")
        );
        assert_eq!(
            journey.find_prompt("responsibility.pace").unwrap().text,
            "What pace suits you now?"
        );
    }

    #[test]
    fn malformed_user_files_are_reported_with_their_line_and_skipped() {
        let dir = user_dir(&[
            ("a-broken.toml", "id = \"healing\"\n\n[[prompts]\nid = 3\n"),
            (
                "b-audience.toml",
                "id = \"healing\"\n[[prompts]]\nid = \"x.y\"\naudience = \"everyone\"\ntext = \"Why?\"\n",
            ),
            ("c-step.toml", "# mine\nid = \"trust\"\n"),
            (
                "d-typo.toml",
                "id = \"healing\"\n[[prompts]]\nid = \"x.z\"\naudince = \"both\"\ntext = \"Why?\"\n",
            ),
            (
                "e-good.toml",
                "id = \"healing\"\n[[prompts]]\nid = \"mine.ok\"\naudience = \"both\"\ntext = \"What helped?\"\n",
            ),
            ("notes.txt", "not a prompt file"),
        ]);
        let (journey, warnings) = Journey::with_user_dir(dir.path());
        let lines: Vec<(String, Option<usize>)> = warnings
            .iter()
            .map(|w| {
                (
                    w.path.file_name().unwrap().to_string_lossy().into_owned(),
                    w.line,
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                ("a-broken.toml".to_string(), Some(3)),
                ("b-audience.toml".to_string(), Some(4)),
                ("c-step.toml".to_string(), Some(2)),
                ("d-typo.toml".to_string(), Some(4)),
            ]
        );
        assert!(warnings[2].message.contains("\"trust\" is not a step"));
        assert!(
            warnings[0]
                .to_string()
                .contains("the built-in prompts are used")
        );
        // The good file still applies and the built-in prompts are all there.
        let healing = journey.step(Step::Healing);
        assert_eq!(
            healing.prompts.len(),
            Journey::builtin().step(Step::Healing).prompts.len() + 1
        );
    }

    #[test]
    fn a_missing_user_folder_is_not_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let (journey, warnings) = Journey::with_user_dir(&dir.path().join("nope"));
        assert!(warnings.is_empty());
        assert_eq!(journey, Journey::builtin());
    }
}
