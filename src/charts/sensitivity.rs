//! Sensitivity as a tornado chart: for each lever, how far settlement
//! likelihood (left) and escalation risk (right) move when that lever goes
//! one step down or up, the largest effects on top.

use super::palette::{DOWN, INK, UP};
use super::{finish, Chart, Size};
use crate::model::Effect;
use plotters::coord::Shift;
use plotters::prelude::*;

const FONT: &str = "sans-serif";

/// Short lever names that fit beside a bar.
fn short(effect: &Effect) -> &'static str {
    use crate::model::Input::*;
    match effect.input {
        Momentum => "Momentum",
        Attrition => "Cost of war",
        Aid => "Aid",
        Presence => "Presence",
        SupportHalfLife => "Staying power",
        Tolerance => "Tolerance",
        LossTolerance => "Loss tolerance",
        EscalationPropensity => "Escalation readiness",
        Aims => "Ukraine's aims",
        Horizon => "Horizon",
        Uncertainty => "Uncertainty",
    }
}

fn panel(
    area: &DrawingArea<SVGBackend, Shift>,
    title: &str,
    effects: &[Effect],
    baseline: f64,
    pick: fn(&Effect) -> (f64, f64),
    labels: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let reach = effects
        .iter()
        .map(|e| {
            let (lo, hi) = pick(e);
            (lo - baseline).abs().max((hi - baseline).abs())
        })
        .fold(0.005, f64::max)
        * 100.0
        * 1.1;
    let rows = effects.len();
    let mut chart = ChartBuilder::on(area)
        .margin(6)
        .margin_right(14)
        .caption(title, (FONT, 15).into_font().color(&INK))
        .x_label_area_size(36)
        .y_label_area_size(if labels { 118 } else { 4 })
        .build_cartesian_2d(-reach..reach, 0f64..rows as f64)?;
    let names: Vec<&str> = effects.iter().map(short).collect();
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc("Change (percentage points)")
        .y_labels(rows * 2 + 1)
        .y_label_formatter(&|y| {
            let row = (y - 0.5).round();
            if labels && (y - 0.5 - row).abs() < 1e-6 && row >= 0.0 && (row as usize) < rows {
                names[rows - 1 - row as usize].to_owned()
            } else {
                String::new()
            }
        })
        .x_labels(5)
        .x_label_formatter(&|v| format!("{v:+.0}"))
        .label_style((FONT, 12).into_font().color(&INK))
        .axis_desc_style((FONT, 13).into_font().color(&INK))
        .axis_style(INK.mix(0.6))
        .bold_line_style(INK.mix(0.1))
        .light_line_style(INK.mix(0.0))
        .draw()?;
    for (k, e) in effects.iter().enumerate() {
        let y = (rows - 1 - k) as f64;
        let (lo, hi) = pick(e);
        for (value, color, top) in [(lo, DOWN, 0.5), (hi, UP, 0.9)] {
            let delta = 100.0 * (value - baseline);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(0.0, y + top - 0.38), (delta, y + top)],
                color.filled(),
            )))?;
        }
    }
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (0.0, rows as f64)],
        INK.stroke_width(1),
    )))?;
    Ok(())
}

fn draw(
    effects: &[Effect],
    baseline: (f64, f64),
    size: Size,
    buf: &mut String,
) -> Result<(), Box<dyn std::error::Error>> {
    let panel_height = 70 + 30 * effects.len() as u32;
    // Side by side on a wide screen; stacked on a phone, where two panels
    // side by side would leave the bars no room.
    let height = if size.is_compact() {
        2 * panel_height + 30
    } else {
        panel_height + 30
    };
    let root = SVGBackend::with_string(buf, (size.width, height)).into_drawing_area();
    let (body, key) = root.split_vertically(height - 30);
    let (first, second) = if size.is_compact() {
        body.split_vertically(panel_height)
    } else {
        body.split_horizontally((size.width as f64 * 0.58) as u32)
    };
    panel(
        &first,
        "Settlement likelihood",
        effects,
        baseline.0,
        |e| (e.settlement_low, e.settlement_high),
        true,
    )?;
    panel(
        &second,
        "Escalation risk",
        effects,
        baseline.1,
        |e| (e.escalation_low, e.escalation_high),
        size.is_compact(),
    )?;
    let font = (FONT, 13).into_font().color(&INK);
    for (i, (label, color)) in [("Lever one step down", DOWN), ("Lever one step up", UP)]
        .into_iter()
        .enumerate()
    {
        let x = 8 + i as i32 * (size.width as i32 / 2);
        key.draw(&Rectangle::new([(x, 8), (x + 16, 22)], color.filled()))?;
        key.draw(&Text::new(label, (x + 22, 9), font.clone()))?;
    }
    root.present()?;
    Ok(())
}

/// The text alternative: the three strongest levers and their direction.
pub fn describe(effects: &[Effect], baseline: (f64, f64)) -> String {
    let parts: Vec<String> = effects
        .iter()
        .take(3)
        .map(|e| {
            format!(
                "{}: one step up moves settlement by {:+.1} and escalation by {:+.1} points",
                e.input.spec().label,
                100.0 * (e.settlement_high - baseline.0),
                100.0 * (e.escalation_high - baseline.1)
            )
        })
        .collect();
    format!(
        "Tornado chart of how each lever moves the two headline numbers. Strongest levers now: {}.",
        parts.join("; ")
    )
}

/// Draws the sensitivity chart; `baseline` is (settlement, escalation) on
/// the same draws as the effects.
pub fn sensitivity_chart(effects: &[Effect], baseline: (f64, f64), size: Size) -> Chart {
    let mut raw = String::new();
    let description = describe(effects, baseline);
    if let Err(error) = draw(effects, baseline, size, &mut raw) {
        raw = format!(
            "<svg viewBox=\"0 0 10 10\">{}</svg>",
            super::escape(&error.to_string())
        );
    }
    Chart {
        svg: finish(raw, "What moves the numbers", &description),
        description,
    }
}
