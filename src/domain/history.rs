//! The timeline's rules, without SQL: how its records are ordered, and how any text a person
//! types becomes a safe full-text query.

use chrono::NaiveDate;

use crate::domain::kind::RecordKind;

/// Where a record sits in the timeline: newest date first, then latest written first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub kind: RecordKind,
    pub id: i64,
    pub date: NaiveDate,
    pub created_at: String,
}

impl Ref {
    fn key(&self) -> (NaiveDate, &str, RecordKind, i64) {
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

    fn r(kind: RecordKind, id: i64, day: u32, created: &str) -> Ref {
        Ref {
            kind,
            id,
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            created_at: created.into(),
        }
    }

    #[test]
    fn newest_first_by_date_then_by_writing() {
        let refs = vec![
            r(RecordKind::Checkin, 1, 19, "2026-11-19T08:00"),
            r(RecordKind::Promise, 1, 20, "2026-11-20T09:00"),
            r(RecordKind::Checkin, 2, 20, "2026-11-21T07:00"),
            r(RecordKind::Outcome, 5, 18, "2026-11-21T10:00"),
        ];
        let ids: Vec<(RecordKind, i64)> = newest(refs, 3).iter().map(|r| (r.kind, r.id)).collect();
        assert_eq!(
            ids,
            [
                (RecordKind::Checkin, 2),
                (RecordKind::Promise, 1),
                (RecordKind::Checkin, 1)
            ]
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
