//! What one set of inputs fixes for a whole run, and the fighting it
//! implies month by month: how far apart the sides' demands are, momentum
//! as Western aid fades, and the hazards of a ceasefire and of escalation.
//! None of it depends on a ceasefire once signed (`ceasefire`), which is
//! why runs that differ only there can share one path of the fighting.

use super::constants::*;
use super::draw::DrawParams;
use super::hinge;
use crate::model::inputs::Inputs;

/// The quantities derived from the inputs once per run.
#[derive(Clone, Copy, Debug)]
pub(super) struct World {
    pub(super) inputs: Inputs,
    pub(super) months: usize,
    pub(super) war_age: f64,
    /// How far apart the two sides' aims put their demands, before the
    /// battlefield: `0.5 u + 0.5 r`, a share of the issue space.
    aims_gap: f64,
    /// How much each side concedes per unit of momentum against it.
    ukraine_yield: f64,
    russia_yield: f64,
    pub(super) aid_decay: f64,
    support_staying: f64,
}

impl World {
    /// The world of `inputs` (sanitized, so a hostile link cannot reach
    /// the arithmetic), `war_age` months into the war.
    pub(super) fn new(inputs: &Inputs, war_age: f64) -> World {
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

    /// How credible Kyiv finds the guarantee against a renewed attack,
    /// from the presence Moscow accepts and the aid that lasts.
    pub(super) fn guarantee(&self, accepted_presence: f64) -> f64 {
        let aid = GUARANTEE_FROM_AID * self.inputs.aid * self.support_staying;
        1.0 - (-(GUARANTEE_PER_RUNG * accepted_presence + aid)).exp()
    }

    /// The distance between the sides' demands on a line from 0 (all of
    /// Russia's stated conditions) to 1 (all of Ukraine's), with a
    /// ceasefire on the current line at 0.5. Each side's aims set how far
    /// it asks beyond that line; a side losing ground asks less, the more
    /// so the more it feels its losses. Both sides in the same form.
    pub(super) fn demand_gap(&self, momentum: f64) -> f64 {
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
    pub(super) fn momentum_with_aid(&self, base: f64, aid_now: f64) -> f64 {
        let support = self.inputs.russian_support - SUPPORT_REFERENCE;
        (base + AID_MOMENTUM * (aid_now - AID_REFERENCE) - SUPPORT_MOMENTUM * support)
            .clamp(-1.0, 1.0)
    }

    /// The hazards of the fighting in one month: the ceasefire hazard
    /// before the draw's scale (`settle_scale`), and the escalation hazard.
    pub(super) fn war_hazards(
        &self,
        d: &DrawParams,
        momentum: f64,
        aid: f64,
        optimism: f64,
    ) -> (f64, f64) {
        let (ripe, apart) = self.talks(d, momentum, optimism);
        (ripe * apart, World::escalation_hazard(d, momentum, aid))
    }

    /// The two monthly factors of the ceasefire hazard that the fighting
    /// sets: ripeness, and the bargaining gap (with the optimism of a
    /// young war) as `exp(-gap / GAP_SCALE)`.
    pub(super) fn talks(&self, d: &DrawParams, momentum: f64, optimism: f64) -> (f64, f64) {
        let ripeness = d.ripeness(momentum);
        let gap = self.demand_gap(momentum) + optimism;
        (
            RIPENESS_FLOOR + RIPENESS_WEIGHT * ripeness,
            (-gap / GAP_SCALE).exp(),
        )
    }

    /// The fighting month by month for one draw (see [`WarPath`]).
    pub(super) fn war_path(&self, d: &DrawParams, path: &mut WarPath) {
        path.clear();
        path.extend(
            self.fighting_months(d)
                .map(|(momentum, aid, optimism)| self.war_hazards(d, momentum, aid, optimism)),
        );
    }

    /// The fighting's conditions month by month for one draw: momentum,
    /// Western aid as it fades, and the optimism that fades as the sides
    /// learn.
    pub(super) fn fighting_months<'a>(
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
    pub(super) fn same_war(&self, other: &World) -> bool {
        let aligned = Inputs {
            presence: self.inputs.presence,
            tolerance: self.inputs.tolerance,
            pressure: self.inputs.pressure,
            ..other.inputs
        };
        aligned == self.inputs && other.war_age == self.war_age
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
}

/// The fighting month by month for one draw: the ceasefire hazard before
/// the draw's scale, and the escalation hazard, for months 0..T. Neither
/// depends on the presence proposed, Moscow's tolerance or the pressure
/// to sign.
pub(super) type WarPath = Vec<(f64, f64)>;
