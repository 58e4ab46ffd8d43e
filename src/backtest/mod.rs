//! The backtest: how the model would have done on 2022–26.
//!
//! The model is run from the end of each quarter with the inputs a reader
//! could have set then ([`history`]), and the probability it gave to a
//! general ceasefire within the next 12 months is scored against what
//! followed. Beside it stand a naive base rate (how often interstate wars
//! of the same age ended within a year, from the Correlates of War list)
//! and the dated crowd forecasts ([`forecasts`]), scored on their own
//! questions. Nothing here feeds the page: it is for docs/MODEL.md
//! (`cargo run --example backtest`) and for the tests that pin it.
//!
//! The constants of the model were set from the calibration table in
//! docs/MODEL.md, not fitted to these scores.

mod calendar;
pub mod calibration;
pub mod cow;
pub mod forecasts;
pub mod history;
mod tsv;

pub use calendar::{days, months_between, DAYS_PER_MONTH};

use crate::model::simulate::constants::{
    AID_MOMENTUM, AID_REFERENCE, SUPPORT_MOMENTUM, SUPPORT_REFERENCE,
};
use crate::model::{simulate_from, Inputs, Outcome};

/// The day the full-scale invasion began, from which the war's age counts.
pub const WAR_START: &str = "2022-02-24";

/// The last day whose events the research behind the history covers (its
/// newest facts are from early July 2026; nothing later was found). A
/// window that ends after it has no known outcome yet.
pub const KNOWN_UNTIL: &str = "2026-06-30";

/// The months ahead the quarterly backtest scores.
pub const WINDOW_MONTHS: usize = 12;

/// Monthly hazard of a war ending, by how many months it has lasted: the
/// life table of the 95 inter-state wars of the Correlates of War list
/// (Sarkees and Wayman 2010, v4.0), from the earliest start to the latest
/// end of each war. `(from, hazard)`: the hazard applies from `from`
/// months until the next row. `examples/calibrate.rs` recomputes it from
/// the data and a test checks the two agree.
pub const WAR_END_HAZARD: [(f64, f64); 6] = [
    (0.0, 0.148),
    (3.0, 0.103),
    (6.0, 0.071),
    (12.0, 0.068),
    (24.0, 0.019),
    (36.0, 0.0345),
];

/// The day a quarter's window closes: `WINDOW_MONTHS` later, on the same
/// day of the month (the window is whole years, so no month is short).
pub fn window_end(date: &str) -> Option<String> {
    const _: () = assert!(WINDOW_MONTHS % 12 == 0);
    days(date)?;
    let (year, rest) = date.split_once('-')?;
    let year: i32 = year.parse().ok()?;
    Some(format!("{}-{rest}", year + (WINDOW_MONTHS / 12) as i32))
}

/// The base rate: the chance that a war that has lasted `age` months ends
/// within the next `window` months, by the Correlates of War life table.
pub fn base_rate(age: f64, window: f64) -> f64 {
    let mut cumulative = 0.0;
    for (k, &(from, hazard)) in WAR_END_HAZARD.iter().enumerate() {
        let to = WAR_END_HAZARD
            .get(k + 1)
            .map_or(f64::INFINITY, |next| next.0);
        let overlap = (to.min(age + window) - from.max(age)).max(0.0);
        cumulative += hazard * overlap;
    }
    1.0 - (-cumulative).exp()
}

/// The momentum slider for a quarter: the history records the momentum
/// seen on the ground; the slider reads momentum at today's aid and
/// support for Russia, so their difference from today is taken out.
pub fn slider_momentum(seen: &Inputs) -> f64 {
    let aid = AID_MOMENTUM * (seen.aid - AID_REFERENCE);
    let support = SUPPORT_MOMENTUM * (seen.russian_support - SUPPORT_REFERENCE);
    (seen.momentum - aid + support).clamp(-1.0, 1.0)
}

/// The model's inputs for a quarter of the history, with `horizon` months.
pub fn inputs_for(quarter: &history::Quarter, horizon: usize) -> Inputs {
    Inputs {
        momentum: slider_momentum(&quarter.inputs),
        horizon: horizon.max(6) as f64,
        ..quarter.inputs
    }
}

/// The model run from the end of a quarter, far enough to read `months`.
fn run(quarter: &history::Quarter, months: usize) -> Option<Outcome> {
    let age = months_between(WAR_START, quarter.date)?;
    let inputs = inputs_for(quarter, months);
    Some(simulate_from(
        &inputs,
        age,
        crate::model::draws::standard_draws(),
    ))
}

/// One quarter of the backtest.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: &'static str,
    pub date: &'static str,
    /// Months since the invasion at the quarter's end.
    pub war_age: f64,
    /// The model's chance of a ceasefire within `WINDOW_MONTHS`.
    pub ceasefire: f64,
    /// Its 90% range across the drawn worlds.
    pub ceasefire_p5: f64,
    pub ceasefire_p95: f64,
    /// The model's chance of escalation within `WINDOW_MONTHS`.
    pub escalation: f64,
    /// The base rate of a war of this age ending within `WINDOW_MONTHS`.
    pub base_rate: f64,
    /// Whether a general ceasefire came within the window: `None` while
    /// the window reaches past what is known.
    pub ceasefire_came: Option<bool>,
}

/// Runs the backtest over every quarter of the history. No general
/// ceasefire has come since the invasion as far as the history reaches,
/// and no sustained NATO–Russia combat.
pub fn quarterly() -> Vec<Row> {
    history::quarters()
        .iter()
        .filter_map(|q| {
            let outcome = run(q, WINDOW_MONTHS)?;
            let war_age = months_between(WAR_START, q.date)?;
            let known = days(&window_end(q.date)?)? <= days(KNOWN_UNTIL)?;
            Some(Row {
                label: q.label,
                date: q.date,
                war_age,
                ceasefire: outcome.ceasefire.mean,
                ceasefire_p5: outcome.ceasefire.p5,
                ceasefire_p95: outcome.ceasefire.p95,
                escalation: outcome.escalation.mean,
                base_rate: base_rate(war_age, WINDOW_MONTHS as f64),
                ceasefire_came: known.then_some(false),
            })
        })
        .collect()
}

/// A crowd forecast beside the model's and the base rate's answer to the
/// same question, from the latest quarter of the history before it.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub forecast: forecasts::Forecast,
    /// The quarter whose inputs the model used.
    pub quarter: &'static str,
    pub model: f64,
    pub base_rate: f64,
}

/// The model's and the base rate's chance of a ceasefire between a
/// forecast's date and its deadline, for every crowd forecast of a
/// ceasefire, oldest first.
pub fn crowd_matches() -> Vec<Match> {
    let quarters = history::quarters();
    // Ceasefire questions asked before their deadline: a forecast made on
    // the day leaves no window, and a NATO–Russia one asks something else.
    let mut all: Vec<forecasts::Forecast> = forecasts::forecasts()
        .into_iter()
        .filter(|f| f.compares == forecasts::Compares::Ceasefire && f.date < f.deadline)
        .collect();
    all.sort_by(|a, b| a.date.cmp(b.date));
    all.into_iter()
        .filter_map(|f| {
            let date = days(f.date)?;
            let quarter = quarters
                .iter()
                .rev()
                .find(|q| days(q.date).is_some_and(|d| d <= date))?;
            let window = months_between(f.date, f.deadline)?.max(0.0);
            // The model starts at the quarter's end and the question opens
            // at its own date, when no ceasefire had come: the chance of a
            // first one between the two points, given none before.
            let lead = months_between(quarter.date, f.date)?.round() as usize;
            let end = lead + window.round().max(1.0) as usize;
            let outcome = run(quarter, end)?;
            let reached = |m: usize| outcome.reached.get(m).copied();
            let (before, by_end) = (reached(lead)?, reached(end)?);
            let model = (by_end - before) / (1.0 - before).max(1e-9);
            let age = months_between(WAR_START, f.date)?;
            Some(Match {
                quarter: quarter.label,
                model,
                base_rate: base_rate(age, window),
                forecast: f,
            })
        })
        .collect()
}

/// The Brier score of forecasts `p` of events that came (`true`) or not:
/// the mean squared distance from what happened; 0 is perfect, and
/// always saying 50% scores 0.25.
pub fn brier(pairs: &[(f64, bool)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let sum: f64 = pairs
        .iter()
        .map(|&(p, came)| (p - if came { 1.0 } else { 0.0 }).powi(2))
        .sum();
    Some(sum / pairs.len() as f64)
}

/// The three Brier scores of the backtest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// Quarters with a known outcome.
    pub quarters: usize,
    /// The model and the base rate on those quarters.
    pub model: f64,
    pub base_rate: f64,
    /// The model on its escalation forecasts over the same quarters.
    pub escalation: f64,
    /// Resolved crowd forecasts, and the three scores on those questions.
    pub questions: usize,
    pub crowd: f64,
    pub model_on_questions: f64,
    pub base_rate_on_questions: f64,
}

/// Scores the backtest.
pub fn scores() -> Option<Scores> {
    let rows = quarterly();
    let known: Vec<&Row> = rows.iter().filter(|r| r.ceasefire_came.is_some()).collect();
    let pairs = |pick: fn(&Row) -> f64| -> Vec<(f64, bool)> {
        known
            .iter()
            .map(|r| (pick(r), r.ceasefire_came.unwrap_or(false)))
            .collect()
    };
    let escalations: Vec<(f64, bool)> = known.iter().map(|r| (r.escalation, false)).collect();
    let matches = crowd_matches();
    let resolved: Vec<(&Match, bool)> = matches
        .iter()
        .filter_map(|m| Some((m, m.forecast.resolved?)))
        .collect();
    let on = |pick: fn(&Match) -> f64| -> Vec<(f64, bool)> {
        resolved.iter().map(|&(m, came)| (pick(m), came)).collect()
    };
    Some(Scores {
        quarters: known.len(),
        model: brier(&pairs(|r| r.ceasefire))?,
        base_rate: brier(&pairs(|r| r.base_rate))?,
        escalation: brier(&escalations)?,
        questions: resolved.len(),
        crowd: brier(&on(|m| m.forecast.probability))?,
        model_on_questions: brier(&on(|m| m.model))?,
        base_rate_on_questions: brier(&on(|m| m.base_rate))?,
    })
}

fn percent(p: f64) -> String {
    if p < 0.001 {
        "<0.1%".to_owned()
    } else {
        format!("{:.1}%", 100.0 * p)
    }
}

/// The backtest's tables as docs/MODEL.md shows them (a test checks that
/// the page has exactly this text, so it cannot go stale).
pub fn markdown() -> String {
    let mut out = String::new();
    out.push_str(
        "| Quarter | Model: a general ceasefire within 12 months (90% range) | Base rate | Model: escalation within 12 months | A general ceasefire came? |\n|---|---|---|---|---|\n",
    );
    for r in quarterly() {
        let came = match r.ceasefire_came {
            Some(true) => "Yes",
            Some(false) => "No",
            None => "Not yet known",
        };
        out.push_str(&format!(
            "| {} | {} ({}–{}) | {} | {} | {came} |\n",
            r.label,
            percent(r.ceasefire),
            percent(r.ceasefire_p5),
            percent(r.ceasefire_p95),
            percent(r.base_rate),
            percent(r.escalation),
        ));
    }
    out.push_str(
        "\n| Date | Forecaster | Question | Crowd | Model | Base rate | Outcome |\n|---|---|---|---|---|---|---|\n",
    );
    for m in crowd_matches() {
        let f = &m.forecast;
        let outcome = match f.resolved {
            Some(true) => "Yes",
            Some(false) => "No",
            None => "Open",
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {outcome} |\n",
            f.date,
            f.platform,
            f.question.replace('|', "/"),
            percent(f.probability),
            percent(m.model),
            percent(m.base_rate),
        ));
    }
    if let Some(s) = scores() {
        out.push_str(&format!(
            "\n| Brier score (0 is perfect; always 50% scores 0.25) | Forecasts | Model | Base rate | Crowds |\n|---|---|---|---|---|\n\
             | Quarters with a known outcome: a ceasefire within 12 months | {} | {:.4} | {:.4} | — |\n\
             | The crowds' own resolved questions | {} | {:.4} | {:.4} | {:.4} |\n\
             | Quarters with a known outcome: escalation within 12 months | {} | {:.5} | — | — |\n",
            s.quarters,
            s.model,
            s.base_rate,
            s.questions,
            s.model_on_questions,
            s.base_rate_on_questions,
            s.crowd,
            s.quarters,
            s.escalation,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2000-03-01"), Some(11_017));
        assert_eq!(
            days("2024-02-29")
                .zip(days("2024-03-01"))
                .map(|(a, b)| b - a),
            Some(1)
        );
        assert_eq!(days("2022-13-01"), None);
        assert_eq!(days("yesterday"), None);
    }

    #[test]
    fn base_rate_follows_the_life_table() {
        // In the fourth year and beyond the pooled hazard applies alone.
        let expected = 1.0 - (-12.0f64 * 0.0345).exp();
        assert!((base_rate(40.0, 12.0) - expected).abs() < 1e-12);
        // A new war: three months at 0.148, three at 0.103, six at 0.071.
        let young = 1.0 - (-(3.0 * 0.148 + 3.0 * 0.103 + 6.0 * 0.071f64)).exp();
        assert!((base_rate(0.0, 12.0) - young).abs() < 1e-12);
    }

    #[test]
    fn brier_of_certain_and_even_forecasts() {
        assert_eq!(brier(&[(0.0, false), (1.0, true)]), Some(0.0));
        assert_eq!(brier(&[(0.5, false), (0.5, true)]), Some(0.25));
        assert_eq!(brier(&[]), None);
    }
}
