//! The timeline: finding the newest records that pass the filters, then loading them.
//!
//! Each kind is asked for at most `limit` records, newest first, through its date index, and
//! the lists are merged; so the cost follows `limit`, not the size of the journal. A search
//! first asks the full-text index which records match, then applies the same filters to those.
//! Deleted records are in the timeline too, as their tombstones say: whose, which day, who
//! deleted it and when; a search never finds them, as nothing of their words is left.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension as _};

use super::apologies::{Apology, Response};
use super::checkins::Checkin;
use super::exercises::ExerciseRow;
use super::feelings::Feeling;
use super::focus::FocusChange;
use super::meetings::{Meeting, MeetingPart};
use super::notes::Note;
use super::promises::{Outcome, Promise};
use crate::domain::history::{Query, Ref, newest};
use crate::domain::kind::RecordKind;

/// What the timeline shows.
#[derive(Debug, Clone)]
pub struct Filter {
    pub since: NaiveDate,
    pub until: NaiveDate,
    pub kinds: Vec<RecordKind>,
    /// Only this partner's records (and the ones you share: focus changes and meetings).
    pub partner: Option<i64>,
    /// A search built by [`crate::domain::history::search_query`].
    pub search: Option<Query>,
    /// Whose seal a search keeps (`Some(None)`: nobody is named, so a day's words match only
    /// when everyone has checked in that day): a sealed check-in is no match, before the limit
    /// and the count, so neither tells anything about its words.
    pub seal_for: Option<Option<i64>>,
    pub limit: usize,
}

/// A kind's code in the search index (`rowid = id * 16 + code`, see the schema); the parts of
/// meetings are 9.
fn search_code(kind: RecordKind) -> i64 {
    match kind {
        RecordKind::Checkin => 1,
        RecordKind::Feeling => 2,
        RecordKind::Promise => 3,
        RecordKind::Outcome => 4,
        RecordKind::Apology => 5,
        RecordKind::Response => 6,
        RecordKind::Focus => 7,
        RecordKind::Meeting => 8,
        RecordKind::Exercise => 10,
        RecordKind::Note => 11,
        // Partners are not in the index.
        RecordKind::Partner => 0,
    }
}

/// The records to show, newest first.
pub fn find(conn: &Connection, filter: &Filter) -> rusqlite::Result<Vec<Ref>> {
    find_in(conn, filter, matches(conn, filter)?.as_ref())
}

/// One page of the timeline: the records to show, newest first, whether more pass the
/// filters beyond it, and for a search how many pass in all. The search index is asked once
/// for both.
pub struct Page {
    pub refs: Vec<Ref>,
    pub beyond: bool,
    pub total: Option<usize>,
}

pub fn page(conn: &Connection, filter: &Filter) -> rusqlite::Result<Page> {
    let matched = matches(conn, filter)?;
    // One entry more than the page says whether older ones lie beyond it, for the cost of the
    // page: counting them all would read the whole journal (with no --since, every entry).
    let probe = Filter {
        limit: filter.limit.saturating_add(1),
        ..filter.clone()
    };
    let mut refs = find_in(conn, &probe, matched.as_ref())?;
    let beyond = refs.len() > filter.limit;
    refs.truncate(filter.limit);
    // A search has found its matches already, so it says how many.
    let total = match (&matched, beyond) {
        (Some(m), true) => Some(total_in(conn, filter, Some(m))?),
        _ => None,
    };
    Ok(Page {
        refs,
        beyond,
        total,
    })
}

/// What a search matches, its reader's seal kept (`None` without a search).
fn matches(
    conn: &Connection,
    filter: &Filter,
) -> rusqlite::Result<Option<HashMap<RecordKind, BTreeSet<i64>>>> {
    match &filter.search {
        Some(query) => Ok(Some(unsealed(conn, search(conn, query)?, filter.seal_for)?)),
        None => Ok(None),
    }
}

fn find_in(
    conn: &Connection,
    filter: &Filter,
    matched: Option<&HashMap<RecordKind, BTreeSet<i64>>>,
) -> rusqlite::Result<Vec<Ref>> {
    let mut refs = Vec::new();
    if matched.is_none() {
        refs.extend(deleted(conn, filter)?);
    }
    for &kind in &filter.kinds {
        let ids = match matched {
            Some(m) => match m.get(&kind) {
                Some(ids) => Some(ids),
                None => continue,
            },
            None => None,
        };
        refs.extend(refs_of(conn, kind, filter, ids)?);
    }
    Ok(newest(refs, filter.limit))
}

/// How many records pass the filters in all, whatever the limit: for "20 of 330 shown".
fn total_in(
    conn: &Connection,
    filter: &Filter,
    matched: Option<&HashMap<RecordKind, BTreeSet<i64>>>,
) -> rusqlite::Result<usize> {
    let mut total = 0;
    for &kind in &filter.kinds {
        let ids = match matched {
            Some(m) => match m.get(&kind) {
                Some(ids) => Some(ids),
                None => continue,
            },
            None => None,
        };
        let Some((table, owner)) = table_of(kind) else {
            continue;
        };
        let mut sql =
            format!("SELECT count(*) FROM {table} WHERE t.date BETWEEN :since AND :until");
        let mut bound: Vec<(&str, &dyn ToSql)> =
            vec![(":since", &filter.since), (":until", &filter.until)];
        if kind == RecordKind::Feeling {
            sql.push_str(" AND t.checkin_id IS NULL");
        }
        if let Some(partner) = &filter.partner
            && kind.has_owner()
        {
            sql.push_str(&format!(" AND {owner} = :partner"));
            bound.push((":partner", partner));
        }
        let ids_text = ids.map(ids_json);
        if let Some(text) = &ids_text {
            sql.push_str(" AND t.id IN (SELECT value FROM json_each(:ids))");
            bound.push((":ids", text));
        }
        let n: i64 = conn.query_row(&sql, bound.as_slice(), |r| r.get(0))?;
        total += usize::try_from(n).unwrap_or(0);
    }
    Ok(total)
}

/// Where a kind's records are, and the column that says whose they are.
fn table_of(kind: RecordKind) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        // Partners are not in the timeline.
        RecordKind::Partner => return None,
        RecordKind::Checkin => ("checkins t", "t.partner_id"),
        // Quick entries only (a check-in's feelings are shown with the check-in), through their
        // own partial date index; left to itself SQLite reads every one and sorts them.
        RecordKind::Feeling => (
            "feelings t INDEXED BY feelings_alone_by_date",
            "t.partner_id",
        ),
        // `+` keeps SQLite on the date index rather than sorting all of one partner's promises.
        RecordKind::Promise => ("promises t", "+t.by_id"),
        // CROSS JOIN keeps SQLite on the outcome date index even when filtering by maker.
        RecordKind::Outcome => (
            "outcomes t CROSS JOIN promises p ON p.id = t.promise_id",
            "p.by_id",
        ),
        RecordKind::Apology => ("apologies t", "t.by_id"),
        RecordKind::Response => ("responses t", "t.by_id"),
        RecordKind::Focus => ("focus_changes t", ""),
        RecordKind::Meeting => ("meetings t", ""),
        RecordKind::Exercise => ("exercises t", "t.partner_id"),
        RecordKind::Note => ("notes t", "t.partner_id"),
    })
}

fn ids_json(ids: &BTreeSet<i64>) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", list.join(","))
}

/// The records whose text matches, by kind. A feeling named in a check-in leads to the
/// check-in, and a partner's part of a meeting to the meeting.
fn search(
    conn: &Connection,
    query: &Query,
) -> rusqlite::Result<HashMap<RecordKind, BTreeSet<i64>>> {
    let mut by_code: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    // Exact text reads every text in the index (it has no words to look up), so it costs in
    // proportion to the journal; it is only used for searches with no letters or digits.
    let (sql, text) = match query {
        Query::Words(q) => ("SELECT rowid FROM search WHERE search MATCH ?1", q),
        Query::Exact(t) => ("SELECT rowid FROM search WHERE instr(body, ?1) > 0", t),
    };
    let mut stmt = conn.prepare_cached(sql)?;
    for rowid in stmt.query_map([text], |r| r.get::<_, i64>(0))? {
        let rowid = rowid?;
        by_code.entry(rowid % 16).or_default().insert(rowid / 16);
    }
    let mut found: HashMap<RecordKind, BTreeSet<i64>> = HashMap::new();
    for &kind in RecordKind::TIMELINE {
        if let Some(ids) = by_code.remove(&search_code(kind)) {
            found.entry(kind).or_default().extend(ids);
        }
    }
    if let Some(feelings) = found.remove(&RecordKind::Feeling) {
        let mut stmt = conn.prepare_cached(
            "SELECT id, checkin_id FROM feelings WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        for row in stmt.query_map([ids_json(&feelings)], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?))
        })? {
            match row? {
                (_, Some(checkin)) => found
                    .entry(RecordKind::Checkin)
                    .or_default()
                    .insert(checkin),
                (feeling, None) => found
                    .entry(RecordKind::Feeling)
                    .or_default()
                    .insert(feeling),
            };
        }
    }
    if let Some(parts) = by_code.remove(&9) {
        let mut stmt = conn.prepare_cached(
            "SELECT meeting_id FROM meeting_partners WHERE id IN (SELECT value FROM json_each(?1))",
        )?;
        for meeting in stmt.query_map([ids_json(&parts)], |r| r.get::<_, i64>(0))? {
            found
                .entry(RecordKind::Meeting)
                .or_default()
                .insert(meeting?);
        }
    }
    Ok(found)
}

/// The matches without the check-ins whose words are sealed for `seal_for`'s reader: another
/// partner's check-in for a day the reader has not checked in (with no reader named, any day
/// not everyone has checked in).
fn unsealed(
    conn: &Connection,
    mut found: HashMap<RecordKind, BTreeSet<i64>>,
    seal_for: Option<Option<i64>>,
) -> rusqlite::Result<HashMap<RecordKind, BTreeSet<i64>>> {
    let Some(reader) = seal_for else {
        return Ok(found);
    };
    let Some(ids) = found.get_mut(&RecordKind::Checkin) else {
        return Ok(found);
    };
    let sealed: Vec<i64> = {
        let mut stmt = conn.prepare_cached(
            "SELECT t.id FROM checkins t WHERE t.id IN (SELECT value FROM json_each(?1))
               AND CASE WHEN ?2 IS NULL
                   THEN (SELECT count(DISTINCT c.partner_id) FROM checkins c WHERE c.date = t.date)
                        < (SELECT count(*) FROM partners)
                   ELSE t.partner_id != ?2 AND NOT EXISTS
                        (SELECT 1 FROM checkins c WHERE c.partner_id = ?2 AND c.date = t.date)
               END",
        )?;
        stmt.query_map(rusqlite::params![ids_json(ids), reader], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    for id in sealed {
        ids.remove(&id);
    }
    Ok(found)
}

/// Up to `limit` records of one kind, newest first, that pass the filters.
fn refs_of(
    conn: &Connection,
    kind: RecordKind,
    filter: &Filter,
    ids: Option<&BTreeSet<i64>>,
) -> rusqlite::Result<Vec<Ref>> {
    let Some((table, owner)) = table_of(kind) else {
        return Ok(Vec::new());
    };
    let mut sql = format!(
        "SELECT t.id, t.date, t.created_at FROM {table} WHERE t.date BETWEEN :since AND :until"
    );
    // A search that matches many records of this kind walks the date index newest first and
    // keeps the matches, stopping at `limit`: a word in one entry of six is found after about
    // six times `limit` rows. Few matches are looked up one by one instead, then sorted; the
    // walk would read most of the journal to find them. Both give the same records.
    let walk = match ids {
        Some(ids) => {
            let base = table.split(' ').next().unwrap_or(table);
            let rows: i64 =
                conn.query_row(&format!("SELECT ifnull(max(id), 0) FROM {base}"), [], |r| {
                    r.get(0)
                })?;
            let matches = i64::try_from(ids.len()).unwrap_or(i64::MAX);
            matches.saturating_mul(matches)
                > rows.saturating_mul(i64::try_from(filter.limit).unwrap_or(i64::MAX))
        }
        None => false,
    };
    let ids_text = if walk { None } else { ids.map(ids_json) };
    let limit = if walk {
        -1
    } else {
        i64::try_from(filter.limit).unwrap_or(i64::MAX)
    };
    let mut bound: Vec<(&str, &dyn ToSql)> = vec![
        (":since", &filter.since),
        (":until", &filter.until),
        (":limit", &limit),
    ];
    if kind == RecordKind::Feeling {
        sql.push_str(" AND t.checkin_id IS NULL");
    }
    if let Some(partner) = &filter.partner
        && kind.has_owner()
    {
        sql.push_str(&format!(" AND {owner} = :partner"));
        bound.push((":partner", partner));
    }
    if let Some(text) = &ids_text {
        sql.push_str(" AND t.id IN (SELECT value FROM json_each(:ids))");
        bound.push((":ids", text));
    }
    sql.push_str(" ORDER BY t.date DESC, t.created_at DESC, t.id DESC LIMIT :limit");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(bound.as_slice(), |r| {
        Ok(Ref {
            kind,
            id: r.get(0)?,
            date: super::date_at(r, 1)?,
            created_at: r.get(2)?,
        })
    })?;
    match ids.filter(|_| walk) {
        Some(ids) => {
            let mut found = Vec::new();
            for row in rows {
                let row = row?;
                if found.len() >= filter.limit {
                    break;
                }
                if ids.contains(&row.id) {
                    found.push(row);
                }
            }
            Ok(found)
        }
        None => rows.collect(),
    }
}

/// Deleted records that pass the filters, newest first, as refs with negative ids (the
/// tombstone's row, so they never meet a record's own id).
fn deleted(conn: &Connection, filter: &Filter) -> rusqlite::Result<Vec<Ref>> {
    let kinds: Vec<&str> = filter.kinds.iter().map(|k| k.as_str()).collect();
    let kinds = serde_json::to_string(&kinds).unwrap_or_else(|_| "[]".into());
    let limit = i64::try_from(filter.limit).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, kind, date, at FROM tombstones
         WHERE shown = 1 AND date BETWEEN ?1 AND ?2
           AND kind IN (SELECT value FROM json_each(?3))
           AND (?4 IS NULL OR author_id = ?4 OR author_id IS NULL)
         ORDER BY date DESC, at DESC LIMIT ?5",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![filter.since, filter.until, kinds, filter.partner, limit],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                super::date_at(r, 2)?,
                r.get::<_, String>(3)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (rowid, kind, date, at) = row?;
        if let Some(kind) = RecordKind::TIMELINE
            .iter()
            .copied()
            .find(|k| k.as_str() == kind)
        {
            out.push(Ref {
                kind,
                id: -rowid,
                date,
                created_at: at,
            });
        }
    }
    Ok(out)
}

/// A deleted record, as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tombstone {
    pub kind: RecordKind,
    pub uuid: String,
    pub date: NaiveDate,
    /// Whose record it was.
    pub author: Option<i64>,
    /// Who deleted it, and on which day.
    pub by: Option<i64>,
    pub deleted_on: NaiveDate,
}

/// A record's tombstone, by the row id the timeline refers to it with.
pub fn tombstone(conn: &Connection, rowid: i64) -> rusqlite::Result<Option<Tombstone>> {
    conn.prepare_cached(
        "SELECT kind, uuid, date, author_id, by_id, deleted_on FROM tombstones WHERE rowid = ?1",
    )?
    .query_row([rowid], |r| {
        let kind: String = r.get(0)?;
        Ok((
            kind,
            r.get(1)?,
            super::date_at(r, 2)?,
            r.get(3)?,
            r.get(4)?,
            super::date_at(r, 5)?,
        ))
    })
    .optional()
    .map(|row| {
        row.and_then(|(kind, uuid, date, author, by, deleted_on)| {
            RecordKind::ALL
                .into_iter()
                .find(|k| k.as_str() == kind)
                .map(|kind| Tombstone {
                    kind,
                    uuid,
                    date,
                    author,
                    by,
                    deleted_on,
                })
        })
    })
}

/// One record of the timeline as the journal holds it, with what it needs to be shown on its
/// own (a check-in's feelings, an outcome's promise, a meeting's parts).
#[derive(Debug, Clone)]
pub enum Entry {
    Deleted(Tombstone),
    Checkin(Checkin, Vec<Feeling>),
    Feeling(Feeling),
    Promise(Promise),
    Outcome(Outcome, Promise),
    Apology(Apology),
    Response(Response),
    Focus(FocusChange),
    Meeting(Meeting, Vec<MeetingPart>),
    Exercise(ExerciseRow),
    Note(Note),
}

/// Loads each record, and whether it has earlier versions (the timeline marks it edited).
/// A record that vanished in between (deleted meanwhile) is left out rather than failing.
pub fn load(conn: &Connection, refs: &[Ref]) -> rusqlite::Result<Vec<(Entry, bool)>> {
    let mut entries = Vec::with_capacity(refs.len());
    for r in refs {
        if r.id < 0 {
            entries.extend(tombstone(conn, -r.id)?.map(|t| (Entry::Deleted(t), false)));
            continue;
        }
        let Some(entry) = load_one(conn, r.kind, r.id)? else {
            continue;
        };
        let uuid = super::revisions::uuid_of(conn, r.kind, r.id)?;
        let edited = super::revisions::edited(conn, r.kind, &uuid)?;
        entries.push((entry, edited));
    }
    Ok(entries)
}

/// One record of the timeline by kind and id, if it is there.
pub fn load_one(conn: &Connection, kind: RecordKind, id: i64) -> rusqlite::Result<Option<Entry>> {
    let r = Ref {
        kind,
        id,
        date: crate::domain::dates::EARLIEST,
        created_at: String::new(),
    };
    {
        let entry = match r.kind {
            RecordKind::Partner => None,
            RecordKind::Checkin => match super::checkins::get(conn, r.id)? {
                Some(c) => {
                    let feelings = super::feelings::for_checkin(conn, c.id)?;
                    Some(Entry::Checkin(c, feelings))
                }
                None => None,
            },
            RecordKind::Feeling => super::feelings::get(conn, r.id)?.map(Entry::Feeling),
            RecordKind::Promise => super::promises::get(conn, r.id)?.map(Entry::Promise),
            RecordKind::Outcome => match super::promises::get_outcome(conn, r.id)? {
                Some(o) => super::promises::get(conn, o.promise_id)?.map(|p| Entry::Outcome(o, p)),
                None => None,
            },
            RecordKind::Apology => super::apologies::get(conn, r.id)?.map(Entry::Apology),
            RecordKind::Response => {
                super::apologies::get_response(conn, r.id)?.map(Entry::Response)
            }
            RecordKind::Focus => super::focus::get(conn, r.id)?.map(Entry::Focus),
            RecordKind::Meeting => match super::meetings::get(conn, r.id)? {
                Some(m) => {
                    let parts = super::meetings::parts(conn, m.id)?;
                    Some(Entry::Meeting(m, parts))
                }
                None => None,
            },
            RecordKind::Exercise => super::exercises::get(conn, r.id)?.map(Entry::Exercise),
            RecordKind::Note => super::notes::get(conn, r.id)?.map(Entry::Note),
        };
        Ok(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::search_query;
    use crate::store::{Store, sample};

    fn filter(search: &str, limit: usize, partner: Option<i64>, since: NaiveDate) -> Filter {
        Filter {
            since,
            until: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            kinds: RecordKind::TIMELINE.to_vec(),
            partner,
            search: search_query(search),
            seal_for: None,
            limit,
        }
    }

    // A common word ("dinner", in about one answer in six) is found by walking the date index;
    // a rare one ("friday"), or any word with a limit high enough, by looking each match up.
    // Both must give the same records in the same order.
    #[test]
    fn walking_and_looking_up_find_the_same_newest_matches() {
        let mut store = Store::open_in_memory().unwrap();
        let until = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        store
            .write(|tx| Ok(sample::generate(tx, 400, until, 7)?))
            .unwrap();
        let conn = store.conn();
        let early = crate::domain::dates::EARLIEST;
        let recent = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        for (word, partner, since) in [
            ("dinner", None, early),
            ("dinner", Some(1), early),
            ("dinner", Some(2), recent),
            ("friday", None, early),
        ] {
            let all = find(conn, &filter(word, 1_000_000, partner, since)).unwrap();
            let newest = find(conn, &filter(word, 5, partner, since)).unwrap();
            assert!(all.len() > 5, "{word}: {} matches", all.len());
            assert_eq!(newest, all[..5], "{word} {partner:?} {since}");
        }
    }
}
