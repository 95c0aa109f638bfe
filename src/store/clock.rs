//! The journal's clock: this journal's device id and the state of its hybrid logical clock,
//! kept in the device-local `this_device` row and advanced inside the write transaction of the
//! change it stamps, so two commands never share a stamp and a clock set back never makes
//! stamps go backwards.
//!
//! A [`Stamp`] is one command's change: every record a command writes carries the same stamp
//! (so `undo` reverts a command as a whole), its wall-clock time and who made it.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension as _};

use crate::domain::hlc::{self, DeviceId, Hlc, State, TooFarAhead};

/// Where "now" comes from: the computer's clock, or a fixed moment (`REKINDLE_NOW`, for
/// tests and for replaying a journal as if written at another time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clock {
    #[default]
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            // Checked when the run began (`domain::clock::read`); clamped into the years
            // rekindle writes should it have gone wrong since, never a panic.
            Clock::System => crate::domain::clock::clamped(std::time::SystemTime::now()),
            Clock::Fixed(at) => *at,
        }
    }
}

/// The wall-clock form of a moment, as `created_at`/`updated_at` hold it: fixed width, UTC,
/// so text order is time order.
pub fn wall(at: &DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// One command's change: the stamp every record it writes carries, when it was made (wall
/// clock, shown to people and measured by `undo`'s 24 hours), and who made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub hlc: Hlc,
    /// `updated_at` for what this change writes.
    pub at: String,
    /// The partner who made the change; `None` for what no partner did (setting up a
    /// journal, a focus changed without `--as`).
    pub by: Option<i64>,
}

impl Stamp {
    pub fn text(&self) -> String {
        self.hlc.encode()
    }

    /// The same change, made by someone else (a journal's set-up writes both partners).
    pub fn by(&self, by: Option<i64>) -> Stamp {
        Stamp { by, ..self.clone() }
    }
}

/// This journal's device id.
pub fn device(conn: &Connection) -> rusqlite::Result<DeviceId> {
    let text: String = conn.query_row("SELECT device FROM this_device WHERE id = 1", [], |r| {
        r.get(0)
    })?;
    text.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

/// The clock's state: the latest stamp made or seen here.
pub fn state(conn: &Connection) -> rusqlite::Result<State> {
    let text: Option<String> = conn
        .query_row("SELECT clock FROM this_device WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(text
        .and_then(|t| t.parse::<Hlc>().ok())
        .map_or((0, 0), Hlc::state))
}

fn set_state(conn: &Connection, state: State) -> rusqlite::Result<()> {
    let text = Hlc {
        ms: state.0,
        counter: state.1,
        device: DeviceId::LEGACY,
    }
    .encode();
    conn.execute("UPDATE this_device SET clock = ?1 WHERE id = 1", [text])?;
    Ok(())
}

/// A new stamp for a change made now by `by`, inside the caller's write transaction: later
/// than everything this journal has stamped or seen. Call it once per command.
pub fn stamp(conn: &Connection, clock: &Clock, by: Option<i64>) -> rusqlite::Result<Stamp> {
    let now = clock.now();
    let hlc = hlc::tick(state(conn)?, hlc::millis(&now), device(conn)?);
    set_state(conn, hlc.state())?;
    Ok(Stamp {
        hlc,
        at: wall(&now),
        by,
    })
}

/// Advances the clock past a stamp seen in a file, so the next change made here comes after
/// it; refused when the stamp is more than two years ahead of `now`.
pub fn observe(
    conn: &Connection,
    seen: Hlc,
    now: &DateTime<Utc>,
) -> rusqlite::Result<Result<(), TooFarAhead>> {
    let state = state(conn)?;
    Ok(match hlc::observe(state, seen, hlc::millis(now)) {
        Ok(next) => {
            if next != state {
                set_state(conn, next)?;
            }
            Ok(())
        }
        Err(far) => Err(far),
    })
}

/// A stamp for tests that write records directly: now, by nobody.
#[cfg(test)]
pub fn testing(conn: &Connection) -> rusqlite::Result<Stamp> {
    stamp(conn, &Clock::System, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn at(text: &str) -> Clock {
        Clock::Fixed(
            DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc),
        )
    }

    #[test]
    fn stamps_increase_even_when_the_clock_is_set_back() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store
            .write(|tx| Ok(stamp(tx, &at("2027-05-01T10:00:00Z"), Some(1))?))
            .unwrap();
        let second = store
            .write(|tx| Ok(stamp(tx, &at("2026-01-01T10:00:00Z"), Some(1))?))
            .unwrap();
        assert!(second.hlc > first.hlc);
        assert_eq!(
            second.at, "2026-01-01T10:00:00.000000Z",
            "the wall clock is kept"
        );
        let device = store.write(|tx| Ok(device(tx)?)).unwrap();
        assert_eq!(first.hlc.device, device);
        assert_ne!(device, DeviceId::LEGACY);
    }

    #[test]
    fn a_stamp_seen_from_ahead_moves_the_clock_and_one_too_far_does_not() {
        let mut store = Store::open_in_memory().unwrap();
        let now = DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let ahead = Hlc {
            ms: hlc::millis(&now) + 365 * 24 * 3600 * 1000,
            counter: 7,
            device: DeviceId([9; 8]),
        };
        let far = Hlc {
            ms: hlc::millis(&now) + 3 * 366 * 24 * 3600 * 1000,
            ..ahead
        };
        let next = store
            .write(|tx| {
                assert_eq!(observe(tx, far, &now)?, Err(TooFarAhead(far)));
                assert_eq!(observe(tx, ahead, &now)?, Ok(()));
                Ok(stamp(tx, &Clock::Fixed(now), None)?)
            })
            .unwrap();
        assert!(next.hlc > ahead && next.hlc < far);
    }
}
