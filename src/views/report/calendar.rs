//! The check-in calendar: one square per day per partner, shaded by that day's trust, weeks as
//! columns and Monday to Sunday down, like a "year in pixels". Partners get a grid each, with
//! their name on it, so nothing depends on telling two colours apart.

use std::fmt::Write as _;

use chrono::{Datelike, Days, NaiveDate};

use super::charts::Partner;
use super::html::{escape, num};
use super::svg::{self, WIDTH};
use crate::domain::dates::in_words;
use crate::domain::progress::Calendar;
use crate::views::narration::THIN;

/// The most weeks in one row of grids: about a year, so a long window wraps by year.
const WEEKS_PER_ROW: usize = 53;
/// Room on the left for weekday names, and above for the name and months.
const LEFT: f64 = 34.0;
const TOP: f64 = 38.0;
const GUTTER: f64 = 28.0;

/// The squares of one partner's check-ins as (day index, trust).
fn trust_of<'a>(calendar: &'a Calendar, partner: &Partner) -> &'a [Option<u8>] {
    calendar
        .trust
        .get(partner.key)
        .map_or(&[][..], |days| days.as_slice())
}

pub fn section(calendar: &Calendar, partners: &[Partner]) -> String {
    let mut out = String::from(
        "<section id=\"calendar\">\n<div class=\"keep\">\n<h2>Check-in calendar</h2>\n\
<p class=\"lead\">One square for each day and each of you, Monday at the top, shaded by the \
trust that day's check-in gave, from 1 to 10 as the key shows; an empty square is a day \
without one, and days before you began have no square.</p>\n",
    );
    if !calendar.any() {
        let _ = writeln!(
            out,
            "<p class=\"empty\">No check-ins in these weeks yet; {THIN}.</p>\n</div>\n</section>"
        );
        return out;
    }
    let days = calendar.counted_days();
    let since = if calendar.began.is_some() {
        " since you began"
    } else {
        ""
    };
    let said: Vec<String> = partners
        .iter()
        .map(|partner| {
            let checked = trust_of(calendar, partner).iter().flatten().count();
            format!(
                "{} checked in on {checked} of {}{since}",
                crate::text::sanitize::line(partner.key),
                crate::views::narration::days(days as u32)
            )
        })
        .collect();
    let desc = format!(
        "A square for each day from {} to {}, for each of you, shaded by that day's trust \
from 1 to 10. {}.",
        in_words(calendar.from),
        in_words(calendar.until),
        said.join("; ")
    );
    out.push_str("<figure>\n<figcaption>");
    let _ = write!(
        out,
        "<span class=\"said\">{}.</span>",
        escape(&said.join("; "))
    );
    out.push_str("</figcaption>\n<ul class=\"legend\"><li><span>trust 1</span>");
    for t in 1..=10 {
        let _ = write!(out, "{}", svg::bar_swatch(&format!("swatch t{t}")));
    }
    let _ = writeln!(
        out,
        "<span>10</span></li><li>{}<span>no check-in</span></li></ul>",
        svg::bar_swatch("swatch none")
    );
    out.push_str(&grids(calendar, partners, &desc));
    out.push_str("</figure>\n");
    out.push_str("</div>\n");
    out.push_str(&table(calendar, partners));
    out.push_str("</section>\n");
    out
}

fn grids(calendar: &Calendar, partners: &[Partner], desc: &str) -> String {
    let weeks = calendar.len().div_ceil(7);
    let rows_of_weeks = weeks.div_ceil(WEEKS_PER_ROW).max(1);
    let columns = weeks.clamp(1, WEEKS_PER_ROW);
    let pitch = ((WIDTH - LEFT - 10.0) / columns as f64).clamp(12.0, 26.0);
    let cell = pitch - 3.0;
    // Wide enough for the grid and for its name line (the name in bold, then its dates), so a
    // long name never runs into the next grid or off the edge.
    let label = partners
        .iter()
        .map(|p| {
            let name = crate::text::sanitize::line(p.key).chars().count() as f64;
            LEFT + name * 8.5 + 26.0 * 6.5
        })
        .fold(0.0, f64::max);
    let block_width = (LEFT + columns as f64 * pitch).max(label);
    let block_height = TOP + 7.0 * pitch + 16.0;
    // Grids side by side when they fit (a short window), else one under the other.
    let across = (((WIDTH + GUTTER) / (block_width + GUTTER)).floor() as usize)
        .clamp(1, partners.len().max(1));
    let blocks = rows_of_weeks * partners.len();
    let lines = blocks.div_ceil(across);
    let width = across as f64 * block_width + (across - 1) as f64 * GUTTER;
    let height = lines as f64 * block_height;
    let mut out = svg::open(
        "calendar-chart",
        "chart fixed",
        width,
        height,
        "Check-in calendar",
        desc,
    );
    let mut block = 0;
    for chunk in 0..rows_of_weeks {
        let first_week = chunk * WEEKS_PER_ROW;
        let last_week = (first_week + WEEKS_PER_ROW).min(weeks);
        for partner in partners {
            let ox = (block % across) as f64 * (block_width + GUTTER);
            let oy = (block / across) as f64 * block_height;
            block += 1;
            let shown_until = calendar
                .date((last_week * 7).min(calendar.len()).saturating_sub(1))
                .min(calendar.until);
            let _ = writeln!(
                out,
                "<text class=\"name\" x=\"{}\" y=\"{}\">{}<tspan class=\"range\"> · {}</tspan></text>",
                num(ox + LEFT),
                num(oy + 14.0),
                partner.name,
                span(calendar.date(first_week * 7), shown_until)
            );
            for (row, day) in [(0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")] {
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{day}</text>",
                    num(ox + LEFT - 6.0),
                    num(oy + TOP + row as f64 * pitch + cell * 0.5 + 4.0)
                );
            }
            out.push('\n');
            out.push_str(&months(calendar, first_week, last_week, ox, oy, pitch));
            let trust = trust_of(calendar, partner);
            for week in first_week..last_week {
                for weekday in 0..7 {
                    let index = week * 7 + weekday;
                    if index >= calendar.len() {
                        break;
                    }
                    let date = calendar.date(index);
                    if calendar.began.is_some_and(|began| date < began) {
                        // Before the journal began: no square, so it cannot read as a miss.
                        continue;
                    }
                    let value = trust.get(index).copied().flatten();
                    let (class, said, data) = match value {
                        Some(t) => (
                            format!("cell t{}", t.clamp(1, 10)),
                            format!("trust {t}"),
                            t.to_string(),
                        ),
                        None => (
                            "cell none".to_string(),
                            "no check-in".to_string(),
                            String::new(),
                        ),
                    };
                    let tooltip = format!(
                        "{}, {}: {said}",
                        crate::text::sanitize::line(partner.key),
                        in_words(date)
                    );
                    let inset = if value.is_some() { 0.0 } else { 0.5 };
                    let _ = writeln!(
                        out,
                        "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" \
rx=\"2\" data-date=\"{date}\" data-value=\"{data}\"><title>{}</title></rect>",
                        num(ox + LEFT + (week - first_week) as f64 * pitch + inset),
                        num(oy + TOP + weekday as f64 * pitch + inset),
                        num(cell - 2.0 * inset),
                        num(cell - 2.0 * inset),
                        escape(&tooltip)
                    );
                }
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

/// Month names over the first column of each month ("Jan 2026" when there is room); a name
/// too close to the next one is left out. The grid's own dates, with years, are on its name
/// line, so no year is ever missing.
fn months(calendar: &Calendar, first: usize, last: usize, ox: f64, oy: f64, pitch: f64) -> String {
    // About 7 units a character at the labels' size, and a little air.
    let fits =
        |label: &str, columns: usize| label.len() as f64 * 7.0 + 6.0 <= columns as f64 * pitch;
    let mut marks: Vec<(usize, NaiveDate)> = Vec::new();
    for week in first..last {
        let monday = calendar.from + Days::new(7 * week as u64);
        let first_of_month = (0..7).map(|d| monday + Days::new(d)).find(|d| d.day() == 1);
        if let Some(day) = first_of_month {
            marks.push((week, day));
        } else if week == first {
            marks.push((week, monday));
        }
    }
    let mut out = String::new();
    for (i, (week, date)) in marks.iter().enumerate() {
        // The last name may run a column past the grid, no further.
        let room = marks
            .get(i + 1)
            .map_or(last - week + 1, |(next, _)| next - week);
        let short = date.format("%b").to_string();
        let long = date.format("%b %Y").to_string();
        let label = if (date.month() == 1 || i == 0) && fits(&long, room) {
            long
        } else if fits(&short, room) {
            short
        } else {
            continue;
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\">{label}</text>",
            num(ox + LEFT + (week - first) as f64 * pitch),
            num(oy + TOP - 8.0)
        );
    }
    out.push('\n');
    out
}

/// "28 Sep – 21 Nov 2026", or "24 Nov 2025 – 21 Nov 2026" across a new year.
fn span(from: NaiveDate, until: NaiveDate) -> String {
    if from.year() == until.year() {
        format!("{} – {}", from.format("%-d %b"), until.format("%-d %b %Y"))
    } else {
        format!(
            "{} – {}",
            from.format("%-d %b %Y"),
            until.format("%-d %b %Y")
        )
    }
}

fn table(calendar: &Calendar, partners: &[Partner]) -> String {
    let mut head = String::from("<tr><th scope=\"col\">Week of</th>");
    for partner in partners {
        let _ = write!(
            head,
            "<th scope=\"col\">{}, Monday to Sunday</th>",
            partner.name
        );
    }
    head.push_str("</tr>");
    let mut rows = String::new();
    for week in 0..calendar.len().div_ceil(7) {
        let start = calendar.date(week * 7);
        let _ = write!(
            rows,
            "<tr><th scope=\"row\">{}</th>",
            start.format("%a %-d %b %Y")
        );
        for partner in partners {
            let trust = trust_of(calendar, partner);
            let days: Vec<String> = (week * 7..(week * 7 + 7).min(calendar.len()))
                .map(|i| {
                    if calendar.began.is_some_and(|began| calendar.date(i) < began) {
                        return "·".to_string();
                    }
                    trust
                        .get(i)
                        .copied()
                        .flatten()
                        .map_or_else(|| "–".to_string(), |t| t.to_string())
                })
                .collect();
            let _ = write!(rows, "<td class=\"days\">{}</td>", days.join(" "));
        }
        rows.push_str("</tr>\n");
    }
    format!(
        "<details class=\"numbers\"><summary>The numbers behind this chart</summary>\n\
<table><caption>Each day's trust, Monday to Sunday; – means no check-in that day, · a day \
before you began.</caption>\n\
<thead>{head}</thead>\n<tbody>\n{rows}</tbody></table></details>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progress::ByPartner;

    fn calendar(days: usize, sam: &[(usize, u8)]) -> Calendar {
        let from = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        let mut trust = vec![None; days];
        for (day, t) in sam {
            trust[*day] = Some(*t);
        }
        Calendar {
            from,
            began: None,
            until: from + Days::new(days as u64 - 1),
            trust: ByPartner(vec![
                ("Sam".into(), trust),
                ("Alex".into(), vec![None; days]),
            ]),
        }
    }

    fn partners() -> Vec<Partner<'static>> {
        vec![
            Partner {
                index: 0,
                key: "Sam",
                name: "Sam".into(),
            },
            Partner {
                index: 1,
                key: "Alex",
                name: "Alex".into(),
            },
        ]
    }

    #[test]
    fn a_square_per_day_per_partner_shaded_by_trust() {
        // Monday 2 to Saturday 21 November: 20 days.
        let c = calendar(20, &[(0, 4), (19, 9)]);
        let html = section(&c, &partners());
        assert_eq!(html.matches("<rect class=\"cell ").count(), 40);
        assert_eq!(html.matches("<rect class=\"cell none\"").count(), 38);
        assert!(html.contains("class=\"cell t4\" "));
        assert!(html.contains("data-date=\"2026-11-21\" data-value=\"9\""));
        assert!(html.contains("Sam checked in on 2 of 20 days; Alex checked in on 0 of 20 days"));
        // The table: Saturday the 21st ends the third week, with Sunday left out.
        assert!(
            html.contains("<td class=\"days\">– – – – – 9</td>"),
            "{html}"
        );
    }

    #[test]
    fn no_check_ins_say_so_instead_of_an_empty_grid() {
        let html = section(&calendar(7, &[]), &partners());
        assert!(!html.contains("<svg"));
        assert!(html.contains("check in on a few more days to see a trend"));
    }

    #[test]
    fn a_long_window_wraps_by_year() {
        // 520 weeks: ten rows of at most 53 weeks, two grids each, and every day drawn.
        let c = calendar(520 * 7, &[(0, 5)]);
        let html = section(&c, &partners());
        assert_eq!(html.matches("<rect class=\"cell ").count(), 520 * 7 * 2);
        assert_eq!(html.matches("<text class=\"name\"").count(), 10 * 2);
    }
}
