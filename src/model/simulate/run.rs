//! One draw followed month by month: the fighting's hazards move the war
//! into a ceasefire or into escalation, and the ceasefires signed are
//! followed as cohorts until they break down, escalate or become durable.
//! While the fighting lasts the proposed presence may be revised down to
//! Moscow's stated line; the war is then followed under each proposal.

use super::ceasefire::{sum, Cohorts};
use super::draw::{DrawParams, Proposal};
use super::exp::exp;
use super::world::{WarMonth, World};

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
    /// Every ceasefire signed, first or after a breakdown.
    pub signed: f64,
    /// Those ceasefires times the terms each landed on: `terms_sum /
    /// signed` is the mean terms of a ceasefire in this run.
    pub terms_sum: f64,
}

/// Lanes for a run that follows every field of [`Final`].
pub(super) const EVERY_FIELD: usize = 2;
/// Lanes for a run of which only `settled` and `escalated` are read.
pub(super) const HEADLINE_ONLY: usize = 1;

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

/// The war under one proposal: the fighting that has never had a
/// ceasefire, the fighting resumed after a breakdown, and the ceasefires
/// signed under it, in `L` lanes (see `ceasefire::Lanes`).
struct Regime<const L: usize> {
    first: f64,
    again: f64,
    truces: Cohorts<L>,
    signed: f64,
}

impl<const L: usize> Regime<L> {
    fn new(first: f64) -> Regime<L> {
        Regime {
            first,
            again: 0.0,
            truces: Cohorts::new(),
            signed: 0.0,
        }
    }

    /// One month of this regime under `proposal`, adding what happened
    /// to `state` and to the terms' running sum.
    fn step(
        &mut self,
        p: &Proposal,
        month: usize,
        w: &WarMonth,
        state: &mut Month,
        terms: &mut f64,
    ) {
        let settle = p.settle_scale * w.settle;
        let total = settle + w.escalate;
        let leave = 1.0 - exp(-total);
        let to_truce = if total > 0.0 { settle / total } else { 0.0 };
        let (out_first, out_again) = (self.first * leave, self.again * leave);
        self.first -= out_first;
        self.again -= out_again;
        let signed = (out_first + out_again) * to_truce;
        state.escalated += (out_first + out_again) - signed;
        state.reached += out_first * to_truce;
        self.signed += signed;
        *terms += signed * w.terms;

        let c = &p.ceasefire;
        // Two lanes keep first ceasefires apart from later ones; one lane
        // holds both.
        let mut newcomers = [0.0; L];
        if L == 1 {
            newcomers[0] = signed;
        } else {
            newcomers[0] = out_first * to_truce;
            newcomers[L - 1] = out_again * to_truce;
        }
        let flows = self.truces.step(c, month, newcomers);
        let broke = sum(flows.broke);
        if L > 1 {
            state.broke += flows.broke[0];
        }
        state.durable += sum(flows.durable);
        state.escalated += sum(flows.incident) + broke * c.tripwire;
        self.again += broke * (1.0 - c.tripwire);
    }

    fn fighting(&self) -> f64 {
        self.first + self.again
    }
}

impl World {
    /// Runs one draw month by month along its fighting's `path`. `record`
    /// receives the state at months 0..=T. With `L` = 2 lanes every field
    /// is followed; with one lane, `broke` (a first ceasefire broken) is
    /// not, and the rest agree with two lanes to rounding. The many runs
    /// of the sensitivity, the map and the explanation take one lane,
    /// which halves the ceasefires' bookkeeping; the runs on the first
    /// screen (the Monte Carlo, the pair) take two, so that the first
    /// module holds one copy of this function.
    pub(super) fn run<const L: usize>(
        &self,
        d: &DrawParams,
        path: &[WarMonth],
        mut record: impl FnMut(usize, &Month),
    ) -> Final {
        let mut stands = Regime::<L>::new(1.0);
        let mut revised = Regime::<L>::new(0.0);
        let two = d.revision > 0.0;
        let mut terms = 0.0;
        let mut state = Month {
            fighting: 1.0,
            ..Month::default()
        };
        record(0, &state);
        for (month, w) in path.iter().enumerate() {
            if two {
                let (first, again) = (stands.first * d.revision, stands.again * d.revision);
                stands.first -= first;
                stands.again -= again;
                revised.first += first;
                revised.again += again;
            }
            stands.step(&d.stands, month, w, &mut state, &mut terms);
            state.fighting = stands.fighting();
            state.holding = stands.truces.total();
            if two {
                revised.step(&d.revised, month, w, &mut state, &mut terms);
                state.fighting += revised.fighting();
                state.holding += revised.truces.total();
            }
            record(month + 1, &state);
        }
        let signed = stands.signed + revised.signed;
        let survival = if signed > 0.0 {
            (stands.signed * d.stands.ceasefire.survival
                + revised.signed * d.revised.ceasefire.survival)
                / signed
        } else {
            d.stands.ceasefire.survival
        };
        Final {
            settled: state.holding + state.durable,
            escalated: state.escalated,
            reached: state.reached,
            broke: state.broke,
            survival,
            signed,
            terms_sum: terms,
        }
    }
}
