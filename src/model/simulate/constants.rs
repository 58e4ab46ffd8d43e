//! The structural constants of the model. They are not sliders: the
//! methods page gives each one's value and reason, and the Monte Carlo
//! perturbs the uncertain ones.

/// Months from the full-scale invasion (24 February 2022) to the
/// model's "now", the last date its sources reach (30 June 2026): how
/// long the sides have been learning about each other on the battlefield.
pub const WAR_AGE_NOW: f64 = 52.0;
/// Ceasefire hazard per month with full guarantees to both sides, no line
/// crossed, no pressure, no bargaining gap and a ripeness factor of 1.
pub const BASE_SETTLEMENT: f64 = 0.17;
/// How strongly a mutually hurting stalemate raises the ceasefire hazard.
pub const RIPENESS_WEIGHT: f64 = 3.0;
/// The ceasefire hazard that remains with no ripeness at all.
pub const RIPENESS_FLOOR: f64 = 0.25;
/// The bargaining gap at which the ceasefire hazard falls by a factor e.
pub const GAP_SCALE: f64 = 0.25;
/// The sides' combined extra optimism at the start of the war, which
/// widens the gap between their demands (share of the issue space).
pub const INITIAL_OPTIMISM: f64 = 0.15;
/// Months for that optimism to shrink by a factor e as fighting reveals information.
pub const INFORMATION_MONTHS: f64 = 18.0;
/// How far a side losing ground lowers its demand, per unit of
/// momentum against it, when it feels its losses fully.
pub const CONCESSION: f64 = 0.25;
/// How much Western aid above (below) today's level moves momentum toward Ukraine (Russia).
pub const AID_MOMENTUM: f64 = 0.5;
/// Today's aid level, at which the momentum slider is read.
pub const AID_REFERENCE: f64 = 0.55;
/// How much outside support for Russia above (below) today's level
/// moves momentum toward Russia (Ukraine): the same form as aid.
pub const SUPPORT_MOMENTUM: f64 = 0.5;
/// Today's level of outside support for Russia, at which the momentum slider is read.
pub const SUPPORT_REFERENCE: f64 = 0.5;
/// How much outside pressure to sign raises the ceasefire hazard (at full pressure, 1 + this).
pub const PRESSURE_SETTLEMENT: f64 = 1.0;
/// Guarantee credibility per rung of accepted Western presence.
pub const GUARANTEE_PER_RUNG: f64 = 0.3;
/// Guarantee credibility from aid that lasts.
pub const GUARANTEE_FROM_AID: f64 = 1.2;
/// The ceasefire hazard that remains with no guarantee (the commitment
/// problem), for each side: Kyiv's guarantee and Moscow's assurances.
pub const GUARANTEE_FLOOR: f64 = 0.35;
/// How fast terms beyond a side's real line block a deal, per rung
/// beyond it, at a severity of 1: a proposed presence above Moscow's
/// line, terms below Kyiv's.
pub const CHASM_BLOCK: f64 = 1.0;
/// How much a line crossed widens the bargaining gap (per rung, at a severity of 1).
pub const CHASM_GAP: f64 = 0.05;
/// The terms scale's counterpart of one rung of presence: Kyiv's line is
/// crossed by one "rung" when the terms fall a fifth of the scale below
/// it, so that each side's line runs over five steps, as the presence
/// ladder does.
pub const TERMS_PER_RUNG: f64 = 0.2;
/// Softness of the red line, in rungs: how gradually risk rises around it.
pub const RED_LINE_SOFTNESS: f64 = 0.3;
/// Escalation hazard per month during the fighting from accidents and
/// miscalculation, at an escalation readiness of 0.5 on both sides; it
/// scales with `0.5 +` the mean of the two sides' readiness.
pub const BASE_ESCALATION: f64 = 0.0004;
/// Scale of the escalation hazard when a side's front collapses: Russia
/// answering its own collapse, or Western states answering Ukraine's.
/// It multiplies that side's readiness factor (0.2 to 1.8) and the
/// squared depth of the collapse, in the same form for both.
pub const COLLAPSE_ESCALATION: f64 = 0.02;
/// Momentum beyond which a front counts as collapsing, either side's:
/// Russia's at +0.4, Ukraine's at -0.4.
pub const COLLAPSE_THRESHOLD: f64 = 0.4;
/// Incident hazard per month, while a ceasefire holds, per
/// (rung above Moscow's real line)^1.5, at a severity of 1, before the
/// readiness multiplier.
pub const RED_LINE_INCIDENT: f64 = 0.002;
/// Incident hazard per month per rung of deployed presence, tolerated or not.
pub const EXPOSURE_INCIDENT: f64 = 0.0001;
/// Breakdown hazard per month of a new ceasefire (age 0) with no
/// guarantee, no pressure, no resentment, after a stalemate.
pub const BREAKDOWN_EARLY: f64 = 0.3;
/// The breakdown hazard an old ceasefire settles to, same conditions.
pub const BREAKDOWN_LATE: f64 = 0.01;
/// Months for the early excess of breakdown risk to fall by a factor e.
pub const BREAKDOWN_AGE_MONTHS: f64 = 1.0;
/// How strongly guarantees lower the breakdown hazard (Fortna): Kyiv's
/// guarantee and the assurances to Moscow, in the same form.
pub const BREAKDOWN_GUARANTEE: f64 = 1.2;
/// How strongly terms a side rejects raise it, per rung beyond its real
/// line, at a severity of 1: a presence above Moscow's, terms below Kyiv's.
pub const BREAKDOWN_RESENTMENT: f64 = 0.8;
/// How much outside pressure to sign raises it (at full pressure, 1 + this).
pub const BREAKDOWN_PRESSURE: f64 = 1.0;
/// How much a decisive battlefield lowers it (at |momentum| = 1, by this share).
pub const BREAKDOWN_DECISIVE: f64 = 0.5;
/// Chance that a breakdown with combat formations on the line (rung 5)
/// becomes a NATO–Russia war; about half that with tripwire brigades
/// (rung 4), and little below them (see `tripwire`).
pub const TRIPWIRE: f64 = 0.5;
/// Months a ceasefire must hold to count as a durable peace.
pub const DURABLE_MONTHS: usize = 24;
/// The first months of a ceasefire, when its breakdown hazard falls;
/// after them it stays at `BREAKDOWN_LATE`.
pub const FRAGILE_MONTHS: usize = 6;
