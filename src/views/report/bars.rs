//! The weekly bar charts of the report: promises kept, and feelings named. Every figure comes
//! from [`Progress`]; a chart with nothing to show says so in words.

use std::fmt::Write as _;

use super::charts::{Partner, head, numbers, sanitized, starts, week_rows, week_words};
use super::html::{escape, num};
use super::svg::{self, Frame, WIDTH};
use crate::domain::progress::{Progress, WeekPartner};
use crate::views::narration;

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
                .map(|s| format!("{}: {}", sanitized(partner.key), narration::keeping(s)))
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
        narration::weeks(count as u32),
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
                narration::percent(figures.keeping_rate)
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
                narration::percent(figures.keeping_rate),
                escape(&tooltip)
            );
        }
    }
    out.push_str("</svg>\n</figure>\n");
    let rows = week_rows(p, partners, |w| {
        vec![match w {
            Some(w) if recorded(w) => format!(
                "{} of {} ({})",
                w.kept,
                w.kept + w.missed,
                narration::percent(w.keeping_rate)
            ),
            _ => "–".to_string(),
        }]
    });
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
        narration::weeks(count as u32),
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
    let rows = week_rows(p, partners, |w| {
        vec![
            w.map_or(0, |w| w.pleasant).to_string(),
            w.map_or(0, |w| w.unpleasant).to_string(),
        ]
    });
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
