//! The weekly charts of the report, each a `<figure>` with its words, the chart, and the
//! table of the numbers it draws. Every figure comes from [`Progress`]; nothing is computed
//! here beyond placing it on the page. A chart with too little to show says so in words
//! instead of drawing empty axes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::html::{escape, num, text};
use super::svg::{self, Frame, WIDTH};
use crate::dates::in_words;
use crate::progress::words::{self, THIN, TrustWords};
use crate::progress::{Progress, WeekPartner};

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

fn week_of<'a>(p: &'a Progress, week: usize, partner: &Partner) -> Option<&'a WeekPartner> {
    p.weeks.get(week).and_then(|w| w.partners.get(partner.key))
}

fn starts(p: &Progress) -> Vec<NaiveDate> {
    p.weeks.iter().map(|w| w.start).collect()
}

/// "Monday 16 November 2026", for the week a mark belongs to.
fn week_words(start: NaiveDate) -> String {
    format!("week of {}", in_words(start))
}

/// The `<details>` that holds a chart's numbers: one click away on screen, so the page reads
/// as pictures and words, and printed open (see the stylesheet).
fn numbers(caption: &str, head: &str, rows: &str) -> String {
    format!(
        "<details class=\"numbers\"><summary>The numbers behind this chart</summary>\n\
<table><caption>{}</caption>\n<thead>{head}</thead>\n<tbody>\n{rows}</tbody></table></details>\n",
        escape(caption)
    )
}

/// A header row: "Week of", then one column per partner for each of `columns`.
fn head(partners: &[Partner], columns: &[&str]) -> String {
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

fn row(start: NaiveDate, cells: &[String]) -> String {
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

/// A weekly line chart on the 1 to 10 scale: one line with a marker per week with data for
/// each partner, solid between consecutive weeks and dotted across weeks without data.
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
                words::mean(Some(v))
            );
            let extra = format!(
                " data-week=\"{}\" data-value=\"{}\"",
                p.weeks[w].start,
                words::mean(Some(v))
            );
            out.push_str(&svg::marker(i, x, y, radius, &class, &extra, &tooltip));
            out.push('\n');
        }
    }
    out.push_str("</svg>\n");
    out
}

/// A partner's name as plain text (not yet escaped), for tooltips that are escaped whole.
fn sanitized(name: &str) -> String {
    crate::sanitize::line(name).into_owned()
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
            let trust = summary.map(TrustWords::of);
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
        words::weeks(p.weeks.len() as u32),
        said.join(". ")
    );
    out.push_str("<figure>\n<figcaption>");
    for line in &said {
        let _ = write!(out, "<span class=\"said\">{}.</span> ", escape(line));
    }
    out.push_str("</figcaption>\n");
    if enough {
        out.push_str(&legend_lines(partners, false));
        out.push_str(&lines(
            p,
            partners,
            &Series {
                id: "trust-chart",
                title: "Trust, week by week",
                desc: &desc,
                value: &|w| w.trust,
                what: "trust",
                hollow: false,
            },
        ));
    } else {
        let _ = writeln!(
            out,
            "<p class=\"empty\">One week of check-ins so far, too little for a line; {THIN}.</p>"
        );
    }
    out.push_str("</figure>\n");
    let rows: String = p
        .weeks
        .iter()
        .map(|week| {
            let cells: Vec<String> = partners
                .iter()
                .flat_map(|partner| {
                    let w = week.partners.get(partner.key);
                    [
                        words::mean(w.and_then(|w| w.trust)),
                        w.map_or(0, |w| w.checkins).to_string(),
                    ]
                })
                .collect();
            row(week.start, &cells)
        })
        .collect();
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
                    words::mean(Some(latest))
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
        words::weeks(count as u32),
        said.join(". ")
    );
    out.push_str("<figure>\n<figcaption>");
    for line in &said {
        let _ = write!(out, "<span class=\"said\">{}.</span> ", escape(line));
    }
    out.push_str("</figcaption>\n");
    if enough {
        out.push_str(&legend_lines(partners, true));
        out.push_str(&lines(
            p,
            partners,
            &Series {
                id: "closeness-chart",
                title: "Closeness, week by week",
                desc: &desc,
                value: &|w| w.connection,
                what: "closeness",
                hollow: true,
            },
        ));
    } else {
        let _ = writeln!(
            out,
            "<p class=\"empty\">One week of answers so far, too little for a line; {THIN}.</p>"
        );
    }
    out.push_str("</figure>\n");
    let rows: String = p
        .weeks
        .iter()
        .map(|week| {
            let cells: Vec<String> = partners
                .iter()
                .map(|partner| {
                    words::mean(week.partners.get(partner.key).and_then(|w| w.connection))
                })
                .collect();
            row(week.start, &cells)
        })
        .collect();
    out.push_str("</div>\n");
    out.push_str(&numbers(
        "Weekly average closeness (1 to 10); – means no answer that week.",
        &head(partners, &[""]),
        &rows,
    ));
    out.push_str("</section>\n");
    out
}

/// The share of promises kept each week per partner, as bars side by side: the first
/// partner's solid, the others' hatched.
pub fn keeping(p: &Progress, partners: &[Partner]) -> String {
    let mut out = String::from(
        "<section id=\"promises\">\n<div class=\"keep\">\n<h2>Promises kept</h2>\n\
<p class=\"lead\">Each bar is the share of a week's promises that were kept, counted for the \
one who made them. Skipped days count neither way.</p>\n",
    );
    let said: Vec<String> = partners
        .iter()
        .filter_map(|partner| {
            p.partners
                .get(partner.key)
                .map(|s| format!("{}: {}", sanitized(partner.key), words::keeping(s)))
        })
        .collect();
    let count = p.weeks.len();
    let recorded = |w: &WeekPartner| w.kept + w.missed > 0;
    let any = p
        .weeks
        .iter()
        .any(|week| week.partners.0.iter().any(|(_, w)| recorded(w)));
    out.push_str("<figure>\n<figcaption>");
    for line in &said {
        let _ = write!(out, "<span class=\"said\">{}.</span> ", escape(line));
    }
    out.push_str("</figcaption>\n");
    if !any {
        let _ = writeln!(
            out,
            "<p class=\"empty\">No promise was kept or missed in these weeks, so there is \
nothing to draw yet. <code>rekindle promise keep</code> and <code>rekindle promise miss</code> \
record them.</p>\n</figure>\n</div>\n</section>"
        );
        return out;
    }
    let mut legend = String::from("<ul class=\"legend\">");
    for partner in partners {
        let _ = write!(
            legend,
            "<li>{}<span>{}</span></li>",
            svg::bar_swatch(&bar_class(partner.index)),
            partner.name
        );
    }
    legend.push_str("</ul>\n");
    out.push_str(&legend);
    let frame = Frame {
        width: WIDTH,
        height: 230.0,
        left: 46.0,
        right: 16.0,
        top: 14.0,
        bottom: 44.0,
    };
    let desc = format!(
        "The share of promises kept each week over {}, one bar per person for each week \
with something recorded. {}.",
        words::weeks(count as u32),
        said.join(". ")
    );
    out.push_str(&svg::open(
        "promises-chart",
        "chart",
        frame.width,
        frame.height,
        "Promises kept, week by week",
        &desc,
    ));
    let ticks: Vec<(f64, String)> = [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")]
        .iter()
        .map(|(v, l)| (*v, l.to_string()))
        .collect();
    out.push_str(&svg::grid(&frame, &ticks, 0.0, 1.0));
    out.push_str(&svg::week_labels(&frame, &starts(p)));
    let group = frame.band(count) * 0.74;
    let width = group / partners.len().max(1) as f64;
    let base = frame.y(0.0, 0.0, 1.0);
    for (w, week) in p.weeks.iter().enumerate() {
        for partner in partners {
            let Some(figures) = week.partners.get(partner.key).filter(|f| recorded(f)) else {
                continue;
            };
            let rate = figures.keeping_rate.unwrap_or(0.0);
            // A week with every promise missed still shows a sliver, so it reads as 0%, not
            // as nothing recorded.
            let top = frame.y(rate, 0.0, 1.0).min(base - 2.0);
            let x = frame.x(w, count) - group / 2.0 + width * partner.index as f64;
            let total = figures.kept + figures.missed;
            let tooltip = format!(
                "{}, {}: {} of {total} kept ({})",
                sanitized(partner.key),
                week_words(week.start),
                figures.kept,
                words::percent(figures.keeping_rate)
            );
            let _ = writeln!(
                out,
                "<rect class=\"mark {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" \
data-week=\"{}\" data-value=\"{}\"><title>{}</title></rect>",
                bar_class(partner.index),
                num(x + 0.5),
                num(top),
                num((width - 1.0).max(1.0)),
                num(base - top),
                week.start,
                words::percent(figures.keeping_rate),
                escape(&tooltip)
            );
        }
    }
    out.push_str("</svg>\n</figure>\n");
    let rows: String = p
        .weeks
        .iter()
        .map(|week| {
            let cells: Vec<String> = partners
                .iter()
                .map(|partner| match week.partners.get(partner.key) {
                    Some(w) if recorded(w) => format!(
                        "{} of {} ({})",
                        w.kept,
                        w.kept + w.missed,
                        words::percent(w.keeping_rate)
                    ),
                    _ => "–".to_string(),
                })
                .collect();
            row(week.start, &cells)
        })
        .collect();
    out.push_str("</div>\n");
    out.push_str(&numbers(
        "Promises kept of those kept or missed each week; – means none recorded.",
        &head(partners, &[""]),
        &rows,
    ));
    out.push_str("</section>\n");
    out
}

/// The first partner's bars are solid; the others' are hatched, so they differ on paper too.
fn bar_class(index: usize) -> String {
    if index == 0 {
        "bar p0".to_string()
    } else {
        format!("bar hatched p{}", index % 4)
    }
}

/// Pleasant feelings above the line and unpleasant below, week by week, one panel each.
pub fn feelings(p: &Progress, partners: &[Partner]) -> String {
    let mut out = String::from(
        "<section id=\"feelings\">\n<div class=\"keep\">\n<h2>Feelings, week by week</h2>\n\
<p class=\"lead\">How many pleasant and unpleasant feelings each of you named each week, in \
check-ins and with <code>rekindle feel</code>. Pleasant ones rise above the line, unpleasant \
ones hang below it.</p>\n",
    );
    let totals: Vec<(u32, u32)> = partners
        .iter()
        .map(|partner| {
            p.weeks
                .iter()
                .filter_map(|w| w.partners.get(partner.key))
                .fold((0, 0), |(a, b), w| (a + w.pleasant, b + w.unpleasant))
        })
        .collect();
    let said: Vec<String> = partners
        .iter()
        .zip(&totals)
        .map(|(partner, (pleasant, unpleasant))| {
            format!(
                "{}: {pleasant} pleasant and {unpleasant} unpleasant",
                sanitized(partner.key)
            )
        })
        .collect();
    if totals.iter().all(|(a, b)| a + b == 0) {
        let _ = writeln!(
            out,
            "<p class=\"empty\">No pleasant or unpleasant feelings named in these weeks yet. \
Name a few in your check-ins, or any time with <code>rekindle feel</code>.</p>\n</div>\n</section>"
        );
        return out;
    }
    let count = p.weeks.len();
    let most = p
        .weeks
        .iter()
        .flat_map(|w| {
            w.partners
                .0
                .iter()
                .map(|(_, x)| x.pleasant.max(x.unpleasant))
        })
        .max()
        .unwrap_or(0)
        .max(1);
    // Each partner's panel: the name, then room for the tallest week above and below the line.
    let panel = 136.0;
    let half = 46.0;
    let frame = Frame {
        width: WIDTH,
        height: 8.0 + panel * partners.len() as f64 + 36.0,
        left: 40.0,
        right: 16.0,
        top: 8.0,
        bottom: 36.0,
    };
    let desc = format!(
        "Feelings named each week over {}, above the line pleasant, below it unpleasant. In \
all: {}.",
        words::weeks(count as u32),
        said.join("; ")
    );
    out.push_str("<figure>\n<figcaption>");
    let _ = write!(
        out,
        "<span class=\"said\">In these weeks, {}.</span>",
        escape(&said.join("; "))
    );
    out.push_str("</figcaption>\n<ul class=\"legend\">");
    let _ = writeln!(
        out,
        "<li>{}<span>pleasant, above the line</span></li><li>{}<span>unpleasant, below the \
line</span></li></ul>",
        svg::bar_swatch("pleasant"),
        svg::bar_swatch("unpleasant")
    );
    out.push_str(&svg::open(
        "feelings-chart",
        "chart",
        frame.width,
        frame.height,
        "Feelings, week by week",
        &desc,
    ));
    let band = frame.band(count);
    let width = (band * 0.6).max(1.0);
    for partner in partners {
        let top = frame.top + panel * partner.index as f64;
        let mid = top + 22.0 + half;
        let scale = |n: u32| half * f64::from(n) / f64::from(most);
        let _ = writeln!(
            out,
            "<text class=\"name\" x=\"{}\" y=\"{}\">{}</text>\
<line class=\"grid\" x1=\"{}\" y1=\"{hi}\" x2=\"{}\" y2=\"{hi}\"/>\
<line class=\"grid\" x1=\"{}\" y1=\"{lo}\" x2=\"{}\" y2=\"{lo}\"/>\
<line class=\"axis\" x1=\"{}\" y1=\"{m}\" x2=\"{}\" y2=\"{m}\"/>\
<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{most}</text>\
<text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>\
<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{most}</text>",
            num(frame.left),
            num(top + 12.0),
            partner.name,
            num(frame.left),
            num(frame.width - frame.right),
            num(frame.left),
            num(frame.width - frame.right),
            num(frame.left),
            num(frame.width - frame.right),
            num(frame.left - 8.0),
            num(mid - half + 4.0),
            num(frame.left - 8.0),
            num(mid + 4.0),
            num(frame.left - 8.0),
            num(mid + half + 4.0),
            m = num(mid),
            hi = num(mid - half),
            lo = num(mid + half),
        );
        for (w, week) in p.weeks.iter().enumerate() {
            let Some(f) = week.partners.get(partner.key) else {
                continue;
            };
            let x = frame.x(w, count) - width / 2.0;
            for (n, class, word, up) in [
                (f.pleasant, "pleasant", "pleasant", true),
                (f.unpleasant, "unpleasant", "unpleasant", false),
            ] {
                if n == 0 {
                    continue;
                }
                let h = scale(n).max(1.5);
                let y = if up { mid - h } else { mid };
                let tooltip = format!(
                    "{}, {}: {n} {word}",
                    sanitized(partner.key),
                    week_words(week.start)
                );
                let _ = writeln!(
                    out,
                    "<rect class=\"mark {class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" \
data-week=\"{}\" data-value=\"{n}\"><title>{}</title></rect>",
                    num(x),
                    num(y),
                    num(width),
                    num(h),
                    week.start,
                    escape(&tooltip)
                );
            }
        }
    }
    out.push_str(&svg::week_labels(&frame, &starts(p)));
    out.push_str("</svg>\n</figure>\n");
    let rows: String = p
        .weeks
        .iter()
        .map(|week| {
            let cells: Vec<String> = partners
                .iter()
                .flat_map(|partner| {
                    let w = week.partners.get(partner.key);
                    [
                        w.map_or(0, |w| w.pleasant).to_string(),
                        w.map_or(0, |w| w.unpleasant).to_string(),
                    ]
                })
                .collect();
            row(week.start, &cells)
        })
        .collect();
    out.push_str("</div>\n");
    out.push_str(&numbers(
        "Pleasant and unpleasant feelings named each week (feelings outside the vocabulary \
count as neither).",
        &head(partners, &["pleasant", "unpleasant"]),
        &rows,
    ));
    out.push_str("</section>\n");
    out
}
