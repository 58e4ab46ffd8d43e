//! Numbers and sentences in plain words, in the page's language. The
//! wording lives in the text catalogue ([`crate::i18n`]); this module
//! chooses which sentence fits the model's state and fills in the numbers.

mod headline;
pub mod terms;

pub use headline::{
    lines_room, lines_sentence, terms_delta, terms_parts, terms_range, terms_sentence, terms_value,
};

use crate::i18n::Catalog;
use crate::model::clamp;
use crate::model::simulate::Explanation;
use crate::model::{Dependence, Estimate, Input, Outcome};

/// An input's label, as the slider shows it.
pub fn label(t: &Catalog, input: Input) -> String {
    t.get(&format!("input.{}.label", input.spec().id))
        .to_owned()
}

/// The name of the presence rung nearest to a (possibly fractional) value.
pub fn rung_name(t: &Catalog, value: f64) -> String {
    let index = clamp(value.round(), 0.0, 5.0) as usize;
    t.get(&format!("rung.{index}")).to_owned()
}

/// A slider's current value in words, as the page shows beside it.
pub fn value_text(t: &Catalog, input: Input, v: f64) -> String {
    let whole = crate::decimal::fixed(v, 0);
    match input {
        Input::Momentum => {
            if v.abs() < 0.1 {
                return t.get("value.momentum.even").to_owned();
            }
            let pace = match v.abs() {
                a if a < 0.35 => "slowly",
                a if a < 0.65 => "steadily",
                _ => "fast",
            };
            let side = if v < 0.0 { "russia" } else { "ukraine" };
            t.get(&format!("value.momentum.{side}.{pace}")).to_owned()
        }
        Input::Presence => t.fill(
            "value.presence",
            &[("name", &rung_name(t, v)), ("n", &whole)],
        ),
        Input::Tolerance => {
            if v < 0.5 {
                t.get("value.tolerance.none").to_owned()
            } else {
                t.fill(
                    "value.tolerance",
                    &[("name", &rung_name(t, v)), ("n", &whole)],
                )
            }
        }
        Input::SupportHalfLife | Input::RussianSupportHalfLife => {
            t.fill("value.staying", &[("months", &t.months(v as u32))])
        }
        Input::Credibility | Input::KyivCredibility => t.percent(v),
        Input::KyivLine => t.fill("value.kyiv_line", &[("n", &points(v))]),
        Input::Revision => t.fill("value.revision", &[("n", &t.decimal(v, 1))]),
        Input::Severity => t.fill("value.severity", &[("n", &t.decimal(v, 2))]),
        Input::Horizon => t.months(v as u32),
        Input::Aid => t.fill("value.aid", &[("n", &t.percent(v))]),
        Input::Aims => aims_words(t, v, UKRAINE_AIMS),
        Input::RussianAims => aims_words(t, v, RUSSIA_AIMS),
        Input::Attrition
        | Input::Pressure
        | Input::RussianSupport
        | Input::UkraineLossTolerance
        | Input::LossTolerance
        | Input::EscalationPropensity
        | Input::WestEscalation
        | Input::Assurance
        | Input::Uncertainty => format!("{} ({})", level(t, v), t.decimal(v, 2)),
    }
}

/// The five words for each side's aims, from a ceasefire on the current
/// line (0) to its full stated conditions (1); both sides' sliders read
/// the same way, in the same steps.
const UKRAINE_AIMS: [&str; 5] = [
    "value.aims.security",
    "value.aims.lean_security",
    "value.aims.balanced",
    "value.aims.lean_recovery",
    "value.aims.recovery",
];
const RUSSIA_AIMS: [&str; 5] = [
    "value.russian_aims.line",
    "value.russian_aims.lean_line",
    "value.russian_aims.balanced",
    "value.russian_aims.lean_full",
    "value.russian_aims.full",
];

fn aims_words(t: &Catalog, v: f64, keys: [&str; 5]) -> String {
    let step = match v {
        x if x < 0.2 => 0,
        x if x < 0.45 => 1,
        x if x < 0.6 => 2,
        x if x < 0.85 => 3,
        _ => 4,
    };
    t.get(keys[step]).to_owned()
}

/// A 0–1 index in one word.
pub fn level(t: &Catalog, v: f64) -> &str {
    t.get(match v {
        x if x < 0.15 => "level.very_low",
        x if x < 0.4 => "level.low",
        x if x < 0.6 => "level.moderate",
        x if x < 0.85 => "level.high",
        _ => "level.very_high",
    })
}

/// "27%–49%": the 90% range of the draws.
pub fn range(t: &Catalog, e: &Estimate) -> String {
    format!("{}–{}", t.percent(e.p5), t.percent(e.p95))
}

/// One or two sentences on what drives the numbers right now, most
/// important first. They describe the model's mechanics, not anyone's intent.
pub fn explain(t: &Catalog, outcome: &Outcome) -> Vec<String> {
    let i = &outcome.inputs;
    let d = &outcome.drivers;
    let mut sentences: Vec<String> = Vec::new();
    // A line crossed in the talks comes first, on either side: a proposed
    // presence above Moscow's stated line, terms below Kyiv's.
    if d.presence_gap >= 0.5 {
        let rungs = clamp(d.presence_gap.round(), 1.0, 5.0);
        sentences.push(t.get(&format!("why.chasm.{}", rungs as u8)).to_owned());
    }
    if d.terms_gap < -TERMS_GAP_SHOWN {
        sentences.push(t.fill("why.terms_below", &[("n", &points(-d.terms_gap))]));
    }
    if sentences.is_empty() {
        if i.presence >= 0.5 {
            sentences.push(t.get("why.within_tolerance").to_owned());
        } else if d.guarantee < 0.4 {
            sentences.push(t.get("why.no_guarantee").to_owned());
        }
    }
    let second = if d.momentum_at_horizon > 0.4 {
        "why.collapse"
    } else if d.momentum_at_horizon < -0.5 {
        "why.drawn_in"
    } else if d.ripeness >= 0.3 {
        "why.hurting_stalemate"
    } else if i.momentum <= -0.35 {
        "why.russia_gains"
    } else if i.momentum >= 0.35 {
        "why.ukraine_gains"
    } else if d.bargaining_gap > 0.5 {
        "why.far_apart"
    } else {
        "why.close"
    };
    sentences.push(t.get(second).to_owned());
    sentences.truncate(2);
    sentences
}

/// How far the terms must fall below Kyiv's stated line, on the 0–1
/// terms scale, before the explanation names it: half a step of Kyiv's
/// line, so rounding noise does not.
const TERMS_GAP_SHOWN: f64 = 0.05;

/// A value on the 0–1 terms scale as a whole number out of 100 ("41").
pub fn points(v: f64) -> String {
    let v = if v.is_finite() {
        clamp(v, 0.0, 1.0)
    } else {
        0.0
    };
    crate::decimal::shifted(v, 0, 2)
}

/// The headline sentence for settlement, with its range and horizon.
pub fn settlement_sentence(t: &Catalog, outcome: &Outcome) -> String {
    headline_sentence(
        t,
        "headline.settlement",
        &outcome.settlement,
        outcome.months,
    )
}

/// The headline sentence for escalation, with its range and horizon.
pub fn escalation_sentence(t: &Catalog, outcome: &Outcome) -> String {
    headline_sentence(
        t,
        "headline.escalation",
        &outcome.escalation,
        outcome.months,
    )
}

/// What happens to ceasefires: how often one is reached at all, how
/// often one breaks down, and how often one, once signed, holds until it
/// counts as a durable peace.
pub fn ceasefire_sentence(t: &Catalog, outcome: &Outcome) -> String {
    t.fill(
        "headline.ceasefire",
        &[
            ("months", &t.months(outcome.months as u32)),
            ("reached", &t.percent(outcome.ceasefire.mean)),
            ("broke", &t.percent(outcome.breakdown.mean)),
            ("n", &t.percent(outcome.survival.mean)),
            (
                "durable",
                &t.months(crate::model::simulate::constants::DURABLE_MONTHS as u32),
            ),
        ],
    )
}

fn headline_sentence(t: &Catalog, key: &str, e: &Estimate, months: usize) -> String {
    let what = t.fill(key, &[("months", &t.months(months as u32))]);
    format!("{} ({}) {what}", t.percent(e.mean), range(t, e))
}

/// B's number against the kept view A's (`compare.delta`): the signed
/// difference in percentage points, one decimal, and A's own number.
/// Empty until the catalogue has the sentence (in the rest of English).
pub fn delta(t: &Catalog, b: f64, a: f64) -> String {
    if t.find("compare.delta").is_none() {
        return String::new();
    }
    t.fill(
        "compare.delta",
        &[("delta", &signed(t, b - a)), ("a", &t.percent(a))],
    )
}

/// A difference in probability as signed percentage points with one
/// decimal: "+6.2", "−0.4" (a true minus sign), "±0.0" when it rounds
/// to zero.
fn signed(t: &Catalog, difference: f64) -> String {
    let points = 100.0 * difference;
    let size = t.decimal(points.abs(), 1);
    let sign = if size == t.decimal(0.0, 1) {
        "±"
    } else if points > 0.0 {
        "+"
    } else {
        "\u{2212}"
    };
    format!("{sign}{size}")
}

/// Which mechanism moved the numbers most from A to B, and how far
/// (`compare.moved`); empty until the catalogue has the sentence.
pub fn moved_sentence(t: &Catalog, e: &Explanation) -> String {
    let name = format!("mechanism.{}", e.mechanism.id());
    match (t.find("compare.moved"), t.find(&name)) {
        (Some(_), Some(mechanism)) => t.fill(
            "compare.moved",
            &[
                ("mechanism", mechanism),
                ("settlement", &signed(t, e.settlement)),
                ("escalation", &signed(t, e.escalation)),
            ],
        ),
        _ => String::new(),
    }
}

/// Says which one assumption a figure depends on most and how far it
/// ranges across it (`story.depends`); empty until the catalogue has the
/// sentence (it is in the rest of English, fetched when first needed).
pub fn dependence_sentence(t: &Catalog, d: &Dependence) -> String {
    if t.find("story.depends").is_none() {
        return String::new();
    }
    t.fill(
        "story.depends",
        &[
            ("input", &label(t, d.input)),
            ("low", &t.percent(d.low)),
            ("high", &t.percent(d.high)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{presets, simulate, Inputs, Valid};

    #[test]
    fn presence_names_the_rung() {
        let t = Catalog::english();
        assert!(value_text(&t, Input::Presence, 3.0).starts_with(t.get("rung.3")));
        assert!(t.get("rung.3").contains("Reassurance force"));
        assert!(value_text(&t, Input::Tolerance, 0.0).contains("No Western presence"));
    }

    #[test]
    fn every_value_reads_in_words_in_english() {
        let t = Catalog::english();
        for input in Input::ALL {
            let spec = input.spec();
            for v in [spec.min, spec.default, spec.max] {
                let text = value_text(&t, input, v);
                assert!(!text.contains("value.") && !text.contains('{'), "{text}");
            }
        }
    }

    #[test]
    fn explanation_names_the_chasm_when_presence_exceeds_tolerance() {
        let t = Catalog::english();
        let coalition = presets()
            .into_iter()
            .find(|p| p.id == "coalition")
            .map(|p| p.inputs);
        let outcome = simulate(&coalition.unwrap_or_default());
        let text = explain(&t, &outcome).join(" ");
        assert!(text.contains("three rungs above"), "{text}");
    }

    #[test]
    fn every_preset_gets_one_or_two_sentences() {
        let t = Catalog::english();
        for p in presets() {
            let sentences = explain(&t, &simulate(&p.inputs));
            assert!((1..=2).contains(&sentences.len()), "{}", p.id);
            for s in sentences {
                assert!(!s.starts_with("why."), "{}: {s}", p.id);
            }
        }
    }

    #[test]
    fn explanation_names_terms_below_kyivs_line() {
        let t = Catalog::english();
        let outcome = simulate(&Valid::new(&Inputs {
            kyiv_line: 1.0,
            ..Inputs::default()
        }));
        assert!(outcome.drivers.terms_gap < -0.05);
        let sentences = explain(&t, &outcome);
        assert!((1..=2).contains(&sentences.len()));
        let text = sentences.join(" ");
        assert!(text.contains("points below Kyiv's stated line"), "{text}");
        assert!(!text.contains('{'), "{text}");
    }

    #[test]
    fn headline_sentences_carry_the_range_and_horizon() {
        let t = Catalog::english();
        let outcome = simulate(&Valid::default());
        let s = settlement_sentence(&t, &outcome);
        assert!(s.contains("in 36 months") && s.contains('–'), "{s}");
        assert!(escalation_sentence(&t, &outcome).contains("NATO and Russian forces"));
        let c = ceasefire_sentence(&t, &outcome);
        assert!(c.contains("24 months") && !c.contains('{'), "{c}");
    }
}
