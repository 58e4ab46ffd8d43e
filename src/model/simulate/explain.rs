//! What moved the numbers between two views, A and B: a decomposition of
//! the change in both headline numbers by the mechanism that carried it.
//!
//! The model's monthly hazards come in four channels: a ceasefire being
//! signed (the fighting's ceasefire hazard), a ceasefire breaking down,
//! escalation during the fighting, and escalation while a ceasefire holds
//! (incidents and the tripwire). Running A with any set of channels taken
//! from B is an exact counterfactual: the same run, fed B's hazards for
//! those channels. With all four from B it is B's run. Each channel's
//! share of the change is its Shapley value over the 16 such runs, so the
//! shares add up exactly to the change.
//!
//! The ceasefire channel is then split among its five factors (ripeness,
//! the bargaining gap, the guarantee, the red-line block and the pressure
//! to sign) in proportion to the change in each factor's logarithm,
//! averaged over the months of the central path: the hazard is their
//! product, so the logarithms add up to the hazard's. docs/MODEL.md §9.3.

use super::ceasefire::Ceasefire;
use super::constants::*;
use super::draw::{DrawParams, Proposal};
use super::monte_carlo::{line_of_draw, real_lines};
use super::run::HEADLINE_ONLY;
use super::world::{WarMonth, World};
use super::{headlines, red_line_excess};
use crate::draws::{stratified_draws, Draw};
use crate::inputs::Valid;

/// A mechanism a change can run through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mechanism {
    /// A mutually hurting stalemate: shared pain and a stuck front.
    Ripeness,
    /// The distance between the sides' demands, after the battlefield.
    Gap,
    /// Both sides' guarantees, for signing: Kyiv's against a renewed
    /// attack, and the assurances offered to Moscow.
    Guarantee,
    /// A line crossed in the talks: a proposed presence above Moscow's,
    /// or terms below Kyiv's.
    RedLine,
    /// Mediators' pressure on both sides to sign.
    Pressure,
    /// The chance that the proposed presence is revised before a deal.
    Revision,
    /// How often a ceasefire breaks down.
    Breakdown,
    /// Escalation during the fighting.
    WarEscalation,
    /// Incidents and the tripwire while a ceasefire holds.
    TruceEscalation,
    /// A different horizon: the two views count different months.
    Horizon,
}

impl Mechanism {
    pub const ALL: [Mechanism; 10] = [
        Mechanism::Ripeness,
        Mechanism::Gap,
        Mechanism::Guarantee,
        Mechanism::RedLine,
        Mechanism::Pressure,
        Mechanism::Revision,
        Mechanism::Breakdown,
        Mechanism::WarEscalation,
        Mechanism::TruceEscalation,
        Mechanism::Horizon,
    ];

    /// The name in catalogue keys (`mechanism.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Mechanism::Ripeness => "ripeness",
            Mechanism::Gap => "gap",
            Mechanism::Guarantee => "guarantee",
            Mechanism::RedLine => "red_line",
            Mechanism::Pressure => "pressure",
            Mechanism::Revision => "revision",
            Mechanism::Breakdown => "breakdown",
            Mechanism::WarEscalation => "war_escalation",
            Mechanism::TruceEscalation => "truce_escalation",
            Mechanism::Horizon => "horizon",
        }
    }
}

/// The ceasefire channel's factors, in the order [`onset_logs`] gives them.
const ONSET: [Mechanism; 6] = [
    Mechanism::Ripeness,
    Mechanism::Gap,
    Mechanism::Guarantee,
    Mechanism::RedLine,
    Mechanism::Pressure,
    Mechanism::Revision,
];

/// How much one mechanism moved the two headline numbers from A to B, as
/// differences in probability (0.062 is 6.2 points).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Explanation {
    pub mechanism: Mechanism,
    pub settlement: f64,
    pub escalation: f64,
}

impl Explanation {
    fn size(&self) -> f64 {
        self.settlement.abs() + self.escalation.abs()
    }
}

/// Changes smaller than this (a twentieth of a point on both numbers
/// together) are not worth a sentence.
const NOTICEABLE: f64 = 0.0005;

/// The mechanism that moved the two headline numbers most from A to B,
/// with how far; `None` when nothing moved them noticeably.
pub fn explain(a: &Valid, b: &Valid) -> Option<Explanation> {
    contributions(a, b)
        .into_iter()
        .max_by(|x, y| x.size().total_cmp(&y.size()))
        .filter(|e| e.size() >= NOTICEABLE)
}

/// Every mechanism's share of the change from A to B, on the
/// sensitivity's stratified draws; the shares add up to the change.
pub fn contributions(a: &Valid, b: &Valid) -> Vec<Explanation> {
    let (wa, wb) = (World::new(a, WAR_AGE_NOW), World::new(b, WAR_AGE_NOW));
    if wa.months != wb.months {
        let [ha, hb] = [a, b].map(|v| headlines(v, std::slice::from_ref(v), stratified_draws())[0]);
        return vec![Explanation {
            mechanism: Mechanism::Horizon,
            settlement: hb.0 - ha.0,
            escalation: hb.1 - ha.1,
        }];
    }
    let runs = channel_runs(&wa, &wb, stratified_draws());
    let [onset, breakdown, war, truce] = shapley(&runs);
    let (la, lb) = (onset_logs(&wa), onset_logs(&wb));
    let change: Vec<f64> = la.iter().zip(&lb).map(|(x, y)| y - x).collect();
    let total: f64 = change.iter().sum();
    // The shares of the ceasefire channel: in proportion to each factor's
    // change in log, or all to the factor that changed most if the logs
    // cancel out (the channel then moved through the path, not month one).
    let weights: Vec<f64> = if total.abs() > 1e-12 {
        change.iter().map(|c| c / total).collect()
    } else {
        let top = (0..change.len())
            .max_by(|&i, &j| change[i].abs().total_cmp(&change[j].abs()))
            .unwrap_or(0);
        (0..change.len())
            .map(|i| f64::from(u8::from(i == top)))
            .collect()
    };
    let mut all: Vec<Explanation> = ONSET
        .iter()
        .zip(weights)
        .map(|(&mechanism, w)| Explanation {
            mechanism,
            settlement: onset.0 * w,
            escalation: onset.1 * w,
        })
        .collect();
    for (mechanism, (settlement, escalation)) in [
        (Mechanism::Breakdown, breakdown),
        (Mechanism::WarEscalation, war),
        (Mechanism::TruceEscalation, truce),
    ] {
        all.push(Explanation {
            mechanism,
            settlement,
            escalation,
        });
    }
    all
}

/// The channels a counterfactual run takes from B, as bits of a mask:
/// signing, breakdown, escalation in the fighting, escalation in a truce.
const CHANNELS: usize = 4;

/// A's draw with the channels in `from_b` taken from B's: the signing
/// channel brings the proposals' ceasefire scales and the chance of a
/// revision, the breakdown channel each proposal's breakdown scale, the
/// truce channel its incidents and tripwire.
fn mixed(pa: &DrawParams, pb: &DrawParams, from_b: impl Fn(usize) -> bool) -> DrawParams {
    let pick = |channel| if from_b(channel) { pb } else { pa };
    let mut d = *pick(0);
    let (breaks, truce) = (pick(1), pick(3));
    let rebuild = |b: &Proposal, t: &Proposal| {
        Ceasefire::new(
            b.ceasefire.breakdown_scale,
            t.ceasefire.incident_hazard,
            t.ceasefire.tripwire,
        )
    };
    d.stands.ceasefire = rebuild(&breaks.stands, &truce.stands);
    d.revised.ceasefire = rebuild(&breaks.revised, &truce.revised);
    d
}

/// The two headline numbers of A run with each set of channels from B
/// (index = mask), averaged over `draws`, each at its real line of
/// Moscow's. Index 0 is A, the last is B.
fn channel_runs(a: &World, b: &World, draws: &[Draw]) -> [(f64, f64); 1 << CHANNELS] {
    let mut sums = [(0.0, 0.0); 1 << CHANNELS];
    let (lines_a, lines_b) = (real_lines(a), real_lines(b));
    let (mut path_a, mut path_b, mut path) = (Vec::new(), Vec::new(), Vec::new());
    let n = draws.len();
    for (k, z) in draws.iter().enumerate() {
        // Each draw takes its real line in A and in B from the same
        // quantile, as the headline runs do.
        let wa = &lines_a[line_of_draw(k, n, &lines_a)].0;
        let wb = &lines_b[line_of_draw(k, n, &lines_b)].0;
        let (pa, pb) = (wa.draw(z), wb.draw(z));
        wa.war_path(&pa, &mut path_a);
        wb.war_path(&pb, &mut path_b);
        for (mask, sum) in sums.iter_mut().enumerate() {
            let from_b = |channel: usize| mask & (1 << channel) != 0;
            let d = mixed(&pa, &pb, from_b);
            path.clear();
            path.extend(path_a.iter().zip(&path_b).map(|(x, y)| WarMonth {
                escalate: if from_b(2) { y.escalate } else { x.escalate },
                ..if from_b(0) { *y } else { *x }
            }));
            let f = wa.run::<HEADLINE_ONLY>(&d, &path, |_, _| {});
            sum.0 += f.settled;
            sum.1 += f.escalated;
        }
    }
    let n = draws.len().max(1) as f64;
    sums.map(|(s, e)| (s / n, e / n))
}

/// Each channel's Shapley value: its marginal effect averaged over the
/// orders in which the four channels could be switched from A to B.
fn shapley(runs: &[(f64, f64); 1 << CHANNELS]) -> [(f64, f64); CHANNELS] {
    // Orders in which a set of s other channels comes first: s!(n-1-s)!/n!.
    const WEIGHT: [f64; CHANNELS] = [0.25, 1.0 / 12.0, 1.0 / 12.0, 0.25];
    let mut values = [(0.0, 0.0); CHANNELS];
    for (channel, value) in values.iter_mut().enumerate() {
        let bit = 1 << channel;
        for without in (0..runs.len()).filter(|m| m & bit == 0) {
            let w = WEIGHT[(without as u32).count_ones() as usize];
            let (on, off) = (runs[without | bit], runs[without]);
            value.0 += w * (on.0 - off.0);
            value.1 += w * (on.1 - off.1);
        }
    }
    values
}

/// The logarithms of the ceasefire hazard's factors at the central draw
/// and Moscow's stated line, in the order of [`ONSET`], each averaged
/// over the months of the central path: ripeness; the gap; both sides'
/// guarantees (Kyiv's and the assurances to Moscow); the lines crossed
/// (Moscow's by the proposal as it stands, Kyiv's by the terms); the
/// pressure to sign; and the revision, as the log of the hazard's scale
/// with the proposal revised in the share of the fighting that a
/// revision has reached by that month, over its scale as proposed.
/// Their sum is the log of that hazard over the base rate.
fn onset_logs(w: &World) -> [f64; 6] {
    let i = &w.inputs;
    let d = w.draw(&[0.0; crate::draws::DIMENSIONS]);
    let (mut ripe, mut apart, mut kyiv, mut revision) = (0.0, 0.0, 0.0, 0.0);
    let mut standing = 1.0;
    for (momentum, optimism) in w.fighting_months(&d) {
        let (r, g) = w.talks(&d, momentum, optimism);
        ripe += r.ln();
        apart += g.ln();
        kyiv -= d.kyiv_block_exponent(w.terms(momentum));
        standing *= 1.0 - d.revision;
        let mix = standing + (1.0 - standing) * d.revised.settle_scale / d.stands.settle_scale;
        revision += mix.ln();
    }
    let months = w.months.max(1) as f64;
    let excess = red_line_excess(i.presence, i.tolerance);
    let guarantee = w.guarantee((i.presence - excess).max(0.0));
    let commitment = |c: f64| (GUARANTEE_FLOOR + (1.0 - GUARANTEE_FLOOR) * c).ln();
    [
        ripe / months,
        apart / months,
        commitment(guarantee) + commitment(w.assurance()),
        -d.severity * (CHASM_BLOCK * excess + CHASM_GAP * excess / GAP_SCALE) + kyiv / months,
        (1.0 + PRESSURE_SETTLEMENT * i.pressure).ln(),
        revision / months,
    ]
}

#[cfg(test)]
mod tests {
    use super::super::headline;
    use super::*;
    use crate::inputs::Inputs;

    /// The factor logs are the model's own hazard: their sum is the log of
    /// the central draw's ceasefire hazard over the base rate, averaged
    /// over the months of the path.
    #[test]
    fn the_factors_add_up_to_the_model_s_ceasefire_hazard() {
        for inputs in [
            Inputs::default(),
            Inputs {
                presence: 4.0,
                tolerance: 1.0,
                pressure: 0.9,
                momentum: -0.6,
                horizon: 60.0,
                ..Inputs::default()
            },
        ] {
            let w = World::new(&Valid::new(&inputs), WAR_AGE_NOW);
            let d = w.draw(&[0.0; crate::draws::DIMENSIONS]);
            let mut path = Vec::new();
            w.war_path(&d, &mut path);
            let mut standing = 1.0;
            let mean_log = path
                .iter()
                .map(|p| {
                    standing *= 1.0 - d.revision;
                    let scale = standing * d.stands.settle_scale
                        + (1.0 - standing) * d.revised.settle_scale;
                    (scale * p.settle).ln()
                })
                .sum::<f64>()
                / path.len() as f64;
            let logs: f64 = onset_logs(&w).iter().sum();
            assert!(
                (BASE_SETTLEMENT.ln() + logs - mean_log).abs() < 1e-9,
                "{logs} vs {mean_log}"
            );
        }
    }

    /// With every channel from B, the run is B's own: the shares add up
    /// to the whole change.
    #[test]
    fn the_shares_add_up_to_the_change() {
        let a = Valid::default();
        let b = Valid::new(&Inputs {
            presence: 1.0,
            aims: 0.2,
            pressure: 0.9,
            escalation_propensity: 0.7,
            ..Inputs::default()
        });
        let (ha, hb) = (
            headline(&a, stratified_draws()),
            headline(&b, stratified_draws()),
        );
        let parts = contributions(&a, &b);
        let settle: f64 = parts.iter().map(|p| p.settlement).sum();
        let escalate: f64 = parts.iter().map(|p| p.escalation).sum();
        assert!(
            (settle - (hb.0 - ha.0)).abs() < 1e-9,
            "{settle} vs {}",
            hb.0 - ha.0
        );
        assert!(
            (escalate - (hb.1 - ha.1)).abs() < 1e-9,
            "{escalate} vs {}",
            hb.1 - ha.1
        );
    }
}
