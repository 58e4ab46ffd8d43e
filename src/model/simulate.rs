//! The simulator: a monthly Markov process with four states.
//!
//! Each month the war is being fought, or a ceasefire is holding, or the
//! ceasefire has held long enough to count as a durable peace, or the war
//! has escalated into sustained direct combat between NATO and Russian
//! forces. A ceasefire can break down back into fighting; durable peace and
//! escalation are absorbing within the horizon. A proposed Western presence
//! acts through the negotiation while the fighting lasts, and on the ground
//! only once a ceasefire holds. docs/MODEL.md states every equation below in
//! plain maths, with the reasons and the sources; its calibration table
//! traces each constant to a published figure or a stated judgement.
//!
//! The parts, by role: [`constants`] (every structural constant, with its
//! reason); `world` (what one set of inputs fixes for a run, and the
//! fighting's hazards month by month); `draw` (the parameters of one Monte
//! Carlo draw); `run` (one draw followed month by month); `ceasefire` (a
//! signed ceasefire's hazards and cohorts); `monte_carlo` (all draws
//! together: the outcome the page shows); `headlines` (the headline
//! numbers alone, for the sensitivity and the chasm map); `drivers` (the
//! quantities the sentences talk about); `summary` (means, percentiles,
//! bands); `explain` (what moved the numbers between two views); `exp`
//! (the exponential the hot loops call, fast in WebAssembly, within 4
//! ulp); `pair` (two runs side by side, in one SIMD register in
//! WebAssembly: the run's arithmetic is generic over one number or a
//! pair).

mod ceasefire;
pub mod constants;
mod draw;
mod drivers;
mod exp;
mod explain;
mod headlines;
#[cfg(test)]
mod mirror;
mod monte_carlo;
mod pair;
mod run;
mod summary;
mod world;

use constants::RED_LINE_SOFTNESS;

pub use ceasefire::{breakdown_hazard, tripwire};
pub use drivers::Drivers;
pub use explain::{contributions, explain, Explanation, Mechanism};
pub use headlines::{headline, headlines, headlines_one_by_one};
pub use monte_carlo::{finals, simulate, simulate_from, simulate_with, LineFigure, Outcome};
pub use run::Final;
pub use summary::{Band, Estimate};

/// A smooth version of max(0, x): `(x + sqrt(x² + s²)) / 2`. It rises
/// monotonically, so risks grow gradually near a line instead of jumping.
pub fn hinge(x: f64, softness: f64) -> f64 {
    smooth_hinge(x, softness)
}

/// [`hinge`] of an `f64` or, lane by lane, of a pair of draws.
#[inline(always)]
fn smooth_hinge<T: pair::Value>(x: T, softness: f64) -> T {
    T::splat(0.5) * (x + (x * x + T::splat(softness * softness)).sqrt())
}

/// How far presence goes beyond what Moscow tolerates, in rungs, rounded
/// off smoothly near the line. It is zero with no presence at all, rises
/// with presence and falls with tolerance.
pub fn red_line_excess(presence: f64, tolerance: f64) -> f64 {
    hinge(presence - tolerance, RED_LINE_SOFTNESS) - hinge(-tolerance, RED_LINE_SOFTNESS)
}

#[cfg(test)]
mod tests {
    use super::constants::AID_REFERENCE;
    use super::*;
    use crate::Input;

    #[test]
    fn momentum_is_read_at_the_default_aid() {
        assert_eq!(AID_REFERENCE, Input::Aid.spec().default);
    }

    #[test]
    fn no_presence_crosses_no_red_line() {
        for tolerance in [0.0, 0.5, 2.0, 5.0] {
            assert!(red_line_excess(0.0, tolerance).abs() < 1e-12);
        }
        assert!(red_line_excess(3.0, 0.0) > 2.5);
    }

    /// The Monte Carlo's runs in pairs leave, bit for bit and field by
    /// field, what its draws leave one by one: for every preset, over the
    /// standard draws and an odd number of them.
    #[test]
    fn the_monte_carlo_in_pairs_gives_exactly_what_single_draws_give() {
        let draws = crate::draws::standard_draws();
        for preset in crate::presets() {
            for draws in [draws, &draws[..draws.len() - 1]] {
                let paired = finals(&preset.inputs, draws, true);
                assert_eq!(paired.len(), draws.len());
                assert_eq!(
                    paired,
                    finals(&preset.inputs, draws, false),
                    "{}",
                    preset.id
                );
            }
        }
    }

    /// The pairs followed side by side give, bit for bit, what the draws
    /// give one by one: for every preset, variants that share the base's
    /// war and variants that do not, odd numbers of variants and of draws,
    /// and the chasm map's single central draw.
    #[test]
    fn pairs_give_exactly_what_single_draws_give() {
        let draws = crate::draws::stratified_draws();
        for preset in crate::presets() {
            let base = preset.inputs;
            let variants: Vec<crate::Valid> = [Input::Presence, Input::Aid, Input::Revision]
                .into_iter()
                .flat_map(|input| {
                    let v = input.get(&base);
                    [base.with(input, v - 1.0), base.with(input, v + 1.0)]
                })
                .collect();
            let central = [[0.0; crate::draws::DIMENSIONS]];
            for draws in [draws, &draws[..draws.len() - 1], &central] {
                for variants in [&variants[..], &variants[..5]] {
                    assert_eq!(
                        headlines(&base, variants, draws),
                        headlines_one_by_one(variants, draws),
                        "{}",
                        preset.id
                    );
                }
            }
        }
    }
}
