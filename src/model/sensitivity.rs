//! Sensitivity: how much each lever moves the two headline numbers now.
//!
//! Each lever is moved one step down and one step up from where the reader
//! put it (a tenth of its range, or the slider's own step if that is
//! larger, e.g. one rung of the presence ladder), every
//! other input held still, over a small stratified table of draws (a
//! Latin hypercube, `draws::stratified_draws`). Common random numbers and
//! the stratification make the difference precise with few draws.

use super::draws::{stratified_draws, STRATA};
use super::inputs::{Input, Inputs};
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
pub fn baseline(inputs: &Inputs) -> (f64, f64) {
    headline(inputs, stratified_draws())
}

/// Effects of every lever, largest combined swing first.
pub fn sensitivity(inputs: &Inputs) -> Vec<Effect> {
    let inputs = inputs.sanitized();
    let draws = stratified_draws();
    let mut variants = Vec::with_capacity(2 * Input::LEVERS.len());
    let mut values = Vec::with_capacity(Input::LEVERS.len());
    for &input in &Input::LEVERS {
        let value = input.get(&inputs);
        let mut low = inputs;
        let mut high = inputs;
        let low_value = input.set(&mut low, value - step(input));
        let high_value = input.set(&mut high, value + step(input));
        variants.extend([low, high]);
        values.push((low_value, high_value));
    }
    // One pass over the draws for all levers: those that leave the
    // fighting alone (presence, tolerance, pressure) share its path.
    let numbers = headlines(&inputs, &variants, draws);
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
