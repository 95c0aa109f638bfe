//! The full-text index (`search`, an FTS5 table): checking it against the entries it is
//! made from, and rebuilding it.
//!
//! Its rows are derived from the records by the triggers in `migrations/0001_initial.sql`
//! and nowhere else. A rebuild re-derives them from those same triggers (see [`rebuild`]),
//! so there is one definition of what the index holds and a rebuild cannot drift from it.

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Each table the index is made from, with a column whose no-op update fires that table's
/// `*_search_update` trigger (`promises` fires only on `text`).
const SOURCES: [(&str, &str); 10] = [
    ("checkins", "answer"),
    ("feelings", "word"),
    ("promises", "text"),
    ("outcomes", "note"),
    ("apologies", "what"),
    ("responses", "note"),
    ("meetings", "went_well"),
    ("meeting_partners", "appreciation"),
    ("exercises", "what"),
    ("notes", "text"),
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
/// filled as the triggers would fill it.
///
/// Each table's rows go in with one statement made from that table's insert trigger (its
/// values and its condition, with the table's rows standing in for `new`), so the index
/// still has one definition, the triggers', and FTS5 gathers a whole table before writing
/// it out instead of writing at every row. A trigger of another shape is fired instead, by
/// touching every row of its table with a no-op update.
pub fn rebuild(tx: &Connection) -> rusqlite::Result<()> {
    let definition: String = tx.query_row(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'search'",
        [],
        |r| r.get(0),
    )?;
    let fills = insert_triggers(tx)?;
    tx.execute_batch("DROP TABLE search")?;
    tx.execute_batch(&definition)?;
    // The table's options went with it: deleted words leave the index, not only its rows.
    tx.execute(
        "INSERT INTO search(search, rank) VALUES ('secure-delete', 1)",
        [],
    )?;
    for (table, column) in SOURCES {
        match fills.get(table).and_then(|sql| fill_statement(sql)) {
            Some(fill) => tx.execute_batch(&fill)?,
            None => {
                tx.execute(&format!("UPDATE {table} SET {column} = {column}"), [])?;
            }
        }
    }
    Ok(())
}

/// Each source table's insert trigger, as stored.
fn insert_triggers(tx: &Connection) -> rusqlite::Result<std::collections::HashMap<String, String>> {
    let mut stmt = tx.prepare(
        "SELECT tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_search_insert'",
    )?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// The statement that fills the index from a table as its insert trigger
/// (`CREATE TRIGGER … AFTER INSERT ON t [WHEN cond] BEGIN INSERT INTO search(rowid, body)
/// VALUES (…); END`) would, row by row; `None` for a trigger of any other shape.
fn fill_statement(trigger: &str) -> Option<String> {
    let after = trigger.split_once("AFTER INSERT ON ")?.1;
    let (head, body) = after.split_once(" BEGIN")?;
    let (table, when) = match head.split_once(" WHEN ") {
        Some((table, when)) => (table.trim(), when.trim()),
        None => (head.trim(), "1"),
    };
    let insert = body
        .trim()
        .strip_suffix("END")?
        .trim_end()
        .strip_suffix(';')?
        .trim()
        .strip_prefix("INSERT INTO search(rowid, body)")?
        .trim_start()
        .strip_prefix("VALUES (")?
        .strip_suffix(')')?;
    let plain = |s: &str| !s.contains(';') && !s.is_empty();
    let named = !table.is_empty()
        && table
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_');
    (named && plain(insert) && plain(when)).then(|| {
        format!("INSERT INTO search(rowid, body) SELECT {insert} FROM {table} AS new WHERE {when}")
    })
}

/// The search index's triggers, taken out for a large merge: their definitions as stored,
/// to put back with [`resume`].
#[must_use = "the index is not kept up to date until the triggers are put back"]
pub struct Suspended(Vec<String>);

/// Takes the search index's triggers out, inside the caller's transaction, so that the rows
/// written next do not each update the index (FTS5 writes its pending changes out at every
/// statement, which costs more than the row itself). [`resume`] puts them back and fills the
/// index once; a rollback puts them back too.
pub fn suspend(tx: &Connection) -> rusqlite::Result<Suspended> {
    let mut stmt = tx.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_search_*' ORDER BY name",
    )?;
    let triggers: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    Ok(Suspended(
        triggers.into_iter().map(|(_, sql)| sql).collect(),
    ))
}

/// Puts the triggers back; with `refill`, also rebuilds the index from every entry (once,
/// for all the rows written while they were out).
pub fn resume(tx: &Connection, suspended: Suspended, refill: bool) -> rusqlite::Result<()> {
    for sql in suspended.0 {
        tx.execute_batch(&sql)?;
    }
    if refill {
        rebuild(tx)?;
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

#[cfg(test)]
mod fill_tests {
    use super::*;
    use crate::store::Store;

    // Every source table's insert trigger is of the shape the fast fill reads; were one not,
    // rebuild would still be right (it fires that trigger instead) but slower.
    #[test]
    fn every_insert_trigger_becomes_one_fill_statement() {
        let store = Store::open_in_memory().unwrap();
        let triggers = insert_triggers(store.conn()).unwrap();
        assert_eq!(triggers.len(), SOURCES.len());
        for (table, _) in SOURCES {
            let fill = fill_statement(&triggers[table]).unwrap_or_else(|| panic!("{table}"));
            assert!(
                fill.contains(&format!("FROM {table} AS new WHERE")),
                "{fill}"
            );
        }
        assert_eq!(
            fill_statement(
                "CREATE TRIGGER x_search_insert AFTER INSERT ON x WHEN new.a IS NOT NULL BEGIN\n    INSERT INTO search(rowid, body) VALUES (new.id * 16 + 4, new.a);\nEND"
            )
            .as_deref(),
            Some("INSERT INTO search(rowid, body) SELECT new.id * 16 + 4, new.a FROM x AS new WHERE new.a IS NOT NULL")
        );
        assert_eq!(
            fill_statement(
                "CREATE TRIGGER y AFTER INSERT ON y BEGIN DELETE FROM z; INSERT INTO search(rowid, body) VALUES (1, 2); END"
            ),
            None
        );
    }
}
