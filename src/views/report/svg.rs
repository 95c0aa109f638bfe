//! The drawing kit the charts share: a frame with margins, week bands along the x axis,
//! markers that differ by shape for each partner, and the opening of an accessible `<svg>`.
//!
//! Hand-written SVG rather than a plotting crate: the charts are a few lines, bars and squares,
//! and writing them directly lets every chart carry `role="img"`, a `<title>` and `<desc>`, a
//! tooltip on each mark and classes the page's stylesheet colours for light, dark and print.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::html::{escape, num};

/// The width every weekly chart is drawn at; the page scales it to fit.
pub const WIDTH: f64 = 720.0;

/// A drawing area and the margins around the plot inside it.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    pub fn plot_width(&self) -> f64 {
        self.width - self.left - self.right
    }

    pub fn plot_height(&self) -> f64 {
        self.height - self.top - self.bottom
    }

    /// The width of one week's band when `count` weeks share the plot.
    pub fn band(&self, count: usize) -> f64 {
        self.plot_width() / count.max(1) as f64
    }

    /// The middle of week `index` of `count`.
    pub fn x(&self, index: usize, count: usize) -> f64 {
        self.left + self.band(count) * (index as f64 + 0.5)
    }

    /// The y of `value` on a scale from `low` (bottom of the plot) to `high` (top).
    pub fn y(&self, value: f64, low: f64, high: f64) -> f64 {
        let share = (value - low) / (high - low);
        // A value that cannot be placed sits on the baseline rather than leaving the plot.
        let share = if share.is_nan() {
            0.0
        } else {
            share.clamp(0.0, 1.0)
        };
        self.top + self.plot_height() * (1.0 - share)
    }
}

/// Opens an `<svg>` that screen readers announce as one image with `title` and `desc`.
/// `id` must be unique in the page; the title and description get ids derived from it.
pub fn open(id: &str, class: &str, width: f64, height: f64, title: &str, desc: &str) -> String {
    format!(
        "<svg id=\"{id}\" class=\"{class}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" \
viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\n<title id=\"{id}-title\">{}</title>\n\
<desc id=\"{id}-desc\">{}</desc>\n",
        escape(title),
        escape(desc),
        w = num(width),
        h = num(height),
    )
}

/// Horizontal grid lines with their labels at the left.
pub fn grid(frame: &Frame, ticks: &[(f64, String)], low: f64, high: f64) -> String {
    let mut out = String::new();
    for (value, label) in ticks {
        let y = frame.y(*value, low, high);
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\
<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            num(frame.left),
            num(frame.width - frame.right),
            num(frame.left - 8.0),
            num(y + 4.0),
            escape(label),
            y = num(y),
        );
    }
    out
}

/// Labels under the weeks: a few dates ("16 Nov"), spaced so they never crowd, with the year
/// under the first one and wherever the year changes.
pub fn week_labels(frame: &Frame, weeks: &[NaiveDate]) -> String {
    let count = weeks.len();
    let every = count.div_ceil(10).max(1);
    let baseline = frame.height - frame.bottom + 18.0;
    let mut out = String::new();
    let mut year = None;
    for (i, start) in weeks.iter().enumerate().step_by(every) {
        let x = num(frame.x(i, count));
        let _ = write!(
            out,
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            num(baseline),
            start.format("%-d %b")
        );
        if year != Some(start.year()) {
            year = Some(start.year());
            let _ = write!(
                out,
                "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                num(baseline + 15.0),
                start.year()
            );
        }
        out.push('\n');
    }
    out
}

/// The marker of partner `index`: a circle, square, triangle or diamond, so partners differ by
/// shape as well as colour. `class` is added to the element; `tooltip` becomes its `<title>`.
pub fn marker(
    index: usize,
    x: f64,
    y: f64,
    r: f64,
    class: &str,
    extra: &str,
    tooltip: &str,
) -> String {
    let title = format!("<title>{}</title>", escape(tooltip));
    match index % 4 {
        0 => format!(
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"{}\"{extra}>{title}</circle>",
            num(x),
            num(y),
            num(r)
        ),
        1 => {
            let side = r * 1.75;
            format!(
                "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{s}\" height=\"{s}\"{extra}>{title}</rect>",
                num(x - side / 2.0),
                num(y - side / 2.0),
                s = num(side)
            )
        }
        2 => {
            let h = r * 1.2;
            format!(
                "<path class=\"{class}\" d=\"M{} {}L{} {}L{} {}Z\"{extra}>{title}</path>",
                num(x),
                num(y - h),
                num(x + h),
                num(y + h * 0.8),
                num(x - h),
                num(y + h * 0.8)
            )
        }
        _ => {
            let h = r * 1.3;
            format!(
                "<path class=\"{class}\" d=\"M{} {}L{} {}L{} {}L{} {}Z\"{extra}>{title}</path>",
                num(x),
                num(y - h),
                num(x + h),
                num(y),
                num(x),
                num(y + h),
                num(x - h),
                num(y)
            )
        }
    }
}

/// A small picture for a legend: partner `index`'s line and marker, as drawn in the charts.
pub fn line_swatch(index: usize, hollow: bool) -> String {
    let class = if hollow {
        format!("hollow p{index}")
    } else {
        format!("dot p{index}")
    };
    format!(
        "<svg width=\"40\" height=\"16\" viewBox=\"0 0 40 16\" aria-hidden=\"true\">\
<line class=\"line p{index}\" x1=\"2\" y1=\"8\" x2=\"38\" y2=\"8\"/>{}</svg>",
        marker(index, 20.0, 8.0, 4.5, &class, "", "").replace("<title></title>", "")
    )
}

/// A small square for a legend, filled as a bar of partner `index` is.
pub fn bar_swatch(class: &str) -> String {
    format!(
        "<svg width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" aria-hidden=\"true\">\
<rect class=\"{class}\" x=\"1\" y=\"1\" width=\"14\" height=\"14\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        width: 100.0,
        height: 60.0,
        left: 10.0,
        right: 10.0,
        top: 5.0,
        bottom: 15.0,
    };

    #[test]
    fn weeks_sit_in_the_middle_of_equal_bands() {
        assert_eq!(FRAME.band(4), 20.0);
        assert_eq!(FRAME.x(0, 4), 20.0);
        assert_eq!(FRAME.x(3, 4), 80.0);
        assert_eq!(FRAME.band(0), 80.0, "no division by zero");
    }

    #[test]
    fn values_map_onto_the_plot_and_stay_inside_it() {
        assert_eq!(FRAME.y(10.0, 1.0, 10.0), 5.0);
        assert_eq!(FRAME.y(1.0, 1.0, 10.0), 45.0);
        assert_eq!(FRAME.y(5.5, 1.0, 10.0), 25.0);
        assert_eq!(FRAME.y(42.0, 1.0, 10.0), 5.0);
        assert_eq!(
            FRAME.y(f64::NAN, 1.0, 10.0),
            45.0,
            "NaN clamps, never escapes"
        );
    }

    #[test]
    fn labels_never_crowd_and_name_the_year_once() {
        let weeks: Vec<NaiveDate> = (0..52)
            .map(|i| NaiveDate::from_ymd_opt(2025, 12, 1).unwrap() + chrono::Days::new(7 * i))
            .collect();
        let labels = week_labels(&FRAME, &weeks);
        let dates = labels.matches("text-anchor").count();
        // Every sixth week: 9 dates, and the years 2025 and 2026 under the first of each.
        assert_eq!(dates, 9 + 2, "{labels}");
        assert!(labels.contains(">2025<") && labels.contains(">2026<"));
    }

    #[test]
    fn each_partner_has_its_own_shape() {
        let shapes: Vec<String> = (0..4)
            .map(|i| marker(i, 10.0, 10.0, 4.0, "m", "", "t"))
            .collect();
        assert!(shapes[0].starts_with("<circle"));
        assert!(shapes[1].starts_with("<rect"));
        assert!(shapes[2].starts_with("<path") && shapes[3].starts_with("<path"));
        assert_ne!(shapes[2], shapes[3]);
        assert!(shapes.iter().all(|s| s.contains("<title>t</title>")));
    }
}
