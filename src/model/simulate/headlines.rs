//! The headline numbers alone (settled and escalated at the horizon) for
//! the many runs of the sensitivity chart and the chasm map, each run
//! followed side by side with another (`pair`), and the same one run at
//! a time, the reference the pairs are checked against.

use super::constants::WAR_AGE_NOW;
use super::draw::DrawParams;
use super::monte_carlo::{line_of_draw, real_lines};
use super::run::HEADLINE_ONLY;
use super::world::{WarMonth, World};
use crate::draws::Draw;
use crate::inputs::Valid;

/// The headline numbers only, for many runs (sensitivity, the chasm map):
/// mean settled and escalated probability at the horizon over `draws`.
pub fn headline(inputs: &Valid, draws: &[Draw]) -> (f64, f64) {
    headlines(inputs, std::slice::from_ref(inputs), draws)[0]
}

/// The headline numbers of each of `variants`, over `draws`, with each
/// draw at its real line of Moscow's as in `simulate_from`. Variants that fight
/// the same war as `base` (they differ from it only in what scales the
/// ceasefire hazard or acts once a ceasefire holds: see
/// `World::same_war`) share its path of the fighting, computed once per
/// draw: the chasm map's 256 cells and several of the sensitivity
/// chart's levers cost a fraction of a run each. Runs are followed two at
/// a time, side by side (`pair`): two draws of a variant where there are
/// draws to pair (the sensitivity's 32), else two variants (the map's 256
/// cells on one central draw). The numbers are exactly those of separate
/// runs ([`headlines_one_by_one`]).
pub fn headlines(base: &Valid, variants: &[Valid], draws: &[Draw]) -> Vec<(f64, f64)> {
    let base = World::new(base, WAR_AGE_NOW);
    let worlds: Vec<Variant> = variants
        .iter()
        .map(|v| {
            let world = World::new(v, WAR_AGE_NOW);
            let shares = base.same_war(&world);
            (real_lines(&world), shares)
        })
        .collect();
    let mut sums = vec![(0.0, 0.0); variants.len()];
    if draws.len() > 1 {
        by_pairs_of_draws(&base, &worlds, draws, &mut sums);
    } else {
        by_pairs_of_variants(&base, &worlds, draws, &mut sums);
    }
    let n = draws.len().max(1) as f64;
    sums.into_iter().map(|(s, e)| (s / n, e / n)).collect()
}

/// A variant of [`headlines`]: its worlds, one per real line of Moscow's
/// with its weight, and whether it fights the base's war.
type Variant = (Vec<(World, f64)>, bool);

/// Each variant's draws two at a time, with the fighting of both drawn
/// side by side too. The two draws of an antithetic pair take the same
/// real line ([`line_of_draw`]), so the same world. An odd draw out is
/// followed beside itself, and counted once.
fn by_pairs_of_draws(base: &World, worlds: &[Variant], draws: &[Draw], sums: &mut [(f64, f64)]) {
    let (mut shared, mut own) = (
        Vec::with_capacity(base.months),
        Vec::with_capacity(base.months),
    );
    let any_shares = worlds.iter().any(|w| w.1);
    let n = draws.len();
    for (pair, twins) in draws.chunks(2).enumerate() {
        let z = [&twins[0], twins.last().unwrap_or(&twins[0])];
        if any_shares {
            base.war_path(
                &DrawParams::pair(&base.draw(z[0]), &base.draw(z[1])),
                &mut shared,
            );
        }
        for ((lines, shares), sum) in worlds.iter().zip(sums.iter_mut()) {
            let world = &lines[line_of_draw(2 * pair, n, lines)].0;
            let params = DrawParams::pair(&world.draw(z[0]), &world.draw(z[1]));
            let path = if *shares {
                &shared
            } else {
                world.war_path(&params, &mut own);
                &own
            };
            for (settled, escalated) in &World::run_pair(&params, path)[..twins.len()] {
                sum.0 += settled;
                sum.1 += escalated;
            }
        }
    }
}

/// Variants two at a time, for each draw in turn (the chasm map has one).
/// An odd variant out is followed beside itself, and counted once.
fn by_pairs_of_variants(base: &World, worlds: &[Variant], draws: &[Draw], sums: &mut [(f64, f64)]) {
    let mut shared = Vec::with_capacity(base.months);
    let mut shared_twice = Vec::with_capacity(base.months);
    let mut own = [Vec::new(), Vec::new()];
    let mut paired = Vec::with_capacity(base.months);
    let any_shares = worlds.iter().any(|w| w.1);
    let n = draws.len();
    for (k, z) in draws.iter().enumerate() {
        if any_shares {
            base.war_path(&base.draw(z), &mut shared);
            shared_twice.clear();
            shared_twice.extend(shared.iter().map(|m| WarMonth::pair(m, m)));
        }
        for (twins, sums) in worlds.chunks(2).zip(sums.chunks_mut(2)) {
            let lanes = [&twins[0], twins.last().unwrap_or(&twins[0])];
            let world = lanes.map(|(lines, _)| &lines[line_of_draw(k, n, lines)].0);
            let params = world.map(|w| w.draw(z));
            let path = if lanes.iter().all(|(_, shares)| *shares) {
                &shared_twice
            } else {
                for (((w, d), lane), path) in world.iter().zip(&params).zip(lanes).zip(&mut own) {
                    if !lane.1 {
                        w.war_path(d, path);
                    }
                }
                let path = |lane: usize| if lanes[lane].1 { &shared } else { &own[lane] };
                paired.clear();
                paired.extend(
                    path(0)
                        .iter()
                        .zip(path(1))
                        .map(|(a, b)| WarMonth::pair(a, b)),
                );
                &paired
            };
            let runs = World::run_pair(&DrawParams::pair(&params[0], &params[1]), path);
            for (sum, (settled, escalated)) in sums.iter_mut().zip(runs) {
                sum.0 += settled;
                sum.1 += escalated;
            }
        }
    }
}

/// [`headlines`] draw by draw, without following pairs side by side: the
/// reference the pairs are checked against, natively and, where a pair is
/// a SIMD register, in each browser's WebAssembly (tests/web.rs). Not
/// used by the page.
#[doc(hidden)]
pub fn headlines_one_by_one(variants: &[Valid], draws: &[Draw]) -> Vec<(f64, f64)> {
    let n = draws.len();
    variants
        .iter()
        .map(|v| {
            let world = World::new(v, WAR_AGE_NOW);
            let lines = real_lines(&world);
            let mut path = Vec::new();
            let (mut settled, mut escalated) = (0.0, 0.0);
            for (k, z) in draws.iter().enumerate() {
                let world = &lines[line_of_draw(k, n, &lines)].0;
                let params = world.draw(z);
                world.war_path(&params, &mut path);
                let f = world.run::<HEADLINE_ONLY>(&params, &path, |_, _| {});
                settled += f.settled;
                escalated += f.escalated;
            }
            let n = n.max(1) as f64;
            (settled / n, escalated / n)
        })
        .collect()
}
