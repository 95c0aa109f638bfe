//! Hybrid logical clock stamps: the order of changes across journals.
//!
//! Every change to a record is stamped with an [`Hlc`]: the physical time in milliseconds
//! (the largest this journal has seen), a counter within that millisecond, and the device
//! (the journal) that made it. Merges compare stamps, never wall-clock times alone, so a
//! computer whose clock runs ahead cannot win every later merge: a journal that sees a stamp
//! from ahead advances its own clock past it ([`observe`]), and its next change
//! ([`tick`]) is stamped later still.
//!
//! A stamp's text form, `{ms:012x}-{counter:04x}-{device}`, has fixed widths and lowercase
//! hex, so text order is stamp order and SQLite's plain comparison sorts stamps. The
//! physical part is not a date to show people: after a stamp from ahead it runs ahead of real
//! time. Records keep their wall-clock `updated_at` for that.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

/// How far ahead of this computer's clock a stamp from elsewhere may be and still be
/// accepted: two years (DESIGN, "Clocks").
pub const MAX_AHEAD_MS: u64 = 2 * 366 * 24 * 60 * 60 * 1000;

/// The largest physical part a stamp's 12 hex digits hold (the year 10889).
const MAX_MS: u64 = (1 << 48) - 1;

/// The length of a stamp in text: 12 + 1 + 4 + 1 + 16.
pub const TEXT_LEN: usize = 34;

/// A device: one journal file. 16 lowercase hex digits in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DeviceId(pub [u8; 8]);

impl DeviceId {
    /// The device of every stamp made from an `updated_at` written before stamps existed
    /// (journals from before schema 2, export files of version 1).
    pub const LEGACY: DeviceId = DeviceId([0; 8]);

    /// A device id from random bytes (from a uuid, say); never the legacy one.
    pub fn from_random(mut bytes: [u8; 8]) -> DeviceId {
        if bytes == [0; 8] {
            bytes[7] = 1;
        }
        DeviceId(bytes)
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl FromStr for DeviceId {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if s.len() != 16 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(format!(
                "\"{s}\" is not a device id (16 lowercase hexadecimal digits)"
            ));
        }
        let mut bytes = [0u8; 8];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|e| e.to_string())?;
        }
        Ok(DeviceId(bytes))
    }
}

/// A stamp. Field order is comparison order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub ms: u64,
    pub counter: u16,
    pub device: DeviceId,
}

/// The clock state a journal keeps: the largest (physical, counter) it has stamped or seen.
pub type State = (u64, u16);

/// A stamp more than [`MAX_AHEAD_MS`] ahead of this computer's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooFarAhead(pub Hlc);

impl Hlc {
    /// The state this stamp would leave a clock in.
    pub fn state(self) -> State {
        (self.ms, self.counter)
    }

    /// The text form, `0192f3a4b5c6-0000-3f9a2c1d8e7b4a60`.
    pub fn encode(&self) -> String {
        format!("{:012x}-{:04x}-{}", self.ms, self.counter, self.device)
    }

    /// The stamp given to a record last changed at `updated_at` (RFC 3339, UTC) before
    /// stamps existed: its milliseconds, the microseconds within the millisecond as the
    /// counter, and the legacy device. A journal's migration and the import of a version 1
    /// file compute the same stamp for the same record, so meeting again changes nothing.
    pub fn legacy(updated_at: &DateTime<Utc>) -> Hlc {
        let ms = u64::try_from(updated_at.timestamp_millis()).unwrap_or(0);
        Hlc {
            ms: ms.min(MAX_MS),
            counter: (updated_at.timestamp_subsec_micros() % 1000) as u16,
            device: DeviceId::LEGACY,
        }
    }

    /// How far ahead of `now_ms` this stamp is, in milliseconds (0 when it is not).
    pub fn ahead_of(&self, now_ms: u64) -> u64 {
        self.ms.saturating_sub(now_ms)
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

impl FromStr for Hlc {
    type Err = String;

    /// Strict: 34 characters, `-` at 13 and 18, lowercase hex elsewhere.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "\"{s}\" is not a stamp (expected 12, 4 and 16 lowercase hexadecimal digits joined by \"-\", such as 0192f3a4b5c6-0000-3f9a2c1d8e7b4a60)"
            )
        };
        let bytes = s.as_bytes();
        let shaped = bytes.len() == TEXT_LEN
            && bytes.iter().enumerate().all(|(i, b)| match i {
                12 | 17 => *b == b'-',
                _ => matches!(b, b'0'..=b'9' | b'a'..=b'f'),
            });
        if !shaped {
            return Err(bad());
        }
        let ms = u64::from_str_radix(&s[..12], 16).map_err(|_| bad())?;
        let counter = u16::from_str_radix(&s[13..17], 16).map_err(|_| bad())?;
        let device = s[18..].parse().map_err(|_| bad())?;
        Ok(Hlc {
            ms,
            counter,
            device,
        })
    }
}

/// The stamp of a change made here now. `last` is the clock state kept in the journal and
/// `now_ms` this computer's clock: the stamp is later than both, so it orders after every
/// change this journal has made or seen, even when the clock was set back.
pub fn tick(last: State, now_ms: u64, device: DeviceId) -> Hlc {
    let now_ms = now_ms.min(MAX_MS);
    let (ms, counter) = if now_ms > last.0 {
        (now_ms, 0)
    } else if last.1 < u16::MAX {
        (last.0, last.1 + 1)
    } else {
        // The counter is full: borrow the next millisecond.
        ((last.0 + 1).min(MAX_MS), 0)
    };
    Hlc {
        ms,
        counter,
        device,
    }
}

/// The clock state after seeing `remote`, or a refusal when it is more than two years ahead
/// of `now_ms` (then it is neither applied nor seen).
pub fn observe(last: State, remote: Hlc, now_ms: u64) -> Result<State, TooFarAhead> {
    if remote.ms > now_ms.saturating_add(MAX_AHEAD_MS) {
        return Err(TooFarAhead(remote));
    }
    Ok(last.max(remote.state()))
}

/// `now` as the physical part of a stamp.
pub fn millis(now: &DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp_millis()).unwrap_or(0)
}

/// How far ahead a stamp is, in words: "about 3 years", "about 30 months".
pub fn ahead_in_words(ms: u64) -> String {
    let days = ms / (24 * 60 * 60 * 1000);
    if days >= 730 {
        format!("about {} years", days / 365)
    } else {
        format!("about {} months", days / 30)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const HERE: DeviceId = DeviceId([0x3f, 0x9a, 0x2c, 0x1d, 0x8e, 0x7b, 0x4a, 0x60]);

    #[test]
    fn text_form_round_trips_and_parsing_is_strict() {
        let stamp = Hlc {
            ms: 0x0192_f3a4_b5c6,
            counter: 3,
            device: HERE,
        };
        assert_eq!(stamp.encode(), "0192f3a4b5c6-0003-3f9a2c1d8e7b4a60");
        assert_eq!(stamp.encode().parse::<Hlc>(), Ok(stamp));
        for bad in [
            "",
            "0192F3A4B5C6-0003-3f9a2c1d8e7b4a60",
            "0192f3a4b5c6-0003-3f9a2c1d8e7b4a6",
            "0192f3a4b5c6_0003-3f9a2c1d8e7b4a60",
            "0192f3a4b5c6-0003-3f9a2c1d8e7b4a60 ",
            "+192f3a4b5c6-0003-3f9a2c1d8e7b4a60",
        ] {
            assert!(bad.parse::<Hlc>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_legacy_stamp_keeps_microseconds_and_matches_the_migration() {
        // The value the research note checked with SQLite's printf for the same timestamp.
        let at = DateTime::parse_from_rfc3339("2026-11-20T18:30:00.123456Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            Hlc::legacy(&at).encode(),
            "01a1fa38f8bb-01c8-0000000000000000"
        );
    }

    #[test]
    fn a_stamp_too_far_ahead_is_refused_and_one_within_two_years_advances_the_clock() {
        let now = 1_800_000_000_000;
        let near = Hlc {
            ms: now + MAX_AHEAD_MS,
            counter: 0,
            device: HERE,
        };
        assert_eq!(observe((now, 0), near, now), Ok(near.state()));
        let far = Hlc {
            ms: now + MAX_AHEAD_MS + 1,
            ..near
        };
        assert_eq!(observe((now, 0), far, now), Err(TooFarAhead(far)));
        // Seen from ahead, the next local change still comes after it.
        let next = tick(near.state(), now, DeviceId::LEGACY);
        assert!(next > near);
    }

    #[test]
    fn a_full_counter_borrows_a_millisecond() {
        let next = tick((5, u16::MAX), 5, HERE);
        assert_eq!((next.ms, next.counter), (6, 0));
    }

    fn device() -> impl Strategy<Value = DeviceId> {
        any::<[u8; 8]>().prop_map(DeviceId)
    }

    fn stamp() -> impl Strategy<Value = Hlc> {
        (0..=MAX_MS, any::<u16>(), device()).prop_map(|(ms, counter, device)| Hlc {
            ms,
            counter,
            device,
        })
    }

    proptest! {
        #[test]
        fn text_order_is_stamp_order(a in stamp(), b in stamp()) {
            prop_assert_eq!(a.cmp(&b), a.encode().cmp(&b.encode()));
            prop_assert_eq!(a.encode().parse::<Hlc>(), Ok(a));
        }

        #[test]
        fn every_tick_is_later_than_everything_seen(
            start in (0..MAX_MS / 2, any::<u16>()),
            steps in proptest::collection::vec((0..MAX_MS / 2, any::<bool>(), stamp()), 1..40),
            here in device(),
        ) {
            let mut state = start;
            let mut last: Option<Hlc> = None;
            for (now, sees, remote) in steps {
                if sees && let Ok(seen) = observe(state, remote, now) {
                    prop_assert!(seen >= state);
                    state = seen;
                }
                let stamp = tick(state, now, here);
                prop_assert!(stamp.state() > state, "{stamp:?} after {state:?}");
                if let Some(last) = last {
                    prop_assert!(stamp > last);
                }
                state = stamp.state();
                last = Some(stamp);
            }
        }
    }
}
