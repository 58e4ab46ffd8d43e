//! The simulator: a monthly competing-risks process with three states.
//!
//! Each month the war is either still being fought, has ended in a
//! negotiated settlement, or has escalated into a direct NATO–Russia clash.
//! Settlement and escalation are absorbing: the curves give the chance that
//! each has happened by a given month. docs/MODEL.md states every equation
//! below in plain maths, with the reasons and the sources.

use super::draws::{standard_draws, Draw};
use super::inputs::Inputs;

/// The structural constants of the model. They are not sliders: the
/// methods page gives each one's value and reason, and the Monte Carlo
/// perturbs the uncertain ones.
pub mod constants {
    /// Settlement hazard per month with a full guarantee, no presence above
    /// tolerance, no bargaining gap and a ripeness factor of 1 (ripeness 0.25);
    /// see MODEL.md.
    pub const BASE_SETTLEMENT: f64 = 0.17;
    /// How strongly a mutually hurting stalemate raises the settlement hazard.
    pub const RIPENESS_WEIGHT: f64 = 3.0;
    /// The settlement hazard that remains with no ripeness at all.
    pub const RIPENESS_FLOOR: f64 = 0.25;
    /// The bargaining gap at which the settlement hazard falls by a factor e.
    pub const GAP_SCALE: f64 = 0.25;
    /// The sides' combined extra optimism about the war at the start, which
    /// widens the gap between their demands (share of the issue space).
    pub const INITIAL_OPTIMISM: f64 = 0.15;
    /// Months for that optimism to shrink by a factor e as fighting reveals information.
    pub const INFORMATION_MONTHS: f64 = 18.0;
    /// How far the expected battlefield outcome moves with momentum.
    pub const BATTLEFIELD_WEIGHT: f64 = 0.25;
    /// How much a loss-tolerant Russia asks beyond the battlefield outcome.
    pub const RUSSIAN_HOLDOUT: f64 = 0.15;
    /// How much aid above (below) today's level improves (worsens) Ukraine's momentum.
    pub const AID_MOMENTUM: f64 = 0.5;
    /// Today's aid level, at which the momentum slider is read.
    pub const AID_REFERENCE: f64 = 0.55;
    /// Guarantee credibility per rung of accepted Western presence.
    pub const GUARANTEE_PER_RUNG: f64 = 0.3;
    /// Guarantee credibility from aid that lasts.
    pub const GUARANTEE_FROM_AID: f64 = 1.2;
    /// The settlement hazard that remains with no guarantee (the commitment problem).
    pub const GUARANTEE_FLOOR: f64 = 0.35;
    /// How fast presence above Russia's tolerance blocks a deal (per rung).
    pub const CHASM_BLOCK: f64 = 1.0;
    /// How much presence above tolerance widens the bargaining gap (per rung).
    pub const CHASM_GAP: f64 = 0.05;
    /// Softness of the red line, in rungs: how gradually risk rises around it.
    pub const RED_LINE_SOFTNESS: f64 = 0.3;
    /// Baseline escalation hazard per month (accidents, miscalculation) at
    /// an escalation readiness of 0.5; it scales with `0.5 + readiness`.
    pub const BASE_ESCALATION: f64 = 0.0004;
    /// Escalation hazard per month per (rung above tolerance)^1.5, before
    /// the readiness multiplier (0.2 to 1.8).
    pub const RED_LINE_ESCALATION: f64 = 0.002;
    /// Escalation hazard per month per rung of presence, tolerated or not.
    pub const EXPOSURE_ESCALATION: f64 = 0.0001;
    /// Scale of the escalation hazard when a nuclear-armed Russia faces a
    /// collapsing front; it multiplies the readiness factor (0.2 to 1.8) and
    /// the squared depth of the collapse.
    pub const COLLAPSE_ESCALATION: f64 = 0.02;
    /// Momentum beyond which a front counts as collapsing.
    pub const COLLAPSE_THRESHOLD: f64 = 0.4;
    /// Scale of the escalation hazard when Western forces are drawn into a
    /// Ukrainian collapse; it multiplies the Western exposure
    /// (presence / 5 + 0.2 × aid) and the squared depth of the collapse.
    pub const DRAWN_IN_ESCALATION: f64 = 0.03;
    /// Monthly hazard that a settlement breaks down, with no guarantee.
    pub const BREAKDOWN: f64 = 0.02;
    /// How strongly guarantees lower the breakdown hazard (Fortna).
    pub const BREAKDOWN_GUARANTEE: f64 = 1.2;
    /// How strongly a resented presence raises it (per rung above tolerance).
    pub const BREAKDOWN_RESENTMENT: f64 = 0.8;
    /// Months a settlement must last to count as durable.
    pub const DURABLE_MONTHS: f64 = 60.0;
}

use constants::*;

/// How far each uncertain parameter spreads at full uncertainty width
/// (standard deviations, in the parameter's own units or as log factors).
mod spread {
    pub const MOMENTUM: f64 = 0.3;
    pub const TOLERANCE: f64 = 1.2;
    pub const PROPENSITY: f64 = 0.3;
    pub const SETTLEMENT_LOG: f64 = 0.6;
    pub const ESCALATION_LOG: f64 = 0.8;
    pub const CHASM_LOG: f64 = 0.3;
    pub const INFORMATION_LOG: f64 = 0.4;
    pub const ATTRITION: f64 = 0.15;
}

/// A smooth version of max(0, x): `(x + sqrt(x² + s²)) / 2`. It rises
/// monotonically, so risks grow gradually near a line instead of jumping.
pub fn hinge(x: f64, softness: f64) -> f64 {
    0.5 * (x + (x * x + softness * softness).sqrt())
}

/// How far presence goes beyond what Moscow tolerates, in rungs, rounded
/// off smoothly near the line. It is zero with no presence at all, rises
/// with presence and falls with tolerance.
pub fn red_line_excess(presence: f64, tolerance: f64) -> f64 {
    hinge(presence - tolerance, RED_LINE_SOFTNESS) - hinge(-tolerance, RED_LINE_SOFTNESS)
}

/// The parameters of one Monte Carlo draw, fixed for the whole run.
#[derive(Clone, Copy, Debug)]
struct DrawParams {
    momentum: f64,
    /// Settlement hazard before ripeness and the bargaining gap.
    settle_scale: f64,
    /// Escalation hazard that does not depend on the battlefield.
    escalation_static: f64,
    collapse_scale: f64,
    drawn_in_scale: f64,
    ripeness_scale: f64,
    gap_static: f64,
    information_decay: f64,
    /// Chance that a settlement reached in this draw lasts `DURABLE_MONTHS`.
    durability: f64,
}

impl DrawParams {
    /// Ripeness (Zartman): high attrition with little momentum either way,
    /// felt less by a side that tolerates losses.
    fn ripeness(&self, momentum: f64) -> f64 {
        let stuck = 1.0 - momentum.abs();
        self.ripeness_scale * stuck * stuck
    }
}

/// What one draw's run leaves behind at the horizon.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Final {
    pub settled: f64,
    pub escalated: f64,
    pub durability: f64,
}

/// Why the numbers are what they are, at the sliders' central values:
/// the quantities the generated sentences talk about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drivers {
    /// Rungs of presence above what Moscow tolerates (negative: below).
    pub presence_gap: f64,
    /// Mutually hurting stalemate, 0 (none) to 1 (extreme).
    pub ripeness: f64,
    /// Distance between the sides' demands at the start, share of the issue space.
    pub bargaining_gap: f64,
    /// Credibility of guarantees, 0 to 1.
    pub guarantee: f64,
    /// Monthly escalation hazard in the first month, per 1000, all terms.
    pub escalation_per_mille: f64,
    /// Ukraine's momentum at the horizon once aid has faded.
    pub momentum_at_horizon: f64,
}

/// The quantities derived from the inputs once per run.
#[derive(Clone, Copy, Debug)]
struct World {
    inputs: Inputs,
    months: usize,
    ukraine_demand: f64,
    aid_decay: f64,
    support_staying: f64,
}

impl World {
    fn new(inputs: &Inputs) -> World {
        let inputs = inputs.sanitized();
        World {
            months: inputs.months(),
            ukraine_demand: 0.5 + 0.5 * inputs.aims,
            aid_decay: (-std::f64::consts::LN_2 / inputs.support_half_life).exp(),
            support_staying: inputs.support_half_life / (inputs.support_half_life + 24.0),
            inputs,
        }
    }

    fn guarantee(&self, accepted_presence: f64) -> f64 {
        let aid = GUARANTEE_FROM_AID * self.inputs.aid * self.support_staying;
        1.0 - (-(GUARANTEE_PER_RUNG * accepted_presence + aid)).exp()
    }

    /// The distance between Ukraine's demand and what Russia offers, both on
    /// a 0 (all Russian aims) to 1 (all Ukrainian aims) scale.
    fn demand_gap(&self, momentum: f64) -> f64 {
        let battlefield = 0.5 + BATTLEFIELD_WEIGHT * momentum;
        let russian_offer = battlefield - RUSSIAN_HOLDOUT * self.inputs.loss_tolerance;
        hinge(self.ukraine_demand - russian_offer, 0.1)
    }

    /// Momentum with aid at `aid_now`: the slider gives momentum at today's
    /// aid level, and more (less) aid than that shifts it toward Ukraine (Russia).
    fn momentum_with_aid(&self, base: f64, aid_now: f64) -> f64 {
        (base + AID_MOMENTUM * (aid_now - AID_REFERENCE)).clamp(-1.0, 1.0)
    }

    fn draw(&self, z: &Draw) -> DrawParams {
        let i = &self.inputs;
        let width = i.uncertainty;
        let momentum = (i.momentum + width * spread::MOMENTUM * z[0]).clamp(-1.0, 1.0);
        let tolerance = (i.tolerance + width * spread::TOLERANCE * z[1]).clamp(0.0, 5.0);
        let propensity =
            (i.escalation_propensity + width * spread::PROPENSITY * z[2]).clamp(0.0, 1.0);
        let settle_base = BASE_SETTLEMENT * (width * spread::SETTLEMENT_LOG * z[3]).exp();
        let escalation_factor = (width * spread::ESCALATION_LOG * z[4]).exp();
        let chasm = (CHASM_BLOCK * (width * spread::CHASM_LOG * z[5]).exp()).clamp(0.5, 2.0);
        let information = INFORMATION_MONTHS * (width * spread::INFORMATION_LOG * z[6]).exp();
        let attrition = (i.attrition + width * spread::ATTRITION * z[7]).clamp(0.0, 1.0);

        let excess = red_line_excess(i.presence, tolerance);
        let accepted = (i.presence - excess).max(0.0);
        let guarantee = self.guarantee(accepted);
        let full_guarantee = self.guarantee(i.presence);
        let readiness = 0.2 + 1.6 * propensity;

        let breakdown = BREAKDOWN
            * (-BREAKDOWN_GUARANTEE * full_guarantee).exp()
            * (1.0 + BREAKDOWN_RESENTMENT * excess);
        DrawParams {
            momentum,
            settle_scale: settle_base
                * (GUARANTEE_FLOOR + (1.0 - GUARANTEE_FLOOR) * guarantee)
                * (-chasm * excess).exp(),
            escalation_static: escalation_factor
                * (BASE_ESCALATION * (0.5 + propensity)
                    + RED_LINE_ESCALATION * readiness * excess * excess.sqrt()
                    + EXPOSURE_ESCALATION * i.presence),
            collapse_scale: escalation_factor * COLLAPSE_ESCALATION * readiness,
            drawn_in_scale: escalation_factor
                * DRAWN_IN_ESCALATION
                * (i.presence / 5.0 + 0.2 * i.aid),
            ripeness_scale: attrition * (1.0 - 0.5 * i.loss_tolerance),
            gap_static: CHASM_GAP * excess,
            information_decay: (-1.0 / information).exp(),
            durability: (-DURABLE_MONTHS * breakdown).exp(),
        }
    }

    /// Runs one draw month by month. When `curves` is given, it receives
    /// the cumulative settled and escalated probability at months 0..=T.
    fn run(&self, d: &DrawParams, mut curves: Option<(&mut [f64], &mut [f64])>) -> Final {
        let mut fighting = 1.0;
        let mut settled = 0.0;
        let mut escalated = 0.0;
        let mut aid = self.inputs.aid;
        let mut optimism = INITIAL_OPTIMISM;
        if let Some((s, e)) = curves.as_mut() {
            s[0] = 0.0;
            e[0] = 0.0;
        }
        for month in 0..self.months {
            let momentum = self.momentum_with_aid(d.momentum, aid);
            let ripeness = d.ripeness(momentum);
            let gap = self.demand_gap(momentum) + optimism + d.gap_static;
            let settle = d.settle_scale
                * (RIPENESS_FLOOR + RIPENESS_WEIGHT * ripeness)
                * (-gap / GAP_SCALE).exp();
            let escalate = World::escalation_hazard(d, momentum);
            let total = settle + escalate;
            let leaving = fighting * (1.0 - (-total).exp());
            settled += leaving * settle / total;
            escalated += leaving * escalate / total;
            fighting -= leaving;
            if let Some((s, e)) = curves.as_mut() {
                s[month + 1] = settled;
                e[month + 1] = escalated;
            }
            aid *= self.aid_decay;
            optimism *= d.information_decay;
        }
        Final {
            settled,
            escalated,
            durability: d.durability,
        }
    }

    /// The monthly escalation hazard of a draw at a given momentum.
    fn escalation_hazard(d: &DrawParams, momentum: f64) -> f64 {
        let collapse = hinge(momentum - COLLAPSE_THRESHOLD, 0.1);
        let drawn_in = hinge(-momentum - 0.5, 0.1);
        d.escalation_static
            + d.collapse_scale * collapse * collapse
            + d.drawn_in_scale * drawn_in * drawn_in
    }

    fn drivers(&self) -> Drivers {
        let i = &self.inputs;
        let central = self.draw(&[0.0; super::draws::DIMENSIONS]);
        let excess = red_line_excess(i.presence, i.tolerance);
        let faded_aid = i.aid * self.aid_decay.powi(self.months as i32);
        let start = self.momentum_with_aid(i.momentum, i.aid);
        Drivers {
            presence_gap: i.presence - i.tolerance,
            ripeness: central.ripeness(start),
            bargaining_gap: self.demand_gap(start) + INITIAL_OPTIMISM + CHASM_GAP * excess,
            guarantee: self.guarantee((i.presence - excess).max(0.0)),
            escalation_per_mille: 1000.0 * World::escalation_hazard(&central, start),
            momentum_at_horizon: self.momentum_with_aid(i.momentum, faded_aid),
        }
    }
}

/// Summary of one outcome across the draws.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Estimate {
    /// The probability averaged over the uncertainty: the headline number.
    pub mean: f64,
    pub p5: f64,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub p95: f64,
    /// Monte Carlo standard error of the mean.
    pub std_error: f64,
}

/// The 50% and 90% bands and the median of a curve at one month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Band {
    pub p5: f64,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub p95: f64,
}

/// Everything the page shows about one set of inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub inputs: Inputs,
    pub months: usize,
    /// Mean probability of each state at months 0..=months.
    pub fighting: Vec<f64>,
    pub settled: Vec<f64>,
    pub escalated: Vec<f64>,
    pub settled_band: Vec<Band>,
    pub escalated_band: Vec<Band>,
    /// Chance of a settlement by the horizon.
    pub settlement: Estimate,
    /// Chance of escalation to a direct NATO–Russia clash by the horizon.
    pub escalation: Estimate,
    /// Chance that a settlement, once reached, lasts five years.
    pub durability: Estimate,
    pub drivers: Drivers,
}

/// Runs the full Monte Carlo over the standard draws.
pub fn simulate(inputs: &Inputs) -> Outcome {
    simulate_with(inputs, standard_draws())
}

/// Runs the Monte Carlo over the given draws (tests use other seeds).
pub fn simulate_with(inputs: &Inputs, draws: &[Draw]) -> Outcome {
    let world = World::new(inputs);
    let months = world.months;
    let width = months + 1;
    let n = draws.len().max(1);
    let mut settled_paths = vec![0.0; n * width];
    let mut escalated_paths = vec![0.0; n * width];
    let mut finals = Vec::with_capacity(n);
    let central = [[0.0; super::draws::DIMENSIONS]];
    let draws = if draws.is_empty() {
        &central[..]
    } else {
        draws
    };
    for (k, z) in draws.iter().enumerate() {
        let params = world.draw(z);
        let range = k * width..(k + 1) * width;
        let s = &mut settled_paths[range.clone()];
        let e = &mut escalated_paths[range];
        finals.push(world.run(&params, Some((s, e))));
    }

    let mut settled = vec![0.0; width];
    let mut escalated = vec![0.0; width];
    let mut settled_band = Vec::with_capacity(width);
    let mut escalated_band = Vec::with_capacity(width);
    let mut column = vec![0.0; n];
    for t in 0..width {
        for (paths, mean, bands) in [
            (&settled_paths, &mut settled, &mut settled_band),
            (&escalated_paths, &mut escalated, &mut escalated_band),
        ] {
            for (k, slot) in column.iter_mut().enumerate() {
                *slot = paths[k * width + t];
            }
            mean[t] = column.iter().sum::<f64>() / n as f64;
            bands.push(band(&mut column));
        }
    }
    let fighting = settled
        .iter()
        .zip(&escalated)
        .map(|(s, e)| (1.0 - s - e).max(0.0))
        .collect();

    let pick = |f: fn(&Final) -> f64| {
        let mut values: Vec<f64> = finals.iter().map(f).collect();
        estimate(&mut values)
    };
    let settlement = pick(|f| f.settled);
    let escalation = pick(|f| f.escalated);
    let durability = pick(|f| f.durability);

    Outcome {
        inputs: world.inputs,
        months,
        fighting,
        settled,
        escalated,
        settled_band,
        escalated_band,
        settlement,
        escalation,
        durability,
        drivers: world.drivers(),
    }
}

/// The headline numbers only, for many runs (sensitivity, the chasm map):
/// mean settled and escalated probability at the horizon over `draws`.
pub fn headline(inputs: &Inputs, draws: &[Draw]) -> (f64, f64) {
    let world = World::new(inputs);
    let mut settled = 0.0;
    let mut escalated = 0.0;
    for z in draws {
        let f = world.run(&world.draw(z), None);
        settled += f.settled;
        escalated += f.escalated;
    }
    let n = draws.len().max(1) as f64;
    (settled / n, escalated / n)
}

/// Nearest-rank index of quantile `q` in `n` sorted values.
fn rank(n: usize, q: f64) -> usize {
    ((n - 1) as f64 * q).round() as usize
}

/// The 5th, 25th, 50th, 75th and 95th percentiles. Selects the median
/// first, then each outer quantile only within the part of the slice that
/// holds it, which costs about a third of five independent selections:
/// this runs for every month of every curve on every slider move.
fn band(values: &mut [f64]) -> Band {
    let n = values.len();
    if n == 0 {
        return Band::default();
    }
    let [i5, i25, i50, i75, i95] = [0.05, 0.25, 0.5, 0.75, 0.95].map(|q| rank(n, q));
    let nth = |slice: &mut [f64], k: usize| *slice.select_nth_unstable_by(k, f64::total_cmp).1;
    // Each selection leaves smaller values before its index and larger
    // ones after, so the next quantile is sought only on its own side.
    let median = nth(values, i50);
    let p25 = if i25 < i50 {
        nth(&mut values[..i50], i25)
    } else {
        median
    };
    let p5 = if i5 < i25 {
        nth(&mut values[..i25], i5)
    } else {
        p25
    };
    let p75 = if i75 > i50 {
        nth(&mut values[i50 + 1..], i75 - i50 - 1)
    } else {
        median
    };
    let p95 = if i95 > i75 {
        nth(&mut values[i75 + 1..], i95 - i75 - 1)
    } else {
        p75
    };
    Band {
        p5,
        p25,
        median,
        p75,
        p95,
    }
}

#[cfg(test)]
mod band_tests {
    use super::*;

    #[test]
    fn band_matches_sorting() {
        for n in [1usize, 2, 3, 7, 20, 512] {
            let mut values: Vec<f64> = (0..n).map(|i| ((i * 7919) % 1009) as f64).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let b = band(&mut values);
            let at = |q| sorted[rank(n, q)];
            assert_eq!(
                [b.p5, b.p25, b.median, b.p75, b.p95],
                [at(0.05), at(0.25), at(0.5), at(0.75), at(0.95)],
                "n = {n}"
            );
        }
    }
}

/// Mean, quantiles and standard error of per-draw values. The draws come
/// in antithetic pairs, so the error is estimated from the pair averages,
/// which are independent (treating the draws as independent overstates it).
fn estimate(values: &mut [f64]) -> Estimate {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let pairs: Vec<f64> = values
        .chunks(2)
        .map(|c| c.iter().sum::<f64>() / c.len() as f64)
        .collect();
    let m = pairs.len() as f64;
    let variance = pairs.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (m - 1.0).max(1.0);
    let b = band(values);
    Estimate {
        mean,
        p5: b.p5,
        p25: b.p25,
        median: b.median,
        p75: b.p75,
        p95: b.p95,
        std_error: (variance / m).sqrt(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Input;

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
}
