//! What one set of inputs fixes for a whole run, and the fighting it
//! implies month by month: how far apart the sides' demands are, momentum
//! as Western aid fades, and the hazards of a ceasefire and of escalation.
//! None of it depends on a ceasefire once signed (`ceasefire`), which is
//! why runs that differ only there can share one path of the fighting.

use super::constants::*;
use super::draw::DrawParams;
use super::exp::exp;
use super::pair::{Pair, Value};
use super::{hinge, smooth_hinge};
use crate::clamp;
use crate::inputs::{Inputs, Valid};

/// The quantities derived from the inputs once per run.
#[derive(Clone, Copy, Debug)]
pub(super) struct World {
    pub(super) inputs: Inputs,
    pub(super) months: usize,
    pub(super) war_age: f64,
    /// How much each side concedes per unit of momentum against it.
    ukraine_yield: f64,
    russia_yield: f64,
    pub(super) aid_decay: f64,
    /// The same for outside support for Russia.
    pub(super) support_decay: f64,
    support_staying: f64,
    /// Moscow's real line, in rungs: its stated line (`tolerance`) or
    /// beyond it. The Monte Carlo runs one world per real line.
    pub(super) real_line: f64,
}

impl World {
    /// The world of `inputs` (valid, so a hostile link cannot reach the
    /// arithmetic), `war_age` months into the war.
    pub(super) fn new(inputs: &Valid, war_age: f64) -> World {
        let inputs = **inputs;
        World {
            months: inputs.months(),
            war_age: war_age.max(0.0),
            ukraine_yield: CONCESSION * (1.0 - 0.5 * inputs.ukraine_loss_tolerance),
            russia_yield: CONCESSION * (1.0 - 0.5 * inputs.loss_tolerance),
            aid_decay: half_life_decay(inputs.support_half_life),
            support_decay: half_life_decay(inputs.russian_support_half_life),
            support_staying: inputs.support_half_life / (inputs.support_half_life + 24.0),
            real_line: inputs.tolerance,
            inputs,
        }
    }

    /// The same world with Moscow's real line at `line` rungs.
    pub(super) fn with_real_line(&self, line: f64) -> World {
        World {
            real_line: line,
            ..*self
        }
    }

    /// How credible Moscow finds the assurances offered to it (limits on
    /// forces, arms control, sanctions relief): the reader's value, in the
    /// same 0-to-1 form as Kyiv's guarantee.
    pub(super) fn assurance(&self) -> f64 {
        self.inputs.assurance
    }

    /// How credible Kyiv finds the guarantee against a renewed attack,
    /// from the presence Moscow accepts and the aid that lasts.
    pub(super) fn guarantee(&self, accepted_presence: f64) -> f64 {
        let aid = GUARANTEE_FROM_AID * self.inputs.aid * self.support_staying;
        1.0 - exp(-(GUARANTEE_PER_RUNG * accepted_presence + aid))
    }

    /// Each side's demand on the terms scale, from 0 (all of Russia's
    /// stated conditions) to 1 (all of Ukraine's), with a ceasefire on
    /// the current line at 0.5. Each side's aims set how far it asks
    /// beyond that line; a side losing ground asks less, the more so the
    /// more it feels its losses. Both sides in the same form.
    fn demands(&self, momentum: f64) -> (f64, f64) {
        let (ukraine_gives, russia_gives) = self.concessions(momentum);
        (
            0.5 + 0.5 * self.inputs.aims - ukraine_gives,
            0.5 - 0.5 * self.inputs.russian_aims + russia_gives,
        )
    }

    /// The distance between the sides' demands (see [`World::demands`]).
    pub(super) fn demand_gap(&self, momentum: f64) -> f64 {
        let (ukraine, russia) = self.demands(momentum);
        hinge(ukraine - russia, 0.1)
    }

    /// Where a ceasefire signed at this momentum lands on the terms
    /// scale: on the current line (0.5), moved by what each side gives up
    /// on the battlefield. Terms track the fighting (Filson and Werner
    /// 2002, Slantchev 2003, Reiter 2009); the sides' aims set how far
    /// apart they start, and so how likely a deal is, not where it lands,
    /// so that asking for more never buys better terms in the model.
    pub(super) fn terms(&self, momentum: f64) -> f64 {
        let (ukraine_gives, russia_gives) = self.concessions(momentum);
        clamp(0.5 - ukraine_gives + russia_gives, 0.0, 1.0)
    }

    /// What each side gives up at this momentum, as shares of the issue
    /// space: the side losing ground the more, the more it feels its
    /// losses; both sides in the same form.
    fn concessions<T: Value>(&self, momentum: T) -> (T, T) {
        // hinge(m, s) and hinge(-m, s) share their square root.
        let root = (momentum * momentum + T::splat(0.1 * 0.1)).sqrt();
        (
            T::splat(self.ukraine_yield * 0.5) * (root - momentum),
            T::splat(self.russia_yield * 0.5) * (root + momentum),
        )
    }

    /// Momentum with Western aid at `aid_now` and outside support for
    /// Russia at `support_now`: the slider gives momentum at today's
    /// levels of both; more aid shifts it toward Ukraine, more support
    /// toward Russia, in the same form.
    pub(super) fn momentum_at<T: Value>(&self, base: T, aid_now: f64, support_now: f64) -> T {
        let aid = T::splat(AID_MOMENTUM * (aid_now - AID_REFERENCE));
        let support = T::splat(SUPPORT_MOMENTUM * (support_now - SUPPORT_REFERENCE));
        (base + aid - support).clamp(-1.0, 1.0)
    }

    /// The fighting in one month at this momentum: the ceasefire hazard
    /// before the proposal's scale (`settle_scale`), the escalation
    /// hazard, and the terms a ceasefire would land on.
    pub(super) fn war_hazards<T: Value>(
        &self,
        d: &DrawParams<T>,
        momentum: T,
        optimism: T,
    ) -> WarMonth<T> {
        let c = T::splat;
        // What each side gives up sets both the gap and the terms.
        let (ukraine_gives, russia_gives) = self.concessions(momentum);
        let terms = (c(0.5) - ukraine_gives + russia_gives).clamp(0.0, 1.0);
        let apart =
            c(0.5 * (self.inputs.aims + self.inputs.russian_aims)) - ukraine_gives - russia_gives;
        // The gap's factor and Kyiv's block share one exponential.
        let gap = smooth_hinge(apart, 0.1) + optimism;
        WarMonth {
            settle: (c(RIPENESS_FLOOR) + c(RIPENESS_WEIGHT) * d.ripeness(momentum))
                * (-gap / c(GAP_SCALE) - d.kyiv_block_exponent(terms)).exp(),
            escalate: World::escalation_hazard(d, momentum),
            terms,
        }
    }

    /// The two monthly factors of the ceasefire hazard that the fighting
    /// sets: ripeness, and the bargaining gap (with the optimism of a
    /// young war) as `exp(-gap / GAP_SCALE)`.
    pub(super) fn talks(&self, d: &DrawParams, momentum: f64, optimism: f64) -> (f64, f64) {
        let ripeness = d.ripeness(momentum);
        let gap = self.demand_gap(momentum) + optimism;
        (
            RIPENESS_FLOOR + RIPENESS_WEIGHT * ripeness,
            exp(-gap / GAP_SCALE),
        )
    }

    /// The fighting month by month for one draw (see [`WarPath`]).
    pub(super) fn war_path<T: Value>(&self, d: &DrawParams<T>, path: &mut WarPath<T>) {
        path.clear();
        path.extend(
            self.fighting_months(d)
                .map(|(momentum, optimism)| self.war_hazards(d, momentum, optimism)),
        );
    }

    /// The fighting's conditions month by month for one draw: momentum,
    /// as Western aid and outside support for Russia fade, and the
    /// optimism that fades as the sides learn.
    pub(super) fn fighting_months<'a, T: Value>(
        &'a self,
        d: &'a DrawParams<T>,
    ) -> impl Iterator<Item = (T, T)> + 'a {
        let (mut aid, mut support) = (self.inputs.aid, self.inputs.russian_support);
        let mut optimism = d.optimism;
        (0..self.months).map(move |_| {
            let month = (self.momentum_at(d.momentum, aid, support), optimism);
            aid *= self.aid_decay;
            support *= self.support_decay;
            optimism *= d.information_decay;
            month
        })
    }

    /// Whether `other` fights the same war as this world, month by month:
    /// they differ at most in the presence proposed, Moscow's line and
    /// its credibility, the chance of revising the proposal, the
    /// assurances and the pressure to sign, which scale the ceasefire
    /// hazard or act once a ceasefire holds but leave the fighting's path
    /// alone.
    pub(super) fn same_war(&self, other: &World) -> bool {
        let aligned = Inputs {
            presence: self.inputs.presence,
            tolerance: self.inputs.tolerance,
            credibility: self.inputs.credibility,
            revision: self.inputs.revision,
            assurance: self.inputs.assurance,
            pressure: self.inputs.pressure,
            ..other.inputs
        };
        aligned == self.inputs && other.war_age == self.war_age
    }

    /// The monthly escalation hazard of the fighting in a draw at a given
    /// momentum: accidents, Moscow answering a collapsing Russian front,
    /// and Western states answering a collapsing Ukrainian one, in the
    /// same form.
    fn escalation_hazard<T: Value>(d: &DrawParams<T>, momentum: T) -> T {
        let threshold = T::splat(COLLAPSE_THRESHOLD);
        let russia_collapses = smooth_hinge(momentum - threshold, 0.1);
        let ukraine_collapses = smooth_hinge(-momentum - threshold, 0.1);
        d.war_escalation
            + d.collapse_scale * russia_collapses * russia_collapses
            + d.drawn_in_scale * ukraine_collapses * ukraine_collapses
    }
}

/// The monthly factor by which a quantity with this half-life decays.
fn half_life_decay(months: f64) -> f64 {
    exp(-std::f64::consts::LN_2 / months)
}

/// One month of the fighting in one draw.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct WarMonth<T = f64> {
    /// The ceasefire hazard before the proposal's scale.
    pub(super) settle: T,
    pub(super) escalate: T,
    /// Where a ceasefire signed this month would land on the terms scale.
    pub(super) terms: T,
}

impl WarMonth<Pair> {
    /// The same month of two draws' fighting, side by side.
    pub(super) fn pair(a: &WarMonth, b: &WarMonth) -> WarMonth<Pair> {
        WarMonth {
            settle: Pair::new(a.settle, b.settle),
            escalate: Pair::new(a.escalate, b.escalate),
            terms: Pair::new(a.terms, b.terms),
        }
    }
}

/// The fighting month by month for one draw, for months 0..T. None of it
/// depends on the presence proposed, Moscow's line or the pressure to sign.
pub(super) type WarPath<T = f64> = Vec<WarMonth<T>>;
