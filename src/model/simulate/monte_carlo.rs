//! The Monte Carlo over all draws: everything the page shows about one
//! set of inputs ([`Outcome`]), and the headline numbers alone for the
//! many runs of the sensitivity chart and the chasm map.

use super::constants::WAR_AGE_NOW;
use super::drivers::Drivers;
use super::run::{Final, Month};
use super::summary::{band, estimate, Band, Estimate};
use super::world::World;
use crate::model::draws::{standard_draws, Draw, DIMENSIONS};
use crate::model::inputs::Inputs;

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
    let central = [[0.0; DIMENSIONS]];
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
