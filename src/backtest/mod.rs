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
mod likelihood;
pub mod past_wars;
pub mod preregistered;
mod scores;
mod tsv;

pub use calendar::{days, months_between, DAYS_PER_MONTH};
pub use likelihood::{
    hazard_record, likelihood, likelihood_markdown, model_record, stretches, Hypothesis, Stretch,
};
pub use scores::{brier, log_score, scores, Score, Scores};

use crate::model::simulate::constants::{
    AID_MOMENTUM, AID_REFERENCE, SUPPORT_MOMENTUM, SUPPORT_REFERENCE,
};
use crate::model::{simulate_from, Inputs, Outcome, Valid};

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

/// The model's inputs for a quarter of the history, with `horizon` months,
/// made valid.
pub fn inputs_for(quarter: &history::Quarter, horizon: usize) -> Valid {
    Valid::new(&Inputs {
        momentum: slider_momentum(&quarter.inputs),
        horizon: horizon.max(6) as f64,
        ..quarter.inputs
    })
}

/// The model run from the end of a quarter, far enough to read `months`.
fn run(quarter: &history::Quarter, months: usize) -> Option<Outcome> {
    run_with(quarter, inputs_for(quarter, months))
}

/// The model run from the end of a quarter with the given inputs.
fn run_with(quarter: &history::Quarter, inputs: Valid) -> Option<Outcome> {
    let age = months_between(WAR_START, quarter.date)?;
    Some(simulate_from(
        &inputs,
        age,
        crate::model::draws::standard_draws(),
    ))
}

/// A path of monthly values read at a fractional month, by straight lines
/// between whole months.
pub fn at_month(path: &[f64], month: f64) -> Option<f64> {
    if month.is_nan() || month < 0.0 {
        return None;
    }
    let low = month.floor() as usize;
    let a = *path.get(low)?;
    let share = month - low as f64;
    if share == 0.0 {
        return Some(a);
    }
    Some(a + share * (path.get(low + 1)? - a))
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
    /// The model's answer to the question's own event, or `None` where it
    /// has no such event (a peace deal or framework): such a question is
    /// shown but left out of the scores.
    pub model: Option<f64>,
    pub base_rate: f64,
    /// The constant forecaster's answer: this war's own rate of ending
    /// ([`CONSTANT_RATE`]) over the question's window.
    pub constant: f64,
}

/// The model's and the base rate's chance of the question's event between
/// a forecast's date and its deadline, for every crowd forecast of a
/// ceasefire, oldest first.
///
/// The model answers each question with its matching number
/// ([`forecasts::Event`]): a ceasefire reached by the deadline, given none
/// by the forecast's date, from `Outcome::reached`; a ceasefire in effect
/// (or lasting) at the deadline from `Outcome::settled` at the deadline's
/// month, read from the quarter's run without conditioning on the weeks
/// between the quarter's end and the forecast's date (in which the model's
/// chance of a ceasefire is a small fraction of a percent); a peace deal or
/// framework not at all.
pub fn crowd_matches() -> Vec<Match> {
    use forecasts::Event;
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
            let model = match f.event {
                Event::ReachedBy => {
                    let (before, by_end) = (reached(lead)?, reached(end)?);
                    Some((by_end - before) / (1.0 - before).max(1e-9))
                }
                Event::InEffectAt | Event::LastingMonths(_) => {
                    Some(outcome.settled.get(end).copied()?)
                }
                Event::DealOrFramework | Event::Clash => None,
            };
            let age = months_between(WAR_START, f.date)?;
            Some(Match {
                quarter: quarter.label,
                model,
                base_rate: base_rate(age, window),
                constant: constant_chance(window),
                forecast: f,
            })
        })
        .collect()
}

/// The constant forecaster's monthly rate: this war's own rate of a
/// general ceasefire, no event in its months up to [`KNOWN_UNTIL`], taken
/// as the Jeffreys mean (events + 1/2) / months. It uses the whole record,
/// so it is a yardstick with hindsight, not a forecast anyone could have
/// made in 2022.
pub fn constant_rate() -> f64 {
    let months = months_between(WAR_START, KNOWN_UNTIL).unwrap_or(f64::NAN);
    cow::jeffreys_interval(0, months).1
}

/// The constant forecaster's chance of a ceasefire within `window` months.
pub fn constant_chance(window: f64) -> f64 {
    1.0 - (-constant_rate() * window).exp()
}

/// The Correlates of War hazard after three years: 11 wars of 95 ended in
/// 318.4 war-months past their 36th month (the last row of the life
/// table), held constant.
pub fn cow_after_three_years() -> f64 {
    WAR_END_HAZARD[WAR_END_HAZARD.len() - 1].1
}

pub(crate) fn percent(p: f64) -> String {
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
        "\n| Date | Forecaster | Question | Event asked | Crowd | Model | Base rate | Constant | Outcome |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    for m in crowd_matches() {
        let f = &m.forecast;
        let outcome = match f.resolved {
            Some(true) => "Yes",
            Some(false) => "No",
            None => "Open",
        };
        let event = match f.event {
            forecasts::Event::ReachedBy => "reached by the deadline".to_owned(),
            forecasts::Event::InEffectAt => "holding at the deadline".to_owned(),
            forecasts::Event::LastingMonths(n) => format!("lasting {n} months"),
            forecasts::Event::DealOrFramework => "a deal or framework".to_owned(),
            forecasts::Event::Clash => "a clash".to_owned(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {event} | {} | {} | {} | {} | {outcome} |\n",
            f.date,
            f.platform,
            f.question.replace('|', "/"),
            percent(f.probability),
            m.model.map_or("not answered".to_owned(), percent),
            percent(m.base_rate),
            percent(m.constant),
        ));
    }
    if let Some(s) = scores() {
        let row = |name: &str,
                   n: usize,
                   model: &Score,
                   base: &Score,
                   constant: &Score,
                   crowd: Option<&Score>| {
            let crowd_brier = crowd.map_or("—".to_owned(), |c| format!("{:.4}", c.brier));
            let crowd_log = crowd.map_or("—".to_owned(), |c| format!("{:.4}", c.log));
            format!(
                "| {name} | {n} | {:.4} / {:.4} | {:.4} / {:.4} | {:.4} / {:.4} | {crowd_brier} / {crowd_log} | {:.3} | {:.3} |\n",
                model.brier,
                model.log,
                base.brier,
                base.log,
                constant.brier,
                constant.log,
                model.skill(constant),
                crowd.map_or(f64::NAN, |c| c.skill(constant)),
            )
        };
        out.push_str(
            "\n| Scores: Brier / log (0 is perfect; always 50% scores 0.25 / 0.693) | Forecasts | Model | Base rate | Constant | Crowds | Model's skill against the constant | Crowds' skill against the constant |\n|---|---|---|---|---|---|---|---|\n",
        );
        out.push_str(
            &row(
                "Quarters with a known outcome: a ceasefire within 12 months",
                s.quarters,
                &s.model,
                &s.base_rate,
                &s.constant,
                None,
            )
            .replace("| NaN |", "| — |"),
        );
        out.push_str(&row(
            "The crowds' own resolved questions that the model answers",
            s.questions,
            &s.model_on_questions,
            &s.base_rate_on_questions,
            &s.constant_on_questions,
            Some(&s.crowd),
        ));
        out.push_str(&format!(
            "| Quarters with a known outcome: escalation within 12 months | {} | {:.5} / {:.5} | — | — | — | — | — |\n",
            s.quarters, s.escalation.brier, s.escalation.log,
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
