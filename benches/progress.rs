//! The progress computation (gathering facts through the date indexes, then computing every
//! figure) on generated journals of 1, 10 and 50 years. Windowed work should stay flat as the
//! journal grows: compare the rows for the same window across sizes.
//!
//! cargo bench --bench progress

use std::sync::OnceLock;

use chrono::NaiveDate;
use rekindle::domain::progress::{self, Window};
use rekindle::store::{self, Store};

fn main() {
    divan::main();
}

fn until() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).expect("valid date")
}

/// One journal per size, generated once (the 50-year one takes a few seconds).
fn journal(years: u32) -> &'static std::sync::Mutex<Store> {
    static JOURNALS: [OnceLock<std::sync::Mutex<Store>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match years {
        1 => 0,
        10 => 1,
        _ => 2,
    };
    JOURNALS[slot].get_or_init(|| {
        let mut store = Store::open_in_memory().expect("in-memory journal");
        let days = (f64::from(years) * 365.25) as u32;
        store
            .write(|tx| Ok(store::sample::generate(tx, days, until(), 1)?))
            .expect("generate");
        std::sync::Mutex::new(store)
    })
}

#[divan::bench(args = [1, 10, 50])]
fn progress_8_weeks(bencher: divan::Bencher, years: u32) {
    let store = journal(years).lock().expect("lock");
    bencher.bench_local(|| {
        let facts = store::progress::facts(store.conn(), Window::new(until(), 8)).expect("facts");
        progress::compute(&facts)
    });
}

#[divan::bench(args = [1, 10, 50])]
fn progress_52_weeks(bencher: divan::Bencher, years: u32) {
    let store = journal(years).lock().expect("lock");
    bencher.bench_local(|| {
        let facts = store::progress::facts(store.conn(), Window::new(until(), 52)).expect("facts");
        progress::compute(&facts)
    });
}
