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
mod canvas;
pub mod chasm;
pub mod export;
pub mod labels;
mod marks;
pub mod outcomes;
pub mod palette;
pub mod patch;
pub mod sensitivity;
pub mod table;

pub use chasm::{chasm_chart, Metric};
pub use outcomes::outcomes_chart;
pub use sensitivity::sensitivity_chart;
pub use table::Table;

/// A drawn chart: the SVG and what it shows, in words (empty before a
/// figure first comes into view).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    pub svg: String,
    /// A short text alternative: what the chart shows and its main reading.
    pub description: String,
}

/// Pixel size of the drawing. The page draws each chart for the width its
/// box has (in steps of [`Size::STEP`]), so chart text shows at its own
/// size on any screen rather than enlarged or shrunk with a fixed drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    /// Files (PNG, SVG) and the methods page keep one size, whatever the
    /// screen they were made on.
    pub const EXPORT: Size = Size {
        width: 720,
        height: 400,
    };

    /// The page redraws a chart only when its box crosses a step this wide:
    /// a drawing up to a step narrower than its box is enlarged by at most
    /// a tenth or so, and a window dragged wider does not redraw every pixel.
    pub const STEP: u32 = 40;

    /// The drawing for a box `width` CSS pixels wide: the width rounded down
    /// to a step, within what the layouts were designed for. Narrow drawings
    /// are taller, as their panels stack.
    pub fn for_width(width: f64) -> Size {
        let stepped = (width.max(0.0) as u32 / Self::STEP) * Self::STEP;
        let width = stepped.clamp(280, 1200);
        let height = if width < 480 { 380 } else { 400 };
        Size { width, height }
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

/// Escaping lives with the rest of the HTML text in [`crate::html`]; the
/// chart modules reach it through here (`use super::escape`).
pub use crate::html::escape;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{analyse, sensitivity::baseline, Valid};

    fn all_charts(compact: bool) -> Vec<Chart> {
        let inputs = Valid::default();
        let a = analyse(&inputs);
        let size = if compact {
            Size::for_width(340.0)
        } else {
            Size::EXPORT
        };
        let t = crate::i18n::Catalog::english();
        vec![
            outcomes_chart(&t, &a.outcome, None, size, false),
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

    /// Every element of a chart is parsed, styled and laid out again on
    /// each slider move: a dashed line is one element, not one per dash,
    /// the map's cells one per shade, the grid one, and nothing sits between elements.
    #[test]
    fn charts_are_drawn_with_few_elements() {
        for chart in all_charts(false).into_iter().chain(all_charts(true)) {
            let svg = &chart.svg;
            let elements = svg.matches('<').count() - svg.matches("</").count();
            // The map is one element per shade: about 100 to 170.
            assert!(elements < 200, "{elements} elements: {}", &svg[..300]);
            assert!(svg.matches("<polyline").count() <= 12, "{svg}");
            assert!(!svg.contains('\n'), "no text nodes between elements");
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
    fn a_drawing_fits_its_box_in_steps() {
        assert_eq!(Size::for_width(359.0).width, 320);
        assert_eq!(Size::for_width(760.0).width, 760);
        assert_eq!(Size::for_width(100.0).width, 280, "a floor for tiny boxes");
        assert_eq!(
            Size::for_width(3000.0).width,
            1200,
            "a ceiling for huge ones"
        );
        assert!(Size::for_width(359.0).is_compact() && !Size::for_width(600.0).is_compact());
    }

    #[test]
    fn the_forecast_layer_draws_only_when_asked_and_says_what_each_dot_is() {
        let inputs = Valid::default();
        let a = analyse(&inputs);
        let t = crate::i18n::Catalog::english();
        let off = outcomes_chart(&t, &a.outcome, None, Size::for_width(600.0), false).svg;
        let on = outcomes_chart(&t, &a.outcome, None, Size::for_width(600.0), true).svg;
        assert!(!off.contains("<circle"), "no dots without the layer");
        let dots = on.matches("<circle class=\"mark\"").count();
        // Each dot within the horizon, and the two legend dots.
        let within = outcomes::FORECASTS
            .iter()
            .filter(|f| f.months <= a.outcome.months as f64)
            .count();
        assert_eq!(dots, within + 2, "{on}");
        assert!(
            on.contains("<title>Polymarket, 2025-12-09: 6.0%</title>"),
            "{on}"
        );
        assert!(on.contains("Public forecast of a NATO–Russia clash"));
        assert_eq!(
            on.matches("<g class=\"legend\">").count(),
            2,
            "one legend a panel"
        );
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
