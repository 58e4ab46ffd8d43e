//! Outcomes over time: the chance that the war is still being fought, has
//! been settled, or has escalated, month by month, with 50% and 90% bands.
//!
//! Escalation is usually a few percent while settlement is tens of
//! percent, so they get two panels with their own scales: on one shared
//! scale the escalation curve would lie flat on the axis.

use super::palette::{ESCALATED, FIGHTING, INK, SETTLED};
use super::{finish, pct, Chart, Size};
use crate::model::{Band, Outcome};
use plotters::coord::Shift;
use plotters::prelude::*;

const FONT: &str = "sans-serif";

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

fn panel(
    area: &DrawingArea<SVGBackend, Shift>,
    title: &str,
    months: usize,
    y_max: f64,
    x_label: bool,
    legend_at: SeriesLabelPosition,
    curves: &[Curve],
) -> Result<(), Box<dyn std::error::Error>> {
    let mut chart = ChartBuilder::on(area)
        .margin(8)
        .margin_right(16)
        .caption(title, (FONT, 17).into_font().color(&INK))
        .x_label_area_size(if x_label { 40 } else { 24 })
        .y_label_area_size(52)
        .build_cartesian_2d(0f64..months as f64, 0f64..y_max)?;
    let mut mesh = chart.configure_mesh();
    mesh.y_desc("Chance (%)")
        .label_style((FONT, 13).into_font().color(&INK))
        .axis_desc_style((FONT, 14).into_font().color(&INK))
        .axis_style(INK.mix(0.6))
        .bold_line_style(INK.mix(0.12))
        .light_line_style(INK.mix(0.0))
        .x_labels(7)
        .y_labels(5)
        .x_label_formatter(&|m| format!("{m:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}"));
    if x_label {
        mesh.x_desc("Months from now");
    }
    mesh.draw()?;

    for curve in curves {
        let to_points = |f: &dyn Fn(usize) -> f64| -> Vec<(f64, f64)> {
            (0..curve.mean.len())
                .map(|t| (t as f64, 100.0 * f(t)))
                .collect()
        };
        if let Some(band) = curve.band {
            for (alpha, lower, upper) in [
                (
                    0.16,
                    band.iter().map(|b| b.p5).collect::<Vec<_>>(),
                    band.iter().map(|b| b.p95).collect::<Vec<_>>(),
                ),
                (
                    0.28,
                    band.iter().map(|b| b.p25).collect(),
                    band.iter().map(|b| b.p75).collect(),
                ),
            ] {
                let mut outline = to_points(&|t| upper[t]);
                let mut bottom = to_points(&|t| lower[t]);
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
        let color = curve.color;
        if curve.dashed {
            chart
                .draw_series(DashedLineSeries::new(points, 8, 5, style))?
                .label(curve.label)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], color.stroke_width(3))
                });
        } else {
            chart
                .draw_series(LineSeries::new(points, style))?
                .label(curve.label)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 22, y)], color.stroke_width(3))
                });
        }
    }
    chart
        .configure_series_labels()
        .position(legend_at)
        .label_font((FONT, 13).into_font().color(&INK))
        .background_style(WHITE.mix(0.0))
        .border_style(INK.mix(0.3))
        .draw()?;
    Ok(())
}

fn draw(outcome: &Outcome, size: Size, buf: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(buf, size.tuple()).into_drawing_area();
    let (top, bottom) = root.split_vertically((size.height as f64 * 0.58) as u32);
    panel(
        &top,
        "Settled, or still fighting",
        outcome.months,
        100.0,
        false,
        SeriesLabelPosition::MiddleLeft,
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
        &format!("Escalated to a NATO–Russia clash (scale 0–{y_max:.0}%)"),
        outcome.months,
        y_max,
        true,
        SeriesLabelPosition::UpperLeft,
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

/// Draws the outcomes chart.
pub fn outcomes_chart(outcome: &Outcome, size: Size) -> Chart {
    let mut raw = String::new();
    let description = describe(outcome);
    if let Err(error) = draw(outcome, size, &mut raw) {
        raw = format!(
            "<svg viewBox=\"0 0 10 10\">{}</svg>",
            super::escape(&error.to_string())
        );
    }
    Chart {
        svg: finish(raw, "Outcomes over time", &description),
        description,
    }
}
