//! The progress view in a terminal: trust week by week as sparklines, the weekly table,
//! streaks, promises kept, apologies and anything worth a look. It says what the HTML report
//! says, in the same words ([`narration`]).

use std::io::Write;

use crate::domain::progress::{Progress, stats};
use crate::text::prose::{self, and_list};
use crate::text::sanitize;
use crate::views::Output;
use crate::views::narration::{self, TrustWords};

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// The widest a sparkline gets; longer windows are drawn a few weeks to a mark.
const SPARK_WIDTH: usize = 52;

fn spark(mean: Option<f64>) -> char {
    match mean {
        None => '·',
        Some(m) => {
            let level = ((m - 1.0) / 9.0 * 7.0).round().clamp(0.0, 7.0);
            SPARKS[level as usize]
        }
    }
}

/// One mark per week, or per group of weeks when there are more than fit.
fn sparkline(means: &[Option<f64>]) -> String {
    let per_mark = means.len().div_ceil(SPARK_WIDTH).max(1);
    means
        .chunks(per_mark)
        .map(|chunk| {
            let values: Vec<f64> = chunk.iter().flatten().copied().collect();
            spark(stats::mean(&values))
        })
        .collect()
}

impl Output for Progress {
    /// The JSON is the figures for the whole window; the words start where the journal did.
    fn human(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        Ok(render(out, &self.since_start())?)
    }
}

/// Renders the human view of [`Progress::since_start`]: weeks before the journal began are
/// left out, so nothing reads as days missed that were never there to miss.
pub fn render(out: &mut dyn Write, p: &Progress) -> std::io::Result<()> {
    let names: Vec<String> = p
        .partners
        .0
        .iter()
        .map(|(n, _)| sanitize::line(n).into_owned())
        .collect();
    writeln!(
        out,
        "{}",
        console::style(format!("Progress for {}", and_list(&names))).bold()
    )?;
    writeln!(out, "{}", prose::paragraph(&narration::span(p), 0))?;
    writeln!(out)?;

    header(out, p, &names)?;
    trust(out, p, &names)?;
    table(out, p, &names)?;
    promises(out, p, &names)?;
    apologies(out, p)?;
    signals(out, p)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        console::style(prose::paragraph(crate::views::safety::POINTER, 0)).dim()
    )?;
    Ok(())
}

fn header(out: &mut dyn Write, p: &Progress, names: &[String]) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        prose::hanging("Focus     ", &narration::focus(&p.focus))
    )?;
    writeln!(
        out,
        "{}",
        prose::hanging(
            "Streaks   ",
            &format!("both of you: {}", narration::shared_streak(p.streak))
        )
    )?;
    let each: Vec<String> = p
        .partners
        .0
        .iter()
        .zip(names)
        .map(|((_, s), name)| format!("{name}: {}", narration::own_streak(s.streak)))
        .collect();
    writeln!(out, "{}", prose::hanging("          ", &each.join(" · ")))?;
    writeln!(out)
}

fn weekly_trust(p: &Progress, name: &str) -> Vec<Option<f64>> {
    p.weeks
        .iter()
        .map(|w| w.partners.get(name).and_then(|x| x.trust))
        .collect()
}

fn trust(out: &mut dyn Write, p: &Progress, names: &[String]) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        console::style("Trust, week by week (1–10)").bold()
    )?;
    let any = p
        .weeks
        .iter()
        .any(|w| w.partners.0.iter().any(|(_, x)| x.checkins > 0));
    if !any {
        writeln!(
            out,
            "  No check-ins in these weeks yet; {}.",
            narration::THIN
        )?;
        return writeln!(out);
    }
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for ((name, summary), shown) in p.partners.0.iter().zip(names) {
        let line = sparkline(&weekly_trust(p, name));
        let trust = TrustWords::of(summary, p.weeks.len());
        let figures = match trust.span {
            Some(span) => format!("{span}   {}", trust.words),
            None => trust.words,
        };
        let lead = format!("  {shown:<width$}  {line}  ");
        // A long sparkline pushes the figures onto their own line rather than off the edge.
        if console::measure_text_width(&lead) + 20 > prose::width() {
            writeln!(out, "{}", lead.trim_end())?;
            let pad = " ".repeat(width + 4);
            writeln!(out, "{}", prose::hanging(&pad, &figures))?;
        } else {
            writeln!(out, "{}", prose::hanging(&lead, &figures))?;
        }
    }
    writeln!(out)
}

/// The weekly table: 72 columns for two partners, so it fits an 80-column terminal.
/// The weekly table: the partners side by side when the width allows (72 columns for two),
/// else one table under the other, so no row wraps on a narrow terminal.
fn table(out: &mut dyn Write, p: &Progress, names: &[String]) -> std::io::Result<()> {
    const BLOCK: usize = 29;
    let side_by_side = 10 + names.len() * (BLOCK + 2) <= prose::width();
    let groups: Vec<Vec<usize>> = if side_by_side {
        vec![(0..names.len()).collect()]
    } else {
        (0..names.len()).map(|i| vec![i]).collect()
    };
    for (g, group) in groups.iter().enumerate() {
        if g > 0 {
            writeln!(out)?;
        }
        let mut top = format!("{:<10}", "");
        let mut sub = format!("{:<10}", "week of");
        for &i in group {
            let clipped: String = names[i].chars().take(BLOCK - 2).collect();
            top.push_str(&format!("  {clipped:<BLOCK$}"));
            sub.push_str(&format!(
                "  {:>4} {:>5} {:>5} {:>5}  {:<6}",
                "days", "trust", "close", "kept", "feel"
            ));
        }
        writeln!(out, "{}", top.trim_end())?;
        writeln!(out, "{}", console::style(sub.trim_end()).dim())?;
        for week in &p.weeks {
            let mut row = format!("{:<10}", week.start.format("%a %-d %b"));
            for &i in group {
                let Some((_, w)) = week.partners.0.get(i) else {
                    continue;
                };
                let kept = if w.kept + w.missed == 0 {
                    "–".to_string()
                } else {
                    format!("{}/{}", w.kept, w.kept + w.missed)
                };
                let feelings = if w.pleasant + w.unpleasant == 0 {
                    "–".to_string()
                } else {
                    format!("+{} −{}", w.pleasant, w.unpleasant)
                };
                row.push_str(&format!(
                    "  {:>4} {:>5} {:>5} {:>5}  {:<6}",
                    w.checkins,
                    narration::mean(w.trust),
                    narration::mean(w.connection),
                    kept,
                    feelings
                ));
            }
            writeln!(out, "{}", row.trim_end())?;
        }
    }
    let legend = "days: days checked in · trust, close: that week's average, 1–10 · kept: \
promises kept of those recorded · feel: pleasant (+) and unpleasant (−) feelings named";
    writeln!(out, "{}", console::style(prose::paragraph(legend, 0)).dim())?;
    writeln!(out)
}

fn promises(out: &mut dyn Write, p: &Progress, names: &[String]) -> std::io::Result<()> {
    writeln!(out, "{}", console::style("Promises kept").bold())?;
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for ((_, s), shown) in p.partners.0.iter().zip(names) {
        let lead = format!("  {shown:<width$}  ");
        writeln!(out, "{}", prose::hanging(&lead, &narration::keeping(s)))?;
        // On a line of its own, so the figure never wraps away from its words.
        if let Some(lately) = narration::lately(s) {
            let pad = " ".repeat(console::measure_text_width(&lead));
            writeln!(out, "{}", prose::hanging(&pad, &lately))?;
        }
    }
    writeln!(out)
}

fn apologies(out: &mut dyn Write, p: &Progress) -> std::io::Result<()> {
    let Some(line) = narration::apologies(&p.apologies) else {
        return Ok(());
    };
    writeln!(out, "{}", prose::hanging("Apologies  ", &line))?;
    writeln!(out)
}

fn signals(out: &mut dyn Write, p: &Progress) -> std::io::Result<()> {
    if p.signals.is_empty() {
        return writeln!(out, "{}", narration::NOTHING_STANDS_OUT);
    }
    writeln!(out, "{}", console::style("Worth a look").bold())?;
    for signal in &p.signals {
        writeln!(out, "{}", prose::bullet(&sanitize::line(&signal.message)))?;
        writeln!(out, "    {}", narration::prompts_that_help(signal.step))?;
    }
    Ok(())
}
