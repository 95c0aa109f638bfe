//! The timeline's rules, without SQL: the kinds of record it lists, how they are ordered,
//! and how any text a person types becomes a safe full-text query.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

/// The kinds of record in the timeline, with the code each has in the search index
/// (`rowid = id * 16 + code`, see the schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Checkin,
    Feeling,
    Promise,
    Outcome,
    Apology,
    Response,
    Focus,
    Meeting,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Checkin,
        Kind::Feeling,
        Kind::Promise,
        Kind::Outcome,
        Kind::Apology,
        Kind::Response,
        Kind::Focus,
        Kind::Meeting,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Checkin => "checkin",
            Kind::Feeling => "feeling",
            Kind::Promise => "promise",
            Kind::Outcome => "outcome",
            Kind::Apology => "apology",
            Kind::Response => "response",
            Kind::Focus => "focus",
            Kind::Meeting => "meeting",
        }
    }

    /// The record's code in the search index.
    pub fn search_code(self) -> i64 {
        match self {
            Kind::Checkin => 1,
            Kind::Feeling => 2,
            Kind::Promise => 3,
            Kind::Outcome => 4,
            Kind::Apology => 5,
            Kind::Response => 6,
            Kind::Focus => 7,
            Kind::Meeting => 8,
        }
    }

    /// Whether the record belongs to one partner (rather than to both of them, like a focus
    /// change or a meeting).
    pub fn has_owner(self) -> bool {
        !matches!(self, Kind::Focus | Kind::Meeting)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        let wanted = match wanted.as_str() {
            "check-in" | "checkins" | "check-ins" => "checkin",
            "feelings" => "feeling",
            "promises" => "promise",
            "outcomes" => "outcome",
            "apologies" => "apology",
            "responses" | "answer" | "answers" => "response",
            "meetings" | "together" => "meeting",
            other => other,
        };
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "\"{}\" is not a kind of record; use {}",
                    s.trim(),
                    all.join(", ")
                )
            })
    }
}

/// Where a record sits in the timeline: newest date first, then latest written first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub kind: Kind,
    pub id: i64,
    pub date: NaiveDate,
    pub created_at: String,
}

impl Ref {
    fn key(&self) -> (NaiveDate, &str, Kind, i64) {
        (self.date, self.created_at.as_str(), self.kind, self.id)
    }
}

/// Merges per-kind lists (each newest first) into the newest `limit` records overall.
pub fn newest(mut refs: Vec<Ref>, limit: usize) -> Vec<Ref> {
    refs.sort_by(|a, b| b.key().cmp(&a.key()));
    refs.dedup_by(|a, b| a.kind == b.kind && a.id == b.id);
    refs.truncate(limit);
    refs
}

/// What to look for in the journal's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// An FTS5 query of quoted prefix terms, all of which must match.
    Words(String),
    /// Text with no letters or digits (an emoji, a "💛"): the index does not hold those, so
    /// it is looked for as it is, in every text.
    Exact(String),
}

/// Turns whatever someone typed into a query that cannot be a syntax error: every run of
/// letters and digits becomes a quoted prefix term, and all terms must match. Quotes,
/// operators (AND, OR, NOT, NEAR), parentheses, stars and colons are just text. Text with
/// no word in it is searched for exactly; blank text is `None`.
pub fn search_query(text: &str) -> Option<Query> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{word}\"*"))
        .collect();
    if !terms.is_empty() {
        return Some(Query::Words(terms.join(" ")));
    }
    let text = text.trim();
    (!text.is_empty()).then(|| Query::Exact(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(kind: Kind, id: i64, day: u32, created: &str) -> Ref {
        Ref {
            kind,
            id,
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            created_at: created.into(),
        }
    }

    #[test]
    fn kinds_parse_with_friendly_spellings() {
        assert_eq!("Check-ins".parse::<Kind>(), Ok(Kind::Checkin));
        assert_eq!("apologies".parse::<Kind>(), Ok(Kind::Apology));
        let err = "diary".parse::<Kind>().unwrap_err();
        assert_eq!(
            err,
            "\"diary\" is not a kind of record; use checkin, feeling, promise, outcome, apology, response, focus, meeting"
        );
    }

    #[test]
    fn newest_first_by_date_then_by_writing() {
        let refs = vec![
            r(Kind::Checkin, 1, 19, "2026-11-19T08:00"),
            r(Kind::Promise, 1, 20, "2026-11-20T09:00"),
            r(Kind::Checkin, 2, 20, "2026-11-21T07:00"),
            r(Kind::Outcome, 5, 18, "2026-11-21T10:00"),
        ];
        let ids: Vec<(Kind, i64)> = newest(refs, 3).iter().map(|r| (r.kind, r.id)).collect();
        assert_eq!(
            ids,
            [(Kind::Checkin, 2), (Kind::Promise, 1), (Kind::Checkin, 1)]
        );
    }

    #[test]
    fn hostile_search_text_becomes_quoted_terms() {
        let words = |q: &str| Some(Query::Words(q.into()));
        assert_eq!(search_query("walk"), words("\"walk\"*"));
        assert_eq!(
            search_query("\"unbalanced (OR NOT x* AND:"),
            words("\"unbalanced\"* \"OR\"* \"NOT\"* \"x\"* \"AND\"*")
        );
        assert_eq!(search_query("don't"), words("\"don\"* \"t\"*"));
        assert_eq!(search_query("Zoë café"), words("\"Zoë\"* \"café\"*"));
        assert_eq!(search_query(" 💛 "), Some(Query::Exact("💛".into())));
        assert_eq!(
            search_query("((( ))) \"\" *"),
            Some(Query::Exact("((( ))) \"\" *".into()))
        );
        assert_eq!(search_query("  "), None);
        assert_eq!(search_query(""), None);
    }
}
