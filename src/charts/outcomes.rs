//! Outcomes over time: the chance that the war is still being fought, has
//! been settled, or has escalated, month by month, with 50% and 90% bands.
//!
//! Escalation is usually a few percent while settlement is tens of
//! percent, so they get two panels with their own scales: on one shared
//! scale the escalation curve would lie flat on the axis.

use super::axes::{draw_axes, Axis, DrawResult};
use super::labels::{tick_text, ticks, Labels, TITLE};
use super::palette::{ESCALATED, FIGHTING, SETTLED};
use super::{finish, pct, Chart, Size};
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
}

/// Where a panel puts its legend, in plot fractions from the top left.
struct LegendAt(f64, f64);

#[allow(clippy::too_many_arguments)]
fn panel(
    area: &DrawingArea<SVGBackend, Shift>,
    labels: &mut Labels,
    title: &str,
    months: usize,
    y_max: f64,
    x_name: bool,
    legend_at: LegendAt,
    curves: &[Curve],
) -> DrawResult {
    let (ax, ay) = area.get_base_pixel();
    labels.text((ax + 8, ay + 14), title, TITLE);
    let mut chart = ChartBuilder::on(area)
        .margin(8)
        .margin_top(30)
        .margin_right(16)
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
            format: &|m| format!("{m:.0}"),
            name: x_name.then_some("Months from now"),
            grid: false,
        },
        &Axis {
            ticks: ticks(0.0, y_max, 4),
            format: &tick_text,
            name: Some("Chance (%)"),
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
        let style = curve.color.stroke_width(3);
        if curve.dashed {
            chart.draw_series(DashedLineSeries::new(points, 8, 5, style))?;
        } else {
            chart.draw_series(LineSeries::new(points, style))?;
        }
    }
    let (left, top) = chart.backend_coord(&(0.0, y_max));
    let (right, bottom) = chart.backend_coord(&(months as f64, 0.0));
    let x = left + ((right - left) as f64 * legend_at.0) as i32;
    let y = top + ((bottom - top) as f64 * legend_at.1) as i32;
    for (k, curve) in curves.iter().enumerate() {
        labels.legend(
            (x, y + 18 * k as i32),
            curve.color,
            curve.dashed,
            curve.label,
        );
    }
    Ok(())
}

fn draw(outcome: &Outcome, size: Size, buf: &mut String, labels: &mut Labels) -> DrawResult {
    let root = SVGBackend::with_string(buf, size.tuple()).into_drawing_area();
    let (top, bottom) = root.split_vertically((size.height as f64 * 0.56) as u32);
    panel(
        &top,
        labels,
        "Settled, or still fighting",
        outcome.months,
        100.0,
        false,
        LegendAt(0.03, 0.42),
        &[
            Curve {
                label: "Settled (mean, 50% and 90% bands)",
                color: SETTLED,
                mean: &outcome.settled,
                band: Some(&outcome.settled_band),
                dashed: false,
            },
            Curve {
                label: "Still fighting",
                color: FIGHTING,
                mean: &outcome.fighting,
                band: None,
                dashed: true,
            },
        ],
    )?;
    let top_band = outcome.escalated_band.last().map_or(0.0, |b| b.p95);
    let y_max = nice_ceiling(100.0 * top_band.max(outcome.escalation.mean));
    panel(
        &bottom,
        labels,
        &if size.is_compact() {
            format!("Escalated (scale 0–{y_max:.0}%)")
        } else {
            format!("Escalated to a NATO–Russia clash (scale 0–{y_max:.0}%)")
        },
        outcome.months,
        y_max,
        true,
        LegendAt(0.03, 0.1),
        &[Curve {
            label: "Escalated (mean, 50% and 90% bands)",
            color: ESCALATED,
            mean: &outcome.escalated,
            band: Some(&outcome.escalated_band),
            dashed: false,
        }],
    )?;
    root.present()?;
    Ok(())
}

/// The text alternative: the state of things at the horizon.
pub fn describe(outcome: &Outcome) -> String {
    let m = outcome.months;
    let fighting = outcome.fighting.last().copied().unwrap_or(1.0);
    let half = outcome
        .settled
        .iter()
        .position(|&s| s >= outcome.settlement.mean / 2.0 && outcome.settlement.mean > 0.0)
        .unwrap_or(m);
    format!(
        "Line chart over {m} months. By month {m}: settled {} (90% range {}–{}), escalated {} (90% range {}–{}), still fighting {}. Half of the settlement chance builds up by month {half}.",
        pct(outcome.settlement.mean),
        pct(outcome.settlement.p5),
        pct(outcome.settlement.p95),
        pct(outcome.escalation.mean),
        pct(outcome.escalation.p5),
        pct(outcome.escalation.p95),
        pct(fighting),
    )
}

/// The numbers behind the chart: every 6 months (12 beyond three years)
/// and at the horizon.
pub fn table(outcome: &Outcome) -> super::Table {
    let m = outcome.months;
    let step = if m > 36 { 12 } else { 6 };
    super::Table {
        caption: "Chance of each outcome by month (mean over the uncertainty)".into(),
        head: ["Month", "Still fighting", "Settled", "Escalated"]
            .map(String::from)
            .to_vec(),
        rows: (0..=m)
            .filter(|t| t % step == 0 || *t == m)
            .map(|t| {
                vec![
                    t.to_string(),
                    pct(outcome.fighting[t]),
                    pct(outcome.settled[t]),
                    pct(outcome.escalated[t]),
                ]
            })
            .collect(),
    }
}

/// Draws the outcomes chart.
pub fn outcomes_chart(outcome: &Outcome, size: Size) -> Chart {
    let mut raw = String::new();
    let mut labels = Labels::default();
    let description = describe(outcome);
    let drawn = draw(outcome, size, &mut raw, &mut labels);
    finish(raw, labels, drawn, "Outcomes over time", &description)
}
