//! One draw followed month by month: the fighting's hazards move the war
//! into a ceasefire or into escalation, and the ceasefires signed are
//! followed as cohorts until they break down, escalate or become durable.
//! While the fighting lasts the proposed presence may be revised down to
//! Moscow's stated line; the war is then followed under each proposal.

use super::ceasefire::{sum, Cohorts};
use super::draw::{DrawParams, Proposal};
use super::pair::{Pair, Value};
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

impl Final {
    /// What a run leaves behind, from the ceasefires signed under the
    /// proposal as made and as revised, each one's chance of holding until
    /// durable, the state at the horizon and the terms' running sum.
    fn new(signed: [f64; 2], survival: [f64; 2], state: &Month, terms: f64) -> Final {
        let total = signed[0] + signed[1];
        let survival = if total > 0.0 {
            (signed[0] * survival[0] + signed[1] * survival[1]) / total
        } else {
            survival[0]
        };
        Final {
            settled: state.holding + state.durable,
            escalated: state.escalated,
            reached: state.reached,
            broke: state.broke,
            survival,
            signed: total,
            terms_sum: terms,
        }
    }
}

/// Lanes for a run that follows every field of [`Final`].
pub(super) const EVERY_FIELD: usize = 2;
/// Lanes for a run of which only `settled` and `escalated` are read.
pub(super) const HEADLINE_ONLY: usize = 1;

/// The state of one draw (or a [`Pair`] of draws) in one month;
/// `reached` and `broke` count what has ever happened.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Month<T = f64> {
    pub(super) fighting: T,
    pub(super) holding: T,
    pub(super) durable: T,
    pub(super) escalated: T,
    pub(super) reached: T,
    pub(super) broke: T,
}

impl Month<Pair> {
    /// Each draw's state.
    fn lanes(&self) -> [Month; 2] {
        let fields = [
            self.fighting.lanes(),
            self.holding.lanes(),
            self.durable.lanes(),
            self.escalated.lanes(),
            self.reached.lanes(),
            self.broke.lanes(),
        ];
        [0, 1].map(|j| Month {
            fighting: fields[0][j],
            holding: fields[1][j],
            durable: fields[2][j],
            escalated: fields[3][j],
            reached: fields[4][j],
            broke: fields[5][j],
        })
    }
}

/// The war under one proposal: the fighting that has never had a
/// ceasefire, the fighting resumed after a breakdown, and the ceasefires
/// signed under it, in `L` lanes (see `ceasefire::Lanes`).
struct Regime<T, const L: usize> {
    first: T,
    again: T,
    truces: Cohorts<T, L>,
    signed: T,
}

impl<T: Value, const L: usize> Regime<T, L> {
    fn new(first: f64) -> Regime<T, L> {
        Regime {
            first: T::splat(first),
            again: T::splat(0.0),
            truces: Cohorts::new(),
            signed: T::splat(0.0),
        }
    }

    /// One month of this regime under `proposal`, adding what happened
    /// to `state` and to the terms' running sum.
    fn step(
        &mut self,
        p: &Proposal<T>,
        month: usize,
        w: &WarMonth<T>,
        state: &mut Month<T>,
        terms: &mut T,
    ) {
        let settle = p.settle_scale * w.settle;
        let total = settle + w.escalate;
        let leave = T::splat(1.0) - (-total).exp();
        let to_truce = T::share(settle, total);
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
        let mut newcomers = [T::splat(0.0); L];
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
        self.again += broke * (T::splat(1.0) - c.tripwire);
    }

    fn fighting(&self) -> T {
        self.first + self.again
    }
}

impl World {
    /// Runs one draw month by month along its fighting's `path`. `record`
    /// receives the state at months 0..=T. With `L` = 2 lanes every field
    /// is followed; with one lane, `broke` (a first ceasefire broken) is
    /// not, and the rest agree with two lanes to rounding. The explanation
    /// takes one lane; the Monte Carlo goes in pairs
    /// ([`World::run_pair_in_full`]).
    pub(super) fn run<const L: usize>(
        &self,
        d: &DrawParams,
        path: &[WarMonth],
        record: impl FnMut(usize, &Month),
    ) -> Final {
        let run = follow::<f64, L>((&d.stands, &d.revised), d.revision, path, record);
        Final::new(
            [run.stands.signed, run.revised.signed],
            [d.stands.ceasefire.survival, d.revised.ceasefire.survival],
            &run.state,
            run.terms,
        )
    }

    /// [`World::run`] with every field, for two draws followed side by
    /// side (see `pair`): `record` receives both draws' states each month.
    /// The Monte Carlo on the first screen takes this way. `record` is a
    /// trait object, so that the three callers share one copy of the
    /// function in the first module.
    pub(super) fn run_pair_in_full(
        d: &DrawParams<Pair>,
        path: &[WarMonth<Pair>],
        record: &mut dyn FnMut(usize, [Month; 2]),
    ) -> [Final; 2] {
        let run = follow::<Pair, EVERY_FIELD>((&d.stands, &d.revised), d.revision, path, |t, m| {
            record(t, m.lanes())
        });
        let (states, terms) = (run.state.lanes(), run.terms.lanes());
        let signed = [run.stands.signed.lanes(), run.revised.signed.lanes()];
        let survival = [
            d.stands.ceasefire.survival.lanes(),
            d.revised.ceasefire.survival.lanes(),
        ];
        [0, 1].map(|j| {
            Final::new(
                [signed[0][j], signed[1][j]],
                [survival[0][j], survival[1][j]],
                &states[j],
                terms[j],
            )
        })
    }

    /// The settled and escalated chances at the horizon of two runs
    /// followed side by side (see `pair`), each along its own fighting
    /// (`path` holds both, month by month), with one lane: exactly what
    /// [`World::run`] with [`HEADLINE_ONLY`] gives for each. The many runs
    /// of the sensitivity and the map take this way.
    pub(super) fn run_pair(d: &DrawParams<Pair>, path: &[WarMonth<Pair>]) -> [(f64, f64); 2] {
        let run =
            follow::<Pair, HEADLINE_ONLY>((&d.stands, &d.revised), d.revision, path, |_, _| {});
        let settled = (run.state.holding + run.state.durable).lanes();
        let escalated = run.state.escalated.lanes();
        [(settled[0], escalated[0]), (settled[1], escalated[1])]
    }
}

/// What [`follow`] leaves at the horizon: the war under each proposal,
/// the state, and the terms' running sum.
struct Followed<T, const L: usize> {
    stands: Regime<T, L>,
    revised: Regime<T, L>,
    state: Month<T>,
    terms: T,
}

/// The months of a run: the war under the proposal as it stands and, from
/// the first month the proposal may be revised (`revision`, a monthly
/// chance, above zero in any lane), under the revised one as well.
fn follow<T: Value, const L: usize>(
    (as_made, as_revised): (&Proposal<T>, &Proposal<T>),
    revision: T,
    path: &[WarMonth<T>],
    mut record: impl FnMut(usize, &Month<T>),
) -> Followed<T, L> {
    let mut stands = Regime::<T, L>::new(1.0);
    let mut revised = Regime::<T, L>::new(0.0);
    let two = revision.any_positive();
    let zero = T::splat(0.0);
    let mut terms = zero;
    let mut state = Month {
        fighting: T::splat(1.0),
        holding: zero,
        durable: zero,
        escalated: zero,
        reached: zero,
        broke: zero,
    };
    record(0, &state);
    for (month, w) in path.iter().enumerate() {
        if two {
            let (first, again) = (stands.first * revision, stands.again * revision);
            stands.first -= first;
            stands.again -= again;
            revised.first += first;
            revised.again += again;
        }
        stands.step(as_made, month, w, &mut state, &mut terms);
        state.fighting = stands.fighting();
        state.holding = stands.truces.total();
        if two {
            revised.step(as_revised, month, w, &mut state, &mut terms);
            state.fighting += revised.fighting();
            state.holding += revised.truces.total();
        }
        record(month + 1, &state);
    }
    Followed {
        stands,
        revised,
        state,
        terms,
    }
}
