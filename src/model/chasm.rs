//! The chasm map: escalation risk and settlement likelihood over the whole
//! plane of Western presence (x) against Moscow's line (y), every other
//! input as the reader set it. Each cell supposes that the line is
//! Moscow's real one as well as its stated one (credibility 1), so a
//! revised proposal comes down to that line. It shows where intentions
//! and perceptions part: presence above the diagonal of what Moscow accepts.

use super::draws::DIMENSIONS;
use super::inputs::{Input, Valid};
use super::simulate::headlines;

/// Grid points per axis: thirds of a rung from 0 to 5, so every whole
/// rung is a grid point. Finer grids cost a model run per point on every
/// slider move for little visible gain.
pub const GRID: usize = 16;

#[derive(Clone, Debug, PartialEq)]
pub struct ChasmMap {
    /// Axis values (rungs) for both presence and tolerance.
    pub axis: Vec<f64>,
    /// `escalation[j * GRID + i]` at presence `axis[i]`, tolerance `axis[j]`.
    pub escalation: Vec<f64>,
    pub settlement: Vec<f64>,
}

impl ChasmMap {
    pub fn at(&self, presence_index: usize, tolerance_index: usize) -> (f64, f64) {
        let k = tolerance_index * GRID + presence_index;
        (self.settlement[k], self.escalation[k])
    }
}

/// Computes the map for everything but presence and tolerance, which it
/// sweeps. Each cell is the central estimate (no uncertainty): a Monte Carlo
/// per cell would cost hundreds of runs on every slider move.
pub fn chasm_map(inputs: &Valid) -> ChasmMap {
    let base = inputs.with(Input::Uncertainty, 0.0);
    let central = [[0.0; DIMENSIONS]];
    let max = Input::Presence.spec().max;
    let axis: Vec<f64> = (0..GRID)
        .map(|i| max * i as f64 / (GRID - 1) as f64)
        .collect();
    let cells: Vec<Valid> = axis
        .iter()
        .flat_map(|&tolerance| {
            axis.iter().map(move |&presence| {
                base.with(Input::Presence, presence)
                    .with(Input::Tolerance, tolerance)
                    .with(Input::Credibility, 1.0)
            })
        })
        .collect();
    // Every cell fights the same war: the path is computed once.
    let (settlement, escalation) = headlines(&base, &cells, &central).into_iter().unzip();
    ChasmMap {
        axis,
        escalation,
        settlement,
    }
}
