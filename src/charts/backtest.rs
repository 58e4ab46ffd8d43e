//! The backtest chart of the methods page ("How has the model done?"):
//! at the end of each quarter since the invasion, the model's chance of a
//! general ceasefire within 12 months with its 90% range, the base rate of
//! wars of the same age, and the crowd forecasts at their own dates.
//!
//! The methods page is in English, so this chart is too. It is drawn
//! natively by `cargo run --example backtest` into docs/backtest.svg, and a
//! test checks that the file is what the current model draws.

use super::axes::{draw_axes, Axis, DrawResult};
use super::canvas::Canvas;
use super::labels::{ticks, Labels, TITLE};
use super::marks::Dashed;
use super::palette::{DOWN, FIGHTING, SETTLED};
use super::{finish, Chart, Size};
use crate::backtest::{crowd_matches, months_between, Match, Row, WAR_START};
use crate::i18n::Catalog;
use plotters::prelude::*;

/// Years marked on the time axis.
const YEARS: [i32; 5] = [2022, 2023, 2024, 2025, 2026];

/// Months since the invasion at a date (0 if the date cannot be read).
fn age(date: &str) -> f64 {
    months_between(WAR_START, date).unwrap_or(0.0)
}

fn draw(rows: &[Row], crowd: &[Match], buf: &mut String, labels: &mut Labels) -> DrawResult {
    let size = Size::EXPORT;
    let root = Canvas::new(buf, size.tuple()).into_drawing_area();
    labels.text(
        (8, 16),
        "Chance of a general ceasefire within 12 months, as forecast at each date",
        TITLE,
    );
    let x_max = age("2026-12-31");
    let mut chart = ChartBuilder::on(&root)
        .margin(8)
        .margin_top(34)
        .margin_right(16)
        .x_label_area_size(40)
        .y_label_area_size(52)
        .build_cartesian_2d(0f64..x_max, 0f64..100.0)?;
    let year_ticks: Vec<f64> = YEARS
        .iter()
        .map(|y| age(&format!("{y}-01-01")).max(0.0))
        .collect();
    let year_of = |m: f64| {
        YEARS
            .iter()
            .zip(&year_ticks)
            .find(|(_, &t)| (t - m).abs() < 0.5)
            .map_or(String::new(), |(y, _)| y.to_string())
    };
    draw_axes(
        &mut chart,
        labels,
        &Axis {
            ticks: year_ticks.clone(),
            format: &year_of,
            name: Some("Date of the forecast (the start of each year is marked)"),
            grid: true,
        },
        &Axis {
            ticks: ticks(0.0, 100.0, 5),
            format: &|v| format!("{v:.0}%"),
            name: Some("Chance (%)"),
            grid: true,
        },
    )?;
    let point = |r: &Row, p: f64| (r.war_age, 100.0 * p);
    let mut band: Vec<(f64, f64)> = rows.iter().map(|r| point(r, r.ceasefire_p95)).collect();
    band.extend(rows.iter().rev().map(|r| point(r, r.ceasefire_p5)));
    chart.draw_series(std::iter::once(Polygon::new(
        band,
        SETTLED.mix(0.2).filled(),
    )))?;
    chart.draw_series(std::iter::once(Dashed::new(
        rows.iter().map(|r| point(r, r.base_rate)).collect(),
        8,
        5,
        FIGHTING.stroke_width(2),
    )))?;
    chart.draw_series(LineSeries::new(
        rows.iter().map(|r| point(r, r.ceasefire)),
        SETTLED.stroke_width(3),
    ))?;
    chart.draw_series(crowd.iter().map(|m| {
        Circle::new(
            (age(m.forecast.date), 100.0 * m.forecast.probability),
            4,
            DOWN.filled(),
        )
    }))?;
    let (x, y) = chart.backend_coord(&(0.5, 97.0));
    let entries = [
        "The model, with its 90% range",
        "Base rate: wars of the same age (Correlates of War)",
        "Crowd forecasts (their own deadlines)",
    ];
    labels.legend_backdrop((x + 8, y), &entries);
    labels.legend((x + 8, y), SETTLED, false, entries[0]);
    labels.legend((x + 8, y + 18), FIGHTING, true, entries[1]);
    labels.swatch((x + 8, y + 36), DOWN, entries[2]);
    root.present()?;
    Ok(())
}

/// Draws the backtest chart from the backtest's rows and crowd matches.
pub fn backtest_chart(rows: &[Row], crowd: &[Match]) -> Chart {
    let t = Catalog::english();
    let mut raw = String::new();
    let mut labels = Labels::new(Size::EXPORT.width);
    let drawn = draw(rows, crowd, &mut raw, &mut labels);
    let description = format!(
        "Line chart. At the end of each quarter from {} to {}, the model's chance of a general ceasefire within 12 months ran from {:.1}% to {:.1}%; the base rate of wars of the same age from {:.0}% to {:.0}%; {} crowd forecasts from {:.0}% to {:.0}%. No general ceasefire came in any window that has closed.",
        rows.first().map_or("", |r| r.label),
        rows.last().map_or("", |r| r.label),
        100.0 * rows.iter().map(|r| r.ceasefire).fold(f64::INFINITY, f64::min),
        100.0 * rows.iter().map(|r| r.ceasefire).fold(0.0, f64::max),
        100.0 * rows.iter().map(|r| r.base_rate).fold(f64::INFINITY, f64::min),
        100.0 * rows.iter().map(|r| r.base_rate).fold(0.0, f64::max),
        crowd.len(),
        100.0 * crowd.iter().map(|m| m.forecast.probability).fold(f64::INFINITY, f64::min),
        100.0 * crowd.iter().map(|m| m.forecast.probability).fold(0.0, f64::max),
    );
    let chart = finish(
        &t,
        raw,
        labels,
        drawn,
        "How has the model done? Ceasefire forecasts, 2022–2026",
        &description,
    );
    // Shown as an image on the methods page, it does not inherit the
    // page's font: it names a sans-serif face itself.
    Chart {
        svg: chart
            .svg
            .replacen("<svg ", "<svg font-family=\"system-ui, sans-serif\" ", 1),
        ..chart
    }
}

/// The chart for the current model.
pub fn current() -> Chart {
    backtest_chart(&crate::backtest::quarterly(), &crowd_matches())
}
