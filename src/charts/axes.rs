//! Axes drawn as marks: grid lines and axis lines through plotters, tick
//! labels and axis names as [`Labels`] (see labels.rs for why).

use super::canvas::Canvas;
use super::labels::{Anchor, Labels, Style, AXIS, TICK};
use super::marks::Rules;
use super::palette::INK;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

/// A chart with two numeric axes drawn into SVG.
pub type Plot<'a, 'b> = ChartContext<'a, Canvas<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

pub type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// One axis: where its ticks go, how they read, and its name.
pub struct Axis<'a> {
    pub ticks: Vec<f64>,
    pub format: &'a dyn Fn(f64) -> String,
    pub name: Option<&'a str>,
    /// Grid lines across the plot at each tick.
    pub grid: bool,
}

/// Draws grid, axis lines, tick labels and axis names.
pub fn draw_axes(plot: &mut Plot, labels: &mut Labels, x: &Axis, y: &Axis) -> DrawResult {
    let (x0, x1) = (plot.x_range().start, plot.x_range().end);
    let (y0, y1) = (plot.y_range().start, plot.y_range().end);
    // Each set of lines is one element (see marks.rs).
    let grid = INK.mix(0.12).stroke_width(1);
    let mut across = Vec::new();
    if y.grid {
        across.extend(y.ticks.iter().map(|&t| [(x0, t), (x1, t)]));
    }
    if x.grid {
        across.extend(x.ticks.iter().map(|&t| [(t, y0), (t, y1)]));
    }
    if !across.is_empty() {
        plot.draw_series(std::iter::once(Rules::new(across, grid)))?;
    }
    let axis = INK.mix(0.6).stroke_width(1);
    plot.draw_series(std::iter::once(Rules::new(
        [[(x0, y0), (x0, y1)], [(x0, y0), (x1, y0)]],
        axis,
    )))?;
    for &t in &y.ticks {
        let (px, py) = plot.backend_coord(&(x0, t));
        labels.text(
            (px - 7, py),
            &(y.format)(t),
            Style {
                anchor: Anchor::End,
                ..TICK
            },
        );
    }
    for &t in &x.ticks {
        let (px, py) = plot.backend_coord(&(t, y0));
        labels.text((px, py + 13), &(x.format)(t), TICK);
    }
    let (left, bottom) = plot.backend_coord(&(x0, y0));
    let (right, top) = plot.backend_coord(&(x1, y1));
    if let Some(name) = x.name {
        labels.text(((left + right) / 2, bottom + 31), name, AXIS);
    }
    if let Some(name) = y.name {
        labels.text((left - 38, (top + bottom) / 2), name, AXIS.vertical());
    }
    Ok(())
}
