//! The Monte Carlo over all draws: everything the page shows about one
//! set of inputs ([`Outcome`]). The headline numbers alone, for the many
//! runs of the sensitivity chart and the chasm map, are `headlines`.

use super::constants::WAR_AGE_NOW;
use super::draw::DrawParams;
use super::drivers::Drivers;
use super::run::{Final, Month, EVERY_FIELD};
use super::summary::{band, estimate, Band, Estimate};
use super::world::World;
use crate::draws::{standard_draws, stratified_draws, Draw, DIMENSIONS};
use crate::inputs::{Input, Valid};
use std::sync::OnceLock;

/// Everything the page shows about one set of inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The inputs it was run on.
    pub inputs: Valid,
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
    /// Each draw's path, for the bands of the settled and escalated
    /// curves ([`Outcome::settled_band`], [`Outcome::escalated_band`]).
    spread: Spread,
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
    /// Where a ceasefire signed within the horizon lands on the terms
    /// scale (0 all of Moscow's stated conditions, 0.5 the current line,
    /// 1 all of Kyiv's), averaged over the ceasefires the runs sign.
    pub terms: Estimate,
    /// The headline figures if Moscow's real line is its stated one, and
    /// if it is one rung higher (where there is a rung higher): the pair
    /// the page shows beside the headline.
    pub lines: Vec<LineFigure>,
    pub drivers: Drivers,
}

impl Outcome {
    /// The 50% and 90% bands of the settled curve (a ceasefire holding or
    /// durable peace) at months 0..=months, across the draws.
    pub fn settled_band(&self) -> &[Band] {
        &self.spread.bands().0
    }

    /// The same for the escalated curve.
    pub fn escalated_band(&self) -> &[Band] {
        &self.spread.bands().1
    }
}

/// Each draw's settled and escalated probability by month, with their
/// bands made when first asked for. Only the outcomes chart and the
/// exports read the bands; selecting five quantiles across the draws in
/// every month cost a quarter of the Monte Carlo's time in WebAssembly,
/// which a phone, whose first screen shows no chart, need not spend.
#[derive(Clone, Debug, Default)]
struct Spread {
    /// Month-major: month `t`'s draws are `settled[t * draws..][..draws]`.
    settled: Vec<f64>,
    escalated: Vec<f64>,
    draws: usize,
    bands: OnceLock<(Vec<Band>, Vec<Band>)>,
}

impl Spread {
    fn bands(&self) -> &(Vec<Band>, Vec<Band>) {
        self.bands.get_or_init(|| {
            let of = |paths: &[f64]| paths.chunks(self.draws.max(1)).map(band).collect();
            (of(&self.settled), of(&self.escalated))
        })
    }
}

/// Two spreads are equal when their paths are: the bands follow from them.
impl PartialEq for Spread {
    fn eq(&self, other: &Spread) -> bool {
        self.draws == other.draws
            && self.settled == other.settled
            && self.escalated == other.escalated
    }
}

/// The headline figures if Moscow's real line were at one rung.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineFigure {
    /// The real line, in rungs.
    pub line: f64,
    /// Its weight in the prior, given the stated line and credibility.
    pub weight: f64,
    pub settlement: f64,
    pub escalation: f64,
}

/// Runs the full Monte Carlo over the standard draws, from now.
pub fn simulate(inputs: &Valid) -> Outcome {
    simulate_with(inputs, standard_draws())
}

/// Runs the Monte Carlo over the given draws (tests use other seeds).
pub fn simulate_with(inputs: &Valid, draws: &[Draw]) -> Outcome {
    simulate_from(inputs, WAR_AGE_NOW, draws)
}

/// Moscow's real lines the Monte Carlo integrates over, as worlds, with
/// their weights: the stated line, then one rung higher with the
/// credibility's chance of stopping there, and so on, up to the top rung,
/// which takes what lies beyond it (docs/MODEL.md §8.4). Lines of no
/// weight are left out.
pub(super) fn real_lines(world: &World) -> Vec<(World, f64)> {
    let i = &world.inputs;
    let top = Input::Tolerance.spec().max;
    let steps = (top - i.tolerance).ceil() as usize;
    let mut rest = 1.0;
    let mut lines = Vec::with_capacity(steps + 1);
    for k in 0..=steps {
        let weight = if k == steps {
            rest
        } else {
            rest * i.credibility
        };
        rest -= weight;
        if weight > 0.0 {
            let line = (i.tolerance + k as f64).min(top);
            lines.push((world.with_real_line(line), weight));
        }
    }
    lines
}

/// Which real line (an index into [`real_lines`]) the draw `k` of
/// `draws` takes. Pairs of draws take the geometric prior's quantiles in
/// a fixed, spread-out order, so the draws carry the lines in proportion
/// to their weights (stratified sampling of the line): every run costs
/// one line, and two runs that share their draws share the quantile of
/// each, so moving the credibility moves each draw's line monotonically.
pub(super) fn line_of_draw(k: usize, draws: usize, lines: &[(World, f64)]) -> usize {
    let pairs = draws.div_ceil(2).max(1);
    // An odd stride visits every pair once, out of order, when the
    // number of pairs is a power of two (as in both tables of draws).
    let u = ((((k / 2) * 79) % pairs) as f64 + 0.5) / pairs as f64;
    let mut below = 0.0;
    for (j, (_, weight)) in lines.iter().enumerate() {
        below += weight;
        if u <= below {
            return j;
        }
    }
    lines.len() - 1
}

/// Runs the Monte Carlo from a moment `war_age` months into the war: the
/// backtest starts it from each past quarter. Each draw takes one of
/// Moscow's real lines ([`line_of_draw`]), so the means integrate over
/// the line.
pub fn simulate_from(inputs: &Valid, war_age: f64, draws: &[Draw]) -> Outcome {
    let world = World::new(inputs, war_age);
    let lines = real_lines(&world);
    let months = world.months;
    let width = months + 1;
    let central = [[0.0; DIMENSIONS]];
    let draws = if draws.is_empty() {
        &central[..]
    } else {
        draws
    };
    let n = draws.len();
    let mut settled_paths = vec![0.0; width * n];
    let mut escalated_paths = vec![0.0; width * n];
    let mut sums = vec![Month::default(); width];
    let strata: Vec<usize> = (0..n)
        .step_by(2)
        .map(|k| line_of_draw(k, n, &lines))
        .collect();
    let finals = runs_in_pairs(&lines, draws, |k, t, m| {
        settled_paths[t * n + k] = m.holding + m.durable;
        escalated_paths[t * n + k] = m.escalated;
        let sum = &mut sums[t];
        sum.fighting += m.fighting;
        sum.holding += m.holding;
        sum.durable += m.durable;
        sum.reached += m.reached;
        sum.broke += m.broke;
    });

    let nf = n as f64;
    let mean = |paths: &[f64]| -> Vec<f64> {
        paths
            .chunks(n)
            .map(|month| month.iter().sum::<f64>() / nf)
            .collect()
    };
    let (settled, escalated) = (mean(&settled_paths), mean(&escalated_paths));
    let mean_of = |f: fn(&Month) -> f64| -> Vec<f64> { sums.iter().map(|m| f(m) / nf).collect() };
    let pick = |f: fn(&Final) -> f64| {
        let values: Vec<f64> = finals.iter().map(f).collect();
        estimate(&values, &strata)
    };
    Outcome {
        inputs: *inputs,
        months,
        fighting: mean_of(|m| m.fighting),
        holding: mean_of(|m| m.holding),
        durable: mean_of(|m| m.durable),
        reached: mean_of(|m| m.reached),
        broke_down: mean_of(|m| m.broke),
        escalated,
        settled,
        spread: Spread {
            settled: settled_paths,
            escalated: escalated_paths,
            draws: n,
            bands: OnceLock::new(),
        },
        settlement: pick(|f| f.settled),
        ceasefire: pick(|f| f.reached),
        breakdown: pick(|f| f.broke),
        escalation: pick(|f| f.escalated),
        survival: pick(|f| f.survival),
        terms: terms_estimate(&world, &finals, &strata),
        lines: line_figures(&world, &lines),
        drivers: world.drivers(),
    }
}

/// The Monte Carlo's runs, each draw at its real line ([`line_of_draw`]):
/// the two draws of each antithetic pair share their stratum, so their
/// line, and are followed side by side (`pair`), an odd one out beside
/// itself and counted once. `record(k, t, state)` receives draw `k`'s
/// state at month `t`, draws in order within each month. Returns each
/// draw's [`Final`].
fn runs_in_pairs(
    lines: &[(World, f64)],
    draws: &[Draw],
    mut record: impl FnMut(usize, usize, &Month),
) -> Vec<Final> {
    let n = draws.len();
    let mut finals = Vec::with_capacity(n);
    let mut path = Vec::new();
    for (pair, twins) in draws.chunks(2).enumerate() {
        let line = &lines[line_of_draw(2 * pair, n, lines)].0;
        let z = [&twins[0], twins.last().unwrap_or(&twins[0])];
        let params = DrawParams::pair(&line.draw(z[0]), &line.draw(z[1]));
        line.war_path(&params, &mut path);
        let both = World::run_pair_in_full(&params, &path, &mut |t, months| {
            for (j, m) in months[..twins.len()].iter().enumerate() {
                record(2 * pair + j, t, m);
            }
        });
        finals.extend_from_slice(&both[..twins.len()]);
    }
    finals
}

/// Where the runs' ceasefires land: the mean over every ceasefire signed
/// in any draw, and the range over the draws that sign any. With none
/// signed, the terms on the table now.
fn terms_estimate(world: &World, finals: &[Final], strata: &[usize]) -> Estimate {
    let signed: f64 = finals.iter().map(|f| f.signed).sum();
    // Pairs whose both draws sign keep their stratum; the range is over
    // the draws that sign.
    let (mut terms, mut kept) = (Vec::with_capacity(finals.len()), Vec::new());
    for (pair, twins) in finals.chunks(2).enumerate() {
        if twins.iter().all(|f| f.signed > 1e-9) {
            terms.extend(twins.iter().map(|f| f.terms_sum / f.signed));
            kept.push(strata.get(pair).copied().unwrap_or(0));
        }
    }
    if terms.is_empty() {
        let i = &world.inputs;
        let now = world.terms(world.momentum_at(i.momentum, i.aid, i.russian_support));
        return Estimate {
            mean: now,
            p5: now,
            p25: now,
            median: now,
            p75: now,
            p95: now,
            std_error: 0.0,
        };
    }
    Estimate {
        mean: finals.iter().map(|f| f.terms_sum).sum::<f64>() / signed,
        ..estimate(&terms, &kept)
    }
}

/// The headline figures with Moscow's real line at its stated line and
/// at one rung above it (where there is one): the pair the page shows
/// beside the headline, on the stratified draws.
fn line_figures(world: &World, lines: &[(World, f64)]) -> Vec<LineFigure> {
    let top = Input::Tolerance.spec().max;
    let stated = world.inputs.tolerance;
    let shown = if stated < top { 2 } else { 1 };
    let draws = stratified_draws();
    let mut path = Vec::with_capacity(world.months);
    let mut sums = vec![(0.0, 0.0); shown];
    // Two draws side by side (`pair`), an odd one out beside itself.
    for twins in draws.chunks(2) {
        let z = [&twins[0], twins.last().unwrap_or(&twins[0])];
        let params_of = |w: &World| DrawParams::pair(&w.draw(z[0]), &w.draw(z[1]));
        // The world's own real line is the stated one: its draws serve
        // the path and the first figure.
        let at_stated = params_of(world);
        world.war_path(&at_stated, &mut path);
        for (k, sum) in sums.iter_mut().enumerate() {
            let finals = if k == 0 {
                World::run_pair_in_full(&at_stated, &path, &mut |_, _| {})
            } else {
                let line = world.with_real_line((stated + k as f64).min(top));
                World::run_pair_in_full(&params_of(&line), &path, &mut |_, _| {})
            };
            for f in &finals[..twins.len()] {
                sum.0 += f.settled;
                sum.1 += f.escalated;
            }
        }
    }
    let n = draws.len() as f64;
    sums.into_iter()
        .enumerate()
        .map(|(k, (s, e))| {
            let line = (stated + k as f64).min(top);
            LineFigure {
                line,
                weight: lines
                    .iter()
                    .find(|(w, _)| w.real_line == line)
                    .map_or(0.0, |(_, weight)| *weight),
                settlement: s / n,
                escalation: e / n,
            }
        })
        .collect()
}

/// Each draw's [`Final`] in the Monte Carlo of `inputs` over `draws`:
/// from the runs in pairs that [`simulate_from`] follows, or (`paired`
/// false) one by one. The second is the reference the pairs are checked
/// against, natively and, where a pair is a SIMD register, in each
/// browser's WebAssembly (tests/web.rs). Not used by the page.
#[doc(hidden)]
pub fn finals(inputs: &Valid, draws: &[Draw], paired: bool) -> Vec<Final> {
    let world = World::new(inputs, WAR_AGE_NOW);
    let lines = real_lines(&world);
    if paired {
        return runs_in_pairs(&lines, draws, |_, _, _| {});
    }
    let mut path = Vec::new();
    draws
        .iter()
        .enumerate()
        .map(|(k, z)| {
            let world = &lines[line_of_draw(k, draws.len(), &lines)].0;
            let params = world.draw(z);
            world.war_path(&params, &mut path);
            world.run::<EVERY_FIELD>(&params, &path, |_, _| {})
        })
        .collect()
}
