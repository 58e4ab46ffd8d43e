//! The chasm map: Western presence (x) against what Moscow tolerates (y),
//! shaded by escalation risk or settlement likelihood, with the reader's
//! current position marked. Below the diagonal, presence exceeds what
//! Moscow accepts: the gap between intentions and perceptions.

use super::axes::{draw_axes, Axis, DrawResult, Plot};
use super::canvas::Canvas;
use super::labels::{Anchor, Labels, Style, TICK, TITLE};
use super::marks::{Dashed, Shades};
use super::palette::{luminance, sequential};
use super::{finish, outcomes::nice_ceiling, Chart, Size};
use crate::i18n::Catalog;
use crate::model::clamp;
use crate::model::{ChasmMap, Inputs};
use plotters::coord::Shift;
use plotters::prelude::*;

/// How many steps the map's ramp is drawn in.
const LEVELS: f64 = 64.0;

/// Which number the map is shaded by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Metric {
    #[default]
    Escalation,
    Settlement,
}

impl Metric {
    /// The catalogue key of its name (`metric.<key>`, `metric.<key>.lower`
    /// for the form inside a sentence).
    pub fn key(self) -> &'static str {
        match self {
            Metric::Escalation => "metric.escalation",
            Metric::Settlement => "metric.settlement",
        }
    }

    fn lower(self, t: &Catalog) -> String {
        t.get(&format!("{}.lower", self.key())).to_owned()
    }

    fn values(self, map: &ChasmMap) -> &[f64] {
        match self {
            Metric::Escalation => &map.escalation,
            Metric::Settlement => &map.settlement,
        }
    }
}

/// The map's numbers as the drawing needs them: the shaded values, the
/// scale's top and the half-width of a cell, in rungs.
struct Grid<'a> {
    map: &'a ChasmMap,
    values: &'a [f64],
    top: f64,
    half: f64,
}

impl Grid<'_> {
    fn n(&self) -> usize {
        self.map.axis.len()
    }

    /// The shade of a value, one of [`LEVELS`] + 1 steps of the ramp: the
    /// map draws one element per shade, so the steps bound its elements
    /// however finely the model's values vary, at a difference of shade
    /// no eye tells apart.
    fn color(&self, value: f64) -> RGBColor {
        let share = if self.top > 0.0 {
            value / self.top
        } else {
            0.0
        };
        sequential((share * LEVELS).round() / LEVELS)
    }

    /// Dark ink on a pale cell, white on a dark one.
    fn ink_on(&self, value: f64) -> RGBColor {
        if luminance(self.color(value)) > 0.3 {
            BLACK
        } else {
            WHITE
        }
    }

    /// The value of the cell nearest `(presence, tolerance)`.
    fn at(&self, (presence, tolerance): (f64, f64)) -> f64 {
        let last = (self.n() - 1) as f64;
        let index = |v: f64| {
            clamp(
                ((v - self.map.axis[0]) / (2.0 * self.half)).round(),
                0.0,
                last,
            ) as usize
        };
        self.values[index(tolerance) * self.n() + index(presence)]
    }
}

fn draw(
    t: &Catalog,
    map: &ChasmMap,
    inputs: &Inputs,
    metric: Metric,
    size: Size,
    buf: &mut String,
    labels: &mut Labels,
) -> DrawResult {
    let values = metric.values(map);
    let grid = Grid {
        map,
        values,
        top: nice_ceiling(100.0 * values.iter().cloned().fold(0.0, f64::max)) / 100.0,
        half: if map.axis.len() > 1 {
            (map.axis[1] - map.axis[0]) / 2.0
        } else {
            0.5
        },
    };
    let root = Canvas::new(buf, size.tuple()).into_drawing_area();
    labels.text(
        (8, 14),
        &t.fill("chart.chasm.title", &[("metric", t.get(metric.key()))]),
        TITLE,
    );
    let (main, legend) = root.split_horizontally(size.width - 70);
    let lo = -grid.half;
    let hi = map.axis.last().copied().unwrap_or(5.0) + grid.half;
    let mut chart = ChartBuilder::on(&main)
        .margin(8)
        .margin_top(32)
        .x_label_area_size(44)
        .y_label_area_size(50)
        .build_cartesian_2d(lo..hi, lo..hi)?;
    cells(&mut chart, &grid)?;
    let rungs: Vec<f64> = (0..=5).map(f64::from).collect();
    let axis = |name| Axis {
        ticks: rungs.clone(),
        format: &|v| crate::decimal::fixed(v, 0),
        name: Some(t.get(name)),
        grid: false,
    };
    draw_axes(
        &mut chart,
        labels,
        &axis("chart.chasm.x"),
        &axis("chart.chasm.y"),
    )?;
    diagonal(t, &mut chart, labels, &grid)?;
    let here = (inputs.presence, inputs.tolerance);
    let ring = grid.ink_on(grid.at(here));
    chart.draw_series([
        Circle::new(here, 9, ring.stroke_width(3)),
        Circle::new(here, 3, ring.filled()),
    ])?;
    key(t, &legend, labels, grid.top)?;
    root.present()?;
    Ok(())
}

/// The cells, one element per shade rather than per cell, in one group
/// (see marks.rs).
fn cells(chart: &mut Plot, grid: &Grid) -> DrawResult {
    let n = grid.n();
    let axis = &grid.map.axis;
    chart.draw_series(std::iter::once(Shades::new((0..n).flat_map(|j| {
        (0..n).map(move |i| {
            let (x, y, half) = (axis[i], axis[j], grid.half);
            let color = grid.color(grid.values[j * n + i]);
            ((x - half, y - half), (x + half, y + half), color)
        })
    }))))?;
    Ok(())
}

/// The red line: presence equal to what Moscow tolerates. Drawn in white
/// over a dark outline so it shows on pale and dark cells alike, and
/// named in its top corner in ink that shows on that corner's cell.
fn diagonal(t: &Catalog, chart: &mut Plot, labels: &mut Labels, grid: &Grid) -> DrawResult {
    let (lo, hi) = (chart.x_range().start, chart.x_range().end);
    for (color, width) in [(BLACK.mix(0.5), 4), (WHITE.mix(0.95), 2)] {
        chart.draw_series(std::iter::once(Dashed::new(
            vec![(lo, lo), (hi, hi)],
            6,
            4,
            color.stroke_width(width),
        )))?;
    }
    let (lx, ly) = chart.backend_coord(&(lo + 0.1, hi - 0.25));
    let n = grid.n();
    let corner = grid.values.get((n - 1) * n).copied().unwrap_or(0.0);
    let ink = grid.ink_on(corner);
    labels.text(
        (lx, ly),
        t.get("chart.chasm.diagonal"),
        Style::new(12, Anchor::Start).color(ink),
    );
    Ok(())
}

/// The colour key: a vertical bar with percentages.
fn key(
    t: &Catalog,
    area: &DrawingArea<Canvas, Shift>,
    labels: &mut Labels,
    top: f64,
) -> DrawResult {
    let mut bar = ChartBuilder::on(area)
        .margin_top(40)
        .margin_bottom(52)
        .margin_right(36)
        .build_cartesian_2d(0f64..1f64, 0f64..100.0 * top)?;
    // Ten bands read as a smooth scale and keep the drawing small.
    let steps = 10;
    bar.draw_series(std::iter::once(Shades::new((0..steps).map(|k| {
        let a = k as f64 / steps as f64;
        let b = (k + 1) as f64 / steps as f64;
        (
            (0.0, 100.0 * top * a),
            (1.0, 100.0 * top * b),
            sequential((a + b) / 2.0),
        )
    }))))?;
    for tick in super::labels::ticks(0.0, 100.0 * top, 4) {
        let (px, py) = bar.backend_coord(&(1.0, tick));
        labels.text(
            (px + 4, py),
            &t.whole_percent(tick),
            Style {
                anchor: Anchor::Start,
                ..TICK
            },
        );
    }
    Ok(())
}

/// The text alternative: where the reader stands and what the corners say.
pub fn describe(t: &Catalog, map: &ChasmMap, inputs: &Inputs, metric: Metric) -> String {
    // The text alternatives are in the rest of English, which the figures
    // wait for; this holds only if it could not be fetched.
    if t.find("chart.chasm.describe").is_none() {
        return String::new();
    }
    let values = metric.values(map);
    let n = map.axis.len();
    let last = n.saturating_sub(1);
    let corner = |i: usize, j: usize| t.percent(values.get(j * n + i).copied().unwrap_or(0.0));
    t.fill(
        "chart.chasm.describe",
        &[
            ("metric", &metric.lower(t)),
            ("presence", &crate::decimal::short(inputs.presence)),
            ("presence_name", &crate::text::rung_name(t, inputs.presence)),
            ("tolerance", &crate::decimal::short(inputs.tolerance)),
            (
                "tolerance_name",
                &crate::text::rung_name(t, inputs.tolerance),
            ),
            ("none", &corner(0, 0)),
            ("full", &corner(last, 0)),
            ("tolerated", &corner(last, last)),
        ],
    )
}

/// The map at whole rungs: escalation risk / settlement likelihood, rows
/// for Moscow's tolerance (highest first), columns for Western presence.
pub fn table(t: &Catalog, map: &ChasmMap) -> super::Table {
    let per_rung = (map.axis.len() - 1) / 5;
    let mut head = vec![t.get("table.tolerance").to_owned()];
    head.extend((0..=5).map(|p| t.fill("table.presence", &[("n", &p.to_string())])));
    super::Table {
        caption: t.get("table.chasm.caption").to_owned(),
        head,
        rows: (0..=5usize)
            .rev()
            .map(|rung| {
                let mut row = vec![format!(
                    "{rung}: {}",
                    crate::text::rung_name(t, rung as f64)
                )];
                row.extend((0..=5usize).map(|p| {
                    let (s, e) = map.at(p * per_rung, rung * per_rung);
                    format!("{} / {}", t.percent(e), t.percent(s))
                }));
                row
            })
            .collect(),
    }
}

/// Draws the chasm map.
pub fn chasm_chart(
    t: &Catalog,
    map: &ChasmMap,
    inputs: &Inputs,
    metric: Metric,
    size: Size,
) -> Chart {
    let mut raw = String::new();
    let description = describe(t, map, inputs, metric);
    let side = size.width.min(crate::layout::CHASM_MAX_WIDTH);
    let size = Size {
        width: side,
        height: side - 30,
    };
    let mut labels = Labels::new(size.width);
    let drawn = draw(t, map, inputs, metric, size, &mut raw, &mut labels);
    finish(
        t,
        raw,
        labels,
        drawn,
        &t.fill("chart.chasm.svg_title", &[("metric", &metric.lower(t))]),
        &description,
    )
}
