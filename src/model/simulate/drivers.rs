//! Why the numbers are what they are: the quantities the generated
//! sentences talk about, read at the central draw.

use super::constants::*;
use super::red_line_excess;
use super::world::World;
use crate::draws::DIMENSIONS;

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
    /// Where a ceasefire signed now would land on the terms scale.
    pub terms_now: f64,
    /// How far those terms lie above Kyiv's stated line (negative: below
    /// it), on the terms scale.
    pub terms_gap: f64,
}

impl World {
    /// The drivers at the sliders' central values.
    pub(super) fn drivers(&self) -> Drivers {
        let i = &self.inputs;
        let central = self.draw(&[0.0; DIMENSIONS]);
        let excess = red_line_excess(i.presence, i.tolerance);
        let horizon = self.months as i32;
        let faded_aid = i.aid * self.aid_decay.powi(horizon);
        let faded_support = i.russian_support * self.support_decay.powi(horizon);
        let start = self.momentum_at(i.momentum, i.aid, i.russian_support);
        let now = self.war_hazards(&central, start, central.optimism);
        let settle = central.stands.settle_scale * now.settle;
        Drivers {
            presence_gap: i.presence - i.tolerance,
            ripeness: central.ripeness(start),
            bargaining_gap: self.demand_gap(start) + central.optimism + CHASM_GAP * excess,
            guarantee: self.guarantee((i.presence - excess).max(0.0)),
            ceasefire_per_mille: 1000.0 * settle,
            escalation_per_mille: 1000.0 * now.escalate,
            momentum_at_horizon: self.momentum_at(i.momentum, faded_aid, faded_support),
            survival: central.stands.ceasefire.survival,
            tripwire: central.stands.ceasefire.tripwire,
            incident_per_mille: 1000.0 * central.stands.ceasefire.incident_hazard,
            terms_now: now.terms,
            terms_gap: now.terms - i.kyiv_line,
        }
    }
}
