//! Sensitivity: how much each lever moves the two headline numbers now.
//!
//! Each lever is moved one step down and one step up from where the reader
//! put it (a tenth of its range, or the slider's own step if that is
//! larger, e.g. one rung of the presence ladder), every
//! other input held still, over a small stratified table of draws (a
//! Latin hypercube, `draws::stratified_draws`). Common random numbers and
//! the stratification make the difference precise with few draws.

use super::draws::{stratified_draws, STRATA};
use super::inputs::{Input, Valid};
use super::simulate::{headline, headlines};

/// Draws used for each sensitivity run (16 antithetic pairs of a Latin
/// hypercube), so that 26 runs fit in a frame. The ranking of the levers
/// matches the full Monte Carlo; single effects of the red-line levers can
/// be off by a few points against it (bounds tested in
/// tests/model_invariants.rs).
pub const SENSITIVITY_SAMPLES: usize = STRATA;

/// The effect of one lever.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Effect {
    pub input: Input,
    /// The lever's values one step down and one step up (clamped to range).
    pub low_value: f64,
    pub high_value: f64,
    /// Settlement and escalation probability at the horizon, low and high.
    pub settlement_low: f64,
    pub settlement_high: f64,
    pub escalation_low: f64,
    pub escalation_high: f64,
}

impl Effect {
    /// Total swing of settlement likelihood across the step, in probability.
    pub fn settlement_swing(&self) -> f64 {
        (self.settlement_high - self.settlement_low).abs()
    }

    pub fn escalation_swing(&self) -> f64 {
        (self.escalation_high - self.escalation_low).abs()
    }
}

/// The step one lever moves by in the sensitivity analysis.
pub fn step(input: Input) -> f64 {
    let spec = input.spec();
    ((spec.max - spec.min) / 10.0).max(spec.step)
}

/// The baseline the effects are measured against, on the same draws.
pub fn baseline(inputs: &Valid) -> (f64, f64) {
    headline(inputs, stratified_draws())
}

/// Effects of every lever, largest combined swing first.
pub fn sensitivity(inputs: &Valid) -> Vec<Effect> {
    let draws = stratified_draws();
    let mut variants = Vec::with_capacity(2 * Input::LEVERS.len());
    let mut values = Vec::with_capacity(Input::LEVERS.len());
    for &input in &Input::LEVERS {
        let value = input.get(inputs);
        let low = inputs.with(input, value - step(input));
        let high = inputs.with(input, value + step(input));
        values.push((input.get(&low), input.get(&high)));
        variants.extend([low, high]);
    }
    // One pass over the draws for all levers: those that leave the
    // fighting alone (presence, tolerance, pressure) share its path.
    let numbers = headlines(inputs, &variants, draws);
    let mut effects: Vec<Effect> = Input::LEVERS
        .iter()
        .zip(values)
        .zip(numbers.chunks(2))
        .map(|((&input, (low_value, high_value)), pair)| Effect {
            input,
            low_value,
            high_value,
            settlement_low: pair[0].0,
            settlement_high: pair[1].0,
            escalation_low: pair[0].1,
            escalation_high: pair[1].1,
        })
        .collect();
    effects.sort_unstable_by(|a, b| {
        let swing = |e: &Effect| e.settlement_swing() + e.escalation_swing();
        swing(b).total_cmp(&swing(a))
    });
    effects
}

/// The judgements about each side that no one can observe from outside:
/// how far each side's stated line is its real one, how much loss each
/// side would bear, and how ready each side is to escalate. The other
/// inputs are choices, stated positions or measured conditions.
pub const ASSUMPTIONS: [Input; 6] = [
    Input::Credibility,
    Input::KyivCredibility,
    Input::LossTolerance,
    Input::UkraineLossTolerance,
    Input::EscalationPropensity,
    Input::WestEscalation,
];

/// A figure depends strongly on an assumption when the settlement
/// headline spans at least this much (20 percentage points) as the
/// assumption runs across its range, other inputs held still. A stated
/// judgement (docs/MODEL.md): a fifth of the scale is more than any
/// ±1-step lever effect at the story's steps.
pub const STRONG_SPAN: f64 = 0.20;

/// Points at which each assumption is tried, evenly across its range.
const GRID: usize = 6;

/// The one assumption a figure depends on most, and the range of the
/// settlement headline across that assumption's range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dependence {
    pub input: Input,
    /// Lowest and highest settlement probability across the range,
    /// including at the current value.
    pub low: f64,
    pub high: f64,
}

impl Dependence {
    pub fn span(&self) -> f64 {
        self.high - self.low
    }
}

/// The assumption in [`ASSUMPTIONS`] that moves the settlement headline
/// most across its whole range, if it moves it by [`STRONG_SPAN`] or more.
/// On the sensitivity's stratified draws: about as costly as one
/// sensitivity analysis, so it runs when a story step is entered, not on
/// every slider move.
pub fn dependence(inputs: &Valid) -> Option<Dependence> {
    let mut variants = Vec::with_capacity(1 + ASSUMPTIONS.len() * GRID);
    variants.push(*inputs);
    for input in ASSUMPTIONS {
        let spec = input.spec();
        for k in 0..GRID {
            let value = spec.min + (spec.max - spec.min) * k as f64 / (GRID - 1) as f64;
            variants.push(inputs.with(input, value));
        }
    }
    let numbers = headlines(inputs, &variants, stratified_draws());
    let here = numbers[0].0;
    ASSUMPTIONS
        .into_iter()
        .zip(numbers[1..].chunks(GRID))
        .map(|(input, runs)| Dependence {
            input,
            low: runs.iter().fold(here, |m, r| m.min(r.0)),
            high: runs.iter().fold(here, |m, r| m.max(r.0)),
        })
        .filter(|d| d.span() >= STRONG_SPAN)
        .max_by(|a, b| a.span().total_cmp(&b.span()))
}
