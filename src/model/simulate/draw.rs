//! The parameters of one Monte Carlo draw: the inputs' uncertain values
//! spread by the draw's standard normal numbers, and the hazard scales
//! they set, fixed for the whole run.

use super::ceasefire::{tripwire, Ceasefire};
use super::constants::*;
use super::exp::exp;
use super::pair::{Pair, Value};
use super::world::World;
use super::{hinge, red_line_excess, smooth_hinge};
use crate::clamp;
use crate::draws::Draw;

/// How far each uncertain parameter spreads at full uncertainty width
/// (standard deviations, in the parameter's own units or as log factors).
mod spread {
    pub const MOMENTUM: f64 = 0.3;
    pub const PROPENSITY: f64 = 0.3;
    pub const SETTLEMENT_LOG: f64 = 0.6;
    pub const ESCALATION_LOG: f64 = 0.8;
    pub const INFORMATION_LOG: f64 = 0.4;
    pub const ATTRITION: f64 = 0.15;
    pub const BREAKDOWN_LOG: f64 = 0.6;
    /// The severity of the red-line terms, as a share of the reader's
    /// central value: at the default width (0.5) its standard deviation
    /// is half the central value, clamped to none at all and twice it.
    pub const SEVERITY: f64 = 1.0;
}

/// Which coordinate of a draw spreads which parameter.
mod axis {
    pub const MOMENTUM: usize = 0;
    /// Kyiv's real line, through its credibility (a quantile of the
    /// geometric prior). Moscow's real line is not drawn: the Monte Carlo
    /// integrates over it exactly (`monte_carlo`).
    pub const KYIV_LINE: usize = 1;
    pub const PROPENSITY: usize = 2;
    pub const SETTLEMENT: usize = 3;
    pub const ESCALATION: usize = 4;
    pub const SEVERITY: usize = 5;
    pub const INFORMATION: usize = 6;
    pub const ATTRITION: usize = 7;
    pub const BREAKDOWN: usize = 8;
    pub const WEST_PROPENSITY: usize = 9;
}

/// What one proposal of a post-war presence implies in one draw: how it
/// scales the ceasefire hazard while the fighting lasts, and how a
/// ceasefire signed under it fares.
#[derive(Clone, Copy, Debug)]
pub(super) struct Proposal<T = f64> {
    /// Ceasefire hazard before ripeness, the bargaining gap and Kyiv's
    /// line; it includes the gap a presence above Moscow's line adds.
    pub(super) settle_scale: T,
    pub(super) ceasefire: Ceasefire<T>,
}

impl Proposal<Pair> {
    /// Two draws' proposals, side by side.
    pub(super) fn pair(a: &Proposal, b: &Proposal) -> Proposal<Pair> {
        Proposal {
            settle_scale: Pair::new(a.settle_scale, b.settle_scale),
            ceasefire: Ceasefire::pair(&a.ceasefire, &b.ceasefire),
        }
    }
}

/// The parameters of one Monte Carlo draw (or, side by side, of a
/// [`Pair`] of draws), fixed for the whole run.
#[derive(Clone, Copy, Debug)]
pub(super) struct DrawParams<T = f64> {
    pub(super) momentum: T,
    /// The proposal as the coalition makes it.
    pub(super) stands: Proposal<T>,
    /// The proposal revised down to Moscow's stated line.
    pub(super) revised: Proposal<T>,
    /// Monthly chance that the proposal is revised; zero when revising
    /// would change nothing (the proposal is within the stated line).
    pub(super) revision: T,
    /// Escalation hazard of the fighting that does not depend on the battlefield.
    pub(super) war_escalation: T,
    /// Scale of escalation in a Russian collapse (Moscow's readiness).
    pub(super) collapse_scale: T,
    /// Scale of escalation in a Ukrainian collapse (the West's readiness).
    pub(super) drawn_in_scale: T,
    /// How much both sides hurt: the geometric mean of their pain.
    pub(super) pain: T,
    pub(super) optimism: T,
    pub(super) information_decay: T,
    /// Kyiv's real line on the terms scale.
    pub(super) kyiv_line: T,
    /// `hinge(-(1 - kyiv_line) / TERMS_PER_RUNG)`: what Kyiv's excess is
    /// measured from, so that terms of 1 cross nothing.
    kyiv_offset: T,
    /// The red-line terms' common factor in this draw.
    pub(super) severity: T,
}

impl<T: Value> DrawParams<T> {
    /// Ripeness (Zartman): a stalemate that hurts both sides. It is the
    /// shared pain times how stuck the front is.
    pub(super) fn ripeness(&self, momentum: T) -> T {
        let stuck = T::splat(1.0) - momentum.abs();
        self.pain * stuck * stuck
    }

    /// How far terms at `terms` fall below Kyiv's real line, in rungs
    /// ([`TERMS_PER_RUNG`]), rounded off near the line as Moscow's is.
    pub(super) fn kyiv_excess(&self, terms: T) -> T {
        // red_line_excess, with its constant half kept for the draw.
        let below = (self.kyiv_line - terms) / T::splat(TERMS_PER_RUNG);
        smooth_hinge(below, RED_LINE_SOFTNESS) - self.kyiv_offset
    }

    /// The factor by which terms below Kyiv's line block a deal in a
    /// month is `exp(-kyiv_block_exponent(terms))`, in the same form as
    /// Moscow's: the block and the gap it adds. None at all at severity 0.
    pub(super) fn kyiv_block_exponent(&self, terms: T) -> T {
        let excess = self.kyiv_excess(terms);
        let c = T::splat;
        let block =
            self.severity * (c(CHASM_BLOCK) * excess + c(CHASM_GAP) * excess / c(GAP_SCALE));
        block.unless_zero(self.severity)
    }
}

impl DrawParams<Pair> {
    /// Two draws' parameters, side by side. Not inlined: it is made once
    /// per pair of runs, and each of its four call sites held a kilobyte
    /// of WebAssembly when inlined.
    #[inline(never)]
    pub(super) fn pair(a: &DrawParams, b: &DrawParams) -> DrawParams<Pair> {
        let both = |f: fn(&DrawParams) -> f64| Pair::zip(a, b, f);
        DrawParams {
            momentum: both(|d| d.momentum),
            stands: Proposal::pair(&a.stands, &b.stands),
            revised: Proposal::pair(&a.revised, &b.revised),
            revision: both(|d| d.revision),
            war_escalation: both(|d| d.war_escalation),
            collapse_scale: both(|d| d.collapse_scale),
            drawn_in_scale: both(|d| d.drawn_in_scale),
            pain: both(|d| d.pain),
            optimism: both(|d| d.optimism),
            information_decay: both(|d| d.information_decay),
            kyiv_line: both(|d| d.kyiv_line),
            kyiv_offset: both(|d| d.kyiv_offset),
            severity: both(|d| d.severity),
        }
    }
}

/// The number of steps `k` a real line lies beyond the stated one, for
/// the quantile `u` of the geometric prior with `credibility` the chance
/// of no step, at most `max` steps. The median quantile (the central
/// draw's, 0.5) at a credibility of 0.5 gives no step.
pub(super) fn steps_beyond(u: f64, credibility: f64, max: usize) -> usize {
    let mut k = 0;
    let mut below = credibility;
    let mut rest = 1.0 - credibility;
    while k < max && u > below {
        k += 1;
        below += credibility * rest;
        rest *= 1.0 - credibility;
    }
    k
}

/// The standard normal distribution function (Abramowitz and Stegun
/// 26.2.17, absolute error under 7.5e-8): enough to turn a draw into a
/// quantile.
pub(super) fn normal_cdf(z: f64) -> f64 {
    // The central draw's own quantile, exactly: the approximation is off
    // by about 1e-9 there, which would tip a median onto the next step.
    if z == 0.0 {
        return 0.5;
    }
    let t = 1.0 / (1.0 + 0.231_641_9 * z.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let tail = 0.398_942_280_401_432_7 * exp(-0.5 * z * z) * poly;
    if z >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

impl World {
    /// The parameters of the draw `z` under these inputs, with Moscow's
    /// real line at this world's `real_line`.
    pub(super) fn draw(&self, z: &Draw) -> DrawParams {
        let i = &self.inputs;
        let width = i.uncertainty;
        let momentum = clamp(
            i.momentum + width * spread::MOMENTUM * z[axis::MOMENTUM],
            -1.0,
            1.0,
        );
        let propensity = clamp(
            i.escalation_propensity + width * spread::PROPENSITY * z[axis::PROPENSITY],
            0.0,
            1.0,
        );
        let west_propensity = clamp(
            i.west_escalation + width * spread::PROPENSITY * z[axis::WEST_PROPENSITY],
            0.0,
            1.0,
        );
        let settle_base =
            BASE_SETTLEMENT * exp(width * spread::SETTLEMENT_LOG * z[axis::SETTLEMENT]);
        let escalation_factor = exp(width * spread::ESCALATION_LOG * z[axis::ESCALATION]);
        let severity =
            i.severity * clamp(1.0 + width * spread::SEVERITY * z[axis::SEVERITY], 0.0, 2.0);
        let information =
            INFORMATION_MONTHS * exp(width * spread::INFORMATION_LOG * z[axis::INFORMATION]);
        let attrition = clamp(
            i.attrition + width * spread::ATTRITION * z[axis::ATTRITION],
            0.0,
            1.0,
        );
        let breakdown_factor = exp(width * spread::BREAKDOWN_LOG * z[axis::BREAKDOWN]);
        let kyiv_steps = steps_beyond(
            normal_cdf(z[axis::KYIV_LINE]),
            i.kyiv_credibility,
            (i.kyiv_line / TERMS_PER_RUNG).ceil() as usize,
        );
        let kyiv_line = (i.kyiv_line - TERMS_PER_RUNG * kyiv_steps as f64).max(0.0);

        let readiness = |p: f64| 0.2 + 1.6 * p;
        let start = self.momentum_at(momentum, i.aid, i.russian_support);
        let mut params = DrawParams {
            momentum,
            stands: Proposal::NONE,
            revised: Proposal::NONE,
            revision: 0.0,
            war_escalation: escalation_factor
                * BASE_ESCALATION
                * (0.5 + 0.5 * (propensity + west_propensity)),
            collapse_scale: escalation_factor * COLLAPSE_ESCALATION * readiness(propensity),
            drawn_in_scale: escalation_factor * COLLAPSE_ESCALATION * readiness(west_propensity),
            pain: (attrition
                * (1.0 - 0.5 * i.loss_tolerance)
                * attrition
                * (1.0 - 0.5 * i.ukraine_loss_tolerance))
                .sqrt(),
            optimism: INITIAL_OPTIMISM * exp(-self.war_age / information),
            information_decay: exp(-1.0 / information),
            kyiv_line,
            kyiv_offset: hinge(-(1.0 - kyiv_line) / TERMS_PER_RUNG, RED_LINE_SOFTNESS),
            severity,
        };
        // Terms Kyiv rejects raise the breakdown hazard as a presence
        // Moscow rejects does, read at the terms on the table now.
        let kyiv_resentment = params.kyiv_excess(self.terms(start));
        let shared = Shared {
            settle_base,
            breakdown_factor: breakdown_factor
                * (1.0 + severity * BREAKDOWN_RESENTMENT * kyiv_resentment)
                * exp(-BREAKDOWN_GUARANTEE * self.assurance())
                * (1.0 + BREAKDOWN_PRESSURE * i.pressure)
                * (1.0 - BREAKDOWN_DECISIVE * start.abs()),
            incident_readiness: escalation_factor * readiness(0.5 * (propensity + west_propensity)),
            escalation_factor,
            severity,
        };
        params.stands = self.proposal(i.presence, &shared);
        let revised = i.presence.min(i.tolerance);
        if revised < i.presence && i.revision > 0.0 {
            params.revised = self.proposal(revised, &shared);
            params.revision = i.revision / 100.0;
        } else {
            params.revised = params.stands;
        }
        params
    }

    /// What proposing `presence` implies in a draw, with Moscow's real
    /// line at this world's `real_line`.
    fn proposal(&self, presence: f64, s: &Shared) -> Proposal {
        let i = &self.inputs;
        let excess = red_line_excess(presence, self.real_line);
        // The part of the force Moscow would accept counts toward Kyiv's
        // guarantee. A line that matters less keeps less of it out: at
        // severity 0 the whole force counts, as with no line at all.
        let accepted = (presence - s.severity.min(1.0) * excess).max(0.0);
        let block = s.severity * (CHASM_BLOCK * excess + CHASM_GAP * excess / GAP_SCALE);
        let commitment = |credible: f64| GUARANTEE_FLOOR + (1.0 - GUARANTEE_FLOOR) * credible;
        let breakdown_scale = s.breakdown_factor
            * exp(-BREAKDOWN_GUARANTEE * self.guarantee(presence))
            * (1.0 + s.severity * BREAKDOWN_RESENTMENT * excess);
        let incident =
            s.incident_readiness * s.severity * RED_LINE_INCIDENT * excess * excess.sqrt()
                + s.escalation_factor * EXPOSURE_INCIDENT * presence;
        Proposal {
            settle_scale: s.settle_base
                * commitment(self.guarantee(accepted))
                * commitment(self.assurance())
                * exp(-block)
                * (1.0 + PRESSURE_SETTLEMENT * i.pressure),
            ceasefire: Ceasefire::new(
                breakdown_scale,
                incident,
                tripwire(presence, s.escalation_factor),
            ),
        }
    }
}

/// The parts of a draw that every proposal shares.
struct Shared {
    settle_base: f64,
    breakdown_factor: f64,
    /// The incident hazard's multiplier: the draw's escalation factor
    /// times the readiness of both sides.
    incident_readiness: f64,
    escalation_factor: f64,
    severity: f64,
}

impl Proposal {
    /// A placeholder that every draw overwrites.
    const NONE: Proposal = Proposal {
        settle_scale: 0.0,
        ceasefire: Ceasefire::NONE,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_follow_the_geometric_prior() {
        // Credibility 0.5: half the quantiles give no step, a quarter one.
        assert_eq!(steps_beyond(0.49, 0.5, 5), 0);
        assert_eq!(steps_beyond(0.5, 0.5, 5), 0);
        assert_eq!(steps_beyond(0.51, 0.5, 5), 1);
        assert_eq!(steps_beyond(0.74, 0.5, 5), 1);
        assert_eq!(steps_beyond(0.76, 0.5, 5), 2);
        assert_eq!(steps_beyond(0.999, 0.5, 2), 2);
        assert_eq!(steps_beyond(0.999, 1.0, 5), 0);
        assert_eq!(steps_beyond(0.01, 0.0, 3), 3);
    }

    #[test]
    fn normal_cdf_is_accurate() {
        for (z, p) in [
            (0.0, 0.5),
            (1.0, 0.841_344_746),
            (-1.959_964, 0.025),
            (2.5, 0.993_790_335),
        ] {
            assert!((normal_cdf(z) - p).abs() < 1e-7, "{z}");
        }
    }
}
