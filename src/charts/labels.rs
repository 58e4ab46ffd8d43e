//! Text marks: titles, tick labels, axis names and legends.
//!
//! Plotters measures every label it draws; in the browser that means
//! adding a styled `<span>` to the page and reading its size, a forced
//! layout per label (dozens per slider move) and an inline style that a
//! strict Content-Security-Policy refuses. So plotters draws the marks and
//! maps data to pixels, and this module writes the text as SVG `<text>`
//! elements that the browser lays out itself (anchors, baselines), with no
//! measuring at all. The output is then identical natively and in the page.
//!
//! Without measuring, a long label (a translation, say) could run off the
//! drawing. So each label's width is estimated from its length, and a label
//! that would not fit is set in a smaller type until it does.

use super::escape;
use crate::i18n::Catalog;
use plotters::style::RGBColor;

/// Where a text's anchor point sits horizontally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Text marks gathered while a chart is drawn, appended to its SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct Labels {
    svg: String,
    /// The drawing's width: no label may run past either edge.
    width: i32,
}

/// The smallest type a label shrinks to, in pixels.
const MIN_SIZE: f64 = 8.0;

/// A generous estimate of a label's width, in ems. In the usual sans-serif
/// faces a lowercase Latin glyph averages about 0.55 em; capitals and
/// Cyrillic letters run wider, and bold type wider still.
fn estimated_ems(text: &str, bold: bool) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | '.' | ',' | ':' | ';' | '(' | ')' | 'i' | 'l' | 'j' | 't' | 'f' => 0.32,
            'А'..='я' | 'Ё' | 'ё' | 'Є' | 'є' | 'І' | 'і' | 'Ї' | 'ї' | 'Ґ' | 'ґ' => {
                0.66
            }
            c if c.is_uppercase() => 0.68,
            _ => 0.57,
        })
        .sum();
    if bold {
        ems * 1.1
    } else {
        ems
    }
}

/// One text mark's look.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub size: u32,
    pub anchor: Anchor,
    pub bold: bool,
    /// Turned a quarter to read bottom to top (y-axis names).
    pub vertical: bool,
    /// A fixed colour; `None` takes the page's text colour.
    pub color: Option<RGBColor>,
}

impl Style {
    pub const fn new(size: u32, anchor: Anchor) -> Style {
        Style {
            size,
            anchor,
            bold: false,
            vertical: false,
            color: None,
        }
    }

    pub const fn bold(mut self) -> Style {
        self.bold = true;
        self
    }

    pub const fn vertical(mut self) -> Style {
        self.vertical = true;
        self
    }

    pub const fn color(mut self, color: RGBColor) -> Style {
        self.color = Some(color);
        self
    }
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Line,
    Dashed,
    Dot,
}

/// One legend entry.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    pub color: RGBColor,
    pub mark: Mark,
    pub text: &'a str,
}

/// The height of one legend row.
const LEGEND_ROW: i32 = 18;

/// Where each legend entry goes, from the legend's first row: entries
/// flow left to right and start a new row where the next would not fit.
fn flow(texts: &[&str], width: i32) -> Vec<(i32, i32)> {
    let (mut dx, mut row) = (0, 0);
    texts
        .iter()
        .map(|text| {
            // Wide sans-serif faces (DejaVu, on Linux) run a fifth over
            // the estimate: entries are spaced for them.
            let wide = 28 + (1.2 * estimated_ems(text, false) * f64::from(LEGEND.size)) as i32;
            if dx > 0 && dx + wide > width {
                dx = 0;
                row += 1;
            }
            let at = (dx, row * LEGEND_ROW);
            dx += wide + 16;
            at
        })
        .collect()
}

/// The height a legend of `texts` takes in rows no wider than `width`.
pub fn legend_height(texts: &[&str], width: i32) -> i32 {
    flow(texts, width)
        .last()
        .map_or(0, |&(_, dy)| dy + LEGEND_ROW)
}

/// Tick labels.
pub const TICK: Style = Style::new(12, Anchor::Middle);
/// Axis names.
pub const AXIS: Style = Style::new(13, Anchor::Middle);
/// Panel titles.
pub const TITLE: Style = Style::new(15, Anchor::Start).bold();
/// Legend entries.
pub const LEGEND: Style = Style::new(12, Anchor::Start);

impl Labels {
    /// Labels for a drawing `width` pixels wide.
    pub fn new(width: u32) -> Labels {
        Labels {
            svg: String::new(),
            width: width as i32,
        }
    }

    /// The type size at which `text` fits between its anchor and the
    /// drawing's edge: `style.size` when it fits, smaller when it does not.
    fn fitted_size(&self, x: i32, text: &str, style: Style) -> f64 {
        let size = f64::from(style.size);
        if style.vertical {
            return size;
        }
        let room = match style.anchor {
            Anchor::Start => self.width - x,
            Anchor::End => x,
            Anchor::Middle => 2 * x.min(self.width - x),
        } - 4;
        let needed = estimated_ems(text, style.bold) * size;
        if needed <= f64::from(room.max(1)) {
            size
        } else {
            // Small type is hinted wider than its size suggests: shrink a
            // tenth further so a long legend at a phone's width still fits.
            (0.9 * size * f64::from(room.max(1)) / needed)
                .floor()
                .max(MIN_SIZE)
        }
    }

    /// Text centred vertically on `(x, y)` (pixels of the whole drawing).
    pub fn text(&mut self, (x, y): (i32, i32), text: &str, style: Style) {
        let anchor = match style.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let fill = match style.color {
            Some(RGBColor(r, g, b)) => format!("#{r:02X}{g:02X}{b:02X}"),
            None => "currentColor".to_owned(),
        };
        let weight = if style.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let turn = if style.vertical {
            format!(" transform=\"rotate(-90 {x} {y})\"")
        } else {
            String::new()
        };
        self.svg.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" dy=\"0.35em\" font-size=\"{}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{weight}{turn}>{}</text>",
            crate::decimal::short(self.fitted_size(x, text, style)),
            escape(text)
        ));
    }

    /// A pale box behind a legend of `entries` stacked 18 px apart from
    /// `(x, y)`, so curves that run under the legend do not cross its
    /// words. White in a file; the page's stylesheet gives it the page's
    /// surface colour (`.legend-bg`), in dark mode too.
    pub fn legend_backdrop(&mut self, (x, y): (i32, i32), entries: &[&str]) {
        let widest = entries
            .iter()
            .map(|e| {
                let size = self.fitted_size(x + 28, e, LEGEND);
                (estimated_ems(e, false) * size) as i32
            })
            .max()
            .unwrap_or(0);
        let width = (34 + widest).min(self.width - x + 4);
        let height = 18 * entries.len() as i32 + 4;
        self.svg.push_str(&format!(
            "<rect class=\"legend-bg\" x=\"{}\" y=\"{}\" width=\"{width}\" height=\"{height}\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>",
            x - 4,
            y - 11
        ));
    }

    /// A legend entry: a short line (solid or dashed) in `color`, then the text.
    pub fn legend(&mut self, (x, y): (i32, i32), color: RGBColor, dashed: bool, text: &str) {
        let RGBColor(r, g, b) = color;
        let dash = if dashed {
            " stroke-dasharray=\"6 4\""
        } else {
            ""
        };
        self.svg.push_str(&format!(
            "<line x1=\"{x}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"3\"{dash}/>",
            x + 22
        ));
        self.text((x + 28, y), text, LEGEND);
    }

    /// A legend whose entries flow left to right in rows no wider than
    /// `width`, the first row centred on `y`: set outside the plot, it
    /// can never cover a curve, however the curves run. The group is
    /// marked `legend` so tests can find it.
    pub fn legend_rows(&mut self, (x, y): (i32, i32), width: i32, entries: &[Entry]) {
        self.svg.push_str("<g class=\"legend\">");
        let texts: Vec<&str> = entries.iter().map(|e| e.text).collect();
        for (entry, (dx, dy)) in entries.iter().zip(flow(&texts, width)) {
            let at = (x + dx, y + dy);
            match entry.mark {
                Mark::Line => self.legend(at, entry.color, false, entry.text),
                Mark::Dashed => self.legend(at, entry.color, true, entry.text),
                Mark::Dot => {
                    self.dot((at.0 + 11, at.1), entry.color, None);
                    self.text((at.0 + 28, at.1), entry.text, LEGEND);
                }
            }
        }
        self.svg.push_str("</g>");
    }

    /// A round marker at `(x, y)` in `color`, with `title` as the text a
    /// pointer or screen reader finds on it.
    pub fn dot(&mut self, (x, y): (i32, i32), color: RGBColor, title: Option<&str>) {
        let RGBColor(r, g, b) = color;
        let title = title.map_or(String::new(), |t| format!("<title>{}</title>", escape(t)));
        self.svg.push_str(&format!(
            "<circle class=\"mark\" cx=\"{x}\" cy=\"{y}\" r=\"5\" fill=\"#{r:02X}{g:02X}{b:02X}\" stroke=\"#ffffff\" stroke-width=\"1.5\">{title}</circle>"
        ));
    }

    /// A swatch (filled square) and its text, for bar and map keys.
    pub fn swatch(&mut self, (x, y): (i32, i32), color: RGBColor, text: &str) {
        let RGBColor(r, g, b) = color;
        self.svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"#{r:02X}{g:02X}{b:02X}\"/>",
            y - 7
        ));
        self.text((x + 20, y), text, LEGEND);
    }

    pub fn into_svg(self) -> String {
        self.svg
    }
}

/// A tick value in as few digits as it needs: "20", "0.5".
pub fn tick_text(t: &Catalog, v: f64) -> String {
    let digits = if (v - v.round()).abs() < 1e-9 { 0 } else { 1 };
    t.decimal(v, digits)
}

/// Round tick values covering `[lo, hi]`: steps of 1, 2 or 5 times a power
/// of ten, about `target` of them.
pub fn ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if hi <= lo || !lo.is_finite() || !hi.is_finite() {
        return vec![lo];
    }
    let raw = (hi - lo) / target.max(1) as f64;
    let power = 10f64.powi(raw.log10().floor() as i32);
    // The round step nearest the raw one, on a log scale.
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .min_by(|a, b| (a / raw).ln().abs().total_cmp(&(b / raw).ln().abs()))
        .unwrap_or(power);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            ticks(0.0, 100.0, 4),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(ticks(0.0, 5.0, 4), vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(ticks(-22.0, 22.0, 4), vec![-20.0, -10.0, 0.0, 10.0, 20.0]);
        assert_eq!(ticks(1.0, 1.0, 4), vec![1.0]);
    }

    #[test]
    fn long_labels_shrink_to_fit_the_drawing() {
        let mut labels = Labels::new(340);
        labels.text((10, 10), "Short", TITLE);
        labels.text((10, 30), &"Урегулирование ".repeat(4), TITLE);
        labels.text((330, 50), &"x".repeat(200), TICK);
        let svg = labels.into_svg();
        assert!(
            svg.contains("font-size=\"15\""),
            "a short title keeps its size: {svg}"
        );
        let sizes: Vec<f64> = svg
            .split("font-size=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        assert!(sizes[1] < 15.0 && sizes[1] >= MIN_SIZE, "{sizes:?}");
        assert_eq!(sizes[2], MIN_SIZE, "{sizes:?}");
    }

    #[test]
    fn text_is_escaped_and_coloured_by_the_page() {
        let mut labels = Labels::new(340);
        labels.text((1, 2), "a < b & c", TICK);
        let svg = labels.into_svg();
        assert!(svg.contains("a &lt; b &amp; c"), "{svg}");
        assert!(svg.contains("fill=\"currentColor\""));
    }
}
