//! One step further than `import`: a file that passes the checks is merged into a journal
//! (in memory, holding a few weeks of Sam and Alex's entries, so names and days match and
//! records meet their older versions). After the checks have passed, the merge may refuse
//! the file with a Problem, but SQLite must never reject what it writes: a constraint or
//! foreign-key failure here would mean the checks let through something the schema forbids.
//! Each input's merge is rolled back, so every run starts from the same journal.
#![no_main]

use std::cell::RefCell;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use rekindle::store::{Store, exchange, sample};
use rusqlite::{Transaction, TransactionBehavior};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("a real date")
}

thread_local! {
    static JOURNAL: RefCell<Store> = RefCell::new({
        let mut store = Store::open_in_memory().expect("an in-memory journal");
        store
            .write(|tx| Ok(sample::generate(tx, 40, today(), 5)?))
            .expect("a generated journal");
        store
    });
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) =
        rekindle::domain::exchange::parse(data).and_then(|d| rekindle::domain::exchange::check(d, today()))
    else {
        return;
    };
    JOURNAL.with(|journal| {
        let journal = journal.borrow();
        let tx = Transaction::new_unchecked(journal.conn(), TransactionBehavior::Immediate)
            .expect("begin");
        match exchange::merge(&tx, &doc) {
            Ok(_) => {
                let broken: i64 = tx
                    .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                        r.get(0)
                    })
                    .expect("foreign_key_check");
                assert_eq!(broken, 0, "the merge left a dangling reference");
            }
            Err(e) => panic!("a checked file made SQLite fail: {e}"),
        }
        tx.rollback().expect("rollback");
    });
});
