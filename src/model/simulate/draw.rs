//! The parameters of one Monte Carlo draw: the inputs' uncertain values
//! spread by the draw's standard normal numbers, and the hazard scales
//! they set, fixed for the whole run.

use super::ceasefire::{tripwire, Ceasefire};
use super::constants::*;
use super::red_line_excess;
use super::world::World;
use crate::model::draws::Draw;

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

/// The parameters of one Monte Carlo draw, fixed for the whole run.
#[derive(Clone, Copy, Debug)]
pub(super) struct DrawParams {
    pub(super) momentum: f64,
    /// Ceasefire hazard before ripeness and the bargaining gap; it
    /// includes the gap a presence above tolerance adds (`CHASM_GAP`).
    pub(super) settle_scale: f64,
    /// Escalation hazard of the fighting that does not depend on the battlefield.
    pub(super) war_escalation: f64,
    pub(super) collapse_scale: f64,
    pub(super) drawn_in_scale: f64,
    /// How much both sides hurt: the geometric mean of their pain.
    pub(super) pain: f64,
    pub(super) optimism: f64,
    pub(super) information_decay: f64,
    pub(super) ceasefire: Ceasefire,
}

impl DrawParams {
    /// Ripeness (Zartman): a stalemate that hurts both sides. It is the
    /// shared pain times how stuck the front is.
    pub(super) fn ripeness(&self, momentum: f64) -> f64 {
        let stuck = 1.0 - momentum.abs();
        self.pain * stuck * stuck
    }
}

impl World {
    /// The parameters of the draw `z` under these inputs.
    pub(super) fn draw(&self, z: &Draw) -> DrawParams {
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
}
