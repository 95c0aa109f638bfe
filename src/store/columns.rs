//! Columns as domain values: fast `YYYY-MM-DD` dates, and roles and steps stored as words.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::model::{Role, Step};

/// Reads a `YYYY-MM-DD` column. Hot queries read thousands of dates, and this is several
/// times cheaper than chrono's general format parser, which rusqlite's own conversion uses.
pub fn date_at(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<chrono::NaiveDate> {
    let text = row.get_ref(index)?.as_str()?;
    parse_iso_date(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("{text:?} is not a YYYY-MM-DD date").into(),
        )
    })
}

fn parse_iso_date(text: &str) -> Option<chrono::NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    chrono::NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

pub fn text_column<T: std::str::FromStr>(value: ValueRef<'_>) -> FromSqlResult<T> {
    let text = value.as_str()?;
    text.parse()
        .map_err(|_| FromSqlError::Other(format!("unexpected value {text:?}").into()))
}

impl ToSql for Role {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for Role {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        text_column(value)
    }
}

impl ToSql for Step {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.id().into())
    }
}

impl FromSql for Step {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        text_column(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_fast_and_strictly() {
        assert_eq!(
            parse_iso_date("2026-11-21"),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 21)
        );
        for bad in [
            "2026-02-30",
            "2026-1-21",
            "2026/11/21",
            "20261121xx",
            "",
            "2026-11-2x",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
