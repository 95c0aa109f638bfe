//! `rekindle report`'s page: the progress figures as one self-contained HTML file.
//!
//! [`render`] is a pure function from the figures ([`Progress`], [`Calendar`]) to the page,
//! so it is tested without a journal. The page has no scripts, fonts, images or links to
//! anywhere: the charts are inline SVG, the styling one inline stylesheet (light, dark and
//! print), so it opens the same way offline for years. It is XHTML-compatible (every element
//! closed, every attribute quoted) so any XML parser can check it, and a Content Security
//! Policy forbids loading anything even if a future edit slipped.

pub mod bars;
pub mod calendar;
pub mod charts;
pub mod html;
pub mod svg;

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::dates::in_words;
use crate::domain::progress::{Calendar, Progress};
use crate::text::prose::and_list;
use crate::views::narration::{self, TrustWords};
use charts::Partner;
use html::{escape, text};

const STYLE: &str = include_str!("style.css");

/// What the page is drawn from.
pub struct Page<'a> {
    pub progress: &'a Progress,
    pub calendar: &'a Calendar,
    /// The day the page was made (today), named in its footer.
    pub made_on: NaiveDate,
}

/// The whole page.
/// Weeks before the journal began are left out ([`Progress::since_start`]).
pub fn render(page: &Page) -> String {
    let shown = page.progress.since_start();
    let p = &shown;
    let partners = charts::partners(p);
    let names: Vec<String> = partners.iter().map(|x| x.name.clone()).collect();
    let span = narration::span(p);
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
<meta name=\"color-scheme\" content=\"light dark\"/>\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n\
<meta name=\"generator\" content=\"rekindle {}\"/>\n\
<title>Progress for {}, {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        and_list(&names),
        escape(&span),
    );
    out.push_str(&patterns());
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">rekindle · progress report</p>\n\
<h1>Progress for {}</h1>\n<p class=\"span\">{}</p>\n</header>\n<main>\n",
        and_list(&names),
        escape(&span)
    );
    if anything(p, page.calendar) {
        out.push_str(&glance(p, &partners));
        out.push_str(&signals(p));
        out.push_str(&charts::trust(p, &partners));
        out.push_str(&charts::closeness(p, &partners));
        out.push_str(&calendar::section(page.calendar, &partners));
        out.push_str(&bars::keeping(p, &partners));
        out.push_str(&bars::feelings(p, &partners));
        out.push_str(&steps(p));
    } else {
        out.push_str(&nothing_yet(p));
    }
    let _ = write!(
        out,
        "</main>\n<footer>\n<p>Made by rekindle on {} from your journal, on your own computer; \
nothing in it was sent anywhere. It holds what the two of you wrote, so keep it somewhere as \
private as the journal.</p>\n<p>{}</p>\n</footer>\n</body>\n</html>\n",
        in_words(page.made_on),
        escape(crate::views::safety::POINTER)
    );
    out
}

/// Whether the weeks hold anything to draw: a check-in, a kept or missed promise, a feeling.
fn anything(p: &Progress, calendar: &Calendar) -> bool {
    calendar.any()
        || p.weeks.iter().any(|w| {
            w.partners
                .0
                .iter()
                .any(|(_, x)| x.checkins + x.kept + x.missed + x.pleasant + x.unpleasant > 0)
        })
}

/// A page for weeks with nothing in them yet: one kind paragraph instead of five empty charts.
fn nothing_yet(p: &Progress) -> String {
    let mut out = String::from("<section id=\"nothing-yet\">\n<h2>Nothing to draw yet</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"empty\">No check-ins in these weeks yet; {}.</p>",
        narration::THIN
    );
    let _ = writeln!(
        out,
        "<p class=\"lead\">Each of you checks in once a day with <code>rekindle checkin</code>, \
which takes a minute or two. After a week or two this page fills in: your trust and \
closeness week by week, a calendar of the days you checked in, the promises you kept and \
the feelings you named.</p>\n<p><strong>Your focus:</strong> {}</p>",
        escape(&narration::focus(&p.focus))
    );
    out.push_str("</section>\n");
    if !p.signals.is_empty() {
        out.push_str(&signals(p));
    }
    out
}

/// The hatching that tells the second (third, fourth) partner's bars apart from the first's
/// without colour, defined once and used by the charts and legends.
fn patterns() -> String {
    let mut out = String::from(
        "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>",
    );
    for i in 1..4 {
        let _ = write!(
            out,
            "<pattern id=\"hatch-p{i}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" \
patternTransform=\"rotate(45)\"><rect class=\"hatch-bg\" width=\"6\" height=\"6\"/>\
<line class=\"hatch-line p{i}\" x1=\"1.5\" y1=\"0\" x2=\"1.5\" y2=\"6\"/></pattern>"
        );
    }
    out.push_str("</defs></svg>\n");
    out
}

/// The header figures: each partner's trust in words, streak and promise keeping, then the
/// shared streak, the focus and the apologies, in the words `progress` uses.
fn glance(p: &Progress, partners: &[Partner]) -> String {
    let mut out =
        String::from("<section id=\"glance\">\n<h2>At a glance</h2>\n<div class=\"glance\">\n");
    for partner in partners {
        let Some(s) = p.partners.get(partner.key) else {
            continue;
        };
        let trust = TrustWords::of(s, p.weeks.len());
        let trust = match trust.span {
            Some(span) => format!(
                "<span class=\"big\">{}</span><br/>{}",
                escape(&span),
                escape(&trust.words)
            ),
            None => escape(&trust.words).into_owned(),
        };
        let _ = write!(
            out,
            "<div class=\"card\">\n<h3>{}{}</h3>\n<dl>\n<dt>Trust over these weeks</dt><dd>{trust}</dd>\n\
<dt>Days in a row checked in</dt><dd>{}</dd>\n<dt>Promises kept</dt><dd>{}</dd>\n</dl>\n</div>\n",
            svg::line_swatch(partner.index, false),
            partner.name,
            escape(&narration::own_streak(s.streak)),
            match narration::lately(s) {
                Some(lately) =>
                    format!("{}<br/>{}", escape(&narration::keeping(s)), escape(&lately)),
                None => escape(&narration::keeping(s)).into_owned(),
            },
        );
    }
    out.push_str("</div>\n<div class=\"shared\">\n");
    let _ = writeln!(
        out,
        "<p><strong>Both of you, days in a row:</strong> {}</p>",
        escape(&narration::shared_streak(p.streak))
    );
    let _ = writeln!(
        out,
        "<p><strong>Your focus:</strong> {}</p>",
        escape(&narration::focus(&p.focus))
    );
    if let Some(apologies) = narration::apologies(&p.apologies) {
        let _ = writeln!(
            out,
            "<p><strong>Apologies:</strong> {}</p>",
            escape(&apologies)
        );
    }
    out.push_str("</div>\n</section>\n");
    out
}

/// Days of the window spent in each step of the journey.
fn steps(p: &Progress) -> String {
    if p.focus.time_in_steps.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<section id=\"steps\">\n<h2>Time in each step</h2>\n\
<p class=\"lead\">The days of these weeks you spent with each step of the journey as your \
focus.</p>\n<ul class=\"steps\">\n",
    );
    for time in &p.focus.time_in_steps {
        let days = u32::try_from(time.days).unwrap_or(u32::MAX);
        let _ = writeln!(
            out,
            "<li><span>{}</span><span>{}</span></li>",
            escape(&narration::step_label(time.step)),
            narration::days(days)
        );
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// The signals, in the same words as `progress`, each with the step whose prompts help.
fn signals(p: &Progress) -> String {
    let mut out = String::from("<section id=\"signals\">\n<h2>Worth a look</h2>\n");
    if p.signals.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(narration::NOTHING_STANDS_OUT));
    } else {
        out.push_str("<ul class=\"signals\">\n");
        for signal in &p.signals {
            let _ = writeln!(
                out,
                "<li><p>{}</p><p class=\"help\">{}</p></li>",
                text(&signal.message),
                escape(&narration::prompts_that_help(signal.step))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progress::tests::{ALEX, SAM, checkin, d, facts};
    use crate::domain::progress::{FeelingFact, OutcomeFact, calendar, compute};

    fn page(f: &crate::domain::progress::Facts) -> String {
        let progress = compute(f);
        let calendar = calendar(f);
        render(&Page {
            progress: &progress,
            calendar: &calendar,
            made_on: d(11, 21),
        })
    }

    fn well_formed(html: &str) -> roxmltree::Document<'_> {
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        };
        roxmltree::Document::parse_with_options(html, options).expect("well-formed")
    }

    fn count(doc: &roxmltree::Document, chart: &str, class: &str) -> usize {
        doc.descendants()
            .find(|n| n.attribute("id") == Some(chart))
            .map_or(0, |c| {
                c.descendants()
                    .filter(|n| {
                        n.attribute("class")
                            .is_some_and(|x| x.split_whitespace().any(|w| w == class))
                    })
                    .count()
            })
    }

    #[test]
    fn an_empty_journal_is_a_page_of_words() {
        let html = page(&facts(8));
        let doc = well_formed(&html);
        assert_eq!(
            doc.descendants()
                .filter(|n| n.attribute("role") == Some("img"))
                .count(),
            0
        );
        assert!(html.contains("No check-ins in these weeks yet"));
        assert!(html.contains("Nothing to draw yet"));
        assert!(!html.contains("<table"), "no table of empty weeks");
        assert!(!html.contains("NaN"));
    }

    #[test]
    fn marks_follow_the_figures() {
        let mut f = facts(2);
        // Week of 9 November: Sam 4; week of 16 November: Sam 6 and 8, Alex 5.
        f.checkins = vec![
            checkin(11, 10, SAM, 4),
            checkin(11, 16, SAM, 6),
            checkin(11, 18, SAM, 8),
            checkin(11, 17, ALEX, 5),
        ];
        f.outcomes = vec![
            OutcomeFact {
                date: d(11, 10),
                partner: ALEX,
                kept: false,
            },
            OutcomeFact {
                date: d(11, 17),
                partner: SAM,
                kept: true,
            },
        ];
        f.feelings = vec![FeelingFact {
            date: d(11, 17),
            partner: ALEX,
            valence: crate::domain::feelings::Valence::Unpleasant,
        }];
        let html = page(&f);
        let doc = well_formed(&html);
        assert_eq!(count(&doc, "trust-chart", "mark"), 3);
        assert!(html.contains("data-week=\"2026-11-16\" data-value=\"7.0\""));
        assert_eq!(
            count(&doc, "closeness-chart", "mark"),
            0,
            "no closeness given"
        );
        assert!(html.contains("No answers about closeness in these weeks yet"));
        // Alex's missed promise is a 0% bar (a sliver, not nothing); Sam's a 100% one.
        assert_eq!(count(&doc, "promises-chart", "mark"), 2);
        assert!(html.contains("data-week=\"2026-11-09\" data-value=\"0%\""));
        assert_eq!(count(&doc, "feelings-chart", "unpleasant"), 1);
        // 9 to 21 November: 13 days for each of the two.
        assert_eq!(count(&doc, "calendar-chart", "cell"), 26);
    }

    #[test]
    fn ten_years_of_extremes_draw_without_a_nan() {
        let mut f = facts(520);
        let start = f.window.from;
        f.checkins = (0..3640u64)
            .step_by(3)
            .map(|i| crate::domain::progress::CheckinFact {
                date: start + chrono::Days::new(i),
                partner: if i % 2 == 0 { SAM } else { ALEX },
                trust: if i % 7 == 0 { 1 } else { 10 },
                connection: Some(1),
            })
            .filter(|c| c.date <= d(11, 21))
            .collect();
        let html = page(&f);
        let doc = well_formed(&html);
        assert!(!html.contains("NaN") && !html.contains("inf\""));
        assert_eq!(count(&doc, "calendar-chart", "cell"), 2 * (519 * 7 + 6));
    }
}
