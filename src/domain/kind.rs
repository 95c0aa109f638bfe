//! The kinds of record the journal holds, named once: how `--kind` and `--json` spell each,
//! the name of its list in an export, and how sentences name it.
//!
//! A new kind of record (a note, an exercise) starts here: add a variant, and the compiler
//! lists every place that has to learn about it (its table in the store, its list in the
//! export, its line in the timeline).

use crate::text::prose;

/// Every kind of record, in the order people think of them, which is also the order an
/// export lists them and `import` writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Partner,
    Checkin,
    Feeling,
    Promise,
    Outcome,
    Apology,
    Response,
    Focus,
    Meeting,
    Exercise,
    Note,
}

impl RecordKind {
    pub const ALL: [RecordKind; 11] = [
        RecordKind::Partner,
        RecordKind::Checkin,
        RecordKind::Feeling,
        RecordKind::Promise,
        RecordKind::Outcome,
        RecordKind::Apology,
        RecordKind::Response,
        RecordKind::Focus,
        RecordKind::Meeting,
        RecordKind::Exercise,
        RecordKind::Note,
    ];

    /// The kinds the timeline lists: everything but the partners themselves.
    pub const TIMELINE: &[RecordKind] = match RecordKind::ALL.split_first() {
        Some((_partners, rest)) => rest,
        None => &[],
    };

    /// Its name as one word, as `--kind` takes it and a record's `kind` in `--json` says it.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Partner => "partner",
            RecordKind::Checkin => "checkin",
            RecordKind::Feeling => "feeling",
            RecordKind::Promise => "promise",
            RecordKind::Outcome => "outcome",
            RecordKind::Apology => "apology",
            RecordKind::Response => "response",
            RecordKind::Focus => "focus",
            RecordKind::Meeting => "meeting",
            RecordKind::Exercise => "exercise",
            RecordKind::Note => "note",
        }
    }

    /// The name of its list in an export, and its key in the `counts` of a `--json` summary.
    pub fn plural_key(self) -> &'static str {
        match self {
            RecordKind::Partner => "partners",
            RecordKind::Checkin => "checkins",
            RecordKind::Feeling => "feelings",
            RecordKind::Promise => "promises",
            RecordKind::Outcome => "outcomes",
            RecordKind::Apology => "apologies",
            RecordKind::Response => "responses",
            RecordKind::Focus => "focus",
            RecordKind::Meeting => "meetings",
            RecordKind::Exercise => "exercises",
            RecordKind::Note => "notes",
        }
    }

    /// How sentences name one and several: ("check-in", "check-ins").
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            RecordKind::Partner => ("partner", "partners"),
            RecordKind::Checkin => ("check-in", "check-ins"),
            RecordKind::Feeling => ("feeling", "feelings"),
            RecordKind::Promise => ("promise", "promises"),
            RecordKind::Outcome => ("promise outcome", "promise outcomes"),
            RecordKind::Apology => ("apology", "apologies"),
            RecordKind::Response => ("answer to an apology", "answers to apologies"),
            RecordKind::Focus => ("focus change", "focus changes"),
            RecordKind::Meeting => ("meeting", "meetings"),
            RecordKind::Exercise => ("exercise", "exercises"),
            RecordKind::Note => ("note", "notes"),
        }
    }

    /// One, with its article: "a check-in", "an apology".
    pub fn one(self) -> String {
        let one = self.label().0;
        let article = if one.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {one}")
    }

    /// "1 check-in", "3 check-ins".
    pub fn count(self, n: i64) -> String {
        let (one, many) = self.label();
        prose::count(n, one, many)
    }

    /// Its place in [`RecordKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether a record of this kind belongs to one partner (rather than to both of them,
    /// like a focus change or a meeting).
    pub fn has_owner(self) -> bool {
        !matches!(self, RecordKind::Focus | RecordKind::Meeting)
    }

    /// A kind the timeline lists, as people type it: any case, singular or plural,
    /// "check-in", "answers", "together".
    pub fn in_timeline(text: &str) -> Result<RecordKind, String> {
        let wanted = text.trim().to_lowercase();
        let wanted = match wanted.as_str() {
            "check-in" | "checkins" | "check-ins" => "checkin",
            "feelings" => "feeling",
            "promises" => "promise",
            "outcomes" => "outcome",
            "apologies" => "apology",
            "responses" | "answer" | "answers" => "response",
            "meetings" | "together" => "meeting",
            "exercises" | "incident" | "incidents" | "trigger" | "triggers" | "request"
            | "requests" => "exercise",
            "notes" => "note",
            other => other,
        };
        RecordKind::TIMELINE
            .iter()
            .copied()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                let all: Vec<&str> = RecordKind::TIMELINE.iter().map(|k| k.as_str()).collect();
                format!(
                    "\"{}\" is not a kind of record; use {}",
                    text.trim(),
                    all.join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_with_friendly_spellings() {
        assert_eq!(
            RecordKind::in_timeline("Check-ins"),
            Ok(RecordKind::Checkin)
        );
        assert_eq!(
            RecordKind::in_timeline("apologies"),
            Ok(RecordKind::Apology)
        );
        let err = RecordKind::in_timeline("diary").unwrap_err();
        assert_eq!(
            err,
            "\"diary\" is not a kind of record; use checkin, feeling, promise, outcome, apology, response, focus, meeting, exercise, note"
        );
        // Partners are not in the timeline.
        assert!(RecordKind::in_timeline("partner").is_err());
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(RecordKind::Checkin.count(1), "1 check-in");
        assert_eq!(RecordKind::Apology.count(0), "0 apologies");
        assert_eq!(RecordKind::Focus.count(2), "2 focus changes");
    }

    #[test]
    fn every_kind_is_at_its_index() {
        for (i, kind) in RecordKind::ALL.iter().enumerate() {
            assert_eq!(kind.index(), i);
        }
        assert_eq!(&RecordKind::ALL[1..], RecordKind::TIMELINE);
        assert!(!RecordKind::TIMELINE.contains(&RecordKind::Partner));
    }
}
