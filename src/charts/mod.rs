//! Charts of the model's output, drawn with plotters into SVG text.
//!
//! As in d3 and Observable Plot, each chart keeps data, scales and marks
//! apart: the model supplies the data, each module here sets scales and
//! draws marks. The result is plain SVG text, so charts are drawn and
//! tested natively and put into the page as they are. Every chart comes
//! with a text alternative ([`Chart::description`]) for screen readers.

pub mod chasm;
pub mod outcomes;
pub mod palette;
pub mod sensitivity;

pub use chasm::{chasm_chart, Metric};
pub use outcomes::outcomes_chart;
pub use sensitivity::sensitivity_chart;

/// A drawn chart: the SVG and what it shows, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub svg: String,
    /// A short text alternative: what the chart shows and its main reading.
    pub description: String,
}

/// Pixel size of the drawing; the page scales it to its box, so this sets
/// the proportions and how large the text is relative to the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    /// Proportions for a wide screen, or for a phone (taller, so the text
    /// stays readable when the drawing shrinks to fit).
    pub fn for_width(compact: bool) -> Size {
        if compact {
            Size {
                width: 340,
                height: 380,
            }
        } else {
            Size {
                width: 720,
                height: 400,
            }
        }
    }

    /// True for the phone proportions, where panels stack.
    pub fn is_compact(self) -> bool {
        self.width < 480
    }

    fn tuple(self) -> (u32, u32) {
        (self.width, self.height)
    }
}

/// Makes the raw plotters SVG fit the page: it scales with its box (the
/// viewBox stays, fixed width and height go), text and axes take the
/// page's text colour (so light and dark schemes need no redraw), and it
/// carries its title and description for assistive technology.
fn finish(raw: String, title: &str, description: &str) -> String {
    let head_end = raw.find('>').unwrap_or(0);
    let (head, body) = raw.split_at(head_end);
    let view_box = head
        .split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("0 0 100 100");
    let body = body.trim_start_matches('>');
    let body = body.replace(palette::INK_HEX, "currentColor");
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{view_box}\" role=\"img\" class=\"chart-svg\"><title>{}</title><desc>{}</desc>{body}",
        escape(title),
        escape(description)
    )
}

/// Escapes text for SVG and HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A probability as a whole or one-decimal percentage.
pub fn pct(p: f64) -> String {
    crate::text::percent(p)
}
