//! The eight-step journey: each step's title, summary, prompts and practices, the pool of
//! prompts for any step, and the daily choice of prompt.
//!
//! The words live in `prompts/<step>.toml`, `prompts/anytime.toml` (the pool) and
//! `prompts/retired.toml` (prompts no longer asked, kept so an older check-in still shows the
//! question it answered), embedded at build time so the program never depends on files being
//! present. A partner's own files in `$XDG_CONFIG_HOME/rekindle/prompts/*.toml` (same format)
//! add prompts or replace built-in ones with the same id; a file that cannot be read is skipped
//! with a warning naming its path and line, and everything else keeps working.
//!
//! Every prompt and practice has an audience: `repairing` (the partner who broke trust),
//! `healing` (the partner who was hurt) or `both`. Practices are written as
//! `[[practices]]` tables with an `audience` and a `text`; a partner's own file may still give
//! them as plain strings (`practices = ["..."]`), which count as `both`.
//!
//! # The prompt of the day
//!
//! The choice needs no stored state: it is a function of the date, the partner's role and the
//! step, so it is the same all day, and two partners with the same role (a mutual repair) see
//! the same prompt on the same day.
//!
//! - Days are numbered from 1970-01-01. One day in three (day number ≡ 2 mod 3) is a *pool
//!   day*, whose prompt comes from the anytime pool; the other two days in three take the
//!   focus step's own prompts, which stay the main thread.
//! - The step's prompts for the role are walked in cycles: each cycle shows every one of them
//!   once, in an order shuffled afresh for that cycle from a seed made of the step, the role and
//!   the cycle number. The pool works the same way with its own cycles, seeded by the role
//!   alone, so changing the focus never brings a pool prompt back early.
//! - Where one cycle meets the next, a prompt from the end of the old cycle is moved later in
//!   the new one when it would otherwise come back too soon: at least [`STEP_SPACING`] of the
//!   step's days apart, or [`POOL_SPACING`] pool days apart. Two step days in every three means
//!   14 consecutive days hold at most 10 step days, and at most 5 pool days, so no prompt comes
//!   back within two weeks. This needs at least `2 × spacing − 1` prompts in the list (19 for a
//!   step, 9 for the pool); a shorter list (a partner's own files can make one) still shows
//!   every prompt once per cycle, with the widest spacing its length allows.
//! - A partner whose role is not chosen yet (`unset`) sees only the prompts for either
//!   partner, fewer than a role of their own; so every other day (odd day numbers) is a pool
//!   day for them instead, and both lists keep their prompts [`UNSET_SPACING`] days of their
//!   kind apart: 8 days of one kind in alternation are 16 calendar days, which needs 15 prompts
//!   for either partner in every step and in the pool.
//! - The adjustment only reorders the first `length − spacing + 1` places of a cycle, so the
//!   end of every cycle is its plain shuffle, and a cycle's order depends on its own shuffle
//!   and the previous one alone.
//! - When the role has no prompts in the step (only possible with a partner's own files), any
//!   prompt of the step will do; when the pool or the step has nothing for the role at all,
//!   the other one is used every day.

use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::domain::files::{self, NotRead};
use crate::domain::model::{Role, Step};

/// The largest prompt file read: the built-in prompts of all eight steps take 55 KiB.
const MAX_PROMPT_FILE: u64 = 1024 * 1024;

/// Who a prompt or a practice is written for.
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
                | (Audience::Repairing | Audience::Healing, Role::Mutual)
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

/// A small concrete thing to try during a step, and who it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Practice {
    pub audience: Audience,
    pub text: String,
}

/// Everything rekindle says about one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepGuide {
    pub step: Step,
    pub title: String,
    pub summary: String,
    pub practices: Vec<Practice>,
    /// In the order written; the daily choice shuffles them (see the module documentation).
    pub prompts: Vec<Prompt>,
}

impl StepGuide {
    /// The prompts a partner in `role` is asked, in the order written.
    pub fn prompts_for(&self, role: Role) -> Vec<&Prompt> {
        self.prompts
            .iter()
            .filter(|p| p.audience.applies_to(role))
            .collect()
    }

    /// The practices written for a partner in `role`, in the order written.
    pub fn practices_for(&self, role: Role) -> Vec<&Practice> {
        self.practices
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
    /// Prompts for any step, asked one day in three.
    pool: Vec<Prompt>,
    /// Prompts never asked any more, still known by id for older check-ins.
    retired: Vec<Prompt>,
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

/// The embedded files: the eight steps in journey order, then the pool, then the retired
/// prompts.
const BUILTIN_FILES: [(&str, &str); 10] = [
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
    (
        "prompts/anytime.toml",
        include_str!("../../prompts/anytime.toml"),
    ),
    (
        "prompts/retired.toml",
        include_str!("../../prompts/retired.toml"),
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

/// Whether the daily appreciation question is held back: for the partner who was hurt, in the
/// first three steps, being asked every day to appreciate the partner who broke trust can feel
/// like being hurried. It stays available (`checkin --appreciation`), and `together` words it
/// as optional.
pub fn appreciation_held_back(role: Role, step: Step) -> bool {
    role == Role::Healing && step.number() <= 3
}

/// Whether a move of the focus to `step` by a partner in `role` waits for the other partner's
/// agreement: forgiveness, intimacy and renewal are steps the partner who was hurt comes to in
/// their own time, so a move there by anyone else (repairing, mutual, or a role not chosen
/// yet) is a proposal until the other agrees.
pub fn move_needs_agreement(step: Step, role: Role) -> bool {
    matches!(step, Step::Forgiveness | Step::Intimacy | Step::Renewal) && role != Role::Healing
}

/// The built-in two-sentence summary of a step.
pub fn summary(step: Step) -> &'static str {
    &BUILTIN.step(step).summary
}

/// How many of a step's own days apart the same step prompt comes back at the soonest. Step
/// days are two in every three, so two step days 10 apart are at least 15 calendar days
/// apart, while two that are 9 apart can be only 13.
pub const STEP_SPACING: usize = 10;

/// How many pool days apart the same pool prompt comes back at the soonest: pool days are
/// every third day, so 5 of them apart is 15 days.
pub const POOL_SPACING: usize = 5;

/// For a partner whose role is not chosen yet, step and pool days alternate, and a prompt
/// comes back no sooner than this many days of its kind (16 calendar days).
pub const UNSET_SPACING: usize = 8;

/// Where a day's prompt comes from: the focus step's own prompts or the pool, and how many
/// days of that kind came before it since 1970-01-01 (negative before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Step(i64),
    Pool(i64),
}

fn day_number(date: NaiveDate) -> i64 {
    (date - NaiveDate::default()).num_days()
}

/// Day numbers ≡ 2 (mod 3) are pool days; the other two in each three are step days.
fn slot(day: i64) -> Slot {
    let (three, rest) = (day.div_euclid(3), day.rem_euclid(3));
    if rest == 2 {
        Slot::Pool(three)
    } else {
        Slot::Step(2 * three + rest)
    }
}

/// For a partner whose role is not chosen yet: even day numbers are step days, odd ones pool
/// days.
fn alternate(day: i64) -> Slot {
    let (two, rest) = (day.div_euclid(2), day.rem_euclid(2));
    if rest == 1 {
        Slot::Pool(two)
    } else {
        Slot::Step(two)
    }
}

/// One step of SplitMix64: a small, well-mixed generator that is the same on every platform
/// and every Rust version (the standard library's hasher promises neither).
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The seed of one cycle of one list: FNV-1a of the list's key, mixed with the cycle number.
fn seed(key: &str, cycle: i64) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01B3);
    }
    // The cycle's bits as they are: a negative cycle (before 1970) is as good a seed.
    let mut state = hash ^ cycle as u64;
    splitmix(&mut state)
}

/// `0..count` in the order a Fisher–Yates shuffle driven by `seed` leaves them.
fn shuffled(count: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    let mut state = seed;
    for i in (1..count).rev() {
        // The remainder is at most `i`, so it fits a usize.
        let j = (splitmix(&mut state) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// The order of one cycle of a list of `count` items: its own shuffle, with the items that
/// ended the previous cycle's shuffle moved far enough from the start that none comes back
/// fewer than `spacing` places after it was last shown (see the module documentation).
fn cycle_order(count: usize, spacing: usize, key: &str, cycle: i64) -> Vec<usize> {
    let mut order = shuffled(count, seed(key, cycle));
    // A list of `count` can keep repeats `count.div_ceil(2)` places apart at most this way.
    let spacing = spacing.min(count.div_ceil(2));
    if spacing <= 1 {
        return order;
    }
    let previous = shuffled(count, seed(key, cycle - 1));
    // The first place each item may take: an item `from_end` places from the end of the
    // previous cycle is `from_end + place` places away at `place`.
    let mut earliest = vec![0; count];
    for (place, &item) in previous.iter().enumerate() {
        let from_end = count - place;
        if from_end < spacing {
            earliest[item] = spacing - from_end;
        }
    }
    // Fill the first `head` places from left to right, each with the first item of the
    // shuffle that may stand there; the rest of the cycle stays as shuffled. Every earliest
    // place is below `spacing`, which is at most `head`, and at most `spacing - k` items must
    // wait for place `k` or later while `head - k` places remain from it, so some waiting item
    // always fits and the fallback to the first one is never taken.
    let head = count - spacing + 1;
    let mut waiting: Vec<usize> = order[..head].to_vec();
    for (place, slot) in order[..head].iter_mut().enumerate() {
        let next = waiting
            .iter()
            .position(|&item| earliest[item] <= place)
            .unwrap_or(0);
        *slot = waiting.remove(next);
    }
    order
}

/// The item shown on the `index`-th day of a list's own days: which cycle that day falls in,
/// and its place in that cycle's order. `count` must not be zero.
fn nth_in_cycles(count: usize, spacing: usize, key: &str, index: i64) -> usize {
    // A prompt list is never near `i64::MAX` long.
    let length = count as i64;
    let cycle = index.div_euclid(length);
    let place = index.rem_euclid(length) as usize;
    cycle_order(count, spacing, key, cycle)[place]
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
    /// missing directory is normal: most people never write their own prompts. Only regular
    /// files of at most 1 MiB are read; anything else is skipped with a warning.
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
            // A regular file of at most 1 MiB: a named pipe would hang every command, and
            // /dev/zero or a huge file would fill memory.
            let read = files::read_regular(&path, MAX_PROMPT_FILE).and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| {
                    NotRead::Io(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        "stream did not contain valid UTF-8",
                    ))
                })
            });
            let text = match read {
                Ok(text) => text,
                Err(e @ NotRead::Io(_)) => {
                    warnings.push(Warning {
                        path,
                        line: None,
                        message: format!("cannot read it ({e})"),
                    });
                    continue;
                }
                Err(e) => {
                    warnings.push(Warning {
                        path,
                        line: None,
                        message: e.to_string(),
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

    /// The prompts for any step, in the order written.
    pub fn pool(&self) -> &[Prompt] {
        &self.pool
    }

    /// The prompt of the day for a partner in `role` whose focus is `step` (see the module
    /// documentation for the rule). `None` only when neither the step nor the pool has a
    /// prompt at all.
    pub fn prompt_for(&self, step: Step, role: Role, date: NaiveDate) -> Option<&Prompt> {
        let guide = self.step(step);
        let (own, own_key) = match guide.prompts_for(role) {
            mine if mine.is_empty() => (guide.prompts.iter().collect(), "any"),
            mine => (mine, role.as_str()),
        };
        let pool: Vec<&Prompt> = self
            .pool
            .iter()
            .filter(|p| p.audience.applies_to(role))
            .collect();
        let day = day_number(date);
        let unset = role == Role::Unset;
        let slot = match (own.is_empty(), pool.is_empty()) {
            (true, true) => return None,
            (false, true) => Slot::Step(day),
            (true, false) => Slot::Pool(day),
            (false, false) if unset => alternate(day),
            (false, false) => slot(day),
        };
        let (step_spacing, pool_spacing) = if unset {
            (UNSET_SPACING, UNSET_SPACING)
        } else {
            (STEP_SPACING, POOL_SPACING)
        };
        Some(match slot {
            Slot::Step(index) => {
                let key = format!("{}/{own_key}", step.id());
                own[nth_in_cycles(own.len(), step_spacing, &key, index)]
            }
            Slot::Pool(index) => {
                let key = format!("anytime/{}", role.as_str());
                pool[nth_in_cycles(pool.len(), pool_spacing, &key, index)]
            }
        })
    }

    /// A prompt by id, wherever it lives: a step, the pool, or the prompts no longer asked
    /// (so an older check-in still shows the question it answered).
    pub fn find_prompt(&self, id: &str) -> Option<&Prompt> {
        self.steps
            .iter()
            .flat_map(|s| s.prompts.iter())
            .chain(&self.pool)
            .chain(&self.retired)
            .find(|p| p.id == id)
    }

    /// Every list of prompts with the part of the journey it belongs to.
    fn prompt_lists_mut(&mut self) -> impl Iterator<Item = (Part, &mut Vec<Prompt>)> {
        self.steps
            .iter_mut()
            .map(|guide| (Part::Step(guide.step), &mut guide.prompts))
            .chain([
                (Part::Anytime, &mut self.pool),
                (Part::Retired, &mut self.retired),
            ])
    }

    fn merge(&mut self, file: ParsedFile) {
        if let Part::Step(step) = file.part {
            let target = &mut self.steps[step.number() - 1];
            if let Some(title) = file.title {
                target.title = title;
            }
            if let Some(summary) = file.summary {
                target.summary = summary;
            }
            for practice in file.practices {
                if !target.practices.iter().any(|p| p.text == practice.text) {
                    target.practices.push(practice);
                }
            }
        }
        for prompt in file.prompts {
            let mut replaced = false;
            for (part, list) in self.prompt_lists_mut() {
                if let Some(pos) = list.iter().position(|p| p.id == prompt.id) {
                    if part == file.part {
                        list[pos] = prompt.clone();
                        replaced = true;
                    } else {
                        list.remove(pos);
                    }
                }
            }
            if !replaced {
                let target = self
                    .prompt_lists_mut()
                    .find(|(part, _)| *part == file.part)
                    .map(|(_, list)| list);
                if let Some(list) = target {
                    list.push(prompt);
                }
            }
        }
    }
}

/// What a prompt file is about: one step, the pool for any step, or prompts no longer asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Step(Step),
    Anytime,
    Retired,
}

impl Part {
    fn parse(id: &str) -> Result<Part, String> {
        match id.trim().to_lowercase().as_str() {
            "anytime" => Ok(Part::Anytime),
            "retired" => Ok(Part::Retired),
            _ => id
                .parse()
                .map(Part::Step)
                .map_err(|e: String| format!("{e}; a file may also be \"anytime\" or \"retired\"")),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    id: Spanned<String>,
    title: Option<Spanned<String>>,
    summary: Option<Spanned<String>>,
    /// Tables with an audience and a text, or (in a partner's own file) plain strings.
    practices: Option<Spanned<Vec<Spanned<toml::Value>>>>,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPractice {
    audience: Audience,
    text: String,
}

/// A checked prompt file.
#[derive(Debug)]
struct ParsedFile {
    part: Part,
    title: Option<String>,
    summary: Option<String>,
    practices: Vec<Practice>,
    prompts: Vec<Prompt>,
}

type FileError = (Option<Range<usize>>, String);

fn checked_text(field: &str, text: &str, span: Range<usize>) -> Result<String, FileError> {
    let text = text.trim();
    if text.is_empty() {
        return Err((Some(span), format!("{field} is empty")));
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err((Some(span), format!("{field} contains control characters")));
    }
    Ok(text.to_string())
}

fn non_empty(field: &str, value: &Spanned<String>) -> Result<String, FileError> {
    checked_text(field, value.get_ref(), value.span())
}

/// One practice: a table with its audience, or a plain string (for everyone) where allowed.
fn parse_practice(value: &Spanned<toml::Value>, builtin: bool) -> Result<Practice, FileError> {
    let span = value.span();
    match value.get_ref() {
        toml::Value::String(text) if !builtin => Ok(Practice {
            audience: Audience::Both,
            text: checked_text("a practice", text, span)?,
        }),
        toml::Value::String(_) => Err((
            Some(span),
            "a built-in practice needs an audience: write it as [[practices]] with audience and text"
                .into(),
        )),
        toml::Value::Table(table) => {
            let raw: RawPractice = table
                .clone()
                .try_into()
                .map_err(|e: toml::de::Error| (Some(span.clone()), format!("a practice: {}", e.message())))?;
            Ok(Practice {
                audience: raw.audience,
                text: checked_text("a practice", &raw.text, span)?,
            })
        }
        other => Err((
            Some(span),
            format!(
                "a practice is a table with audience and text, not a {}",
                other.type_str()
            ),
        )),
    }
}

/// Parses and checks one prompt file. Built-in step files must also have a title and summary,
/// and every built-in practice an audience.
fn parse_file(text: &str, builtin: bool) -> Result<ParsedFile, FileError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| (e.span(), e.message().to_string()))?;
    let part = Part::parse(raw.id.get_ref()).map_err(|e| (Some(raw.id.span()), e))?;
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
    let practices = match &raw.practices {
        Some(list) => list
            .get_ref()
            .iter()
            .map(|p| parse_practice(p, builtin))
            .collect::<Result<Vec<_>, _>>()?,
        None => Vec::new(),
    };
    if !matches!(part, Part::Step(_)) {
        let extra = [
            raw.title.as_ref().map(|t| t.span()),
            raw.summary.as_ref().map(|s| s.span()),
            raw.practices.as_ref().map(|p| p.span()),
        ];
        if let Some(span) = extra.into_iter().flatten().next() {
            return Err((
                Some(span),
                format!(
                    "a file with id \"{}\" holds prompts only; titles, summaries and practices belong to a step",
                    raw.id.get_ref().trim()
                ),
            ));
        }
    } else if builtin && (title.is_none() || summary.is_none()) {
        return Err((None, "a built-in step needs a title and a summary".into()));
    }
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
        part,
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
    let mut pool = None;
    let mut retired = None;
    for (name, text) in BUILTIN_FILES {
        let warning = |line: Option<usize>, message: String| Warning {
            path: PathBuf::from(name),
            line,
            message,
        };
        let file = parse_file(text, true)
            .map_err(|(span, message)| warning(span.map(|s| line_of(text, s.start)), message))?;
        match file.part {
            Part::Step(step) => {
                let expected = Step::ALL.get(steps.len());
                if expected != Some(&step) || pool.is_some() || retired.is_some() {
                    return Err(warning(
                        None,
                        format!("the step {step} is out of journey order"),
                    ));
                }
                steps.push(StepGuide {
                    step,
                    title: file.title.unwrap_or_default(),
                    summary: file.summary.unwrap_or_default(),
                    practices: file.practices,
                    prompts: file.prompts,
                });
            }
            Part::Anytime => pool = Some(file.prompts),
            Part::Retired => retired = Some(file.prompts),
        }
    }
    if steps.len() != Step::ALL.len() {
        return Err(Warning {
            path: PathBuf::from("prompts"),
            line: None,
            message: format!("{} of the 8 steps are built in", steps.len()),
        });
    }
    Ok(Journey {
        steps,
        pool: pool.unwrap_or_default(),
        retired: retired.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn builtin() -> Journey {
        parse_builtin().unwrap_or_else(|w| panic!("{w}"))
    }

    /// The date of a day number (days since 1970-01-01).
    fn date_of(day: i64) -> NaiveDate {
        NaiveDate::default() + chrono::TimeDelta::days(day)
    }

    /// Every prompt that can be asked: the steps' and the pool's.
    fn active(journey: &Journey) -> Vec<&Prompt> {
        journey
            .steps()
            .iter()
            .flat_map(|g| g.prompts.iter())
            .chain(journey.pool())
            .collect()
    }

    /// Whole words of a text, lower-cased.
    fn words(text: &str) -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphabetic() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// Prompts worded for one side only are marked for that side.
    #[test]
    fn one_sided_wording_has_a_one_sided_audience() {
        let journey = builtin();
        let own_time = journey
            .step(Step::Healing)
            .prompts
            .iter()
            .find(|p| p.id == "healing.own-time")
            .expect("healing.own-time is built in");
        assert_eq!(own_time.audience, Audience::Healing);
        assert!(!own_time.audience.applies_to(Role::Repairing));
        // Asking the hurt partner to forgive themselves, or to promise something, implied a
        // fault that was never theirs: these are for the partner repairing trust only.
        for id in [
            "forgiveness.yourself",
            "consistency.tomorrow",
            "responsibility.honest-today",
        ] {
            let prompt = journey.find_prompt(id).unwrap();
            assert_eq!(prompt.audience, Audience::Repairing, "{id}");
        }
    }

    /// One question, addressed to the partner, in every prompt that can be asked.
    fn assert_well_formed(prompt: &Prompt) {
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

    #[test]
    fn every_embedded_file_parses_with_the_counts_the_design_asks_for() {
        let journey = builtin();
        assert_eq!(journey.steps().len(), 8);
        let mut ids = HashSet::new();
        for guide in journey.steps() {
            let step = guide.step.id();
            assert!(!guide.title.is_empty(), "{step}");
            // A partner whose role is not chosen yet sees only these.
            let both = guide
                .prompts
                .iter()
                .filter(|p| p.audience == Audience::Both)
                .count();
            // At least 15 reachable by every role, which the alternating days of a partner
            // whose role is not chosen yet need for their two weeks.
            assert!(both >= 15, "{step}: {both} prompts for either partner");
            for role in Role::ALL {
                // Enough that the shuffle keeps every prompt two weeks from its last showing
                // (at least 15 were asked for; the spacing rule needs 19, or 15 for unset).
                let seen = guide.prompts_for(role).len();
                let needed = match role {
                    Role::Unset => 2 * UNSET_SPACING - 1,
                    _ => 2 * STEP_SPACING - 1,
                };
                assert!(seen >= needed, "{step}: {role} sees {seen} prompts");
                assert!(
                    !guide.practices_for(role).is_empty(),
                    "{step}: a practice for {role}"
                );
            }
            assert!(guide.practices.len() >= 3, "{step}: at least 3 practices");
            assert!(
                guide.practices.iter().any(|p| p.audience == Audience::Both),
                "{step}: a practice for either partner"
            );
            let sentences = guide.summary.matches(['.', '!', '?']).count();
            assert_eq!(sentences, 2, "{step}: the summary is two sentences");
            for prompt in &guide.prompts {
                assert!(
                    prompt.id.starts_with(&format!("{step}.")),
                    "{}: ids start with the step",
                    prompt.id
                );
                assert!(ids.insert(prompt.id.clone()), "{} is used twice", prompt.id);
                assert_well_formed(prompt);
            }
        }
        let pool = journey.pool();
        assert!(pool.len() >= 40, "{} prompts for any step", pool.len());
        let both = pool.iter().filter(|p| p.audience == Audience::Both).count();
        assert!(both >= 20, "{both} pool prompts for either partner");
        for role in Role::ALL {
            let seen = pool.iter().filter(|p| p.audience.applies_to(role)).count();
            let needed = match role {
                Role::Unset => 2 * UNSET_SPACING - 1,
                _ => 2 * POOL_SPACING - 1,
            };
            assert!(seen >= needed, "{role} sees {seen} in the pool");
        }
        for prompt in pool {
            assert!(prompt.id.starts_with("anytime."), "{}", prompt.id);
            assert!(ids.insert(prompt.id.clone()), "{} is used twice", prompt.id);
            assert_well_formed(prompt);
        }
        for prompt in &journey.retired {
            assert!(ids.insert(prompt.id.clone()), "{} is used twice", prompt.id);
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

    /// A prompt's answer is saved where the other partner can read it, and `together` asks it
    /// in front of them: questions about safety belong on the safety card instead.
    #[test]
    fn no_prompt_asks_about_safety() {
        let journey = builtin();
        let screening = [
            "safe", "afraid", "threat", "violen", "abus", "control", "trapped", "frighten",
            "scared", "hurt you", "hit you",
        ];
        for prompt in active(&journey) {
            let lower = prompt.text.to_lowercase();
            for word in screening {
                assert!(
                    !lower.contains(word),
                    "{} mentions \"{word}\": {}",
                    prompt.id,
                    prompt.text
                );
            }
        }
        // The questions taken out are still known, for the check-ins that answered them.
        for id in [
            "reassess.safe",
            "reassess.needs",
            "reassess.again",
            "reassess.protect-yourself",
        ] {
            assert!(journey.find_prompt(id).is_some(), "{id}");
            assert!(active(&journey).iter().all(|p| p.id != id), "{id}");
        }
    }

    /// A partner whose role is not chosen yet sees only the prompts for either partner, and
    /// may be the one who was hurt: none of them may presume a fault in the reader.
    #[test]
    fn prompts_for_either_partner_presume_no_fault_in_the_reader() {
        let journey = builtin();
        let presumes_fault = [
            "honest", "apolog", "sorry", "promise", "defen", "owe", "excuse", "regret", "guilt",
            "amends", "broke", "pattern", "fault", "owning", "earn",
        ];
        for prompt in active(&journey) {
            if prompt.audience != Audience::Both {
                continue;
            }
            for word in words(&prompt.text) {
                for stem in presumes_fault {
                    assert!(
                        !word.starts_with(stem),
                        "{} (for either partner) says \"{word}\": {}",
                        prompt.id,
                        prompt.text
                    );
                }
            }
            let spaced = format!(" {} ", words(&prompt.text).join(" "));
            for phrase in [
                "your part",
                "what you did",
                "your choices",
                "own it",
                "forgive yourself",
            ] {
                assert!(
                    !spaced.contains(&format!(" {phrase} ")),
                    "{}: {}",
                    prompt.id,
                    prompt.text
                );
            }
        }
    }

    /// All the words of the built-in journey that a partner is shown as guidance.
    fn guidance(journey: &Journey) -> Vec<(String, String)> {
        let mut all = Vec::new();
        for guide in journey.steps() {
            all.push((format!("{} summary", guide.step), guide.summary.clone()));
            for p in &guide.practices {
                all.push((format!("{} practice", guide.step), p.text.clone()));
            }
        }
        for p in active(journey) {
            all.push((p.id.clone(), p.text.clone()));
        }
        all
    }

    #[test]
    fn nothing_presses_for_forgiveness_and_the_step_says_it_is_never_owed() {
        let journey = builtin();
        let summary = &journey.step(Step::Forgiveness).summary;
        assert!(summary.contains("never owed"), "{summary}");
        assert!(
            summary.contains("not the same as staying together"),
            "{summary}"
        );
        let pressing = [
            "should forgive",
            "ready to forgive",
            "time to forgive",
            "forgive them",
            "forgive your partner",
            "forgive and forget",
            "let it go",
            "get over",
        ];
        for (place, text) in guidance(&journey) {
            let lower = text.to_lowercase();
            for phrase in pressing {
                assert!(!lower.contains(phrase), "{place}: {text}");
            }
        }
    }

    #[test]
    fn no_guidance_tells_anyone_to_stay_or_to_leave() {
        let journey = builtin();
        let verdicts = [
            "you should",
            "you must",
            "should stay",
            "should leave",
            "time to leave",
            "time to go",
            "time to let go",
            "walk away",
            "give up on",
            "worth saving",
        ];
        for (place, text) in guidance(&journey) {
            let lower = text.to_lowercase();
            for phrase in verdicts {
                assert!(!lower.contains(phrase), "{place}: {text}");
            }
        }
        let summary = &journey.step(Step::Reassess).summary;
        assert!(summary.contains("yours alone"), "{summary}");
    }

    /// The journal is shared: writing meant for oneself says where to write it.
    #[test]
    fn private_writing_says_where_to_write_it() {
        let journey = builtin();
        let mut private = 0;
        for guide in journey.steps() {
            for practice in &guide.practices {
                let lower = practice.text.to_lowercase();
                let for_oneself = ["private", "whether to share", "not to share", "keep it out"]
                    .iter()
                    .any(|w| lower.contains(w));
                if for_oneself {
                    private += 1;
                    assert!(
                        lower.contains("on paper"),
                        "{}: {}",
                        guide.step,
                        practice.text
                    );
                    assert!(
                        lower.contains("partner can"),
                        "{}: says who can read the journal: {}",
                        guide.step,
                        practice.text
                    );
                    // Private entries come later (issue 15); no practice names a command that
                    // does not exist yet.
                    assert!(!lower.contains("rekindle note"), "{}", practice.text);
                }
            }
        }
        // The writing practices of steps 3, 5 and 7.
        assert_eq!(private, 3);
    }

    #[test]
    fn every_built_in_practice_has_an_audience() {
        let journey = builtin();
        let mut seen = HashSet::new();
        for guide in journey.steps() {
            for practice in &guide.practices {
                seen.insert(practice.audience);
            }
        }
        assert_eq!(seen.len(), 3, "practices for each audience: {seen:?}");
        // The first step's practices for the partner who broke trust are not shown as
        // practices for the partner who was hurt.
        let first = journey.step(Step::Responsibility);
        assert!(
            first
                .practices_for(Role::Healing)
                .iter()
                .all(|p| !p.text.contains("what you did"))
        );
        assert!(
            first
                .practices_for(Role::Repairing)
                .iter()
                .any(|p| p.text.contains("what you did"))
        );
        // An untagged practice in a built-in file is a build mistake.
        let untagged =
            "id = \"healing\"\ntitle = \"t\"\nsummary = \"s.\"\npractices = [\"Rest.\"]\n";
        let (span, message) = parse_file(untagged, true).unwrap_err();
        assert!(message.contains("needs an audience"), "{message}");
        assert_eq!(span.map(|s| line_of(untagged, s.start)), Some(4));
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
    fn the_hurt_partner_is_not_asked_for_appreciation_in_the_first_three_steps() {
        for step in Step::ALL {
            let early = step.number() <= 3;
            assert_eq!(appreciation_held_back(Role::Healing, step), early, "{step}");
            for role in [Role::Repairing, Role::Mutual, Role::Unset] {
                assert!(!appreciation_held_back(role, step), "{role} {step}");
            }
        }
    }

    #[test]
    fn only_the_hurt_partner_moves_to_forgiveness_intimacy_or_renewal_alone() {
        for step in Step::ALL {
            let guarded = matches!(step, Step::Forgiveness | Step::Intimacy | Step::Renewal);
            assert!(!move_needs_agreement(step, Role::Healing), "{step}");
            for role in [Role::Repairing, Role::Mutual, Role::Unset] {
                assert_eq!(move_needs_agreement(step, role), guarded, "{role} {step}");
            }
        }
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

    /// Worked out separately (a few lines of Python following the same steps).
    const SHUFFLE_PIN: [usize; 10] = [1, 8, 0, 3, 6, 9, 4, 2, 5, 7];

    /// The shuffle is part of what a partner sees, so it is pinned: a change of platform,
    /// word size or Rust version must not change anyone's prompt of the day.
    #[test]
    fn the_shuffle_is_the_same_everywhere() {
        assert_eq!(
            shuffled(10, seed("responsibility/repairing", 0)),
            SHUFFLE_PIN
        );
        assert_eq!(slot(0), Slot::Step(0));
        assert_eq!(slot(2), Slot::Pool(0));
        assert_eq!(slot(5), Slot::Pool(1));
        assert_eq!(slot(4), Slot::Step(3));
        // 1969-12-31 is day -1, a pool day; -2 and -3 are step days -1 and -2.
        assert_eq!(slot(-1), Slot::Pool(-1));
        assert_eq!(slot(-2), Slot::Step(-1));
        assert_eq!(slot(-3), Slot::Step(-2));
        assert_ne!(seed("a", 0), seed("a", 1));
        assert_ne!(seed("a", 0), seed("b", 0));
    }

    /// The prompt depends on nothing but the step, the role and the date: two journeys built
    /// separately agree, and asking about other days in between changes nothing.
    #[test]
    fn the_prompt_is_the_same_all_day() {
        let one = Journey::builtin();
        let empty = tempfile::tempdir().unwrap();
        let (two, warnings) = Journey::with_user_dir(empty.path());
        assert!(warnings.is_empty());
        for step in Step::ALL {
            for role in Role::ALL {
                let day = d(2026, 11, 21);
                let morning = one.prompt_for(step, role, day).unwrap().id.clone();
                for other in 1..5 {
                    one.prompt_for(step, role, day + chrono::Days::new(other));
                }
                assert_eq!(one.prompt_for(step, role, day).unwrap().id, morning);
                assert_eq!(two.prompt_for(step, role, day).unwrap().id, morning);
            }
        }
    }

    #[test]
    fn no_prompt_comes_back_within_two_weeks_for_any_role_or_step() {
        let journey = Journey::builtin();
        // From mid-1969 (negative day numbers) across many cycles of every list.
        let start = day_number(d(1969, 6, 1));
        for step in Step::ALL {
            for role in Role::ALL {
                let mine: HashSet<&str> = journey
                    .step(step)
                    .prompts_for(role)
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                let mut last: HashMap<&str, i64> = HashMap::new();
                for day in start..start + 1200 {
                    let prompt = journey.prompt_for(step, role, date_of(day)).unwrap();
                    assert!(
                        prompt.audience.applies_to(role),
                        "{} is not for {role}",
                        prompt.id
                    );
                    assert!(
                        mine.contains(prompt.id.as_str()) || prompt.id.starts_with("anytime."),
                        "{} is neither the step's nor the pool's",
                        prompt.id
                    );
                    if let Some(before) = last.insert(&prompt.id, day) {
                        assert!(
                            day - before >= 14,
                            "{step} {role}: {} on {} and again on {}",
                            prompt.id,
                            date_of(before),
                            date_of(day)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn one_day_in_three_comes_from_the_pool_whatever_the_step() {
        let journey = Journey::builtin();
        let start = day_number(d(2026, 1, 1));
        for role in Role::ALL {
            let mut from_pool = 0;
            for day in start..start + 300 {
                let date = date_of(day);
                let first = journey
                    .prompt_for(Step::Responsibility, role, date)
                    .unwrap();
                let pooled = first.id.starts_with("anytime.");
                // A partner whose role is not chosen yet has a pool day every other day.
                let pool_day = match role {
                    Role::Unset => day.rem_euclid(2) == 1,
                    _ => day.rem_euclid(3) == 2,
                };
                assert_eq!(pooled, pool_day, "{role} {date}");
                if pooled {
                    from_pool += 1;
                    // The pool does not depend on the step, so a change of focus never
                    // brings a pool prompt back early.
                    for step in Step::ALL {
                        let other = journey.prompt_for(step, role, date).unwrap();
                        assert_eq!(other.id, first.id, "{step} {date}");
                    }
                }
            }
            let expected = if role == Role::Unset { 150 } else { 100 };
            assert_eq!(from_pool, expected, "{role}");
        }
    }

    #[test]
    fn every_prompt_of_a_role_is_reached_once_in_each_cycle() {
        let journey = Journey::builtin();
        for role in Role::ALL {
            for step in Step::ALL {
                let mine: Vec<&str> = journey
                    .step(step)
                    .prompts_for(role)
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect();
                let n = mine.len() as i64;
                for cycle in -2..6 {
                    // The step days of one cycle, and the calendar days they fall on.
                    let shown: Vec<&str> = (cycle * n..(cycle + 1) * n)
                        .map(|k| match role {
                            Role::Unset => 2 * k,
                            _ => 3 * k.div_euclid(2) + k.rem_euclid(2),
                        })
                        .map(|day| journey.prompt_for(step, role, date_of(day)).unwrap())
                        .map(|p| p.id.as_str())
                        .collect();
                    let distinct: HashSet<&str> = shown.iter().copied().collect();
                    assert_eq!(distinct.len(), mine.len(), "{step} {role} cycle {cycle}");
                    assert!(mine.iter().all(|id| distinct.contains(id)));
                }
            }
            let pool: Vec<&str> = journey
                .pool()
                .iter()
                .filter(|p| p.audience.applies_to(role))
                .map(|p| p.id.as_str())
                .collect();
            let m = pool.len() as i64;
            for cycle in -1..3 {
                let shown: HashSet<&str> = (cycle * m..(cycle + 1) * m)
                    .map(|j| match role {
                        Role::Unset => 2 * j + 1,
                        _ => 3 * j + 2,
                    })
                    .map(|day| {
                        journey
                            .prompt_for(Step::Intimacy, role, date_of(day))
                            .unwrap()
                    })
                    .map(|p| p.id.as_str())
                    .collect();
                assert_eq!(shown.len(), pool.len(), "pool {role} cycle {cycle}");
            }
        }
    }

    /// Lists of any length, as a partner's own files can make them: each cycle shows every
    /// item once, and an item never comes back sooner than the spacing the length allows.
    #[test]
    fn cycles_of_any_length_keep_their_spacing() {
        for spacing in [STEP_SPACING, POOL_SPACING] {
            for count in 1..=45_usize {
                let allowed = spacing.min(count.div_ceil(2)).max(1);
                let mut sequence = Vec::new();
                for cycle in -3..10 {
                    let order = cycle_order(count, spacing, "test/key", cycle);
                    let mut sorted = order.clone();
                    sorted.sort_unstable();
                    assert_eq!(sorted, (0..count).collect::<Vec<_>>(), "{count} {cycle}");
                    sequence.extend(order);
                }
                let mut last = vec![None; count];
                for (at, &item) in sequence.iter().enumerate() {
                    if let Some(before) = last[item] {
                        assert!(
                            at - before >= allowed,
                            "{count} items, spacing {spacing}: {item} after {}",
                            at - before
                        );
                    }
                    last[item] = Some(at);
                }
            }
        }
    }

    #[test]
    fn a_retired_prompt_is_still_found_but_never_asked() {
        let journey = Journey::builtin();
        assert_eq!(
            journey.find_prompt("reassess.safe").unwrap().text,
            "Do you feel safe with your partner today, in body and in mind?"
        );
        assert!(journey.find_prompt("healing.underneath").is_some());
        assert!(journey.find_prompt("mine.gone").is_none());
        // A partner can retire a built-in prompt with a file of their own.
        let dir = user_dir(&[(
            "retire.toml",
            "id = \"retired\"\n[[prompts]]\nid = \"responsibility.pace\"\naudience = \"both\"\ntext = \"At what pace would you like the two of you to talk about what happened?\"\n",
        )]);
        let (mine, warnings) = Journey::with_user_dir(dir.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(mine.find_prompt("responsibility.pace").is_some());
        let start = day_number(d(2026, 1, 1));
        for day in start..start + 120 {
            for role in Role::ALL {
                for journey in [&journey, &mine] {
                    let id = &journey
                        .prompt_for(Step::Responsibility, role, date_of(day))
                        .unwrap()
                        .id;
                    assert!(journey.retired.iter().all(|p| &p.id != id), "{id}");
                }
            }
            let id = &mine
                .prompt_for(Step::Responsibility, Role::Mutual, date_of(day))
                .unwrap()
                .id;
            assert_ne!(id, "responsibility.pace");
        }
    }

    /// With files of one's own a role can end up with no prompt in a step: any prompt of the
    /// step is asked on its days, and the pool keeps its days.
    #[test]
    fn a_role_left_without_prompts_in_a_step_is_asked_any_of_its_prompts() {
        let builtin = Journey::builtin();
        let mut file = String::from("id = \"retired\"\n");
        for prompt in builtin.step(Step::Renewal).prompts_for(Role::Healing) {
            file.push_str(&format!(
                "[[prompts]]\nid = \"{}\"\naudience = \"healing\"\ntext = \"Gone?\"\n",
                prompt.id
            ));
        }
        let dir = user_dir(&[("retire.toml", &file)]);
        let (journey, warnings) = Journey::with_user_dir(dir.path());
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(
            journey
                .step(Step::Renewal)
                .prompts_for(Role::Healing)
                .is_empty()
        );
        let start = day_number(d(2026, 1, 1));
        for day in start..start + 30 {
            let prompt = journey
                .prompt_for(Step::Renewal, Role::Healing, date_of(day))
                .unwrap();
            if day.rem_euclid(3) == 2 {
                assert!(prompt.id.starts_with("anytime."), "{}", prompt.id);
            } else {
                assert_eq!(prompt.audience, Audience::Repairing, "{}", prompt.id);
            }
        }
    }

    #[test]
    fn a_partners_own_practices_may_be_plain_or_tagged_and_the_pool_grows() {
        let dir = user_dir(&[
            (
                "a-plain.toml",
                "id = \"healing\"\npractices = [\"Take a bath on Sunday evening.\"]\n",
            ),
            (
                "b-tagged.toml",
                "id = \"healing\"\n[[practices]]\naudience = \"repairing\"\ntext = \"Cook on Tuesdays.\"\n",
            ),
            (
                "c-pool.toml",
                "id = \"anytime\"\n[[prompts]]\nid = \"ours.garden\"\naudience = \"both\"\ntext = \"What would you plant this spring?\"\n",
            ),
            (
                "d-bad-practice.toml",
                "id = \"healing\"\n\n[[practices]]\naudience = \"everyone\"\ntext = \"Rest.\"\n",
            ),
            (
                "e-pool-title.toml",
                "id = \"anytime\"\ntitle = \"Mine\"\n[[prompts]]\nid = \"ours.x\"\naudience = \"both\"\ntext = \"Why?\"\n",
            ),
            ("f-number.toml", "id = \"healing\"\npractices = [3]\n"),
        ]);
        let (journey, warnings) = Journey::with_user_dir(dir.path());
        assert_eq!(
            skipped(&warnings),
            [
                ("d-bad-practice.toml".to_string(), Some(3)),
                ("e-pool-title.toml".to_string(), Some(2)),
                ("f-number.toml".to_string(), Some(2)),
            ]
        );
        assert!(warnings[0].message.contains("everyone"), "{}", warnings[0]);
        assert!(
            warnings[1].message.contains("prompts only"),
            "{}",
            warnings[1]
        );
        let healing = journey.step(Step::Healing);
        let builtin = Journey::builtin();
        assert_eq!(
            healing.practices.len(),
            builtin.step(Step::Healing).practices.len() + 2
        );
        let plain = healing
            .practices
            .iter()
            .find(|p| p.text == "Take a bath on Sunday evening.")
            .unwrap();
        assert_eq!(plain.audience, Audience::Both);
        assert!(
            healing
                .practices_for(Role::Healing)
                .iter()
                .all(|p| p.text != "Cook on Tuesdays.")
        );
        assert_eq!(journey.pool().len(), builtin.pool().len() + 1);
        assert_eq!(
            journey.find_prompt("ours.garden").unwrap().text,
            "What would you plant this spring?"
        );
        // The new pool prompt takes its turn.
        let start = day_number(d(2026, 1, 1));
        assert!((start..start + 600).any(|day| {
            journey
                .prompt_for(Step::Healing, Role::Healing, date_of(day))
                .is_some_and(|p| p.id == "ours.garden")
        }));
    }

    /// Each skipped file's name with the line its warning names.
    fn skipped(warnings: &[Warning]) -> Vec<(String, Option<usize>)> {
        warnings
            .iter()
            .map(|w| {
                (
                    w.path.file_name().unwrap().to_string_lossy().into_owned(),
                    w.line,
                )
            })
            .collect()
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
        assert_eq!(
            skipped(&warnings),
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
