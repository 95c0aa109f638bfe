//! The full-text index (`search`, an FTS5 table): checking it against the entries it is
//! made from, and rebuilding it.
//!
//! Its rows are derived from the records by the triggers in `migrations/0001_initial.sql`
//! and nowhere else. A rebuild re-derives them with those same triggers, by touching every
//! row of each source table with a no-op update, so there is one definition of what the index
//! holds and a rebuild cannot drift from it.

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Each table the index is made from, with a column whose no-op update fires that table's
/// `*_search_update` trigger (`promises` fires only on `text`).
const SOURCES: [(&str, &str); 9] = [
    ("checkins", "answer"),
    ("feelings", "word"),
    ("promises", "text"),
    ("outcomes", "note"),
    ("apologies", "what"),
    ("responses", "note"),
    ("meetings", "went_well"),
    ("meeting_partners", "appreciation"),
    ("exercises", "what"),
];

/// How the index compares with what the entries say it should hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// Every row is there, as the triggers would write it, and FTS5's own check passes.
    Current,
    /// `rows` rows are missing, extra or different, or the index itself is damaged
    /// (`damaged`); a rebuild repairs either.
    Stale { rows: usize, damaged: bool },
}

/// The index's rows as (rowid, text), in rowid order.
pub fn rows(conn: &Connection) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare("SELECT rowid, body FROM search ORDER BY rowid")?;
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        ))
    })?
    .collect()
}

/// Rebuilds the index inside the caller's transaction. The table is dropped with its shadow
/// tables (whichever of them is damaged), made again from its own stored definition, and
/// filled by the triggers.
pub fn rebuild(tx: &Connection) -> rusqlite::Result<()> {
    let definition: String = tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'search'",
        [],
        |r| r.get(0),
    )?;
    tx.execute_batch("DROP TABLE search")?;
    tx.execute_batch(&definition)?;
    // The table's options went with it: deleted words leave the index, not only its rows.
    tx.execute(
        "INSERT INTO search(search, rank) VALUES ('secure-delete', 1)",
        [],
    )?;
    for (table, column) in SOURCES {
        tx.execute(&format!("UPDATE {table} SET {column} = {column}"), [])?;
    }
    Ok(())
}

/// Compares the index with a fresh rebuild made inside a transaction that is then rolled
/// back, so it writes nothing. It needs the write lock for that moment (a fresh rebuild is
/// the only exact statement of what the index should hold), and waits for it like a write.
pub fn health(conn: &Connection) -> rusqlite::Result<Health> {
    let damaged = conn
        .execute("INSERT INTO search(search) VALUES ('integrity-check')", [])
        .is_err();
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    // Rows that cannot even be read count as all different.
    let before = rows(&tx).unwrap_or_default();
    rebuild(&tx)?;
    let after = rows(&tx)?;
    tx.rollback()?;
    let rows = differences(&before, &after);
    Ok(if rows == 0 && !damaged {
        Health::Current
    } else {
        Health::Stale { rows, damaged }
    })
}

/// How many rowids are missing from, extra in, or different between two sorted row lists.
fn differences(a: &[(i64, String)], b: &[(i64, String)]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                count += usize::from(x.1 != y.1);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                count += 1;
                i += 1;
            }
            (Some(_), None) => {
                count += 1;
                i += 1;
            }
            _ => {
                count += 1;
                j += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, sample};

    fn journal() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let until = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        store
            .write(|tx| Ok(sample::generate(tx, 200, until, 3)?))
            .unwrap();
        store
    }

    #[test]
    fn every_table_with_search_triggers_is_rebuilt() {
        let store = journal();
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT DISTINCT tbl_name FROM sqlite_schema
                 WHERE type = 'trigger' AND sql LIKE '%INSERT INTO search%' ORDER BY tbl_name",
            )
            .unwrap();
        let with_triggers: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut rebuilt: Vec<String> = SOURCES.iter().map(|(t, _)| t.to_string()).collect();
        rebuilt.sort();
        assert_eq!(rebuilt, with_triggers);
    }

    #[test]
    fn a_rebuild_restores_exactly_the_rows_the_triggers_wrote() {
        let mut store = journal();
        let original = rows(store.conn()).unwrap();
        assert!(original.len() > 300, "{}", original.len());
        assert_eq!(health(store.conn()).unwrap(), Health::Current);

        store
            .write(|tx| {
                tx.execute_batch(
                    "DELETE FROM search WHERE rowid % 3 = 0;
                     UPDATE search SET body = 'something else' WHERE rowid % 5 = 1;
                     INSERT INTO search(rowid, body) VALUES (999999, 'not from any entry');",
                )?;
                Ok(())
            })
            .unwrap();
        let Health::Stale { rows: wrong, .. } = health(store.conn()).unwrap() else {
            panic!("tampering went unnoticed");
        };
        let expected_wrong = original.iter().filter(|(id, _)| id % 3 == 0).count()
            + original
                .iter()
                .filter(|(id, _)| id % 3 != 0 && id % 5 == 1)
                .count()
            + 1;
        assert_eq!(wrong, expected_wrong);

        store.write(|tx| Ok(rebuild(tx)?)).unwrap();
        assert_eq!(rows(store.conn()).unwrap(), original);
        assert_eq!(health(store.conn()).unwrap(), Health::Current);
        let hits: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM search WHERE search MATCH 'dinner'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(hits > 0);
    }

    #[test]
    fn differences_count_missing_extra_and_changed_rows() {
        let row = |id: i64, text: &str| (id, text.to_string());
        let a = [row(1, "a"), row(2, "b"), row(4, "d")];
        let b = [row(1, "a"), row(2, "B"), row(3, "c"), row(5, "e")];
        assert_eq!(differences(&a, &b), 4);
        assert_eq!(differences(&a, &a), 0);
        assert_eq!(differences(&[], &b), 4);
    }
}
