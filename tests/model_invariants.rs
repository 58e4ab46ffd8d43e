//! Property tests of the model: what must hold for every input a reader can
//! set, not only at the calibrated defaults. Each property is a claim the
//! page makes in words (probabilities are probabilities, a crossed red line
//! is dangerous, a hurting stalemate ripens a deal, the numbers are
//! reproducible and precise) checked over arbitrary inputs.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError};
use red_lines::model::draws::{make_draws, standard_draws, Draw, SAMPLES};
use red_lines::model::sensitivity::SENSITIVITY_SAMPLES;
use red_lines::model::simulate::constants::{AID_MOMENTUM, AID_REFERENCE, SUPPORT_REFERENCE};
use red_lines::model::simulate::{headline, simulate_with};
use red_lines::model::{
    analyse, chasm_map, presets, sensitivity, simulate, Analysis, Band, Effect, Estimate, Input,
    Inputs, Outcome, Valid,
};

type TestResult = Result<(), TestCaseError>;

/// Slack for comparisons that hold exactly in real arithmetic: a few ulps
/// of rounding in a sum over hundreds of draws, nothing a reader could see.
const ROUNDING: f64 = 1e-12;

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// Runner settings: modest case counts (the model is a Monte Carlo and
/// this runs in debug builds) and no regression files written into tests/.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One value inside `[min, max]`: mostly uniform, with the ends, the
/// default and slider steps (whole rungs of the presence ladder) mixed in,
/// since edges and steps are where a reader's values actually land.
fn value_in(min: f64, max: f64, default: f64, step: f64) -> BoxedStrategy<f64> {
    let steps = ((max - min) / step).round() as u32;
    prop_oneof![
        6 => min..=max,
        1 => Just(min),
        1 => Just(max),
        1 => Just(default.clamp(min, max)),
        1 => (0..=steps).prop_map(move |k| (min + step * f64::from(k)).min(max)),
    ]
    .boxed()
}

/// Arbitrary valid inputs, every field within its `Input::spec()` range,
/// with the horizon at most `max_horizon` months (heavy tests use less).
fn inputs_up_to(max_horizon: f64) -> impl Strategy<Value = Valid> {
    let values: Vec<BoxedStrategy<f64>> = Input::ALL
        .iter()
        .map(|&input| {
            let spec = input.spec();
            let max = if input == Input::Horizon {
                max_horizon.min(spec.max)
            } else {
                spec.max
            };
            value_in(spec.min, max, spec.default, spec.step)
        })
        .collect();
    values.prop_map(|values| {
        let mut inputs = Valid::default();
        for (input, value) in Input::ALL.iter().zip(values) {
            inputs = inputs.with(*input, value);
        }
        inputs
    })
}

fn any_inputs() -> impl Strategy<Value = Valid> {
    inputs_up_to(Input::Horizon.spec().max)
}

/// Any f64 at all, weighted toward the values that break naive code:
/// NaN, infinities, the extremes, and values just outside the range.
fn hostile_value(input: Input) -> BoxedStrategy<f64> {
    let spec = input.spec();
    let (min, max) = (spec.min, spec.max);
    prop_oneof![
        Just(f64::NAN),
        Just(-f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(f64::MIN_POSITIVE),
        Just(-0.0),
        any::<f64>(),
        (max..max + 1e3),
        (min - 1e3..min),
        (min..=max),
    ]
    .boxed()
}

/// Inputs written field by field, in the order of `Input::ALL`,
/// bypassing `Input::set`, so nothing is sanitized on the way in.
fn raw_inputs(v: &[f64]) -> Inputs {
    assert_eq!(v.len(), Input::ALL.len());
    let mut inputs = Inputs::default();
    for (input, &value) in Input::ALL.iter().zip(v) {
        let slot = match input {
            Input::Momentum => &mut inputs.momentum,
            Input::Attrition => &mut inputs.attrition,
            Input::Aid => &mut inputs.aid,
            Input::Presence => &mut inputs.presence,
            Input::SupportHalfLife => &mut inputs.support_half_life,
            Input::Pressure => &mut inputs.pressure,
            Input::RussianAims => &mut inputs.russian_aims,
            Input::Tolerance => &mut inputs.tolerance,
            Input::LossTolerance => &mut inputs.loss_tolerance,
            Input::RussianSupport => &mut inputs.russian_support,
            Input::EscalationPropensity => &mut inputs.escalation_propensity,
            Input::Aims => &mut inputs.aims,
            Input::UkraineLossTolerance => &mut inputs.ukraine_loss_tolerance,
            Input::Horizon => &mut inputs.horizon,
            Input::Uncertainty => &mut inputs.uncertainty,
            Input::Credibility => &mut inputs.credibility,
            Input::RussianSupportHalfLife => &mut inputs.russian_support_half_life,
            Input::KyivLine => &mut inputs.kyiv_line,
            Input::KyivCredibility => &mut inputs.kyiv_credibility,
            Input::Revision => &mut inputs.revision,
            Input::Assurance => &mut inputs.assurance,
            Input::WestEscalation => &mut inputs.west_escalation,
            Input::Severity => &mut inputs.severity,
        };
        *slot = value;
    }
    inputs
}

fn hostile_inputs() -> impl Strategy<Value = Inputs> {
    let values: Vec<BoxedStrategy<f64>> = Input::ALL.iter().map(|&i| hostile_value(i)).collect();
    values.prop_map(|v| raw_inputs(&v))
}

/// Two ordered values `lo <= hi` in `[min, max]`.
fn ordered_pair(min: f64, max: f64) -> impl Strategy<Value = (f64, f64)> {
    (min..=max, min..=max).prop_map(|(a, b)| (a.min(b), a.max(b)))
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn unit(what: &str, p: f64) -> TestResult {
    prop_assert!(
        p.is_finite() && (0.0..=1.0).contains(&p),
        "{} = {} is not a probability",
        what,
        p
    );
    Ok(())
}

fn band_values(b: &Band) -> [f64; 5] {
    [b.p5, b.p25, b.median, b.p75, b.p95]
}

fn estimate_values(e: &Estimate) -> [f64; 5] {
    [e.p5, e.p25, e.median, e.p75, e.p95]
}

fn ordered(what: &str, q: [f64; 5]) -> TestResult {
    for k in 1..q.len() {
        prop_assert!(q[k - 1] <= q[k], "{} quantiles out of order: {:?}", what, q);
    }
    Ok(())
}

fn unit_estimate(what: &str, e: &Estimate) -> TestResult {
    unit(&format!("{what}.mean"), e.mean)?;
    for q in estimate_values(e) {
        unit(&format!("{what} quantile"), q)?;
    }
    prop_assert!(
        e.std_error.is_finite() && e.std_error >= 0.0,
        "{} std_error = {}",
        what,
        e.std_error
    );
    Ok(())
}

/// Every headline estimate with its name.
fn estimates(o: &Outcome) -> [(&'static str, Estimate); 5] {
    [
        ("settlement", o.settlement),
        ("ceasefire", o.ceasefire),
        ("breakdown", o.breakdown),
        ("escalation", o.escalation),
        ("survival", o.survival),
    ]
}

/// Every mean curve with its name.
fn means(o: &Outcome) -> [(&'static str, &[f64]); 7] {
    [
        ("fighting", &o.fighting),
        ("holding", &o.holding),
        ("durable", &o.durable),
        ("escalated", &o.escalated),
        ("settled", &o.settled),
        ("reached", &o.reached),
        ("broke_down", &o.broke_down),
    ]
}

/// The outcome's two banded curves with their names, for checks done on both.
fn curves(o: &Outcome) -> [(&'static str, &[f64], &[Band]); 2] {
    [
        ("settled", &o.settled, o.settled_band()),
        ("escalated", &o.escalated, o.escalated_band()),
    ]
}

/// Every float an outcome holds, as bits: equal fingerprints mean
/// bit-identical outcomes (and NaN would not compare equal to itself).
fn fingerprint(a: &Analysis) -> Vec<u64> {
    let o = &a.outcome;
    let mut v: Vec<f64> = Vec::new();
    v.extend(Input::ALL.iter().map(|i| i.get(&o.inputs)));
    for (_, curve) in means(o) {
        v.extend(curve);
    }
    for b in o.settled_band().iter().chain(o.escalated_band()) {
        v.extend(band_values(b));
    }
    for (_, e) in estimates(o) {
        v.push(e.mean);
        v.push(e.std_error);
        v.extend(estimate_values(&e));
    }
    let d = &o.drivers;
    v.extend([
        d.presence_gap,
        d.ripeness,
        d.bargaining_gap,
        d.guarantee,
        d.ceasefire_per_mille,
        d.escalation_per_mille,
        d.momentum_at_horizon,
        d.survival,
        d.tripwire,
        d.incident_per_mille,
    ]);
    for e in &a.effects {
        v.extend([
            e.low_value,
            e.high_value,
            e.settlement_low,
            e.settlement_high,
            e.escalation_low,
            e.escalation_high,
        ]);
    }
    v.extend(&a.map.axis);
    v.extend(&a.map.settlement);
    v.extend(&a.map.escalation);
    let mut bits: Vec<u64> = v.iter().map(|x| x.to_bits()).collect();
    bits.push(o.months as u64);
    bits
}

/// The two headline numbers on the standard draws (what the page shows).
fn headlines(inputs: &Valid) -> (f64, f64) {
    headline(inputs, standard_draws())
}

/// `inputs` with one input moved by `fraction` of its range (downward if
/// upward would leave the range).
fn nudged(inputs: &Valid, input: Input, fraction: f64) -> Valid {
    let spec = input.spec();
    let delta = fraction * (spec.max - spec.min);
    let value = input.get(inputs);
    let target = if value + delta <= spec.max {
        value + delta
    } else {
        value - delta
    };
    inputs.with(input, target)
}

/// Outcomes at two presences `tolerance + (5 - tolerance) * a` and `* b`:
/// both at or beyond the red line.
/// Two presences at or above Moscow's line, with the line taken as its
/// real one (credibility 1) and the proposal never revised, so that "above
/// the line" means above what Moscow would in fact accept.
fn presence_pair(inputs: &Valid, a: f64, b: f64) -> (Outcome, Outcome, f64, f64) {
    let inputs = &Inputs {
        credibility: 1.0,
        revision: 0.0,
        // A line that matters fully, in every draw: below severity 1 part
        // of a force above the line still counts toward Kyiv's guarantee,
        // so more of it can help, and the draws spread the severity.
        severity: inputs.severity.max(1.0),
        uncertainty: 0.0,
        ..**inputs
    };
    let t = inputs.tolerance;
    let p1 = t + (5.0 - t) * a;
    let p2 = t + (5.0 - t) * b;
    let low = simulate(&Valid::new(&Inputs {
        presence: p1,
        ..*inputs
    }));
    let high = simulate(&Valid::new(&Inputs {
        presence: p2,
        ..*inputs
    }));
    (low, high, p1, p2)
}

/// The defaults and every preset: the published figures.
fn published() -> Vec<(&'static str, Valid)> {
    let mut all = vec![("defaults", Valid::default())];
    all.extend(presets().iter().map(|p| (p.id, p.inputs)));
    all
}

// ---------------------------------------------------------------------------
// Probabilities are probabilities
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(48))]

    /// Everything one slider move computes is a finite probability:
    /// every curve, both bands, the five estimates, every
    /// sensitivity value and every cell of the chasm map.
    #[test]
    fn every_probability_is_finite_and_in_the_unit_interval(inputs in any_inputs()) {
        let a = analyse(&inputs);
        let o = &a.outcome;
        prop_assert_eq!(o.months, inputs.months());
        for (name, mean) in means(o) {
            prop_assert_eq!(mean.len(), o.months + 1);
            for (t, &p) in mean.iter().enumerate() {
                unit(&format!("{name}[{t}]"), p)?;
            }
        }
        for (name, mean, bands) in curves(o) {
            prop_assert_eq!(mean.len(), o.months + 1);
            prop_assert_eq!(bands.len(), o.months + 1);
            for t in 0..=o.months {
                unit(&format!("{name}[{t}]"), mean[t])?;
                for q in band_values(&bands[t]) {
                    unit(&format!("{name} band[{t}]"), q)?;
                }
            }
        }
        for (name, e) in estimates(o) {
            unit_estimate(name, &e)?;
        }
        unit("drivers.guarantee", o.drivers.guarantee)?;
        unit("drivers.survival", o.drivers.survival)?;
        unit("drivers.tripwire", o.drivers.tripwire)?;
        unit("drivers.ripeness", o.drivers.ripeness)?;

        prop_assert_eq!(a.effects.len(), Input::LEVERS.len());
        for e in &a.effects {
            let spec = e.input.spec();
            prop_assert!(Input::LEVERS.contains(&e.input));
            prop_assert!(spec.is_valid(e.low_value) && spec.is_valid(e.high_value));
            prop_assert!(e.low_value <= e.high_value);
            for (what, p) in [
                ("settlement_low", e.settlement_low),
                ("settlement_high", e.settlement_high),
                ("escalation_low", e.escalation_low),
                ("escalation_high", e.escalation_high),
            ] {
                unit(&format!("{:?} {what}", e.input), p)?;
            }
        }
        // Largest combined swing first, each lever once.
        let swings: Vec<f64> = a.effects.iter().map(|e| e.settlement_swing() + e.escalation_swing()).collect();
        prop_assert!(swings.windows(2).all(|w| w[0] >= w[1]), "effects not sorted: {:?}", swings);
        for lever in Input::LEVERS {
            prop_assert_eq!(a.effects.iter().filter(|e| e.input == lever).count(), 1);
        }

        let n = a.map.axis.len();
        prop_assert_eq!(a.map.settlement.len(), n * n);
        prop_assert_eq!(a.map.escalation.len(), n * n);
        for (k, (&s, &e)) in a.map.settlement.iter().zip(&a.map.escalation).enumerate() {
            unit(&format!("map settlement[{k}]"), s)?;
            unit(&format!("map escalation[{k}]"), e)?;
            prop_assert!(s + e <= 1.0 + 1e-9, "map cell {} sums to {}", k, s + e);
        }
    }

    /// The four states partition every month: fighting + ceasefire
    /// holding + durable peace + escalated = 1, none negative; "settled" is
    /// holding + durable. A ceasefire that holds or broke down was reached,
    /// so neither exceeds the chance of reaching one. Month 0 is all war.
    #[test]
    fn the_four_states_sum_to_one_every_month(inputs in any_inputs()) {
        let o = simulate(&inputs);
        prop_assert_eq!(o.settled[0], 0.0);
        prop_assert_eq!(o.escalated[0], 0.0);
        prop_assert_eq!(o.reached[0], 0.0);
        prop_assert_eq!(o.fighting[0], 1.0);
        for t in 0..=o.months {
            let (f, h, d, e) = (o.fighting[t], o.holding[t], o.durable[t], o.escalated[t]);
            prop_assert!(f >= 0.0 && h >= 0.0 && d >= 0.0, "month {}: {} {} {}", t, f, h, d);
            prop_assert!((f + h + d + e - 1.0).abs() <= 1e-9, "month {}: {} + {} + {} + {} = {}", t, f, h, d, e, f + h + d + e);
            prop_assert!((o.settled[t] - h - d).abs() <= 1e-9, "settled at month {}", t);
            prop_assert!(o.settled[t] <= o.reached[t] + 1e-9, "settled above reached at month {}", t);
            prop_assert!(o.broke_down[t] <= o.reached[t] + 1e-9, "broke down above reached at month {}", t);
        }
        // The curves end at the headline numbers.
        prop_assert!((o.settled[o.months] - o.settlement.mean).abs() <= ROUNDING);
        prop_assert!((o.escalated[o.months] - o.escalation.mean).abs() <= ROUNDING);
        prop_assert!((o.reached[o.months] - o.ceasefire.mean).abs() <= ROUNDING);
        prop_assert!((o.broke_down[o.months] - o.breakdown.mean).abs() <= ROUNDING);
    }

    /// Escalation and durable peace are absorbing, and "reached" and "broke
    /// down" count what has ever happened: those curves never fall, nor
    /// any quantile of the escalation band. (A holding ceasefire can break
    /// down, so the settled curve may fall.)
    #[test]
    fn cumulative_curves_never_fall(inputs in any_inputs()) {
        let o = simulate(&inputs);
        for (name, mean) in [("escalated", &o.escalated), ("durable", &o.durable), ("reached", &o.reached), ("broke_down", &o.broke_down)] {
            for t in 1..=o.months {
                prop_assert!(mean[t] >= mean[t - 1] - ROUNDING, "{} mean falls at month {}: {} -> {}", name, t, mean[t - 1], mean[t]);
            }
        }
        let bands = o.escalated_band();
        for t in 1..=o.months {
            let (before, after) = (band_values(&bands[t - 1]), band_values(&bands[t]));
            for q in 0..5 {
                prop_assert!(after[q] >= before[q], "escalated band quantile {} falls at month {}: {:?} -> {:?}", q, t, before, after);
            }
        }
    }

    /// Bands are ordered p5 <= p25 <= median <= p75 <= p95 at every month
    /// and in every estimate.
    #[test]
    fn bands_and_estimates_are_ordered(inputs in any_inputs()) {
        let o = simulate(&inputs);
        for (name, _, bands) in curves(&o) {
            for (t, b) in bands.iter().enumerate() {
                ordered(&format!("{name} band[{t}]"), band_values(b))?;
            }
        }
        for (name, e) in estimates(&o) {
            ordered(name, estimate_values(&e))?;
        }
    }

    /// With no uncertainty, and both sides' stated lines taken as their
    /// real ones (each line is an uncertainty of its own, with its own
    /// lever), every draw is the central one: all bands and quantiles
    /// collapse onto the mean and the standard error vanishes.
    #[test]
    fn no_uncertainty_collapses_every_band_onto_the_mean(inputs in any_inputs()) {
        let o = simulate(&Valid::new(&Inputs { uncertainty: 0.0, credibility: 1.0, kyiv_credibility: 1.0, ..*inputs }));
        for (name, mean, bands) in curves(&o) {
            for t in 0..=o.months {
                for q in band_values(&bands[t]) {
                    prop_assert!((q - mean[t]).abs() <= ROUNDING, "{} band at month {}: {} vs mean {}", name, t, q, mean[t]);
                }
            }
        }
        for (name, e) in estimates(&o) {
            for q in estimate_values(&e) {
                prop_assert!((q - e.mean).abs() <= ROUNDING, "{} quantile {} vs mean {}", name, q, e.mean);
            }
            prop_assert!(e.std_error <= ROUNDING, "{} std_error {}", name, e.std_error);
        }
    }
}

// ---------------------------------------------------------------------------
// The model's claims, as monotonicity
// ---------------------------------------------------------------------------

/// Settlement (a ceasefire holding or durable peace) and the chance of
/// reaching a ceasefire at all do not rise from the modest aims to the
/// maximal ones, mean and median. Reaching a ceasefire is exact;
/// settlement at the horizon may rise by up to [`YOUNGER`]: where deals
/// come fast either way, a slower one is younger at the horizon and has
/// had less time to break down (seen once at a settlement of 0.89).
fn aims_cut_one_way(what: &str, modest: (f64, &Outcome), maximal: (f64, &Outcome)) -> TestResult {
    let ((a1, m), (a2, x)) = (modest, maximal);
    for (name, lo, hi, slack) in [
        (
            "settlement mean",
            m.settlement.mean,
            x.settlement.mean,
            YOUNGER,
        ),
        (
            "settlement median",
            m.settlement.median,
            x.settlement.median,
            YOUNGER,
        ),
        (
            "ceasefire mean",
            m.ceasefire.mean,
            x.ceasefire.mean,
            ROUNDING,
        ),
    ] {
        prop_assert!(
            lo >= hi - slack,
            "{} {} at {} is {} < {} at {}",
            what,
            name,
            a1,
            lo,
            hi,
            a2
        );
    }
    Ok(())
}

/// How far settlement at the horizon may rise with more maximal aims (see
/// [`aims_cut_one_way`]).
const YOUNGER: f64 = 0.02;

proptest! {
    #![proptest_config(config(64))]

    /// Beyond Moscow's red line, more Western presence is never safer on
    /// the ground and never helps the talks: with p1 <= p2, both at or
    /// above tolerance, all else equal, the risk of an incident while a
    /// ceasefire holds and the chance that a breakdown escalates do not
    /// fall, and the chance of reaching a ceasefire does not rise. (The
    /// overall escalation risk may fall: a blocked deal keeps the troops
    /// at home, where they cause no incidents.)
    #[test]
    fn beyond_the_red_line_more_presence_is_never_safer_on_the_ground(
        inputs in any_inputs(),
        (a, b) in ordered_pair(0.0, 1.0),
    ) {
        let (low, high, p1, p2) = presence_pair(&inputs, a, b);
        let (l, h) = (&low.drivers, &high.drivers);
        prop_assert!(h.incident_per_mille >= l.incident_per_mille - ROUNDING,
            "incident hazard falls from {} (presence {}) to {} (presence {})", l.incident_per_mille, p1, h.incident_per_mille, p2);
        prop_assert!(h.tripwire >= l.tripwire - ROUNDING,
            "tripwire falls from {} (presence {}) to {} (presence {})", l.tripwire, p1, h.tripwire, p2);
        prop_assert!(high.ceasefire.mean <= low.ceasefire.mean + ROUNDING,
            "ceasefire rises from {} (presence {}) to {} (presence {})", low.ceasefire.mean, p1, high.ceasefire.mean, p2);
    }

    /// A Moscow that tolerates less is never less dangerous for troops on
    /// the ground and never easier to deal with: t1 < t2 gives an incident
    /// hazard at t1 >= at t2, and a chance of reaching a ceasefire at t1
    /// <= at t2, mean and median.
    #[test]
    fn a_lower_tolerance_is_never_safer_on_the_ground(
        inputs in any_inputs(),
        (t1, t2) in ordered_pair(0.0, 5.0),
    ) {
        // A proposal revised down to the stated line sits on the line's
        // soft corner (`RED_LINE_SOFTNESS`), which can cost a stricter
        // line a millionth of a deal; the property is about the line.
        let inputs = inputs.with(Input::Revision, 0.0);
        let strict = simulate(&Valid::new(&Inputs { tolerance: t1, ..*inputs }));
        let lenient = simulate(&Valid::new(&Inputs { tolerance: t2, ..*inputs }));
        prop_assert!(strict.drivers.incident_per_mille >= lenient.drivers.incident_per_mille - ROUNDING,
            "tolerance {} gives an incident hazard {} < {} at tolerance {}", t1, strict.drivers.incident_per_mille, lenient.drivers.incident_per_mille, t2);
        prop_assert!(strict.ceasefire.mean <= lenient.ceasefire.mean + ROUNDING,
            "tolerance {} gives a ceasefire {} > {} at tolerance {}", t1, strict.ceasefire.mean, lenient.ceasefire.mean, t2);
        prop_assert!(strict.ceasefire.median <= lenient.ceasefire.median + ROUNDING,
            "median: tolerance {} gives a ceasefire {} > {} at tolerance {}", t1, strict.ceasefire.median, lenient.ceasefire.median, t2);
    }

    /// Maximal aims never make a deal likelier, on either side: with the
    /// other side's aims held fixed, a1 < a2 gives settlement(a1) >=
    /// settlement(a2), and the same for reaching a ceasefire at all, mean
    /// and median.
    #[test]
    fn settlement_never_rises_as_ukraines_aims_grow_more_maximal(
        inputs in any_inputs(),
        (a1, a2) in ordered_pair(0.0, 1.0),
    ) {
        let modest = simulate(&Valid::new(&Inputs { aims: a1, ..*inputs }));
        let maximal = simulate(&Valid::new(&Inputs { aims: a2, ..*inputs }));
        aims_cut_one_way("Ukraine's aims", (a1, &modest), (a2, &maximal))?;
    }

    #[test]
    fn settlement_never_rises_as_russias_aims_grow_more_maximal(
        inputs in any_inputs(),
        (a1, a2) in ordered_pair(0.0, 1.0),
    ) {
        let modest = simulate(&Valid::new(&Inputs { russian_aims: a1, ..*inputs }));
        let maximal = simulate(&Valid::new(&Inputs { russian_aims: a2, ..*inputs }));
        aims_cut_one_way("Russia's aims", (a1, &modest), (a2, &maximal))?;
    }

    /// A proposed presence does not act on the fighting: the escalation
    /// hazard while the war goes on is the same whatever presence is
    /// proposed and whatever Moscow tolerates. It acts through the talks
    /// (the ceasefire hazard) and, once a ceasefire holds, on the ground.
    #[test]
    fn a_proposed_presence_does_not_change_the_risk_of_the_fighting(
        inputs in any_inputs(),
        presence in 0.0f64..=5.0,
        tolerance in 0.0f64..=5.0,
    ) {
        let a = simulate(&inputs).drivers.escalation_per_mille;
        let b = simulate(&Valid::new(&Inputs { presence, tolerance, ..*inputs })).drivers.escalation_per_mille;
        prop_assert!((a - b).abs() <= ROUNDING, "{} vs {} with presence {} and tolerance {}", a, b, presence, tolerance);
    }

    /// A hurting stalemate ripens a deal (Zartman): with momentum 0, a
    /// costlier war never makes a ceasefire less likely to be reached, nor
    /// settlement at the horizon less likely by more than [`YOUNGER`] (a
    /// faster deal is older at the horizon, with more time to break down).
    #[test]
    fn in_a_stalemate_higher_attrition_never_lowers_settlement(
        inputs in any_inputs(),
        (c1, c2) in ordered_pair(0.0, 1.0),
    ) {
        let cheap = simulate(&Valid::new(&Inputs { momentum: 0.0, attrition: c1, ..*inputs }));
        let costly = simulate(&Valid::new(&Inputs { momentum: 0.0, attrition: c2, ..*inputs }));
        prop_assert!(costly.ceasefire.mean >= cheap.ceasefire.mean - ROUNDING,
            "attrition {} reaches a ceasefire in {} < {} at attrition {}", c2, costly.ceasefire.mean, cheap.ceasefire.mean, c1);
        prop_assert!(costly.settlement.mean >= cheap.settlement.mean - YOUNGER,
            "attrition {} gives {} < {} at attrition {}", c2, costly.settlement.mean, cheap.settlement.mean, c1);
        prop_assert!(costly.settlement.median >= cheap.settlement.median - YOUNGER,
            "median: attrition {} gives {} < {} at attrition {}", c2, costly.settlement.median, cheap.settlement.median, c1);
    }

}

proptest! {
    #![proptest_config(config(64))]

    /// A hurting stalemate brings a ceasefire sooner than a moving front
    /// (whether it holds is another matter: a ceasefire after an
    /// indecisive battlefield breaks down more often, Werner and Yuen
    /// 2005, so the chance of peace at the horizon may not follow). Stated with
    /// the front's actual momentum: the slider gives momentum at today's
    /// aid (0.55) and support for Russia (0.5), so with other values
    /// slider 0 is not a stalemate; support is held at today's level.
    /// The front's actual momentum held fixed:
    /// with no aid there is nothing to fade, so the front moves at
    /// slider - AID_MOMENTUM * AID_REFERENCE (= slider - 0.275) all along.
    /// Offsetting the slider by that compares a real stalemate with a real
    /// Russian advance of 0.8 and the fastest Ukrainian advance possible
    /// without aid (slider 1, real 0.725).
    #[test]
    fn at_high_attrition_a_real_stalemate_reaches_a_ceasefire_sooner_than_a_moving_front(
        inputs in any_inputs(),
        attrition in 0.8f64..=1.0,
    ) {
        let offset = AID_MOMENTUM * AID_REFERENCE;
        // Ripeness alone: with no red-line terms (severity 0) a front
        // moving toward Kyiv cannot also lift terms above its line.
        let at = |real: f64| {
            simulate(&Valid::new(&Inputs { momentum: real + offset, attrition, aid: 0.0, russian_support: SUPPORT_REFERENCE, severity: 0.0, ..*inputs })).ceasefire.mean
        };
        let stalemate = at(0.0);
        for moving in [-0.8, 1.0 - offset] {
            let s = at(moving);
            prop_assert!(stalemate > s,
                "attrition {}: real momentum 0 reaches a ceasefire in {} but {} in {}", attrition, stalemate, moving, s);
        }
    }
}

// ---------------------------------------------------------------------------
// Reproducible, smooth and precise
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(32))]

    /// The same inputs give bit-identical outputs, for everything one
    /// slider move computes; and the headline shortcut agrees with the
    /// full Monte Carlo on the same draws to rounding (it follows the
    /// ceasefires in one lane where the full run keeps two, see
    /// `World::run`: the same sums, added in another order).
    #[test]
    fn same_inputs_give_bit_identical_outputs(inputs in any_inputs()) {
        let first = analyse(&inputs);
        let again = analyse(&inputs);
        prop_assert_eq!(fingerprint(&first), fingerprint(&again));
        prop_assert!(first == again);
        let on_copy = simulate_with(&inputs, &make_draws(red_lines::model::draws::SEED, SAMPLES));
        prop_assert!(first.outcome == on_copy, "the standard draws are make_draws(SEED, SAMPLES)");
        let (s, e) = headlines(&inputs);
        prop_assert!((s - first.outcome.settlement.mean).abs() < 1e-13);
        prop_assert!((e - first.outcome.escalation.mean).abs() < 1e-13);
    }

    /// Small input changes give small output changes. Moving any one
    /// continuous input by 1% of its range moves each headline by at most
    /// 5 percentage points. The bound comes from experiment: random
    /// restarts plus hill climbing over the whole input space found at most
    /// 4.4 pp (a six-month support half-life, and attrition near 0, both
    /// with no uncertainty: the steepest corners of the hazards); typical
    /// moves are a fraction of a point.
    ///
    /// The horizon is a whole number of months, so 1% of its range (1.14
    /// months) adds one or two months; each added month may move a headline
    /// by at most 8 pp (found: 7.3 pp at a six-month horizon with high
    /// settlement hazards, when a month is a sixth of the run).
    #[test]
    fn small_input_changes_give_small_output_changes(inputs in any_inputs()) {
        let (s0, e0) = headlines(&inputs);
        for input in Input::ALL {
            let moved = nudged(&inputs, input, 0.01);
            let (s1, e1) = headlines(&moved);
            let bound = if input == Input::Horizon {
                0.08 * moved.months().abs_diff(inputs.months()) as f64
            } else {
                0.05
            };
            prop_assert!((s1 - s0).abs() <= bound && (e1 - e0).abs() <= bound,
                "moving {:?} from {} to {} moves settlement {} -> {} and escalation {} -> {} (bound {})",
                input, input.get(&inputs), input.get(&moved), s0, s1, e0, e1, bound);
        }
    }
}

proptest! {
    // A fixed proptest seed: this property is statistical (two Monte Carlo
    // estimates), so it must not depend on which inputs a run happens to try.
    #![proptest_config(ProptestConfig { rng_seed: RngSeed::Fixed(0x5EED), ..config(32) })]

    /// Another table of 512 draws (another seed) gives nearly the same
    /// headline: the numbers are not an accident of the seed. At the
    /// published scenarios the seeds agree within 2 pp (tested below); over
    /// the whole input space the bound is 4 pp: of 40,000 comparisons
    /// (random inputs with their edges, random seeds) 5 differed by more
    /// than 3 pp and the largest by 3.3 pp, at uncertainty near 1 and long
    /// horizons, where the standard error of the standard draws reaches
    /// 1.4 pp.
    #[test]
    fn another_seed_gives_nearly_the_same_headline(inputs in any_inputs(), seed in any::<u64>()) {
        let standard = simulate(&inputs);
        let other = simulate_with(&inputs, &make_draws(seed, 512));
        for (name, a, b) in [
            ("settlement", standard.settlement.mean, other.settlement.mean),
            ("escalation", standard.escalation.mean, other.escalation.mean),
        ] {
            prop_assert!((a - b).abs() <= 0.04, "{}: {} on the standard draws, {} with seed {}", name, a, b, seed);
        }
    }
}

// ---------------------------------------------------------------------------
// Sanitizing
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(48))]

    /// NaN, infinite and out-of-range values are made valid by
    /// `Valid::new`, the only way into the model: every value in range, a
    /// second pass changes nothing, and the model runs on the result
    /// without a panic, reporting the valid inputs it ran on.
    #[test]
    fn hostile_inputs_are_made_valid_on_the_way_in(raw in hostile_inputs()) {
        let clean = Valid::new(&raw);
        for input in Input::ALL {
            prop_assert!(input.spec().is_valid(input.get(&clean)), "{:?} = {}", input, input.get(&clean));
        }
        prop_assert_eq!(Valid::new(&clean), clean);
        let a = analyse(&clean);
        prop_assert_eq!(a.outcome.inputs, clean);
        unit("settlement", a.outcome.settlement.mean)?;
        unit("escalation", a.outcome.escalation.mean)?;
        for (s, e) in a.map.settlement.iter().zip(&a.map.escalation) {
            unit("map cell", *s)?;
            unit("map cell", *e)?;
        }
    }
}

#[test]
fn all_nan_and_all_infinite_inputs_fall_back_to_the_defaults() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let raw = raw_inputs(&[bad; Input::ALL.len()]);
        assert_eq!(Valid::new(&raw), Valid::default());
    }
}

/// The chasm map's cells share the fighting's path; each must still be
/// exactly the central headline of its own presence and tolerance.
#[test]
fn map_cells_are_exactly_the_central_headlines_of_their_settings() {
    let central = [[0.0; red_lines::model::draws::DIMENSIONS]];
    for inputs in [Valid::default(), presets()[4].inputs] {
        let map = chasm_map(&inputs);
        for (i, j) in [(0, 0), (3, 0), (9, 6), (15, 15)] {
            let cell = Valid::new(&Inputs {
                presence: map.axis[i],
                tolerance: map.axis[j],
                uncertainty: 0.0,
                ..*inputs
            });
            let (s, e) = headline(&cell, &central);
            assert_eq!(map.at(i, j), (s, e), "cell {i}, {j}");
        }
    }
}

#[test]
fn empty_draws_fall_back_to_the_central_draw() {
    let inputs = Valid::default();
    let empty: &[Draw] = &[];
    let o = simulate_with(&inputs, empty);
    // The central draw takes both sides' stated lines (the prior's median
    // at the default credibility), as every draw does with full credibility.
    let central = simulate(&Valid::new(&Inputs {
        uncertainty: 0.0,
        credibility: 1.0,
        kyiv_credibility: 1.0,
        ..*inputs
    }));
    assert!((o.settlement.mean - central.settlement.mean).abs() <= ROUNDING);
    assert!((o.escalation.mean - central.escalation.mean).abs() <= ROUNDING);
    assert_eq!(o.settlement.std_error, 0.0);
}

// ---------------------------------------------------------------------------
// Monte Carlo precision of the published figures
// ---------------------------------------------------------------------------

/// At the defaults and every preset the reported standard error of both
/// headline numbers is below one percentage point.
#[test]
fn published_figures_have_a_standard_error_below_one_point() {
    for (id, inputs) in published() {
        let o = simulate(&inputs);
        for (name, e) in [("settlement", o.settlement), ("escalation", o.escalation)] {
            assert!(
                e.std_error < 0.01,
                "{id}: {name} std_error {} is not below 1 pp",
                e.std_error
            );
        }
    }
}

/// An independent check of that standard error: rerun each published
/// scenario on tables of draws from other seeds. The estimates must agree
/// within 2 pp of each other, and their spread must match the reported
/// standard error (within a factor of 3: loose enough for 8 seeds, tight
/// enough to catch an error estimate that ignores the antithetic pairing).
#[test]
fn other_seeds_agree_with_the_published_figures() {
    const SEEDS: u64 = 8;
    for (id, inputs) in published() {
        let standard = simulate(&inputs);
        let runs: Vec<Outcome> = (0..SEEDS)
            .map(|k| simulate_with(&inputs, &make_draws(0xC0FFEE + 7919 * k, SAMPLES)))
            .collect();
        for (name, pick) in [
            (
                "settlement",
                (|o: &Outcome| o.settlement) as fn(&Outcome) -> Estimate,
            ),
            ("escalation", |o: &Outcome| o.escalation),
        ] {
            let mut means: Vec<f64> = runs.iter().map(|o| pick(o).mean).collect();
            means.push(pick(&standard).mean);
            let lo = means.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = means.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            assert!(
                hi - lo <= 0.02,
                "{id}: {name} ranges from {lo} to {hi} across seeds"
            );
            let m = means.iter().sum::<f64>() / means.len() as f64;
            let sd = (means.iter().map(|x| (x - m).powi(2)).sum::<f64>()
                / (means.len() - 1) as f64)
                .sqrt();
            let se = pick(&standard).std_error;
            assert!(
                sd <= 3.0 * se && sd >= se / 3.0,
                "{id}: {name} spreads by {sd} across seeds but reports a standard error of {se}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// The sensitivity chart's subset of draws
// ---------------------------------------------------------------------------

// The chart's stratified table is far smaller than the standard one.
const _: () = assert!(SENSITIVITY_SAMPLES * 4 <= SAMPLES);

/// One effect measured again on all the standard draws: the signed change
/// of settlement and escalation from the low to the high value.
fn full_swing(inputs: &Valid, e: &Effect) -> (f64, f64) {
    let low = inputs.with(e.input, e.low_value);
    let high = inputs.with(e.input, e.high_value);
    let (s_low, e_low) = headlines(&low);
    let (s_high, e_high) = headlines(&high);
    (s_high - s_low, e_high - e_low)
}

/// Levers whose swings on all the draws differ by less than this (2.5
/// points, settlement and escalation together) are a tie for the ranking:
/// with 20 levers, neighbours often differ by less than the subset's
/// error on the two sides' real lines, which its 16 pairs of draws take
/// in sixteenths of the prior (the full table in 128ths).
const TIE: f64 = 0.025;

/// At the published scenarios the sensitivity chart, run on its
/// `SENSITIVITY_SAMPLES` stratified draws, names a top lever and top three
/// levers that the full Monte Carlo on all the draws also ranks there, up
/// to ties ([`TIE`]).
#[test]
fn sensitivity_ranks_the_top_levers_like_the_full_monte_carlo() {
    for (id, inputs) in published() {
        let effects = sensitivity(&inputs);
        let full: Vec<(Input, f64)> = effects
            .iter()
            .map(|e| {
                let (ds, de) = full_swing(&inputs, e);
                (e.input, ds.abs() + de.abs())
            })
            .collect();
        let mut ranked: Vec<f64> = full.iter().map(|f| f.1).collect();
        ranked.sort_by(|a, b| b.total_cmp(a));
        let swing = |input: Input| full.iter().find(|f| f.0 == input).map_or(0.0, |f| f.1);
        assert!(
            swing(effects[0].input) >= ranked[0] - TIE,
            "{id}: the subset's top lever {:?} swings {} on all draws; the top swings {}",
            effects[0].input,
            swing(effects[0].input),
            ranked[0]
        );
        for e in effects.iter().take(3) {
            assert!(
                swing(e.input) >= ranked[2] - TIE,
                "{id}: {:?} is in the subset's top three but swings {} on all draws, against a third of {}",
                e.input,
                swing(e.input),
                ranked[2]
            );
        }
    }
}

/// The sensitivity chart runs each lever on a Latin hypercube of 32 draws
/// to fit a slider move into a frame. That is an approximation: against
/// the same swing on all the standard draws it is off most for Moscow's
/// tolerance, whose effect is steep near the red line. This pins the
/// bound the chart and MODEL.md state: within 5 pp at every published
/// scenario; the ranking test above checks the order.
#[test]
fn sensitivity_effects_match_the_full_monte_carlo_within_five_points() {
    let mut failures = Vec::new();
    for (id, inputs) in published() {
        for e in sensitivity(&inputs) {
            let (ds, de) = full_swing(&inputs, &e);
            let subset = (
                e.settlement_high - e.settlement_low,
                e.escalation_high - e.escalation_low,
            );
            let error = (subset.0 - ds).abs().max((subset.1 - de).abs());
            if error > 0.05 {
                failures.push(format!(
                    "{id} {:?}: swing {:+.4}/{:+.4} on the subset, {:+.4}/{:+.4} on all draws",
                    e.input, subset.0, subset.1, ds, de
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "sensitivity swings off by more than 5 pp:\n{}",
        failures.join("\n")
    );
}
