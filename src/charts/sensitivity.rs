//! Sensitivity as a tornado chart: for each lever, how far settlement
//! likelihood and escalation risk move when that lever goes one step down
//! or up, the largest effects on top.

use super::axes::{draw_axes, Axis, DrawResult};
use super::labels::{ticks, Anchor, Labels, Style, TICK, TITLE};
use super::palette::{DOWN, UP};
use super::{finish, Chart, Size};
use crate::model::Effect;
use plotters::coord::Shift;
use plotters::prelude::*;

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
    labels: &mut Labels,
    title: &str,
    effects: &[Effect],
    baseline: f64,
    pick: fn(&Effect) -> (f64, f64),
    names: bool,
) -> DrawResult {
    let (ax, ay) = area.get_base_pixel();
    labels.text((ax + if names { 8 } else { 12 }, ay + 14), title, TITLE);
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
        .margin_top(30)
        .margin_right(14)
        .x_label_area_size(40)
        .y_label_area_size(if names { 124 } else { 10 })
        .build_cartesian_2d(-reach..reach, 0f64..rows as f64)?;
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
        if names {
            let (px, py) = chart.backend_coord(&(-reach, y + 0.5));
            labels.text(
                (px - 6, py),
                short(e),
                Style {
                    anchor: Anchor::End,
                    ..TICK
                },
            );
        }
    }
    draw_axes(
        &mut chart,
        labels,
        &Axis {
            ticks: ticks(-reach, reach, 4)
                .into_iter()
                .map(|t| (t * 10.0).round() / 10.0)
                .collect(),
            format: &|v| {
                if v == 0.0 {
                    "0".to_owned()
                } else {
                    format!("{v:+}")
                }
            },
            name: Some("Change (percentage points)"),
            grid: true,
        },
        &Axis {
            ticks: Vec::new(),
            format: &|_| String::new(),
            name: None,
            grid: false,
        },
    )?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (0.0, rows as f64)],
        super::palette::INK.stroke_width(1),
    )))?;
    Ok(())
}

fn draw(
    effects: &[Effect],
    baseline: (f64, f64),
    size: Size,
    buf: &mut String,
    labels: &mut Labels,
) -> DrawResult {
    let panel_height = 80 + 30 * effects.len() as u32;
    // Side by side on a wide screen; stacked on a phone, where two panels
    // side by side would leave the bars no room.
    let height = if size.is_compact() {
        2 * panel_height + 30
    } else {
        panel_height + 30
    };
    let root = SVGBackend::with_string(buf, (size.width, height)).into_drawing_area();
    let (body, _key) = root.split_vertically(height - 30);
    let (first, second) = if size.is_compact() {
        body.split_vertically(panel_height)
    } else {
        body.split_horizontally((size.width as f64 * 0.58) as u32)
    };
    panel(
        &first,
        labels,
        "Settlement likelihood",
        effects,
        baseline.0,
        |e| (e.settlement_low, e.settlement_high),
        true,
    )?;
    panel(
        &second,
        labels,
        "Escalation risk",
        effects,
        baseline.1,
        |e| (e.escalation_low, e.escalation_high),
        size.is_compact(),
    )?;
    let y = height as i32 - 15;
    labels.swatch((12, y), DOWN, "Lever one step down");
    labels.swatch((12 + size.width as i32 / 2, y), UP, "Lever one step up");
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

/// The effects in percentage points, strongest lever first.
pub fn table(effects: &[Effect], baseline: (f64, f64)) -> super::Table {
    let pp = |v: f64, b: f64| format!("{:+.1}", 100.0 * (v - b));
    super::Table {
        caption: "Change in percentage points when a lever moves one step".into(),
        head: [
            "Lever",
            "Settlement, step down",
            "Settlement, step up",
            "Escalation, step down",
            "Escalation, step up",
        ]
        .map(String::from)
        .to_vec(),
        rows: effects
            .iter()
            .map(|e| {
                vec![
                    e.input.spec().label.to_owned(),
                    pp(e.settlement_low, baseline.0),
                    pp(e.settlement_high, baseline.0),
                    pp(e.escalation_low, baseline.1),
                    pp(e.escalation_high, baseline.1),
                ]
            })
            .collect(),
    }
}

/// Draws the sensitivity chart; `baseline` is (settlement, escalation) on
/// the same draws as the effects.
pub fn sensitivity_chart(effects: &[Effect], baseline: (f64, f64), size: Size) -> Chart {
    let mut raw = String::new();
    let mut labels = Labels::default();
    let description = describe(effects, baseline);
    let drawn = draw(effects, baseline, size, &mut raw, &mut labels);
    finish(raw, labels, drawn, "What moves the numbers", &description)
}
