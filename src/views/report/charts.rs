//! The weekly line charts of the report (trust, closeness) and what every chart shares: each
//! is a `<figure>` with its words, the chart, and the table of the numbers it draws. Every figure comes from [`Progress`]; nothing is computed
//! here beyond placing it on the page. A chart with too little to show says so in words
//! instead of drawing empty axes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::html::{escape, num, text};
use super::svg::{self, Frame, WIDTH};
use crate::domain::dates::in_words;
use crate::domain::progress::{Progress, WeekPartner};
use crate::views::narration::{self, ONE_WEEK, THIN, TrustWords};

/// A partner as the charts show them: their place (which colour, shape and dash) and name.
pub struct Partner<'a> {
    pub index: usize,
    /// The name as stored, to look up figures.
    pub key: &'a str,
    /// The name escaped for the page.
    pub name: String,
}

pub fn partners(p: &Progress) -> Vec<Partner<'_>> {
    p.partners
        .0
        .iter()
        .enumerate()
        .map(|(index, (key, _))| Partner {
            index,
            key,
            name: text(key),
        })
        .collect()
}

pub(super) fn week_of<'a>(
    p: &'a Progress,
    week: usize,
    partner: &Partner,
) -> Option<&'a WeekPartner> {
    p.weeks.get(week).and_then(|w| w.partners.get(partner.key))
}

pub(super) fn starts(p: &Progress) -> Vec<NaiveDate> {
    p.weeks.iter().map(|w| w.start).collect()
}

/// "Monday 16 November 2026", for the week a mark belongs to.
pub(super) fn week_words(start: NaiveDate) -> String {
    format!("week of {}", in_words(start))
}

/// The `<details>` that holds a chart's numbers: one click away on screen, so the page reads
/// as pictures and words, and printed open (see the stylesheet).
pub(super) fn numbers(caption: &str, head: &str, rows: &str) -> String {
    format!(
        "<details class=\"numbers\"><summary>The numbers behind this chart</summary>\n\
<table><caption>{}</caption>\n<thead>{head}</thead>\n<tbody>\n{rows}</tbody></table></details>\n",
        escape(caption)
    )
}

/// A header row: "Week of", then one column per partner for each of `columns`.
pub(super) fn head(partners: &[Partner], columns: &[&str]) -> String {
    let mut out = String::from("<tr><th scope=\"col\">Week of</th>");
    for partner in partners {
        for column in columns {
            let label = if column.is_empty() {
                partner.name.clone()
            } else {
                format!("{}, {}", partner.name, escape(column))
            };
            let _ = write!(out, "<th scope=\"col\">{label}</th>");
        }
    }
    out.push_str("</tr>");
    out
}

pub(super) fn row(start: NaiveDate, cells: &[String]) -> String {
    let mut out = format!(
        "<tr><th scope=\"row\">{}</th>",
        start.format("%a %-d %b %Y")
    );
    for cell in cells {
        let _ = write!(out, "<td>{cell}</td>");
    }
    out.push_str("</tr>\n");
    out
}

/// The rows of a chart's data table, one per week: each partner's cells, in partner order.
pub(super) fn week_rows(
    p: &Progress,
    partners: &[Partner],
    cells: impl Fn(Option<&WeekPartner>) -> Vec<String>,
) -> String {
    p.weeks
        .iter()
        .map(|week| {
            let cells: Vec<String> = partners
                .iter()
                .flat_map(|partner| cells(week.partners.get(partner.key)))
                .collect();
            row(week.start, &cells)
        })
        .collect()
}

/// A weekly line chart as a figure: what is said about it as its caption, then the lines and
/// their legend, or instead a note (`too_little`) when one week is too little for a line.
fn figure(
    p: &Progress,
    partners: &[Partner],
    said: &[String],
    enough: bool,
    series: &Series<'_>,
    too_little: &str,
) -> String {
    let mut out = String::from("<figure>\n<figcaption>");
    for line in said {
        let _ = write!(out, "<span class=\"said\">{}.</span> ", escape(line));
    }
    out.push_str("</figcaption>\n");
    if enough {
        out.push_str(&legend_lines(partners, series.hollow));
        out.push_str(&lines(p, partners, series));
    } else {
        let _ = writeln!(out, "<p class=\"empty\">{too_little}; {ONE_WEEK}.</p>");
    }
    out.push_str("</figure>\n");
    out
}

fn legend_lines(partners: &[Partner], hollow: bool) -> String {
    let mut out = String::from("<ul class=\"legend\">");
    for partner in partners {
        let _ = write!(
            out,
            "<li>{}<span>{}</span></li>",
            svg::line_swatch(partner.index, hollow),
            partner.name
        );
    }
    out.push_str("</ul>\n");
    out
}

/// How many weeks the partner has a value in.
fn weeks_with(
    p: &Progress,
    partner: &Partner,
    value: impl Fn(&WeekPartner) -> Option<f64>,
) -> usize {
    (0..p.weeks.len())
        .filter(|&w| week_of(p, w, partner).and_then(&value).is_some())
        .count()
}

/// What one line chart draws.
struct Series<'a> {
    id: &'a str,
    title: &'a str,
    desc: &'a str,
    /// The week's figure to draw.
    value: &'a dyn Fn(&WeekPartner) -> Option<f64>,
    /// How a mark's tooltip names the figure ("trust").
    what: &'a str,
    /// Rings instead of filled markers.
    hollow: bool,
}

/// A weekly line chart on the 1 to 10 scale: one line with a marker per week with data for
/// each partner, solid between consecutive weeks and dotted across weeks without data.
fn lines(p: &Progress, partners: &[Partner], series: &Series) -> String {
    let Series {
        id,
        title,
        desc,
        value,
        what,
        hollow,
    } = *series;
    let frame = Frame {
        width: WIDTH,
        height: 250.0,
        left: 40.0,
        right: 16.0,
        top: 14.0,
        bottom: 44.0,
    };
    let count = p.weeks.len();
    // Markers shrink with the weeks so a long window stays a line with beads, not a smear.
    let radius = (frame.band(count) * 0.3).clamp(1.2, 4.5);
    let small = if radius < 3.0 { " small" } else { "" };
    let mut out = svg::open(id, "chart", frame.width, frame.height, title, desc);
    let ticks: Vec<(f64, String)> = [1.0, 4.0, 7.0, 10.0]
        .iter()
        .map(|v| (*v, format!("{v}")))
        .collect();
    out.push_str(&svg::grid(&frame, &ticks, 1.0, 10.0));
    out.push_str(&svg::week_labels(&frame, &starts(p)));
    for partner in partners {
        let points: Vec<(usize, f64)> = (0..count)
            .filter_map(|w| week_of(p, w, partner).and_then(value).map(|v| (w, v)))
            .collect();
        let at = |(w, v): (usize, f64)| (frame.x(w, count), frame.y(v, 1.0, 10.0));
        let mut solid = String::new();
        let mut dotted = String::new();
        for pair in points.windows(2) {
            let ((x1, y1), (x2, y2)) = (at(pair[0]), at(pair[1]));
            let path = if pair[1].0 == pair[0].0 + 1 {
                &mut solid
            } else {
                &mut dotted
            };
            let _ = write!(path, "M{} {}L{} {}", num(x1), num(y1), num(x2), num(y2));
        }
        let i = partner.index;
        if !dotted.is_empty() {
            let _ = writeln!(out, "<path class=\"gap p{i}\" d=\"{dotted}\"/>");
        }
        if !solid.is_empty() {
            let _ = writeln!(out, "<path class=\"line p{i}{small}\" d=\"{solid}\"/>");
        }
        let class = if hollow {
            format!("mark hollow p{i}{small}")
        } else {
            format!("mark dot p{i}{small}")
        };
        for (w, v) in points {
            let (x, y) = at((w, v));
            let tooltip = format!(
                "{}, {}: {what} {}",
                sanitized(partner.key),
                week_words(p.weeks[w].start),
                narration::mean(Some(v))
            );
            let extra = format!(
                " data-week=\"{}\" data-value=\"{}\"",
                p.weeks[w].start,
                narration::mean(Some(v))
            );
            out.push_str(&svg::marker(i, x, y, radius, &class, &extra, &tooltip));
            out.push('\n');
        }
    }
    out.push_str("</svg>\n");
    out
}

/// A partner's name as plain text (not yet escaped), for tooltips that are escaped whole.
pub(super) fn sanitized(name: &str) -> String {
    crate::text::sanitize::line(name).into_owned()
}

/// Weekly trust per partner, with the trend in the words `progress` uses.
pub fn trust(p: &Progress, partners: &[Partner]) -> String {
    let mut out = String::from(
        "<section id=\"trust\">\n<div class=\"keep\">\n<h2>Trust, week by week</h2>\n\
<p class=\"lead\">Each point is one week's average answer to \u{201c}How much do you trust your \
partner today?\u{201d}, from 1 to 10.</p>\n",
    );
    let said: Vec<String> = partners
        .iter()
        .map(|partner| {
            let summary = p.partners.get(partner.key);
            let trust = summary.map(|s| TrustWords::of(s, p.weeks.len()));
            let words = match trust {
                Some(TrustWords {
                    span: Some(span),
                    words,
                }) => format!("{span}, {words}"),
                Some(TrustWords { span: None, words }) => words,
                None => format!("no check-ins yet; {THIN}"),
            };
            format!("{}: {words}", sanitized(partner.key))
        })
        .collect();
    let any = partners.iter().any(|x| weeks_with(p, x, |w| w.trust) > 0);
    let enough = partners.iter().any(|x| weeks_with(p, x, |w| w.trust) >= 2);
    if !any {
        let _ = writeln!(
            out,
            "<p class=\"empty\">No check-ins in these weeks yet; {THIN}.</p>\n</div>\n</section>"
        );
        return out;
    }
    let desc = format!(
        "Weekly average trust from 1 to 10 over {}. {}.",
        narration::weeks(p.weeks.len() as u32),
        said.join(". ")
    );
    out.push_str(&figure(
        p,
        partners,
        &said,
        enough,
        &Series {
            id: "trust-chart",
            title: "Trust, week by week",
            desc: &desc,
            value: &|w| w.trust,
            what: "trust",
            hollow: false,
        },
        "One week of check-ins so far, too little for a line",
    ));
    let rows = week_rows(p, partners, |w| {
        vec![
            narration::mean(w.and_then(|w| w.trust)),
            w.map_or(0, |w| w.checkins).to_string(),
        ]
    });
    out.push_str("</div>\n");
    out.push_str(&numbers(
        "Weekly average trust (1 to 10) and days checked in; – means no check-in that week.",
        &head(partners, &["trust", "days"]),
        &rows,
    ));
    out.push_str("</section>\n");
    out
}

/// Weekly closeness (the check-in's connection answer) per partner.
pub fn closeness(p: &Progress, partners: &[Partner]) -> String {
    let mut out = String::from(
        "<section id=\"closeness\">\n<div class=\"keep\">\n<h2>Closeness, week by week</h2>\n\
<p class=\"lead\">Each ring is one week's average answer to \u{201c}How close do you feel to your \
partner today?\u{201d}, from 1 to 10.</p>\n",
    );
    let count = p.weeks.len();
    let said: Vec<String> = partners
        .iter()
        .map(|partner| {
            let with = weeks_with(p, partner, |w| w.connection);
            let latest = (0..count)
                .rev()
                .find_map(|w| week_of(p, w, partner).and_then(|w| w.connection));
            let name = sanitized(partner.key);
            match latest {
                Some(latest) => format!(
                    "{name}: answered in {with} of {count} weeks, most recently {}",
                    narration::mean(Some(latest))
                ),
                None => format!("{name}: no answers in these weeks"),
            }
        })
        .collect();
    let any = partners
        .iter()
        .any(|x| weeks_with(p, x, |w| w.connection) > 0);
    if !any {
        let _ = writeln!(
            out,
            "<p class=\"empty\">No answers about closeness in these weeks yet; {THIN}.</p>\n</div>\n</section>"
        );
        return out;
    }
    let enough = partners
        .iter()
        .any(|x| weeks_with(p, x, |w| w.connection) >= 2);
    let desc = format!(
        "Weekly average closeness from 1 to 10 over {}. {}.",
        narration::weeks(count as u32),
        said.join(". ")
    );
    out.push_str(&figure(
        p,
        partners,
        &said,
        enough,
        &Series {
            id: "closeness-chart",
            title: "Closeness, week by week",
            desc: &desc,
            value: &|w| w.connection,
            what: "closeness",
            hollow: true,
        },
        "One week of answers so far, too little for a line",
    ));
    let rows = week_rows(p, partners, |w| {
        vec![narration::mean(w.and_then(|w| w.connection))]
    });
    out.push_str("</div>\n");
    out.push_str(&numbers(
        "Weekly average closeness (1 to 10); – means no answer that week.",
        &head(partners, &[""]),
        &rows,
    ));
    out.push_str("</section>\n");
    out
}
