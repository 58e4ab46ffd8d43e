//! The named scenarios: each must exist, say which argument it stands for,
//! and tell its story in the model's numbers. The outcomes are pinned
//! relative to "today" (or in wide absolute bands) with margin, so that a
//! recalibration may move the decimals but not the story.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use red_lines::i18n::Catalog;
use red_lines::model::presets::matching;
use red_lines::model::simulate::constants::COLLAPSE_THRESHOLD;
use red_lines::model::{presets, simulate, Input, Inputs, Outcome, Preset};

const IDS: [&str; 6] = [
    "today",
    "frozen",
    "coalition",
    "fatigue",
    "neutrality",
    "breakthrough",
];

fn preset(id: &str) -> Preset {
    presets()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no preset {id}"))
}

fn outcome(id: &str) -> Outcome {
    simulate(&preset(id).inputs)
}

/// A scenario's outcome beside today's.
fn against_today(id: &str) -> (Outcome, Outcome) {
    (outcome(id), outcome("today"))
}

fn pct(p: f64) -> String {
    format!("{:.1}%", 100.0 * p)
}

#[test]
fn the_six_scenarios_exist_with_unique_ids_and_a_rationale() {
    let all = presets();
    assert!(all.len() >= 6, "only {} presets", all.len());
    let ids: HashSet<&str> = all.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), all.len(), "duplicate preset ids");
    for id in IDS {
        assert!(ids.contains(id), "preset {id} is missing");
    }
    let t = Catalog::english();
    let name = |p: &Preset| t.get(&format!("preset.{}.name", p.id)).to_owned();
    let names: HashSet<String> = all.iter().map(name).collect();
    assert_eq!(names.len(), all.len(), "duplicate preset names");
    for p in &all {
        // Ids go into links: short, lowercase, no escaping needed.
        assert!(
            !p.id.is_empty()
                && p.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "id {:?} is not link-safe",
            p.id
        );
        assert!(!name(p).starts_with("preset."), "{} has no name", p.id);
        assert!(
            t.get(&format!("preset.{}.why", p.id)).len() >= 40,
            "{} needs a rationale that says which argument it stands for",
            p.id
        );
    }
}

#[test]
fn every_scenario_is_a_valid_distinct_state_found_again_by_its_inputs() {
    let all = presets();
    for p in &all {
        for input in Input::ALL {
            assert!(
                input.spec().is_valid(input.get(&p.inputs)),
                "{}: {:?} = {} is out of range",
                p.id,
                input,
                input.get(&p.inputs)
            );
        }
        assert_eq!(p.inputs.sanitized(), p.inputs, "{}", p.id);
        assert_eq!(matching(&p.inputs).map(|m| m.id), Some(p.id));
    }
    for (k, a) in all.iter().enumerate() {
        for b in &all[k + 1..] {
            assert_ne!(a.inputs, b.inputs, "{} and {} are the same", a.id, b.id);
        }
    }
    // The page opens on the first preset: today, the defaults.
    assert_eq!(all[0].id, "today");
    assert_eq!(all[0].inputs, Inputs::default());
}

/// Today: neither a deal nor a clash is near-certain. A settlement within
/// the horizon is roughly a coin flip or less, escalation to a direct
/// NATO–Russia clash is a small but real risk, and a deal would as likely
/// break down as last.
#[test]
fn today_a_deal_is_uncertain_and_a_clash_unlikely() {
    let o = outcome("today");
    let (s, e, d) = (o.settlement.mean, o.escalation.mean, o.durability.mean);
    assert!((0.25..0.60).contains(&s), "settlement {}", pct(s));
    assert!((0.002..0.03).contains(&e), "escalation {}", pct(e));
    assert!((0.30..0.70).contains(&d), "durability {}", pct(d));
    // A slow Russian edge that aid fading makes no better.
    assert!(o.drivers.momentum_at_horizon < 0.0);
    assert!(o.drivers.momentum_at_horizon <= o.inputs.momentum);
    // Wide uncertainty: the 90% band spans tens of points.
    assert!(o.settlement.p95 - o.settlement.p5 > 0.2);
}

/// Frozen conflict: a slower war that hurts less, with no one gaining
/// ground, is not ripe: settlement is clearly less likely than today, and
/// nothing in it makes a clash likelier (escalation stays below 3%).
#[test]
fn frozen_conflict_settles_less_than_today_without_escalating() {
    let (o, today) = against_today("frozen");
    assert!(
        o.settlement.mean < 0.8 * today.settlement.mean,
        "frozen settles {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
    assert!(
        o.escalation.mean < 0.03,
        "escalation {}",
        pct(o.escalation.mean)
    );
    assert!(o.drivers.ripeness < today.drivers.ripeness);
}

/// Coalition of the willing: a reassurance force three rungs above
/// Moscow's stated red line multiplies the escalation risk (at least five
/// times today's) and blocks a deal (settlement under half today's); any
/// deal reached is resented and less durable.
#[test]
fn coalition_deployment_multiplies_escalation_and_blocks_a_deal() {
    let (o, today) = against_today("coalition");
    assert!(o.drivers.presence_gap >= 2.0);
    assert!(
        o.escalation.mean >= 5.0 * today.escalation.mean,
        "coalition escalation {} vs today {}",
        pct(o.escalation.mean),
        pct(today.escalation.mean)
    );
    assert!(
        o.settlement.mean < 0.5 * today.settlement.mean,
        "coalition settles {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
    assert!(o.durability.mean < today.durability.mean);
    assert!(o.drivers.escalation_per_mille > 5.0 * today.drivers.escalation_per_mille);
}

/// Western fatigue: with aid drying up and support fading, Ukraine's
/// momentum at the horizon is clearly worse than today's, guarantees are
/// weaker, and a deal is less likely and less durable.
#[test]
fn western_fatigue_weakens_ukraine_and_the_chance_of_a_deal() {
    let (o, today) = against_today("fatigue");
    assert!(
        o.drivers.momentum_at_horizon < today.drivers.momentum_at_horizon - 0.1,
        "momentum at horizon {} vs today {}",
        o.drivers.momentum_at_horizon,
        today.drivers.momentum_at_horizon
    );
    assert!(
        o.settlement.mean < 0.8 * today.settlement.mean,
        "fatigue settles {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
    assert!(o.drivers.guarantee < 0.5 * today.drivers.guarantee);
    assert!(o.durability.mean < today.durability.mean);
}

/// Negotiated neutrality: security-first aims and a guarantee that fits
/// inside the red line make a deal more likely than not and clearly
/// likelier than today, and a deal that lasts longer, at no cost in
/// escalation.
#[test]
fn negotiated_neutrality_makes_a_lasting_deal_more_likely_than_not() {
    let (o, today) = against_today("neutrality");
    assert!(o.drivers.presence_gap <= 0.0);
    assert!(
        o.settlement.mean > 0.5,
        "neutrality settles {}",
        pct(o.settlement.mean)
    );
    assert!(
        o.settlement.mean > today.settlement.mean + 0.1,
        "neutrality settles {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
    assert!(
        o.durability.mean > today.durability.mean,
        "durability {} vs today {}",
        pct(o.durability.mean),
        pct(today.durability.mean)
    );
    assert!(o.drivers.guarantee > today.drivers.guarantee);
    assert!(
        o.escalation.mean < 0.03,
        "escalation {}",
        pct(o.escalation.mean)
    );
}

/// Ukrainian breakthrough: a collapsing Russian front is dangerous. The
/// front is still collapsing at the horizon, escalation risk is several
/// times today's, and with maximal aims a breakthrough does not by itself
/// bring a deal closer.
#[test]
fn ukrainian_breakthrough_raises_collapse_escalation() {
    let (o, today) = against_today("breakthrough");
    assert!(
        o.drivers.momentum_at_horizon > COLLAPSE_THRESHOLD,
        "momentum at horizon {}",
        o.drivers.momentum_at_horizon
    );
    assert!(
        o.escalation.mean >= 3.0 * today.escalation.mean,
        "breakthrough escalation {} vs today {}",
        pct(o.escalation.mean),
        pct(today.escalation.mean)
    );
    assert!(
        o.settlement.mean < today.settlement.mean,
        "breakthrough settles {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
    // The risk comes from the collapse, not from Western troops.
    assert!(o.drivers.presence_gap <= 0.0);
}
