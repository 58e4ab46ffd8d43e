//! A ceasefire once signed: its breakdown hazard by age, the tripwire, and
//! the cohorts of ceasefires the run follows month by month.

use super::constants::*;
use super::exp::exp;
use super::hinge;
use super::pair::{Pair, Value};
use crate::clamp;

/// The factor by which the early excess of breakdown risk falls in a
/// month: e^(-1 / `BREAKDOWN_AGE_MONTHS`), here e^-1 (a test checks it).
const EARLY_DECAY: f64 = 0.367_879_441_171_442_3;

/// The breakdown hazard of a ceasefire at `age` months, relative to the
/// conditions of one draw (`scale`): high in the first months, falling
/// fast toward a low floor (Fortna 2004: most failures come early). From
/// `FRAGILE_MONTHS` on it is the floor itself, a constant.
pub fn breakdown_hazard(scale: f64, age: usize) -> f64 {
    if age >= FRAGILE_MONTHS {
        return scale * BREAKDOWN_LATE;
    }
    let early = EARLY_DECAY.powi(age as i32);
    scale * (BREAKDOWN_LATE + (BREAKDOWN_EARLY - BREAKDOWN_LATE) * early)
}

/// The chance that a breakdown escalates because Western troops stand in
/// the way (Schelling's tripwire). It grows with the share of the force
/// near the line: almost none up to a reassurance force kept away from it
/// (rung 3), half at tripwire brigades (rung 4), all of it with combat
/// formations (rung 5).
pub fn tripwire(presence: f64, escalation_factor: f64) -> f64 {
    let near = hinge(presence - 3.0, RED_LINE_SOFTNESS) - hinge(-3.0, RED_LINE_SOFTNESS);
    let share = clamp(0.5 * near, 0.0, 1.0);
    (escalation_factor * TRIPWIRE * share).min(1.0)
}

/// The months after `FRAGILE_MONTHS` that a ceasefire must still hold to
/// become durable; its hazards are constant then.
pub(super) const SETTLING_MONTHS: usize = DURABLE_MONTHS - FRAGILE_MONTHS;

/// What a holding ceasefire does in one month at one age: the chances of
/// breaking down, of an incident that escalates, and of holding; for one
/// draw, or a [`Pair`] of draws.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Risk<T = f64> {
    pub(super) breaks: T,
    pub(super) incident: T,
    pub(super) keep: T,
}

impl Risk {
    /// Competing monthly hazards, constant within the month.
    pub(super) fn new(breakdown: f64, incident: f64) -> Risk {
        let total = breakdown + incident;
        let leave = 1.0 - exp(-total);
        if total > 0.0 {
            Risk {
                breaks: leave * breakdown / total,
                incident: leave * incident / total,
                keep: 1.0 - leave,
            }
        } else {
            Risk {
                keep: 1.0,
                ..Risk::default()
            }
        }
    }
}

/// How a ceasefire fares by age, for one draw (or a [`Pair`] of draws).
#[derive(Clone, Copy, Debug)]
pub(super) struct Ceasefire<T = f64> {
    /// Each of the fragile first months.
    pub(super) fragile: [Risk<T>; FRAGILE_MONTHS],
    /// Every settling month (all alike).
    pub(super) settling: Risk<T>,
    /// `settling.keep` to the power `SETTLING_MONTHS`.
    pub(super) settles: T,
    /// Chance that a breakdown escalates (the tripwire).
    pub(super) tripwire: T,
    /// Chance that a ceasefire, once signed, holds `DURABLE_MONTHS`.
    pub(super) survival: T,
    /// The monthly incident hazard, the same at every age.
    pub(super) incident_hazard: T,
    /// The breakdown hazard's scale it was built from, so that a
    /// comparison can rebuild it with another incident hazard.
    pub(super) breakdown_scale: T,
}

impl Ceasefire {
    /// A ceasefire that never ends: a placeholder, overwritten before use.
    pub(super) const NONE: Ceasefire = {
        let holds = Risk {
            breaks: 0.0,
            incident: 0.0,
            keep: 1.0,
        };
        Ceasefire {
            fragile: [holds; FRAGILE_MONTHS],
            settling: holds,
            settles: 1.0,
            tripwire: 0.0,
            survival: 1.0,
            incident_hazard: 0.0,
            breakdown_scale: 0.0,
        }
    };

    pub(super) fn new(breakdown_scale: f64, incident: f64, tripwire: f64) -> Ceasefire {
        let mut fragile = [Risk::default(); FRAGILE_MONTHS];
        for (age, risk) in fragile.iter_mut().enumerate() {
            *risk = Risk::new(breakdown_hazard(breakdown_scale, age), incident);
        }
        let settling = Risk::new(breakdown_hazard(breakdown_scale, FRAGILE_MONTHS), incident);
        let settles = settling.keep.powi(SETTLING_MONTHS as i32);
        let survival = fragile.iter().map(|r| r.keep).product::<f64>() * settles;
        Ceasefire {
            fragile,
            settling,
            settles,
            tripwire,
            survival,
            incident_hazard: incident,
            breakdown_scale,
        }
    }
}

impl Ceasefire<Pair> {
    /// Two draws' ceasefires, side by side.
    pub(super) fn pair(a: &Ceasefire, b: &Ceasefire) -> Ceasefire<Pair> {
        let risk = |x: &Risk, y: &Risk| Risk {
            breaks: Pair::new(x.breaks, y.breaks),
            incident: Pair::new(x.incident, y.incident),
            keep: Pair::new(x.keep, y.keep),
        };
        Ceasefire {
            fragile: std::array::from_fn(|age| risk(&a.fragile[age], &b.fragile[age])),
            settling: risk(&a.settling, &b.settling),
            settles: Pair::zip(a, b, |c| c.settles),
            tripwire: Pair::zip(a, b, |c| c.tripwire),
            survival: Pair::zip(a, b, |c| c.survival),
            incident_hazard: Pair::zip(a, b, |c| c.incident_hazard),
            breakdown_scale: Pair::zip(a, b, |c| c.breakdown_scale),
        }
    }
}

/// Numbers moved together, one a lane. The full run keeps two: the
/// ceasefires signed before any breakdown (lane 0) and those signed after
/// one (lane 1). They age alike; keeping them apart tells a first
/// breakdown from a later one. The headline runs, which need neither,
/// keep one lane with both (see `World::run`). Each lane holds an `f64`
/// for one draw, or a [`Pair`] for two.
pub(super) type Lanes<T, const L: usize> = [T; L];

pub(super) fn scaled<T: Value, const L: usize>(lanes: Lanes<T, L>, by: T) -> Lanes<T, L> {
    let mut out = lanes;
    out[0] *= by;
    if L > 1 {
        out[L - 1] *= by;
    }
    out
}

pub(super) fn add<T: Value, const L: usize>(a: Lanes<T, L>, b: Lanes<T, L>) -> Lanes<T, L> {
    let mut out = a;
    out[0] += b[0];
    if L > 1 {
        out[L - 1] += b[L - 1];
    }
    out
}

/// The lanes' sum. These three are written out for one lane or two, the
/// only counts, so that each compiles to straight-line arithmetic.
pub(super) fn sum<T: Value, const L: usize>(lanes: Lanes<T, L>) -> T {
    const { assert!(L == 1 || L == 2) };
    if L == 1 {
        lanes[0]
    } else {
        lanes[0] + lanes[L - 1]
    }
}

/// The ceasefires signed so far. The fragile months are followed one by
/// one; in the settling months the hazards are constant, so those
/// ceasefires are one pool, and a ring of what entered it in each of the
/// last `SETTLING_MONTHS` months tells what leaves it as durable peace.
/// This keeps a month's work small however long a ceasefire must hold.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cohorts<T, const L: usize> {
    pub(super) fragile: [Lanes<T, L>; FRAGILE_MONTHS],
    pub(super) settling: Lanes<T, L>,
    pub(super) entered: [Lanes<T, L>; SETTLING_MONTHS],
}

/// What the ceasefires of each lane did in one month.
#[derive(Clone, Copy, Debug)]
pub(super) struct Flows<T, const L: usize> {
    pub(super) broke: Lanes<T, L>,
    pub(super) incident: Lanes<T, L>,
    pub(super) durable: Lanes<T, L>,
}

impl<T: Value, const L: usize> Cohorts<T, L> {
    pub(super) fn new() -> Cohorts<T, L> {
        let none = [T::splat(0.0); L];
        Cohorts {
            fragile: [none; FRAGILE_MONTHS],
            settling: none,
            entered: [none; SETTLING_MONTHS],
        }
    }

    pub(super) fn total(&self) -> T {
        let lanes = self
            .fragile
            .iter()
            .fold(self.settling, |sum, &l| add(sum, l));
        sum(lanes)
    }

    /// Ages every ceasefire by a month (`month` counts from 0): some break
    /// down, some meet an incident, those that have held `DURABLE_MONTHS`
    /// become durable peace; then the month's new ceasefires join at age 0.
    pub(super) fn step(
        &mut self,
        c: &Ceasefire<T>,
        month: usize,
        newcomers: Lanes<T, L>,
    ) -> Flows<T, L> {
        let s = &c.settling;
        let zero = T::splat(0.0);
        let mut flows = Flows {
            broke: scaled(self.settling, s.breaks),
            incident: scaled(self.settling, s.incident),
            durable: [zero; L],
        };
        self.settling = scaled(self.settling, s.keep);
        let slot = month % SETTLING_MONTHS;
        if month >= DURABLE_MONTHS {
            flows.durable = scaled(self.entered[slot], c.settles);
            for (pool, left) in self.settling.iter_mut().zip(flows.durable) {
                *pool = (*pool - left).max(zero);
            }
        }
        let live = month.min(FRAGILE_MONTHS);
        let mut passing = [zero; L];
        for age in (0..live).rev() {
            let mass = self.fragile[age];
            let risk = &c.fragile[age];
            flows.broke = add(flows.broke, scaled(mass, risk.breaks));
            flows.incident = add(flows.incident, scaled(mass, risk.incident));
            let held = scaled(mass, risk.keep);
            match self.fragile.get_mut(age + 1) {
                Some(next) => *next = held,
                None => passing = held,
            }
        }
        self.settling = add(self.settling, passing);
        self.entered[slot] = passing;
        self.fragile[0] = newcomers;
        flows
    }
}
