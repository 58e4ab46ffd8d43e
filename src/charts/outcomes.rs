//! Outcomes over time: month by month, the chance that a ceasefire holds
//! or has become a durable peace (with 50% and 90% bands), that one has
//! been reached at all, that one has broken down, that the war is still
//! being fought, and that it has escalated (with its bands).
//!
//! Escalation is usually a few percent while settlement is tens of
//! percent, so they get two panels with their own scales: on one shared
//! scale the escalation curve would lie flat on the axis.

use super::axes::{draw_axes, Axis, DrawResult};
use super::canvas::Canvas;
use super::labels::{legend_height, tick_text, ticks, Entry, Labels, Mark, TITLE};
use super::marks::Dashed;
use super::palette::{BROKE, ESCALATED, FIGHTING, INK, SETTLED};
use super::{finish, Chart, Size};
use crate::i18n::Catalog;
use crate::model::{Band, Outcome};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A round upper limit for a probability axis, in percent.
pub fn nice_ceiling(max_percent: f64) -> f64 {
    [1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 50.0, 75.0, 100.0]
        .into_iter()
        .find(|&c| max_percent <= c)
        .unwrap_or(100.0)
}

struct Curve<'a> {
    label: &'a str,
    color: RGBColor,
    mean: &'a [f64],
    band: Option<&'a [Band]>,
    dashed: bool,
    /// A kept view "A" drawn under the others: thin and dotted.
    quiet: bool,
}

/// A public forecast as the chart's forecast layer draws it; `build.rs`
/// writes them from data/forecasts.tsv (see `backtest::forecasts`), so
/// the page carries these few numbers, not the table.
pub struct PublicForecast {
    /// Platform and date: "Polymarket, 2025-12-09".
    pub label: &'static str,
    /// Months from the day it was made to its deadline.
    pub months: f64,
    /// The probability of Yes.
    pub value: f64,
    /// A question on a NATO–Russia clash rather than a ceasefire.
    pub clash: bool,
}

/// Every forecast in data/forecasts.tsv, for the forecast layer.
pub const FORECASTS: &[PublicForecast] = include!(concat!(env!("OUT_DIR"), "/public_forecasts.rs"));

/// The legend entries of a panel's curves, and of its forecasts if shown.
fn entries<'a>(curves: &[Curve<'a>], forecasts: Option<(&'a str, RGBColor)>) -> Vec<Entry<'a>> {
    let lines = curves.iter().map(|c| Entry {
        color: c.color,
        mark: if c.dashed { Mark::Dashed } else { Mark::Line },
        text: c.label,
    });
    let dots = forecasts.map(|(text, color)| Entry {
        color,
        mark: Mark::Dot,
        text,
    });
    lines.chain(dots).collect()
}

/// The legend's width in a panel `width` pixels wide.
fn legend_width(width: u32) -> i32 {
    width as i32 - 16
}

/// The forecasts a panel shows: none without the layer, else those on its
/// question (a ceasefire, or a NATO–Russia clash).
fn forecasts_of(layer: Option<(&str, bool)>) -> impl Iterator<Item = &'static PublicForecast> {
    let clash = layer.map(|(_, clash)| clash);
    FORECASTS.iter().filter(move |f| clash == Some(f.clash))
}

/// What one panel of the chart shows.
struct Panel<'a> {
    title: &'a str,
    /// The horizon: the x axis runs from month 0 to this.
    months: usize,
    /// The top of the y axis, in percent.
    y_max: f64,
    /// Whether the x axis is named (the bottom panel's only).
    x_name: bool,
    curves: &'a [Curve<'a>],
    /// The forecast layer's legend text and whether this panel's
    /// question is a clash, when the layer is shown.
    forecasts: Option<(&'a str, bool)>,
}

fn panel(
    t: &Catalog,
    area: &DrawingArea<Canvas, Shift>,
    labels: &mut Labels,
    panel: &Panel,
) -> DrawResult {
    let Panel {
        title,
        months,
        y_max,
        x_name,
        curves,
        forecasts,
    } = *panel;
    let (ax, ay) = area.get_base_pixel();
    let (width, height) = area.dim_in_pixel();
    labels.text((ax + 8, ay + 14), title, TITLE);
    // Forecast dots take the colour of the panel's first curve of B's.
    let color = curves
        .iter()
        .find(|c| !c.quiet)
        .map_or(SETTLED, |c| c.color);
    let legend = entries(curves, forecasts.map(|(text, _)| (text, color)));
    // The legend sits under the axis, outside the plot, so it never covers
    // a curve, and it wraps to as many rows as the width needs.
    let texts: Vec<&str> = legend.iter().map(|e| e.text).collect();
    let legend_h = legend_height(&texts, legend_width(width));
    let mut chart = ChartBuilder::on(area)
        .margin(8)
        .margin_top(30)
        .margin_right(16)
        .margin_bottom(8 + legend_h as u32)
        .x_label_area_size(if x_name { 40 } else { 22 })
        .y_label_area_size(52)
        .build_cartesian_2d(0f64..months as f64, 0f64..y_max)?;
    let step = if months <= 36 { 6.0 } else { 12.0 };
    let x_ticks = (0..=months / step as usize)
        .map(|k| k as f64 * step)
        .collect();
    draw_axes(
        &mut chart,
        labels,
        &Axis {
            ticks: x_ticks,
            format: &|m| crate::decimal::fixed(m, 0),
            name: x_name.then(|| t.get("chart.months_from_now")),
            grid: false,
        },
        &Axis {
            ticks: ticks(0.0, y_max, 4),
            format: &|v| tick_text(t, v),
            name: Some(t.get("chart.chance_axis")),
            grid: true,
        },
    )?;

    for curve in curves {
        let to_points = |f: &dyn Fn(usize) -> f64| -> Vec<(f64, f64)> {
            (0..curve.mean.len())
                .map(|t| (t as f64, 100.0 * f(t)))
                .collect()
        };
        if let Some(band) = curve.band {
            let outer: [fn(&Band) -> f64; 2] = [|b| b.p5, |b| b.p95];
            let inner: [fn(&Band) -> f64; 2] = [|b| b.p25, |b| b.p75];
            for (alpha, [lower, upper]) in [(0.16, outer), (0.28, inner)] {
                let mut outline = to_points(&|t| upper(&band[t]));
                let mut bottom = to_points(&|t| lower(&band[t]));
                bottom.reverse();
                outline.extend(bottom);
                chart.draw_series(std::iter::once(Polygon::new(
                    outline,
                    curve.color.mix(alpha).filled(),
                )))?;
            }
        }
        let points = to_points(&|t| curve.mean[t]);
        let style = curve.color.stroke_width(if curve.quiet { 2 } else { 3 });
        if curve.quiet {
            chart.draw_series(std::iter::once(Dashed::new(points, 3, 4, style)))?;
        } else if curve.dashed {
            chart.draw_series(std::iter::once(Dashed::new(points, 8, 5, style)))?;
        } else {
            chart.draw_series(LineSeries::new(points, style))?;
        }
    }
    for f in forecasts_of(forecasts) {
        if f.months <= months as f64 {
            let at = chart.backend_coord(&(f.months, (100.0 * f.value).min(y_max)));
            let title = format!("{}: {}", f.label, t.percent(f.value));
            labels.dot(at, color, Some(&title));
        }
    }
    let legend_y = ay + height as i32 - 8 - legend_h + 9;
    labels.legend_rows((ax + 8, legend_y), legend_width(width), &legend);
    Ok(())
}

/// The top panel's curves and the bottom panel's, each with the kept view
/// A's first when comparing (`reference`).
fn curves<'a>(
    t: &'a Catalog,
    outcome: &'a Outcome,
    reference: Option<&'a Outcome>,
    compact: bool,
) -> (Vec<Curve<'a>>, Vec<Curve<'a>>) {
    // On a phone the banded curves' legends drop their note on the bands
    // (the figure's lede explains them): at full length they would not fit.
    let banded = |key| {
        let label = t.get(key);
        match label.split_once(" (") {
            Some((short, _)) if compact => short,
            _ => label,
        }
    };
    let top_curves = with_reference(
        t,
        reference.map(|a| &a.settled[..]),
        [
            Curve {
                label: banded("chart.outcomes.settled"),
                color: SETTLED,
                mean: &outcome.settled,
                band: Some(outcome.settled_band()),
                dashed: false,
                quiet: false,
            },
            Curve {
                label: t.get("chart.outcomes.reached"),
                color: SETTLED,
                mean: &outcome.reached,
                band: None,
                dashed: true,
                quiet: false,
            },
            Curve {
                label: t.get("chart.outcomes.broke"),
                color: BROKE,
                mean: &outcome.broke_down,
                band: None,
                dashed: false,
                quiet: false,
            },
            Curve {
                label: t.get("chart.outcomes.fighting"),
                color: FIGHTING,
                mean: &outcome.fighting,
                band: None,
                dashed: true,
                quiet: false,
            },
        ],
    );
    let bottom_curves = with_reference(
        t,
        reference.map(|a| &a.escalated[..]),
        [Curve {
            label: banded("chart.outcomes.escalated"),
            color: ESCALATED,
            mean: &outcome.escalated,
            band: Some(outcome.escalated_band()),
            dashed: false,
            quiet: false,
        }],
    );
    (top_curves, bottom_curves)
}

/// The top of the escalation panel's scale, in percent: a round number
/// above the band, the mean, the kept view A's mean and any shown forecast
/// of a clash, so all of them stay on the scale.
fn escalation_scale(
    outcome: &Outcome,
    reference: Option<&Outcome>,
    layer: Option<(&str, bool)>,
) -> f64 {
    let top_band = outcome.escalated_band().last().map_or(0.0, |b| b.p95);
    let top_forecast = forecasts_of(layer)
        .filter(|f| f.months <= outcome.months as f64)
        .map(|f| f.value)
        .fold(0.0, f64::max);
    let kept = reference.map_or(0.0, |a| a.escalation.mean);
    nice_ceiling(
        100.0
            * top_band
                .max(outcome.escalation.mean)
                .max(top_forecast)
                .max(kept),
    )
}

fn draw(
    t: &Catalog,
    outcome: &Outcome,
    reference: Option<&Outcome>,
    size: Size,
    forecasts: bool,
    buf: &mut String,
    labels: &mut Labels,
) -> DrawResult {
    let (top_curves, bottom_curves) = curves(t, outcome, reference, size.is_compact());
    let layer = |key, clash| forecasts.then(|| (t.get(key), clash));
    let top_layer = layer("chart.outcomes.forecasts", false);
    let bottom_layer = layer("chart.outcomes.forecasts_clash", true);
    // Each panel grows by its legend's rows, so the plots keep their size.
    let legend_rows = |curves: &[Curve], layer: Option<(&str, bool)>| {
        let texts: Vec<&str> = curves
            .iter()
            .map(|c| c.label)
            .chain(layer.map(|(text, _)| text))
            .collect();
        legend_height(&texts, legend_width(size.width)) as u32
    };
    let top_legend = legend_rows(&top_curves, top_layer);
    let bottom_legend = legend_rows(&bottom_curves, bottom_layer);
    let root = Canvas::new(buf, (size.width, size.height + top_legend + bottom_legend))
        .into_drawing_area();
    let (top, bottom) = root.split_vertically((size.height as f64 * 0.56) as u32 + top_legend);
    panel(
        t,
        &top,
        labels,
        &Panel {
            title: t.get("chart.outcomes.top"),
            months: outcome.months,
            y_max: 100.0,
            x_name: false,
            curves: &top_curves,
            forecasts: top_layer,
        },
    )?;
    let y_max = escalation_scale(outcome, reference, bottom_layer);
    // The scale's top is a round number (nice_ceiling): no decimals.
    let scale = t.whole_percent(y_max);
    let title = t.fill(
        if size.is_compact() {
            "chart.outcomes.bottom_short"
        } else {
            "chart.outcomes.bottom"
        },
        &[("max", &scale)],
    );
    panel(
        t,
        &bottom,
        labels,
        &Panel {
            title: &title,
            months: outcome.months,
            y_max,
            x_name: true,
            curves: &bottom_curves,
            forecasts: bottom_layer,
        },
    )?;
    root.present()?;
    Ok(())
}

/// A panel's curves, with the kept view A's (`kept`, when comparing) first,
/// so that it is drawn under the others and heads the legend.
fn with_reference<'a, const N: usize>(
    t: &'a Catalog,
    kept: Option<&'a [f64]>,
    curves: [Curve<'a>; N],
) -> Vec<Curve<'a>> {
    let mut all = Vec::with_capacity(N + 1);
    all.extend(kept.map(|mean| Curve {
        // "A" alone until the rest of English, which names it, arrives.
        label: t.find("compare.legend").unwrap_or("A"),
        color: INK,
        mean,
        band: None,
        dashed: true,
        quiet: true,
    }));
    all.extend(curves);
    all
}

/// The text alternative: the state of things at the horizon.
pub fn describe(t: &Catalog, outcome: &Outcome) -> String {
    // The text alternatives are in the rest of English, which the figures
    // wait for; this holds only if it could not be fetched.
    if t.find("chart.outcomes.describe").is_none() {
        return String::new();
    }
    let m = outcome.months;
    let fighting = outcome.fighting.last().copied().unwrap_or(1.0);
    let half = outcome
        .settled
        .iter()
        .position(|&s| s >= outcome.settlement.mean / 2.0 && outcome.settlement.mean > 0.0)
        .unwrap_or(m);
    let p = |v| t.percent(v);
    t.fill(
        "chart.outcomes.describe",
        &[
            ("months", &t.months(m as u32)),
            ("m", &m.to_string()),
            ("settled", &p(outcome.settlement.mean)),
            ("settled_lo", &p(outcome.settlement.p5)),
            ("settled_hi", &p(outcome.settlement.p95)),
            ("escalated", &p(outcome.escalation.mean)),
            ("escalated_lo", &p(outcome.escalation.p5)),
            ("escalated_hi", &p(outcome.escalation.p95)),
            ("fighting", &p(fighting)),
            ("reached", &p(outcome.ceasefire.mean)),
            ("broke", &p(outcome.breakdown.mean)),
            (
                "durable",
                &p(outcome.durable.last().copied().unwrap_or(0.0)),
            ),
            ("half", &half.to_string()),
        ],
    )
}

/// The numbers behind the chart: every 6 months (12 beyond three years)
/// and at the horizon.
pub fn table(t: &Catalog, outcome: &Outcome) -> super::Table {
    let m = outcome.months;
    let step = if m > 36 { 12 } else { 6 };
    super::Table {
        caption: t.get("table.outcomes.caption").to_owned(),
        head: [
            "table.month",
            "table.fighting",
            "table.holding",
            "table.durable",
            "table.reached",
            "table.broke",
            "table.escalated",
        ]
        .map(|k| t.get(k).to_owned())
        .to_vec(),
        rows: (0..=m)
            .filter(|month| month % step == 0 || *month == m)
            .map(|month| {
                vec![
                    month.to_string(),
                    t.percent(outcome.fighting[month]),
                    t.percent(outcome.holding[month]),
                    t.percent(outcome.durable[month]),
                    t.percent(outcome.reached[month]),
                    t.percent(outcome.broke_down[month]),
                    t.percent(outcome.escalated[month]),
                ]
            })
            .collect(),
    }
}

/// Draws the outcomes chart, with the kept view A's curves under the
/// others when comparing (`reference`); `forecasts` adds the public
/// forecast layer.
pub fn outcomes_chart(
    t: &Catalog,
    outcome: &Outcome,
    reference: Option<&Outcome>,
    size: Size,
    forecasts: bool,
) -> Chart {
    let mut raw = String::new();
    let mut labels = Labels::new(size.width);
    let description = describe(t, outcome);
    let drawn = draw(
        t,
        outcome,
        reference,
        size,
        forecasts,
        &mut raw,
        &mut labels,
    );
    finish(
        t,
        raw,
        labels,
        drawn,
        t.get("figure.outcomes.title"),
        &description,
    )
}
