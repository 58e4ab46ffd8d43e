//! Out of sample: the same model run on three earlier wars that ended in a
//! ceasefire after long talks (Korea 1951–53, Iran–Iraq 1986–88,
//! Eritrea–Ethiopia 1998–2000), from the inputs coded quarter by quarter
//! in `data/past_wars.tsv` before the model was run on them
//! (docs/past_wars.md gives the coding rules and the sides).
//!
//! Each quarter is run exactly as a Ukraine quarter is: momentum read back
//! to the model's reference aid and support ([`super::slider_momentum`]),
//! a 12-month horizon, the war's age the months since that war began. The
//! forecast scored is a ceasefire within 12 months of the quarter's end.
//!
//! Which quarters are scored: every quarter that ends before the
//! ceasefire. Its window either closes before the ceasefire (No) or
//! contains it (Yes). The quarter that contains the ceasefire is left out:
//! its end falls after the event, so a run from it would start with the
//! war already over. Every window is closed, so every scored quarter has
//! a known outcome.
//!
//! The yardsticks: the Correlates of War life table by the war's age (the
//! base rate, [`super::base_rate`]), and a constant forecaster at the
//! Correlates of War rate after three years (0.0345 a month, 33.9% a year)
//! for every quarter, since a war's own rate is not known while it lasts.
//! No constant of the model was set or changed because of these wars.

use super::{base_rate, brier, cow_after_three_years, days, log_score, months_between, tsv};
use crate::model::{simulate_from, Input, Inputs, Valid};

/// The inputs table.
pub const TABLE: &str = include_str!("../../data/past_wars.tsv");
/// One row per war: its sides and the ceasefire to score.
pub const SIDES: &str = include_str!("../../data/past_wars_sides.tsv");

/// The day each war began, from which its age counts: the North Korean
/// invasion of 25 June 1950; Iraq's invasion of 22 September 1980; the
/// clash at Badme of 6 May 1998 (docs/past_wars.md).
pub const STARTS: [(&str, &str); 3] = [
    ("korea", "1950-06-25"),
    ("iran-iraq", "1980-09-22"),
    ("eritrea-ethiopia", "1998-05-06"),
];

/// One war as the sides table gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct War {
    /// "korea"
    pub key: &'static str,
    pub side_a: &'static str,
    pub side_b: &'static str,
    /// The day the war began.
    pub start: &'static str,
    /// The day the ceasefire came, and what it was.
    pub ceasefire: &'static str,
    pub event: &'static str,
}

/// The wars of the sides table, in its order.
pub fn wars() -> Vec<War> {
    tsv::records(SIDES)
        .filter_map(|line| {
            let [key, side_a, _, side_b, _, _, ceasefire, event, _, _] =
                tsv::cells::<10>(line).ok()?;
            let start = STARTS.iter().find(|(k, _)| *k == key)?.1;
            Some(War {
                key,
                side_a,
                side_b,
                start,
                ceasefire,
                event,
            })
        })
        .collect()
}

/// One quarter of a war: its label, last day and inputs (an input the
/// table does not list for it keeps the model's default).
#[derive(Clone, Debug, PartialEq)]
pub struct Quarter {
    pub war: &'static str,
    pub label: &'static str,
    pub date: &'static str,
    pub inputs: Inputs,
}

/// Reads one row of the inputs table: war, quarter, date, input, value.
fn parse_row(
    line: &'static str,
) -> Result<(&'static str, &'static str, &'static str, Input, f64), String> {
    let [war, quarter, date, key, value, _, _, _] = tsv::cells::<8>(line)?;
    let (input, value) = super::history::input_value(key, value)?;
    Ok((war, quarter, date, input, value))
}

/// Every quarter of every war, in the table's order.
pub fn quarters() -> Vec<Quarter> {
    let mut out: Vec<Quarter> = Vec::new();
    for line in tsv::records(TABLE) {
        let Ok((war, label, date, input, value)) = parse_row(line) else {
            continue;
        };
        if out.last().map(|q| (q.war, q.label)) != Some((war, label)) {
            out.push(Quarter {
                war,
                label,
                date,
                inputs: Inputs::default(),
            });
        }
        if let Some(q) = out.last_mut() {
            input.set(&mut q.inputs, value);
        }
    }
    out
}

/// One scored quarter of a past war.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub war: &'static str,
    pub label: &'static str,
    pub date: &'static str,
    /// Months since the war began at the quarter's end.
    pub war_age: f64,
    /// The model's chance of a ceasefire within 12 months.
    pub model: f64,
    /// The base rate (life table by age) and the constant forecaster.
    pub base_rate: f64,
    pub constant: f64,
    /// Whether the ceasefire came within the 12 months.
    pub came: bool,
}

/// The model's 12-month chance of a ceasefire from every quarter that
/// ends before its war's ceasefire, with the yardsticks and the outcome.
pub fn rows() -> Vec<Row> {
    let wars = wars();
    let constant = 1.0 - (-12.0 * cow_after_three_years()).exp();
    quarters()
        .into_iter()
        .filter_map(|q| {
            let war = wars.iter().find(|w| w.key == q.war)?;
            if days(q.date)? >= days(war.ceasefire)? {
                return None;
            }
            let war_age = months_between(war.start, q.date)?;
            let inputs = Valid::new(&Inputs {
                momentum: super::slider_momentum(&q.inputs),
                horizon: 12.0,
                ..q.inputs
            });
            let outcome = simulate_from(&inputs, war_age, crate::model::draws::standard_draws());
            let window_end = super::window_end(q.date)?;
            Some(Row {
                war: q.war,
                label: q.label,
                date: q.date,
                war_age,
                model: outcome.ceasefire.mean,
                base_rate: base_rate(war_age, 12.0),
                constant,
                came: days(war.ceasefire)? <= days(&window_end)?,
            })
        })
        .collect()
}

/// One war's scores: Brier and log, for the model, the base rate and the
/// constant, over its scored quarters.
#[derive(Clone, Debug, PartialEq)]
pub struct WarScores {
    pub war: &'static str,
    pub quarters: usize,
    pub model: (f64, f64),
    pub base_rate: (f64, f64),
    pub constant: (f64, f64),
}

/// The scores of each war, then of all three together (`war` "all").
pub fn scores() -> Vec<WarScores> {
    let rows = rows();
    let mut keys: Vec<&'static str> = wars().iter().map(|w| w.key).collect();
    keys.push("all");
    keys.into_iter()
        .filter_map(|key| {
            let mine: Vec<&Row> = rows
                .iter()
                .filter(|r| key == "all" || r.war == key)
                .collect();
            let score = |pick: fn(&Row) -> f64| -> Option<(f64, f64)> {
                let pairs: Vec<(f64, bool)> = mine.iter().map(|r| (pick(r), r.came)).collect();
                Some((brier(&pairs)?, log_score(&pairs)?))
            };
            Some(WarScores {
                war: key,
                quarters: mine.len(),
                model: score(|r| r.model)?,
                base_rate: score(|r| r.base_rate)?,
                constant: score(|r| r.constant)?,
            })
        })
        .collect()
}

/// The tables docs/MODEL.md §13 shows of the past wars.
pub fn markdown() -> String {
    let pct = super::percent;
    let mut out = String::from(
        "| War | Quarter | War's age (months) | Model: a ceasefire within 12 months | Base rate | Constant | The ceasefire came within 12 months? |\n|---|---|---|---|---|---|---|\n",
    );
    for r in rows() {
        out.push_str(&format!(
            "| {} | {} | {:.0} | {} | {} | {} | {} |\n",
            r.war,
            r.label,
            r.war_age,
            pct(r.model),
            pct(r.base_rate),
            pct(r.constant),
            if r.came { "Yes" } else { "No" },
        ));
    }
    out.push_str(
        "\n| War | Quarters | Model: Brier / log | Base rate: Brier / log | Constant: Brier / log | Model's skill against the base rate | Against the constant |\n|---|---|---|---|---|---|---|\n",
    );
    for s in scores() {
        out.push_str(&format!(
            "| {} | {} | {:.3} / {:.3} | {:.3} / {:.3} | {:.3} / {:.3} | {:.2} | {:.2} |\n",
            s.war,
            s.quarters,
            s.model.0,
            s.model.1,
            s.base_rate.0,
            s.base_rate.1,
            s.constant.0,
            s.constant.1,
            1.0 - s.model.0 / s.base_rate.0,
            1.0 - s.model.0 / s.constant.0,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_reads_and_every_war_has_a_start_and_a_ceasefire() {
        for (k, line) in tsv::records(TABLE).enumerate() {
            let (_, _, _, input, value) =
                parse_row(line).unwrap_or_else(|e| panic!("row {}: {e}", k + 2));
            assert_eq!(input.spec().sanitize(value), value, "row {}", k + 2);
        }
        let wars = wars();
        assert_eq!(wars.len(), 3);
        for w in &wars {
            assert!(days(w.start) < days(w.ceasefire), "{}", w.key);
            assert!(quarters().iter().any(|q| q.war == w.key));
        }
    }

    #[test]
    fn the_quarter_holding_the_ceasefire_is_left_out() {
        let rows = rows();
        for w in wars() {
            let mine: Vec<&Row> = rows.iter().filter(|r| r.war == w.key).collect();
            assert!(mine.iter().all(|r| r.date < w.ceasefire));
            // The last scored quarter's window holds the ceasefire.
            assert!(mine.last().is_some_and(|r| r.came), "{}", w.key);
        }
    }
}
