//! `rekindle progress`: where the two of you stand, week by week.

use std::io::Write;

use crate::context::{Context, and_list};
use crate::dates::in_words;
use crate::model::Step;
use crate::progress::{self, Progress, Window, stats};
use crate::sanitize;
use crate::store;
use crate::ui;

/// See whether things are getting better: trust and closeness week by week, streaks, promises
/// kept, apologies answered, and anything worth a look.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many weeks to show, 1 to 520 (each week starts on Monday)
    #[arg(long, value_name = "N", default_value_t = progress::DEFAULT_WEEKS,
          allow_hyphen_values = true,
          value_parser = crate::cli::WholeNumber::new(1, progress::MAX_WEEKS))]
    pub weeks: u32,

    /// The last day to include [default: today]
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

pub fn run(ctx: &mut Context, args: Args) -> anyhow::Result<()> {
    let until = match &args.until {
        Some(text) => ctx.past_date("--until", text, "--until")?,
        None => ctx.today,
    };
    let store = ctx.open()?;
    let window = Window::new(until, args.weeks);
    let facts = store::progress::facts(store.conn(), window)?;
    let progress = progress::compute(&facts);
    if ctx.json {
        return ctx.print_json(&progress);
    }
    let mut out = ctx.out();
    render(&mut out, &progress, args.weeks)?;
    out.flush()?;
    Ok(())
}

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
/// The widest a sparkline gets; longer windows are drawn a few weeks to a mark.
const SPARK_WIDTH: usize = 52;
const THIN: &str = "check in on a few more days to see a trend";

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

fn step_label(step: Step) -> String {
    format!(
        "step {} of 8, {}",
        step.number(),
        crate::journey::title(step)
    )
}

fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{x:.2}")
    } else {
        format!("−{:.2}", -x)
    }
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".to_string(), |r| format!("{:.0}%", r * 100.0))
}

fn mean_cell(mean: Option<f64>) -> String {
    mean.map_or_else(|| "–".to_string(), |m| format!("{m:.1}"))
}

/// Renders the human view. `weeks` is only used to word the header.
pub fn render(out: &mut dyn Write, p: &Progress, weeks: u32) -> std::io::Result<()> {
    let names: Vec<String> = p
        .partners
        .0
        .iter()
        .map(|(n, _)| sanitize::line(n).into_owned())
        .collect();
    let span = if weeks == 1 {
        "1 week".to_string()
    } else {
        format!("{weeks} weeks")
    };
    writeln!(
        out,
        "{}",
        console::style(format!("Progress for {}", and_list(&names))).bold()
    )?;
    writeln!(out, "{span}: {} to {}", in_words(p.from), in_words(p.until))?;
    writeln!(out)?;

    header(out, p, &names)?;
    trust(out, p, &names)?;
    table(out, p, &names)?;
    promises(out, p, &names)?;
    apologies(out, p)?;
    signals(out, p)?;
    Ok(())
}

fn header(out: &mut dyn Write, p: &Progress, names: &[String]) -> std::io::Result<()> {
    let focus = &p.focus;
    match (focus.since, focus.days) {
        (Some(since), Some(days)) => writeln!(
            out,
            "Focus     {} — since {} (day {days})",
            step_label(focus.step),
            in_words(since)
        )?,
        _ => writeln!(out, "Focus     {}", step_label(focus.step))?,
    }
    let days = |n: u32| {
        if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    };
    writeln!(
        out,
        "Streaks   both of you: {} (longest in these weeks: {})",
        days(p.streak.current),
        days(p.streak.longest)
    )?;
    let each: Vec<String> = p
        .partners
        .0
        .iter()
        .zip(names)
        .map(|((_, s), name)| {
            format!(
                "{name}: {} (longest {})",
                days(s.streak.current),
                days(s.streak.longest)
            )
        })
        .collect();
    writeln!(out, "          {}", each.join(" · "))?;
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
        writeln!(out, "  No check-ins in these weeks yet; {THIN}.")?;
        return writeln!(out);
    }
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for ((name, summary), shown) in p.partners.0.iter().zip(names) {
        let line = sparkline(&weekly_trust(p, name));
        let figures = match (
            summary.trust_first,
            summary.trust_last,
            summary.trust_change,
        ) {
            (Some(first), Some(last), Some(change)) => {
                let direction = if change > 0.0 {
                    format!("up {change:.1}")
                } else if change < 0.0 {
                    format!("down {:.1}", -change)
                } else {
                    "no change".to_string()
                };
                let trend = match summary.trust_trend_per_week {
                    Some(t) if t != 0.0 => format!(", about {} a week", signed(t)),
                    Some(_) => ", steady".to_string(),
                    None => String::new(),
                };
                format!("{first:.1} → {last:.1}   {direction}{trend}")
            }
            (_, Some(last), _) => format!("{last:.1} so far; {THIN}"),
            _ => format!("no check-ins yet; {THIN}"),
        };
        writeln!(out, "  {shown:<width$}  {line}  {figures}")?;
    }
    writeln!(out)
}

fn table(out: &mut dyn Write, p: &Progress, names: &[String]) -> std::io::Result<()> {
    const BLOCK: usize = 31;
    let mut top = format!("{:<10}", "");
    let mut sub = format!("{:<10}", "week of");
    for name in names {
        let clipped: String = name.chars().take(BLOCK - 2).collect();
        top.push_str(&format!("  {clipped:<BLOCK$}"));
        sub.push_str(&format!(
            "  {:<4} {:>5} {:>5} {:>5}  {:<8}",
            "days", "trust", "close", "kept", "feelings"
        ));
    }
    sub.push_str("  apologies");
    writeln!(out, "{}", top.trim_end())?;
    writeln!(out, "{}", console::style(sub).dim())?;
    for week in &p.weeks {
        let mut row = format!("{:<10}", week.start.format("%a %-d %b"));
        for (_, w) in &week.partners.0 {
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
                "  {:<4} {:>5} {:>5} {:>5}  {:<8}",
                w.checkins,
                mean_cell(w.trust),
                mean_cell(w.connection),
                kept,
                feelings
            ));
        }
        let apologies = if week.apologies == 0 {
            "–".to_string()
        } else {
            week.apologies.to_string()
        };
        row.push_str(&format!("  {apologies}"));
        writeln!(out, "{}", row.trim_end())?;
    }
    let legend = "days: days checked in · trust, close: that week's average, 1–10 · kept: \
promises kept of those recorded · feelings: pleasant (+) and unpleasant (−) feelings named";
    writeln!(out, "{}", console::style(ui::paragraph(legend, 0)).dim())?;
    writeln!(out)
}

fn promises(out: &mut dyn Write, p: &Progress, names: &[String]) -> std::io::Result<()> {
    writeln!(out, "{}", console::style("Promises kept").bold())?;
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for ((_, s), shown) in p.partners.0.iter().zip(names) {
        let line = match (s.keeping_rate_30d, s.keeping_rate_prev_30d) {
            (None, None) => "no kept or missed promises recorded in the last 60 days".to_string(),
            (recent, previous) => {
                let mut parts = vec![match recent {
                    Some(r) => format!(
                        "last 30 days {} ({} of {})",
                        percent(Some(r)),
                        s.kept_30d,
                        s.kept_30d + s.missed_30d
                    ),
                    None => "none recorded in the last 30 days".to_string(),
                }];
                parts.push(match previous {
                    Some(_) => format!("the 30 days before {}", percent(previous)),
                    None => "none recorded the 30 days before".to_string(),
                });
                parts.join("; ")
            }
        };
        let score = s
            .consistency_score
            .map_or(String::new(), |c| format!("; consistency {c:.2} of 1"));
        writeln!(out, "  {shown:<width$}  {line}{score}")?;
    }
    writeln!(out)
}

fn apologies(out: &mut dyn Write, p: &Progress) -> std::io::Result<()> {
    let a = &p.apologies;
    if a.made == 0 {
        return Ok(());
    }
    let made = if a.made == 1 {
        "1 apology made".to_string()
    } else {
        format!("{} apologies made", a.made)
    };
    let wait = a.median_days_to_answer.map_or(String::new(), |d| {
        let unit = if d == 1.0 { "day" } else { "days" };
        format!("; an answer took {d:.0} {unit} (median)")
    });
    writeln!(
        out,
        "{}  {made}, {} answered, {} accepted{wait}",
        console::style("Apologies").bold(),
        a.answered,
        a.accepted
    )?;
    writeln!(out)
}

fn signals(out: &mut dyn Write, p: &Progress) -> std::io::Result<()> {
    if p.signals.is_empty() {
        return writeln!(out, "Nothing stands out that needs a look.");
    }
    writeln!(out, "{}", console::style("Worth a look").bold())?;
    for signal in &p.signals {
        writeln!(out, "{}", ui::bullet(&sanitize::line(&signal.message)))?;
        writeln!(
            out,
            "    Prompts that may help: {} (rekindle prompt --step {})",
            step_label(signal.step),
            signal.step.id()
        )?;
    }
    Ok(())
}
