//! Outcomes over time: month by month, the chance that a ceasefire holds
//! or has become a durable peace (with 50% and 90% bands), that one has
//! been reached at all, that one has broken down, that the war is still
//! being fought, and that it has escalated (with its bands).
//!
//! Escalation is usually a few percent while settlement is tens of
//! percent, so they get two panels with their own scales: on one shared
//! scale the escalation curve would lie flat on the axis.

use super::axes::{draw_axes, Axis, DrawResult};
use super::labels::{tick_text, ticks, Labels, TITLE};
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

/// Where a panel puts its legend, in plot fractions from the top left.
struct LegendAt(f64, f64);

#[allow(clippy::too_many_arguments)]
fn panel(
    t: &Catalog,
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
            chart.draw_series(DashedLineSeries::new(points, 3, 4, style))?;
        } else if curve.dashed {
            chart.draw_series(DashedLineSeries::new(points, 8, 5, style))?;
        } else {
            chart.draw_series(LineSeries::new(points, style))?;
        }
    }
    let (left, top) = chart.backend_coord(&(0.0, y_max));
    let (right, bottom) = chart.backend_coord(&(months as f64, 0.0));
    let x = left + ((right - left) as f64 * legend_at.0) as i32;
    let y = top + ((bottom - top) as f64 * legend_at.1) as i32;
    let entries: Vec<&str> = curves.iter().map(|c| c.label).collect();
    labels.legend_backdrop((x, y), &entries);
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

fn draw(
    t: &Catalog,
    outcome: &Outcome,
    reference: Option<&Outcome>,
    size: Size,
    buf: &mut String,
    labels: &mut Labels,
) -> DrawResult {
    let root = SVGBackend::with_string(buf, size.tuple()).into_drawing_area();
    let (top, bottom) = root.split_vertically((size.height as f64 * 0.56) as u32);
    panel(
        t,
        &top,
        labels,
        t.get("chart.outcomes.top"),
        outcome.months,
        100.0,
        false,
        LegendAt(0.03, 0.3),
        &with_reference(
            t,
            reference.map(|a| &a.settled[..]),
            [
                Curve {
                    label: t.get("chart.outcomes.settled"),
                    color: SETTLED,
                    mean: &outcome.settled,
                    band: Some(&outcome.settled_band),
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
        ),
    )?;
    let top_band = outcome.escalated_band.last().map_or(0.0, |b| b.p95);
    let kept = reference.map_or(0.0, |a| a.escalation.mean);
    let y_max = nice_ceiling(100.0 * top_band.max(outcome.escalation.mean).max(kept));
    // The scale's top is a round number (nice_ceiling): no decimals.
    let scale = t.whole_percent(y_max);
    panel(
        t,
        &bottom,
        labels,
        &t.fill(
            if size.is_compact() {
                "chart.outcomes.bottom_short"
            } else {
                "chart.outcomes.bottom"
            },
            &[("max", &scale)],
        ),
        outcome.months,
        y_max,
        true,
        LegendAt(0.03, 0.1),
        &with_reference(
            t,
            reference.map(|a| &a.escalated[..]),
            [Curve {
                label: t.get("chart.outcomes.escalated"),
                color: ESCALATED,
                mean: &outcome.escalated,
                band: Some(&outcome.escalated_band),
                dashed: false,
                quiet: false,
            }],
        ),
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
    // The text alternatives are in the rest of English, which the page
    // fetches after its first paint; the chart redraws when it arrives.
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
/// others when comparing (`reference`).
pub fn outcomes_chart(
    t: &Catalog,
    outcome: &Outcome,
    reference: Option<&Outcome>,
    size: Size,
) -> Chart {
    let mut raw = String::new();
    let mut labels = Labels::new(size.width);
    let description = describe(t, outcome);
    let drawn = draw(t, outcome, reference, size, &mut raw, &mut labels);
    finish(
        t,
        raw,
        labels,
        drawn,
        t.get("figure.outcomes.title"),
        &description,
    )
}
