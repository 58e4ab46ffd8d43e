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

use super::draws::{standard_draws, Draw};
use super::inputs::Inputs;

mod explain;
pub use explain::{contributions, explain, Explanation, Mechanism};

pub mod constants;

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
    pub const BREAKDOWN_LOG: f64 = 0.6;
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

mod ceasefire;
mod summary;

pub use ceasefire::{breakdown_hazard, tripwire};
use ceasefire::{Ceasefire, Cohorts};
use summary::{band, estimate};
pub use summary::{Band, Estimate};

/// The parameters of one Monte Carlo draw, fixed for the whole run.
#[derive(Clone, Copy, Debug)]
struct DrawParams {
    momentum: f64,
    /// Ceasefire hazard before ripeness and the bargaining gap; it
    /// includes the gap a presence above tolerance adds (`CHASM_GAP`).
    settle_scale: f64,
    /// Escalation hazard of the fighting that does not depend on the battlefield.
    war_escalation: f64,
    collapse_scale: f64,
    drawn_in_scale: f64,
    /// How much both sides hurt: the geometric mean of their pain.
    pain: f64,
    optimism: f64,
    information_decay: f64,
    ceasefire: Ceasefire,
}

impl DrawParams {
    /// Ripeness (Zartman): a stalemate that hurts both sides. It is the
    /// shared pain times how stuck the front is.
    fn ripeness(&self, momentum: f64) -> f64 {
        let stuck = 1.0 - momentum.abs();
        self.pain * stuck * stuck
    }
}

/// What one draw's run leaves behind at the horizon.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Final {
    /// A ceasefire holding, or durable peace.
    pub settled: f64,
    pub escalated: f64,
    /// A ceasefire reached at least once.
    pub reached: f64,
    /// At least one ceasefire broke down.
    pub broke: f64,
    /// Chance that a ceasefire, once signed, holds until it is durable.
    pub survival: f64,
}

/// The state of one draw in one month; `reached` and `broke` count what
/// has ever happened.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Month {
    fighting: f64,
    holding: f64,
    durable: f64,
    escalated: f64,
    reached: f64,
    broke: f64,
}

/// Why the numbers are what they are, at the sliders' central values:
/// the quantities the generated sentences talk about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drivers {
    /// Rungs of presence above what Moscow tolerates (negative: below).
    pub presence_gap: f64,
    /// Mutually hurting stalemate, 0 (none) to 1 (extreme).
    pub ripeness: f64,
    /// Distance between the sides' demands now, share of the issue space.
    pub bargaining_gap: f64,
    /// Credibility of guarantees, 0 to 1.
    pub guarantee: f64,
    /// Monthly ceasefire hazard in the first month, per 1000.
    pub ceasefire_per_mille: f64,
    /// Monthly escalation hazard of the fighting in the first month, per 1000.
    pub escalation_per_mille: f64,
    /// Ukraine's momentum at the horizon once aid has faded.
    pub momentum_at_horizon: f64,
    /// Chance that a ceasefire, once signed, holds until it is durable.
    pub survival: f64,
    /// Chance that a breakdown escalates because of troops on the line.
    pub tripwire: f64,
    /// Monthly hazard, per 1000, of an incident that escalates while a
    /// ceasefire holds (troops deployed above or within the red line).
    pub incident_per_mille: f64,
}

/// The quantities derived from the inputs once per run.
#[derive(Clone, Copy, Debug)]
struct World {
    inputs: Inputs,
    months: usize,
    war_age: f64,
    /// How far apart the two sides' aims put their demands, before the
    /// battlefield: `0.5 u + 0.5 r`, a share of the issue space.
    aims_gap: f64,
    /// How much each side concedes per unit of momentum against it.
    ukraine_yield: f64,
    russia_yield: f64,
    aid_decay: f64,
    support_staying: f64,
}

impl World {
    fn new(inputs: &Inputs, war_age: f64) -> World {
        let inputs = inputs.sanitized();
        World {
            months: inputs.months(),
            war_age: war_age.max(0.0),
            aims_gap: 0.5 * inputs.aims + 0.5 * inputs.russian_aims,
            ukraine_yield: CONCESSION * (1.0 - 0.5 * inputs.ukraine_loss_tolerance),
            russia_yield: CONCESSION * (1.0 - 0.5 * inputs.loss_tolerance),
            aid_decay: (-std::f64::consts::LN_2 / inputs.support_half_life).exp(),
            support_staying: inputs.support_half_life / (inputs.support_half_life + 24.0),
            inputs,
        }
    }

    fn guarantee(&self, accepted_presence: f64) -> f64 {
        let aid = GUARANTEE_FROM_AID * self.inputs.aid * self.support_staying;
        1.0 - (-(GUARANTEE_PER_RUNG * accepted_presence + aid)).exp()
    }

    /// The distance between the sides' demands on a line from 0 (all of
    /// Russia's stated conditions) to 1 (all of Ukraine's), with a
    /// ceasefire on the current line at 0.5. Each side's aims set how far
    /// it asks beyond that line; a side losing ground asks less, the more
    /// so the more it feels its losses. Both sides in the same form.
    fn demand_gap(&self, momentum: f64) -> f64 {
        // hinge(m, s) and hinge(-m, s) share their square root.
        let root = (momentum * momentum + 0.1 * 0.1).sqrt();
        let ukraine_gives = self.ukraine_yield * 0.5 * (root - momentum);
        let russia_gives = self.russia_yield * 0.5 * (root + momentum);
        hinge(self.aims_gap - ukraine_gives - russia_gives, 0.1)
    }

    /// Momentum with Western aid at `aid_now`: the slider gives momentum
    /// at today's aid and today's support for Russia; more (less) aid
    /// shifts it toward Ukraine (Russia), and support for Russia the
    /// other way, in the same form.
    fn momentum_with_aid(&self, base: f64, aid_now: f64) -> f64 {
        let support = self.inputs.russian_support - SUPPORT_REFERENCE;
        (base + AID_MOMENTUM * (aid_now - AID_REFERENCE) - SUPPORT_MOMENTUM * support)
            .clamp(-1.0, 1.0)
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
        let breakdown_factor = (width * spread::BREAKDOWN_LOG * z[8]).exp();

        let excess = red_line_excess(i.presence, tolerance);
        let accepted = (i.presence - excess).max(0.0);
        let guarantee = self.guarantee(accepted);
        let full_guarantee = self.guarantee(i.presence);
        let readiness = 0.2 + 1.6 * propensity;
        let start = self.momentum_with_aid(momentum, i.aid);

        let breakdown_scale = breakdown_factor
            * (-BREAKDOWN_GUARANTEE * full_guarantee).exp()
            * (1.0 + BREAKDOWN_RESENTMENT * excess)
            * (1.0 + BREAKDOWN_PRESSURE * i.pressure)
            * (1.0 - BREAKDOWN_DECISIVE * start.abs());
        let incident = escalation_factor
            * (RED_LINE_INCIDENT * readiness * excess * excess.sqrt()
                + EXPOSURE_INCIDENT * i.presence);
        let pain_russia = attrition * (1.0 - 0.5 * i.loss_tolerance);
        let pain_ukraine = attrition * (1.0 - 0.5 * i.ukraine_loss_tolerance);
        DrawParams {
            momentum,
            settle_scale: settle_base
                * (GUARANTEE_FLOOR + (1.0 - GUARANTEE_FLOOR) * guarantee)
                * (-chasm * excess - CHASM_GAP * excess / GAP_SCALE).exp()
                * (1.0 + PRESSURE_SETTLEMENT * i.pressure),
            war_escalation: escalation_factor * BASE_ESCALATION * (0.5 + propensity),
            collapse_scale: escalation_factor * COLLAPSE_ESCALATION * readiness,
            drawn_in_scale: escalation_factor * DRAWN_IN_ESCALATION,
            pain: (pain_russia * pain_ukraine).sqrt(),
            optimism: INITIAL_OPTIMISM * (-self.war_age / information).exp(),
            information_decay: (-1.0 / information).exp(),
            ceasefire: Ceasefire::new(
                breakdown_scale,
                incident,
                tripwire(i.presence, escalation_factor),
            ),
        }
    }

    /// The hazards of the fighting in one month: the ceasefire hazard
    /// before the draw's scale (`settle_scale`), and the escalation hazard.
    fn war_hazards(&self, d: &DrawParams, momentum: f64, aid: f64, optimism: f64) -> (f64, f64) {
        let (ripe, apart) = self.talks(d, momentum, optimism);
        (ripe * apart, World::escalation_hazard(d, momentum, aid))
    }

    /// The two monthly factors of the ceasefire hazard that the fighting
    /// sets: ripeness, and the bargaining gap (with the optimism of a
    /// young war) as `exp(-gap / GAP_SCALE)`.
    fn talks(&self, d: &DrawParams, momentum: f64, optimism: f64) -> (f64, f64) {
        let ripeness = d.ripeness(momentum);
        let gap = self.demand_gap(momentum) + optimism;
        (
            RIPENESS_FLOOR + RIPENESS_WEIGHT * ripeness,
            (-gap / GAP_SCALE).exp(),
        )
    }

    /// The fighting month by month for one draw (see [`WarPath`]).
    fn war_path(&self, d: &DrawParams, path: &mut WarPath) {
        path.clear();
        path.extend(
            self.fighting_months(d)
                .map(|(momentum, aid, optimism)| self.war_hazards(d, momentum, aid, optimism)),
        );
    }

    /// The fighting's conditions month by month for one draw: momentum,
    /// Western aid as it fades, and the optimism that fades as the sides
    /// learn.
    fn fighting_months<'a>(
        &'a self,
        d: &'a DrawParams,
    ) -> impl Iterator<Item = (f64, f64, f64)> + 'a {
        let mut aid = self.inputs.aid;
        let mut optimism = d.optimism;
        (0..self.months).map(move |_| {
            let month = (self.momentum_with_aid(d.momentum, aid), aid, optimism);
            aid *= self.aid_decay;
            optimism *= d.information_decay;
            month
        })
    }

    /// Whether `other` fights the same war as this world, month by month:
    /// they differ at most in the presence proposed, Moscow's tolerance and
    /// the pressure to sign, which scale the ceasefire hazard or act once a
    /// ceasefire holds but leave the fighting's path alone.
    fn same_war(&self, other: &World) -> bool {
        let aligned = Inputs {
            presence: self.inputs.presence,
            tolerance: self.inputs.tolerance,
            pressure: self.inputs.pressure,
            ..other.inputs
        };
        aligned == self.inputs && other.war_age == self.war_age
    }

    /// Runs one draw month by month along its fighting's `path`. `record`
    /// receives the state at months 0..=T.
    fn run(
        &self,
        d: &DrawParams,
        path: &[(f64, f64)],
        mut record: impl FnMut(usize, &Month),
    ) -> Final {
        // Fighting that has never had a ceasefire, and fighting resumed
        // after a breakdown; ceasefires signed from each.
        let (mut first, mut again) = (1.0, 0.0);
        let mut truces = Cohorts::new();
        let mut state = Month {
            fighting: 1.0,
            ..Month::default()
        };
        let c = &d.ceasefire;
        record(0, &state);
        for (month, &(settle, escalate)) in path.iter().enumerate() {
            let settle = d.settle_scale * settle;
            let total = settle + escalate;
            let leave = 1.0 - (-total).exp();
            let to_truce = settle / total;
            let (out_first, out_again) = (first * leave, again * leave);
            first -= out_first;
            again -= out_again;
            state.escalated += (out_first + out_again) * (1.0 - to_truce);
            state.reached += out_first * to_truce;

            let flows = truces.step(c, month, [out_first * to_truce, out_again * to_truce]);
            let broke = flows.broke[0] + flows.broke[1];
            state.broke += flows.broke[0];
            state.durable += flows.durable[0] + flows.durable[1];
            state.escalated += flows.incident[0] + flows.incident[1] + broke * c.tripwire;
            again += broke * (1.0 - c.tripwire);

            state.fighting = first + again;
            state.holding = truces.total();
            record(month + 1, &state);
        }
        Final {
            settled: state.holding + state.durable,
            escalated: state.escalated,
            reached: state.reached,
            broke: state.broke,
            survival: c.survival,
        }
    }

    /// The monthly escalation hazard of the fighting in a draw at a given
    /// momentum and aid: accidents, a Russian answer to a collapsing front,
    /// and Western states drawn into a Ukrainian collapse.
    fn escalation_hazard(d: &DrawParams, momentum: f64, aid: f64) -> f64 {
        let collapse = hinge(momentum - COLLAPSE_THRESHOLD, 0.1);
        let drawn_in = hinge(-momentum - 0.5, 0.1);
        d.war_escalation
            + d.collapse_scale * collapse * collapse
            + d.drawn_in_scale * aid * drawn_in * drawn_in
    }

    fn drivers(&self) -> Drivers {
        let i = &self.inputs;
        let central = self.draw(&[0.0; super::draws::DIMENSIONS]);
        let excess = red_line_excess(i.presence, i.tolerance);
        let faded_aid = i.aid * self.aid_decay.powi(self.months as i32);
        let start = self.momentum_with_aid(i.momentum, i.aid);
        let (settle, escalate) = self.war_hazards(&central, start, i.aid, central.optimism);
        let settle = central.settle_scale * settle;
        Drivers {
            presence_gap: i.presence - i.tolerance,
            ripeness: central.ripeness(start),
            bargaining_gap: self.demand_gap(start) + central.optimism + CHASM_GAP * excess,
            guarantee: self.guarantee((i.presence - excess).max(0.0)),
            ceasefire_per_mille: 1000.0 * settle,
            escalation_per_mille: 1000.0 * escalate,
            momentum_at_horizon: self.momentum_with_aid(i.momentum, faded_aid),
            survival: central.ceasefire.survival,
            tripwire: central.ceasefire.tripwire,
            incident_per_mille: 1000.0 * central.ceasefire.incident_hazard,
        }
    }
}

/// Everything the page shows about one set of inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub inputs: Inputs,
    pub months: usize,
    /// Mean probability of each state at months 0..=months.
    pub fighting: Vec<f64>,
    pub holding: Vec<f64>,
    pub durable: Vec<f64>,
    pub escalated: Vec<f64>,
    /// A ceasefire holding or durable peace: `holding + durable`.
    pub settled: Vec<f64>,
    /// Mean probability that a ceasefire has been reached, and that one
    /// has broken down, by each month.
    pub reached: Vec<f64>,
    pub broke_down: Vec<f64>,
    pub settled_band: Vec<Band>,
    pub escalated_band: Vec<Band>,
    /// Chance that a ceasefire holds, or peace has become durable, at the
    /// horizon: the settlement headline.
    pub settlement: Estimate,
    /// Chance that a ceasefire is reached at all by the horizon.
    pub ceasefire: Estimate,
    /// Chance that a ceasefire was reached and broke down by the horizon.
    pub breakdown: Estimate,
    /// Chance of sustained direct combat between NATO and Russian forces by the horizon.
    pub escalation: Estimate,
    /// Chance that a ceasefire, once signed, holds until it counts as durable.
    pub survival: Estimate,
    pub drivers: Drivers,
}

/// Runs the full Monte Carlo over the standard draws, from now.
pub fn simulate(inputs: &Inputs) -> Outcome {
    simulate_with(inputs, standard_draws())
}

/// Runs the Monte Carlo over the given draws (tests use other seeds).
pub fn simulate_with(inputs: &Inputs, draws: &[Draw]) -> Outcome {
    simulate_from(inputs, WAR_AGE_NOW, draws)
}

/// Runs the Monte Carlo from a moment `war_age` months into the war: the
/// backtest starts it from each past quarter.
pub fn simulate_from(inputs: &Inputs, war_age: f64, draws: &[Draw]) -> Outcome {
    let world = World::new(inputs, war_age);
    let months = world.months;
    let width = months + 1;
    let central = [[0.0; super::draws::DIMENSIONS]];
    let draws = if draws.is_empty() {
        &central[..]
    } else {
        draws
    };
    let n = draws.len();
    let mut settled_paths = vec![0.0; n * width];
    let mut escalated_paths = vec![0.0; n * width];
    let mut sums = vec![Month::default(); width];
    let mut finals = Vec::with_capacity(n);
    let mut path = Vec::with_capacity(months);
    for (k, z) in draws.iter().enumerate() {
        let params = world.draw(z);
        world.war_path(&params, &mut path);
        let row = k * width;
        finals.push(world.run(&params, &path, |t, m| {
            settled_paths[row + t] = m.holding + m.durable;
            escalated_paths[row + t] = m.escalated;
            let sum = &mut sums[t];
            sum.fighting += m.fighting;
            sum.holding += m.holding;
            sum.durable += m.durable;
            sum.reached += m.reached;
            sum.broke += m.broke;
        }));
    }

    let mut settled_band = Vec::with_capacity(width);
    let mut escalated_band = Vec::with_capacity(width);
    let mut settled = vec![0.0; width];
    let mut escalated = vec![0.0; width];
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
    let mean_of =
        |f: fn(&Month) -> f64| -> Vec<f64> { sums.iter().map(|m| f(m) / n as f64).collect() };
    let pick = |f: fn(&Final) -> f64| {
        let mut values: Vec<f64> = finals.iter().map(f).collect();
        estimate(&mut values)
    };
    Outcome {
        inputs: world.inputs,
        months,
        fighting: mean_of(|m| m.fighting),
        holding: mean_of(|m| m.holding),
        durable: mean_of(|m| m.durable),
        reached: mean_of(|m| m.reached),
        broke_down: mean_of(|m| m.broke),
        escalated,
        settled,
        settled_band,
        escalated_band,
        settlement: pick(|f| f.settled),
        ceasefire: pick(|f| f.reached),
        breakdown: pick(|f| f.broke),
        escalation: pick(|f| f.escalated),
        survival: pick(|f| f.survival),
        drivers: world.drivers(),
    }
}

/// The headline numbers only, for many runs (sensitivity, the chasm map):
/// mean settled and escalated probability at the horizon over `draws`.
pub fn headline(inputs: &Inputs, draws: &[Draw]) -> (f64, f64) {
    headlines(inputs, std::slice::from_ref(inputs), draws)[0]
}

/// The headline numbers of each of `variants`, over `draws`. Variants
/// that fight the same war as `base` (they differ from it only in the
/// presence proposed, Moscow's tolerance or the pressure to sign) share
/// its path of the fighting, computed once per draw: the chasm map's 256
/// cells and three of the sensitivity chart's levers cost a fraction of a
/// run each. The numbers are exactly those of separate runs.
pub fn headlines(base: &Inputs, variants: &[Inputs], draws: &[Draw]) -> Vec<(f64, f64)> {
    let base = World::new(base, WAR_AGE_NOW);
    let worlds: Vec<(World, bool)> = variants
        .iter()
        .map(|v| {
            let world = World::new(v, WAR_AGE_NOW);
            let shares = base.same_war(&world);
            (world, shares)
        })
        .collect();
    let mut sums = vec![(0.0, 0.0); variants.len()];
    let (mut shared, mut own) = (Vec::new(), Vec::new());
    let any_shares = worlds.iter().any(|w| w.1);
    for z in draws {
        if any_shares {
            base.war_path(&base.draw(z), &mut shared);
        }
        for ((world, shares), sum) in worlds.iter().zip(sums.iter_mut()) {
            let params = world.draw(z);
            let path = if *shares {
                &shared
            } else {
                world.war_path(&params, &mut own);
                &own
            };
            let f = world.run(&params, path, |_, _| {});
            sum.0 += f.settled;
            sum.1 += f.escalated;
        }
    }
    let n = draws.len().max(1) as f64;
    sums.into_iter().map(|(s, e)| (s / n, e / n)).collect()
}

/// The fighting month by month for one draw: the ceasefire hazard before
/// the draw's scale, and the escalation hazard, for months 0..T. Neither
/// depends on the presence proposed, Moscow's tolerance or the pressure
/// to sign.
type WarPath = Vec<(f64, f64)>;

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
