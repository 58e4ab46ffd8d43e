//! The chasm map: Western presence (x) against what Moscow tolerates (y),
//! shaded by escalation risk or settlement likelihood, with the reader's
//! current position marked. Below the diagonal, presence exceeds what
//! Moscow accepts: the gap between intentions and perceptions.

use super::palette::{luminance, sequential, INK};
use super::{finish, outcomes::nice_ceiling, pct, Chart, Size};
use crate::model::{rung_name, ChasmMap, Inputs};
use plotters::prelude::*;

const FONT: &str = "sans-serif";

/// Which number the map is shaded by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Metric {
    #[default]
    Escalation,
    Settlement,
}

impl Metric {
    pub fn label(self) -> &'static str {
        match self {
            Metric::Escalation => "Escalation risk",
            Metric::Settlement => "Settlement likelihood",
        }
    }

    fn values(self, map: &ChasmMap) -> &[f64] {
        match self {
            Metric::Escalation => &map.escalation,
            Metric::Settlement => &map.settlement,
        }
    }
}

fn draw(
    map: &ChasmMap,
    inputs: &Inputs,
    metric: Metric,
    size: Size,
    buf: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let values = metric.values(map);
    let top = nice_ceiling(100.0 * values.iter().cloned().fold(0.0, f64::max)) / 100.0;
    let root = SVGBackend::with_string(buf, size.tuple()).into_drawing_area();
    let (main, legend) = root.split_horizontally(size.width - 78);

    let half = if map.axis.len() > 1 {
        (map.axis[1] - map.axis[0]) / 2.0
    } else {
        0.5
    };
    let lo = -half;
    let hi = map.axis.last().copied().unwrap_or(5.0) + half;
    let mut chart = ChartBuilder::on(&main)
        .margin(8)
        .caption(
            format!("{} by presence and tolerance", metric.label()),
            (FONT, 17).into_font().color(&INK),
        )
        .x_label_area_size(44)
        .y_label_area_size(52)
        .build_cartesian_2d(lo..hi, lo..hi)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc("Western presence (rung)")
        .y_desc("Moscow's tolerance (rung)")
        .label_style((FONT, 13).into_font().color(&INK))
        .axis_desc_style((FONT, 14).into_font().color(&INK))
        .axis_style(INK.mix(0.6))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .draw()?;

    let n = map.axis.len();
    chart.draw_series((0..n).flat_map(|j| {
        (0..n).map(move |i| {
            let (x, y) = (map.axis[i], map.axis[j]);
            let value = values[j * n + i];
            let color = sequential(if top > 0.0 { value / top } else { 0.0 });
            Rectangle::new([(x - half, y - half), (x + half, y + half)], color.filled())
        })
    }))?;

    // The red line: presence equal to what Moscow tolerates.
    chart.draw_series(DashedLineSeries::new(
        vec![(lo, lo), (hi, hi)],
        6,
        4,
        WHITE.mix(0.9).stroke_width(2),
    ))?;
    chart.draw_series(std::iter::once(Text::new(
        "Dashed line: presence = tolerance",
        (lo + 0.15, hi - 0.2),
        (FONT, 13).into_font().color(&BLACK),
    )))?;

    let here = (inputs.presence, inputs.tolerance);
    let value_here = {
        let idx = |v: f64| {
            ((v - map.axis[0]) / (2.0 * half))
                .round()
                .clamp(0.0, (n - 1) as f64) as usize
        };
        values[idx(here.1) * n + idx(here.0)]
    };
    let ring = if luminance(sequential(value_here / top.max(1e-9))) > 0.3 {
        BLACK
    } else {
        WHITE
    };
    chart.draw_series([
        Circle::new(here, 9, ring.stroke_width(3)),
        Circle::new(here, 3, ring.filled()),
    ])?;

    let mut bar = ChartBuilder::on(&legend)
        .margin_top(40)
        .margin_bottom(52)
        .margin_right(8)
        .y_label_area_size(44)
        .build_cartesian_2d(0f64..1f64, 0f64..100.0 * top)?;
    bar.configure_mesh()
        .disable_mesh()
        .disable_x_axis()
        .y_labels(5)
        .y_label_formatter(&|v| format!("{v:.0}%"))
        .label_style((FONT, 12).into_font().color(&INK))
        .axis_style(INK.mix(0.6))
        .draw()?;
    let steps = 40;
    bar.draw_series((0..steps).map(|k| {
        let a = k as f64 / steps as f64;
        let b = (k + 1) as f64 / steps as f64;
        Rectangle::new(
            [(0.0, 100.0 * top * a), (1.0, 100.0 * top * b)],
            sequential((a + b) / 2.0).filled(),
        )
    }))?;
    root.present()?;
    Ok(())
}

/// The text alternative: where the reader stands and what the corners say.
pub fn describe(map: &ChasmMap, inputs: &Inputs, metric: Metric) -> String {
    let values = metric.values(map);
    let n = map.axis.len();
    let last = n.saturating_sub(1);
    let corner = |i: usize, j: usize| pct(values.get(j * n + i).copied().unwrap_or(0.0));
    format!(
        "Heat map of {} (central estimate) over Western presence from rung 0 to 5 and Moscow's tolerance from rung 0 to 5. You are at presence {} ({}) and tolerance {} ({}). No presence with no tolerance: {}; full presence with no tolerance: {}; full presence fully tolerated: {}. Risk of escalation is highest where presence exceeds tolerance, below the diagonal.",
        metric.label().to_lowercase(),
        inputs.presence,
        rung_name(inputs.presence),
        inputs.tolerance,
        rung_name(inputs.tolerance),
        corner(0, 0),
        corner(last, 0),
        corner(last, last),
    )
}

/// Draws the chasm map.
pub fn chasm_chart(map: &ChasmMap, inputs: &Inputs, metric: Metric, size: Size) -> Chart {
    let mut raw = String::new();
    let description = describe(map, inputs, metric);
    let size = Size {
        width: size.width.min(560),
        height: size.width.min(560) - 40,
    };
    if let Err(error) = draw(map, inputs, metric, size, &mut raw) {
        raw = format!(
            "<svg viewBox=\"0 0 10 10\">{}</svg>",
            super::escape(&error.to_string())
        );
    }
    Chart {
        svg: finish(raw, "The chasm map", &description),
        description,
    }
}
