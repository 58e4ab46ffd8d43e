//! Sensitivity as a tornado chart: for each lever, how far settlement
//! likelihood and escalation risk move when that lever goes one step down
//! or up, the largest effects on top.

use super::axes::{draw_axes, Axis, DrawResult};
use super::canvas::Canvas;
use super::labels::{ticks, Anchor, Labels, Style, TICK, TITLE};
use super::marks::Blocks;
use super::palette::{DOWN, UP};
use super::{finish, Chart, Size};
use crate::i18n::Catalog;
use crate::model::Effect;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The lever's short name that fits beside a bar.
fn short(t: &Catalog, effect: &Effect) -> String {
    t.get(&format!("input.{}.short", effect.input.spec().id))
        .to_owned()
}

/// What one panel (settlement or escalation) shows.
struct Panel<'a> {
    title: &'a str,
    effects: &'a [Effect],
    /// The probability as set now, from which the bars start.
    baseline: f64,
    /// The probability one step down and one step up.
    pick: fn(&Effect) -> (f64, f64),
    /// Whether the levers are named beside the bars.
    names: bool,
}

fn panel(
    t: &Catalog,
    area: &DrawingArea<Canvas, Shift>,
    labels: &mut Labels,
    panel: &Panel,
) -> DrawResult {
    let Panel {
        title,
        effects,
        baseline,
        pick,
        names,
    } = *panel;
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
    // The bars of one direction are one element (see marks.rs).
    let (mut down, mut up) = (Blocks::new(DOWN), Blocks::new(UP));
    for (k, e) in effects.iter().enumerate() {
        let y = (rows - 1 - k) as f64;
        let (lo, hi) = pick(e);
        for (value, bars, top) in [(lo, &mut down, 0.5), (hi, &mut up, 0.9)] {
            let delta = 100.0 * (value - baseline);
            bars.push((0.0, y + top - 0.38), (delta, y + top));
        }
    }
    chart.draw_series([down, up])?;
    for (k, e) in effects.iter().enumerate() {
        let y = (rows - 1 - k) as f64;
        if names {
            let (px, py) = chart.backend_coord(&(-reach, y + 0.5));
            labels.text(
                (px - 6, py),
                &short(t, e),
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
                .map(|tick| (tick * 10.0).round() / 10.0)
                .collect(),
            format: &|v| {
                if v == 0.0 {
                    "0".to_owned()
                } else {
                    let whole = (v - v.round()).abs() < 1e-9;
                    signed(t, v, if whole { 0 } else { 1 })
                }
            },
            name: Some(t.get("chart.sensitivity.axis")),
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
    t: &Catalog,
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
    let root = Canvas::new(buf, (size.width, height)).into_drawing_area();
    let (body, _key) = root.split_vertically(height - 30);
    let (first, second) = if size.is_compact() {
        body.split_vertically(panel_height)
    } else {
        body.split_horizontally((size.width as f64 * 0.58) as u32)
    };
    panel(
        t,
        &first,
        labels,
        &Panel {
            title: t.get("metric.settlement"),
            effects,
            baseline: baseline.0,
            pick: |e| (e.settlement_low, e.settlement_high),
            names: true,
        },
    )?;
    panel(
        t,
        &second,
        labels,
        &Panel {
            title: t.get("metric.escalation"),
            effects,
            baseline: baseline.1,
            pick: |e| (e.escalation_low, e.escalation_high),
            names: size.is_compact(),
        },
    )?;
    let y = height as i32 - 15;
    labels.swatch((12, y), DOWN, t.get("chart.sensitivity.down"));
    labels.swatch(
        (12 + size.width as i32 / 2, y),
        UP,
        t.get("chart.sensitivity.up"),
    );
    root.present()?;
    Ok(())
}

/// The text alternative: the three strongest levers and their direction.
pub fn describe(t: &Catalog, effects: &[Effect], baseline: (f64, f64)) -> String {
    // The text alternatives are in the rest of English, which the figures
    // wait for; this holds only if it could not be fetched.
    if t.find("chart.sensitivity.describe").is_none() {
        return String::new();
    }
    let parts: Vec<String> = effects
        .iter()
        .take(3)
        .map(|e| {
            t.fill(
                "chart.sensitivity.lever",
                &[
                    ("input", &crate::text::label(t, e.input)),
                    ("settlement", &points(t, e.settlement_high, baseline.0)),
                    ("escalation", &points(t, e.escalation_high, baseline.1)),
                ],
            )
        })
        .collect();
    t.fill(
        "chart.sensitivity.describe",
        &[("levers", &parts.join("; "))],
    )
}

/// The change from `base` to `value` in percentage points: "+2.5", "−0,4".
fn points(t: &Catalog, value: f64, base: f64) -> String {
    signed(t, 100.0 * (value - base), 1)
}

/// A number with its sign, in the language's decimal format.
fn signed(t: &Catalog, v: f64, digits: usize) -> String {
    let sign = if v < 0.0 { "−" } else { "+" };
    format!("{sign}{}", t.decimal(v.abs(), digits))
}

/// The effects in percentage points, strongest lever first.
pub fn table(t: &Catalog, effects: &[Effect], baseline: (f64, f64)) -> super::Table {
    let pp = |v: f64, b: f64| points(t, v, b);
    super::Table {
        caption: t.get("table.sensitivity.caption").to_owned(),
        head: [
            "table.lever",
            "table.settlement_down",
            "table.settlement_up",
            "table.escalation_down",
            "table.escalation_up",
        ]
        .map(|k| t.get(k).to_owned())
        .to_vec(),
        rows: effects
            .iter()
            .map(|e| {
                vec![
                    crate::text::label(t, e.input),
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
pub fn sensitivity_chart(
    t: &Catalog,
    effects: &[Effect],
    baseline: (f64, f64),
    size: Size,
) -> Chart {
    let mut raw = String::new();
    let mut labels = Labels::new(size.width);
    let description = describe(t, effects, baseline);
    let drawn = draw(t, effects, baseline, size, &mut raw, &mut labels);
    finish(
        t,
        raw,
        labels,
        drawn,
        t.get("figure.sensitivity.title"),
        &description,
    )
}
