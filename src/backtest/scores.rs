//! The backtest's scores: Brier and log scores of the model, the base
//! rate, the constant forecaster and the crowds, on the quarters with a
//! known outcome and on the crowds' resolved questions, and the model's
//! skill against the constant (docs/MODEL.md §13.1).

use super::{constant_chance, crowd_matches, quarterly, Match, Row, WINDOW_MONTHS};

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

/// The log score of forecasts `p` of events that came or not: the mean
/// of −ln(the chance given to what happened), in nats; 0 is perfect, and
/// always saying 50% scores ln 2 = 0.693. A forecast of 0 for an event
/// that came scores infinity.
pub fn log_score(pairs: &[(f64, bool)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let sum: f64 = pairs
        .iter()
        .map(|&(p, came)| -(if came { p } else { 1.0 - p }).ln())
        .sum();
    Some(sum / pairs.len() as f64)
}

/// A set of forecasts scored both ways.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub brier: f64,
    pub log: f64,
}

impl Score {
    pub fn of(pairs: &[(f64, bool)]) -> Option<Score> {
        Some(Score {
            brier: brier(pairs)?,
            log: log_score(pairs)?,
        })
    }

    /// The Brier skill score against a reference: 1 − Brier / the
    /// reference's Brier; 1 is perfect, 0 no better than the reference,
    /// negative worse.
    pub fn skill(&self, reference: &Score) -> f64 {
        1.0 - self.brier / reference.brier
    }
}

/// The scores of the backtest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// Quarters with a known outcome.
    pub quarters: usize,
    /// The model, the base rate and the constant forecaster on those quarters.
    pub model: Score,
    pub base_rate: Score,
    pub constant: Score,
    /// The model on its escalation forecasts over the same quarters.
    pub escalation: Score,
    /// Resolved crowd forecasts the model answers, and the four scores on
    /// those questions.
    pub questions: usize,
    pub crowd: Score,
    pub model_on_questions: Score,
    pub base_rate_on_questions: Score,
    pub constant_on_questions: Score,
    /// Resolved crowd forecasts the model does not answer (a peace deal
    /// or framework), left out of those scores.
    pub unanswered: usize,
}

/// Scores the backtest.
pub fn scores() -> Option<Scores> {
    let rows = quarterly();
    let known: Vec<&Row> = rows.iter().filter(|r| r.ceasefire_came.is_some()).collect();
    let pairs = |pick: &dyn Fn(&Row) -> f64| -> Vec<(f64, bool)> {
        known
            .iter()
            .map(|r| (pick(r), r.ceasefire_came.unwrap_or(false)))
            .collect()
    };
    let constant = constant_chance(WINDOW_MONTHS as f64);
    let escalations: Vec<(f64, bool)> = known.iter().map(|r| (r.escalation, false)).collect();
    let matches = crowd_matches();
    let resolved: Vec<(&Match, f64, bool)> = matches
        .iter()
        .filter_map(|m| Some((m, m.model?, m.forecast.resolved?)))
        .collect();
    let on = |pick: fn(&Match) -> f64| -> Vec<(f64, bool)> {
        resolved
            .iter()
            .map(|&(m, _, came)| (pick(m), came))
            .collect()
    };
    let model_on: Vec<(f64, bool)> = resolved.iter().map(|&(_, p, came)| (p, came)).collect();
    Some(Scores {
        quarters: known.len(),
        model: Score::of(&pairs(&|r| r.ceasefire))?,
        base_rate: Score::of(&pairs(&|r| r.base_rate))?,
        constant: Score::of(&pairs(&|_| constant))?,
        escalation: Score::of(&escalations)?,
        questions: resolved.len(),
        crowd: Score::of(&on(|m| m.forecast.probability))?,
        model_on_questions: Score::of(&model_on)?,
        base_rate_on_questions: Score::of(&on(|m| m.base_rate))?,
        constant_on_questions: Score::of(&on(|m| m.constant))?,
        unanswered: matches
            .iter()
            .filter(|m| m.model.is_none() && m.forecast.resolved.is_some())
            .count(),
    })
}
