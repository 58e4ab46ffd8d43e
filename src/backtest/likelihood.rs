//! The chance of the record: how likely the model, and the alternatives
//! set against it, found what happened in Ukraine from the first quarter's
//! end to the last day the sources cover (no general ceasefire), as a
//! product over stretches that do not overlap, and the Bayes factors
//! between them (docs/MODEL.md §13.2).

use super::{
    at_month, base_rate, constant_rate, cow_after_three_years, history, inputs_for, months_between,
    percent, run_with, KNOWN_UNTIL, WAR_START, WINDOW_MONTHS,
};
use crate::model::{Inputs, Valid};

/// One stretch of the record: from a quarter's end to the next quarter's
/// end (the last one to [`KNOWN_UNTIL`]), in which no general ceasefire came.
#[derive(Clone, Debug, PartialEq)]
pub struct Stretch {
    pub quarter: history::Quarter,
    /// The war's age at the stretch's start, and its length, in months.
    pub war_age: f64,
    pub months: f64,
}

/// The record cut into stretches that do not overlap: each quarter's end
/// to the next one's, up to the last day the sources cover.
pub fn stretches() -> Vec<Stretch> {
    let quarters = history::quarters();
    let ends: Vec<&str> = quarters
        .iter()
        .skip(1)
        .map(|q| q.date)
        .chain([KNOWN_UNTIL])
        .collect();
    quarters
        .iter()
        .zip(ends)
        .filter_map(|(q, end)| {
            let end = if end > KNOWN_UNTIL { KNOWN_UNTIL } else { end };
            let months = months_between(q.date, end)?;
            (months > 0.0).then_some(Stretch {
                quarter: q.clone(),
                war_age: months_between(WAR_START, q.date)?,
                months,
            })
        })
        .collect()
}

/// A forecaster the record is set against.
#[derive(Clone, Debug, PartialEq)]
pub struct Hypothesis {
    pub name: &'static str,
    /// The chance it gave the record: no general ceasefire in any stretch.
    pub record: f64,
}

/// The chance the model, with each quarter's inputs changed by `change`,
/// gave the record: the product over the stretches of each quarter's own
/// chance, from its own run, of no ceasefire before the next quarter's end.
pub fn model_record(change: &dyn Fn(&mut Inputs)) -> Option<f64> {
    stretches().iter().try_fold(1.0, |product, s| {
        let mut inputs = *inputs_for(&s.quarter, WINDOW_MONTHS);
        change(&mut inputs);
        let outcome = run_with(&s.quarter, Valid::new(&inputs))?;
        Some(product * (1.0 - at_month(&outcome.reached, s.months)?))
    })
}

/// The chance of the record under a monthly hazard that depends only on
/// the war's age.
pub fn hazard_record(hazard: &dyn Fn(f64, f64) -> f64) -> f64 {
    stretches()
        .iter()
        .map(|s| 1.0 - hazard(s.war_age, s.months))
        .product()
}

/// The likelihood table: the chance of the record under the model and
/// under the named alternatives, the model first.
pub fn likelihood() -> Option<Vec<Hypothesis>> {
    let constant = |_: f64, months: f64| 1.0 - (-constant_rate() * months).exp();
    let cow = |_: f64, months: f64| 1.0 - (-cow_after_three_years() * months).exp();
    Some(vec![
        Hypothesis {
            name: "The model (each quarter's inputs)",
            record: model_record(&|_| {})?,
        },
        Hypothesis {
            name: "(a) The model with the force never proposed (presence 0 in every quarter)",
            record: model_record(&|i| i.presence = 0.0)?,
        },
        Hypothesis {
            name: "(b) The model with Moscow's stated line fully credible (credibility 1)",
            record: model_record(&|i| i.credibility = 1.0)?,
        },
        Hypothesis {
            name: "(b) The model with Moscow's stated line not credible at all (credibility 0)",
            record: model_record(&|i| i.credibility = 0.0)?,
        },
        Hypothesis {
            name: "(c) A constant at this war's own rate (0 events in 52.1 months: 0.5 / 52.1 a month)",
            record: hazard_record(&constant),
        },
        Hypothesis {
            name: "(d) The Correlates of War hazard after three years (11 endings in 318.4 war-months)",
            record: hazard_record(&cow),
        },
        Hypothesis {
            name: "(e) The Correlates of War life table by the war's age (the base rate)",
            record: hazard_record(&base_rate),
        },
    ])
}

/// The likelihood table as docs/MODEL.md §13.2 shows it (a test checks
/// that the page has exactly this text).
pub fn likelihood_markdown() -> String {
    let mut out = String::new();
    if let Some(hypotheses) = likelihood() {
        let model = hypotheses[0].record;
        out.push_str(&format!(
            "| Forecaster | Its chance of the record: no general ceasefire from {} to {KNOWN_UNTIL} | Bayes factor, it against the model |\n|---|---|---|\n",
            stretches().first().map_or("", |s| s.quarter.date),
        ));
        for h in &hypotheses {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                h.name,
                percent(h.record),
                significant(h.record / model),
            ));
        }
    }
    out
}

/// A positive number to three significant figures, in plain notation.
fn significant(x: f64) -> String {
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return format!("{x}");
    }
    let digits = (2 - x.log10().floor() as i32).max(0) as usize;
    format!("{x:.digits$}")
}
