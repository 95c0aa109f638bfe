//! Writes a realistic sample journal, for benchmarks and trying rekindle on lots of data.
//!
//! cargo run --release --example generate -- PATH YEARS [SEED] [UNTIL]
//! e.g. cargo run --release --example generate -- /tmp/ten.db 10

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(years)) = (
        args.first(),
        args.get(1).and_then(|y| y.parse::<f64>().ok()),
    ) else {
        eprintln!("usage: generate PATH YEARS [SEED] [UNTIL as YYYY-MM-DD]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let until = args
        .get(3)
        .and_then(|u| NaiveDate::parse_from_str(u, "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let days = (years * 365.25).round().max(1.0) as u32;
    match rekindle::store::Store::create(&PathBuf::from(path), |tx| {
        Ok(rekindle::store::sample::generate(tx, days, until, seed)?)
    }) {
        Ok((_, checkins)) => {
            println!("wrote {path}: {days} days, {checkins} check-ins");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e:#}");
            ExitCode::FAILURE
        }
    }
}
