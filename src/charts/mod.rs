//! Charts of the model's output, drawn with plotters into SVG text.
//!
//! As in d3 and Observable Plot, each chart keeps data, scales and marks
//! apart: the model supplies the data, each module here sets scales and
//! draws marks. The result is plain SVG text, so charts are drawn and
//! tested natively and put into the page as they are. Every chart comes
//! with a text alternative ([`Chart::description`]) for screen readers.

mod axes;
#[cfg(not(target_arch = "wasm32"))]
pub mod backtest;
pub mod chasm;
pub mod export;
pub mod labels;
pub mod outcomes;
pub mod palette;
pub mod sensitivity;
pub mod table;

pub use chasm::{chasm_chart, Metric};
pub use outcomes::outcomes_chart;
pub use sensitivity::sensitivity_chart;
pub use table::Table;

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
/// viewBox stays, fixed width and height go), lines and text take the
/// page's text colour (so light and dark schemes need no redraw), the text
/// marks are added, and it carries its title and description for
/// assistive technology. A drawing error leaves a chart that says so.
fn finish(
    t: &crate::i18n::Catalog,
    raw: String,
    labels: labels::Labels,
    drawn: axes::DrawResult,
    title: &str,
    description: &str,
) -> Chart {
    let head = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart-svg\" viewBox=\"{}\"><title>{}</title><desc>{}</desc>",
        view_box(&raw),
        escape(title),
        escape(description)
    );
    let svg = match drawn {
        Ok(()) => {
            let body = raw.split_once('>').map_or("", |(_, rest)| rest);
            let body = body.trim_end().trim_end_matches("</svg>");
            let body = body.replace(palette::INK_HEX, "currentColor");
            format!("{head}{body}{}</svg>", labels.into_svg())
        }
        Err(error) => format!(
            "{head}<text x=\"10\" y=\"20\" fill=\"currentColor\">{}</text></svg>",
            escape(&t.fill("chart.failed", &[("value", &error.to_string())]))
        ),
    };
    Chart {
        svg,
        description: description.to_owned(),
    }
}

/// The viewBox plotters wrote on its root element.
fn view_box(raw: &str) -> &str {
    raw.split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("0 0 100 100")
}

/// Escapes text for SVG and HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{analyse, sensitivity::baseline, Inputs};

    fn all_charts(compact: bool) -> Vec<Chart> {
        let inputs = Inputs::default();
        let a = analyse(&inputs);
        let size = Size::for_width(compact);
        let t = crate::i18n::Catalog::english();
        vec![
            outcomes_chart(&t, &a.outcome, None, size),
            chasm_chart(&t, &a.map, &inputs, Metric::Escalation, size),
            chasm_chart(&t, &a.map, &inputs, Metric::Settlement, size),
            sensitivity_chart(&t, &a.effects, baseline(&inputs), size),
        ]
    }

    /// Plotters' own text marks carry a font-family; ours do not. None may
    /// appear: in the browser each would force a layout and break the CSP.
    #[test]
    fn charts_draw_no_plotters_text() {
        for chart in all_charts(false).into_iter().chain(all_charts(true)) {
            assert!(!chart.svg.contains("font-family"), "plotters text in chart");
            assert!(chart.svg.contains("<text"), "our labels are present");
        }
    }

    #[test]
    fn charts_are_titled_scalable_and_described() {
        for chart in all_charts(false) {
            let svg = &chart.svg;
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
            assert!(svg.contains("role=\"img\"") && svg.contains("viewBox=\""));
            let root = &svg[..svg.find('>').unwrap_or(0)];
            assert!(
                !root.contains(" width="),
                "a fixed size would stop it scaling"
            );
            assert!(svg.contains("<title>") && svg.contains(&escape(&chart.description)));
            assert!(!svg.contains(palette::INK_HEX), "ink becomes currentColor");
            assert_eq!(svg.matches("<svg").count(), 1);
        }
    }

    #[test]
    fn axis_and_legend_words_are_there() {
        let charts = all_charts(false);
        assert!(
            charts[0].svg.contains("Months from now")
                && charts[0].svg.contains("Still fighting")
                && charts[0].svg.contains("A ceasefire broke down (ever)")
        );
        assert!(charts[1].svg.contains("Western presence (rung)"));
        assert!(charts[1].svg.contains("Escalation risk by presence"));
        assert!(charts[2].svg.contains("Ceasefire or peace by presence"));
        assert!(charts[3].svg.contains("Lever one step up"));
    }
}
