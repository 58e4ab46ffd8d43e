//! One draw followed month by month: the fighting's hazards move the war
//! into a ceasefire or into escalation, and the ceasefires signed are
//! followed as cohorts until they break down, escalate or become durable.

use super::ceasefire::Cohorts;
use super::draw::DrawParams;
use super::world::World;

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
pub(super) struct Month {
    pub(super) fighting: f64,
    pub(super) holding: f64,
    pub(super) durable: f64,
    pub(super) escalated: f64,
    pub(super) reached: f64,
    pub(super) broke: f64,
}

impl World {
    /// Runs one draw month by month along its fighting's `path`. `record`
    /// receives the state at months 0..=T.
    pub(super) fn run(
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
}
