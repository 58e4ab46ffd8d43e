//! The named scenarios: each must exist, say which argument it stands for,
//! and tell its story in the model's numbers. The outcomes are pinned
//! relative to "today" (or in wide absolute bands) with margin, so that a
//! recalibration may move the decimals but not the story.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use common::{assert_likelier, assert_valid_and_distinct, find, pct};
use red_lines::i18n::Catalog;
use red_lines::model::presets::matching;
use red_lines::model::simulate::constants::COLLAPSE_THRESHOLD;
use red_lines::model::{presets, simulate, Input, Inputs, Outcome, Preset, Valid};

const IDS: [&str; 10] = [
    "today",
    "frozen",
    "coalition",
    "fatigue",
    "neutrality",
    "breakthrough",
    "russian-breakthrough",
    "moscow-terms",
    "kyiv-terms",
    "limited-force",
];

fn preset(id: &str) -> Preset {
    find(id)
}

fn outcome(id: &str) -> Outcome {
    common::outcome::<Preset>(id)
}

/// A scenario's outcome beside today's.
fn against_today(id: &str) -> (Outcome, Outcome) {
    (outcome(id), outcome("today"))
}

/// Today's positions without the proposed force: the baseline of the
/// scenarios that set no presence.
fn no_force() -> Outcome {
    simulate(&Valid::new(&Inputs {
        presence: 0.0,
        ..Inputs::default()
    }))
}

#[test]
fn the_scenarios_exist_with_unique_ids_and_a_rationale() {
    let all = presets();
    assert!(all.len() >= IDS.len(), "only {} presets", all.len());
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
    assert_valid_and_distinct(&all);
    for p in &all {
        assert_eq!(matching(&p.inputs).map(|m| m.id), Some(p.id));
    }
    // The page opens on the first preset: today, the defaults.
    assert_eq!(all[0].id, "today");
    assert_eq!(all[0].inputs, Valid::default());
}

/// Today: the coalition's proposed force stands three rungs above
/// Moscow's stated line. If that line is its real one, a deal is all but
/// blocked until the proposal is revised (less than half the figure
/// without the force); the headline weighs the chance that it is not,
/// and that the proposal is revised, so it lies above that figure and
/// below the figure without the force. The proposal adds nothing to the
/// risk of the fighting: it acts only once a ceasefire holds.
#[test]
fn today_the_proposed_force_all_but_blocks_a_deal_if_moscows_line_is_real() {
    let o = outcome("today");
    let open = no_force();
    assert!(o.drivers.presence_gap >= 2.0);
    let stated = o.lines[0].settlement;
    assert!(
        stated < 0.5 * open.settlement.mean,
        "at the stated line {} against {} without the force",
        pct(stated),
        pct(open.settlement.mean)
    );
    assert!(
        stated < o.settlement.mean && o.settlement.mean < open.settlement.mean,
        "{} at the stated line, {} in all, {} without the force",
        pct(stated),
        pct(o.settlement.mean),
        pct(open.settlement.mean)
    );
    let e = o.escalation.mean;
    assert!((0.002..0.03).contains(&e), "escalation {}", pct(e));
    assert!(
        open.ceasefire.mean > 1.2 * o.ceasefire.mean,
        "without the force {} vs {}",
        pct(open.ceasefire.mean),
        pct(o.ceasefire.mean)
    );
    assert_eq!(
        o.drivers.escalation_per_mille,
        open.drivers.escalation_per_mille
    );
    // Western aid fades faster than outside support for Russia (half-lives
    // of 36 and 60 months as coded for mid-2026), tipping a nearly still
    // front toward Russia.
    assert!(o.drivers.momentum_at_horizon < 0.0);
    assert!(o.drivers.momentum_at_horizon <= o.inputs.momentum);
}

/// A war of position: with no force proposed, a slower war that hurts
/// less, with no one gaining ground, is not ripe: a ceasefire is clearly
/// less likely than without the force at today's costs, and nothing in it
/// makes a clash likelier (escalation stays below 3%).
#[test]
fn a_war_of_position_settles_less_without_escalating() {
    let (o, open) = (outcome("frozen"), no_force());
    assert_eq!(o.inputs.presence, 0.0);
    assert!(
        o.settlement.mean < 0.8 * open.settlement.mean,
        "war of position settles {} vs {}",
        pct(o.settlement.mean),
        pct(open.settlement.mean)
    );
    assert!(
        o.escalation.mean < 0.03,
        "escalation {}",
        pct(o.escalation.mean)
    );
    assert!(o.drivers.ripeness < open.drivers.ripeness);
}

/// The coalition's force with lasting aid: if Moscow's stated line is
/// its real one the deal stays all but blocked, as today, but the
/// stronger guarantee makes a ceasefire that does come likelier to hold
/// than today's.
#[test]
fn the_coalition_with_lasting_aid_is_still_blocked_but_holds_better() {
    let (o, today) = against_today("coalition");
    assert!(o.drivers.presence_gap >= 2.0);
    assert!(
        o.lines[0].settlement < 0.5 * no_force().settlement.mean,
        "settlement at the stated line {}",
        pct(o.lines[0].settlement)
    );
    assert!(o.drivers.guarantee > today.drivers.guarantee);
    assert_likelier(
        "survival",
        o.survival.mean,
        "today",
        today.survival.mean,
        0.0,
    );
}

/// Western aid declines: with no force, aid falling and support fading,
/// Ukraine's momentum at the horizon is clearly worse, the guarantee
/// weaker, and a deal less likely and less likely to hold than without
/// the force at today's aid.
#[test]
fn declining_western_aid_weakens_ukraine_and_the_chance_of_a_deal() {
    let (o, open) = (outcome("fatigue"), no_force());
    assert!(
        o.drivers.momentum_at_horizon < open.drivers.momentum_at_horizon - 0.1,
        "momentum at horizon {} vs {}",
        o.drivers.momentum_at_horizon,
        open.drivers.momentum_at_horizon
    );
    assert!(
        o.settlement.mean < 0.8 * open.settlement.mean,
        "fatigue settles {} vs {}",
        pct(o.settlement.mean),
        pct(open.settlement.mean)
    );
    assert!(o.drivers.guarantee < 0.5 * open.drivers.guarantee);
    assert!(o.survival.mean < open.survival.mean);
}

/// Trainers instead of troops: security-first aims and a guarantee that
/// Moscow is taken to accept make a ceasefire that holds far likelier
/// (over 40%) than without any force, and likelier to last, with
/// escalation still low.
#[test]
fn trainers_instead_of_troops_make_a_lasting_deal_far_likelier() {
    let (o, open) = (outcome("neutrality"), no_force());
    assert!(o.drivers.presence_gap <= 0.0);
    assert!(
        o.settlement.mean > 0.4,
        "neutrality settles {}",
        pct(o.settlement.mean)
    );
    assert_likelier(
        "neutrality settles",
        o.settlement.mean,
        "no force",
        open.settlement.mean,
        0.1,
    );
    assert_likelier(
        "survival",
        o.survival.mean,
        "no force",
        open.survival.mean,
        0.0,
    );
    assert!(o.drivers.guarantee > open.drivers.guarantee);
    assert!(
        o.escalation.mean < 0.03,
        "escalation {}",
        pct(o.escalation.mean)
    );
}

/// Ukrainian breakthrough: a collapsing Russian front is dangerous. The
/// front is still collapsing at the horizon, escalation risk is several
/// times that of the same positions without a breakthrough, and with
/// maximal aims a breakthrough does not by itself bring a deal closer.
#[test]
fn ukrainian_breakthrough_raises_collapse_escalation() {
    let (o, open) = (outcome("breakthrough"), no_force());
    assert!(
        o.drivers.momentum_at_horizon > COLLAPSE_THRESHOLD,
        "momentum at horizon {}",
        o.drivers.momentum_at_horizon
    );
    assert!(
        o.escalation.mean >= 3.0 * open.escalation.mean,
        "breakthrough escalation {} vs {}",
        pct(o.escalation.mean),
        pct(open.escalation.mean)
    );
    assert!(
        o.settlement.mean < open.settlement.mean,
        "breakthrough settles {} vs {}",
        pct(o.settlement.mean),
        pct(open.settlement.mean)
    );
    // The risk comes from the collapse, not from Western troops.
    assert!(o.drivers.presence_gap <= 0.0);
}

/// Russian breakthrough, the mirror of the Ukrainian one: a collapsing
/// Ukrainian front is dangerous too. The front is collapsing at the
/// horizon, escalation (Western states drawn in) is several times that of
/// the same positions without a breakthrough, and no Western troops are
/// involved.
#[test]
fn russian_breakthrough_raises_drawn_in_escalation() {
    let (o, open) = (outcome("russian-breakthrough"), no_force());
    assert!(
        o.drivers.momentum_at_horizon < -0.5,
        "momentum at horizon {}",
        o.drivers.momentum_at_horizon
    );
    assert!(
        o.escalation.mean >= 3.0 * open.escalation.mean,
        "Russian breakthrough escalation {} vs {}",
        pct(o.escalation.mean),
        pct(open.escalation.mean)
    );
    assert!(o.drivers.presence_gap <= 0.0);
    // The two breakthroughs are mirrors in the front they start from.
    let ukrainian = preset("breakthrough").inputs;
    let russian = preset("russian-breakthrough").inputs;
    assert_eq!(russian.momentum, -ukrainian.momentum);
}

/// Each side's full terms, each with the other side's stated red line or
/// ask met, as mirrors: in Moscow's terms the West drops the force, as
/// Moscow's stated red line requires; in Kyiv's terms Moscow accepts the
/// coalition's force, as Kyiv seeks. Moscow's terms settle less than
/// today's positions without the force (its aims widen the gap) but more
/// than today's at Moscow's stated line; Kyiv's terms settle less than
/// Moscow accepting the force with Kyiv's aims as today (its aims widen
/// the gap), but more than today's at Moscow's stated line. Each side's
/// terms land on its side of today's.
#[test]
fn each_sides_full_terms_widen_the_gap() {
    let (moscow, kyiv) = (outcome("moscow-terms"), outcome("kyiv-terms"));
    let (today, open) = (outcome("today"), no_force());
    let accepted = outcome("limited-force");
    assert!(moscow.drivers.bargaining_gap > open.drivers.bargaining_gap);
    assert!(moscow.settlement.mean < open.settlement.mean);
    assert_likelier(
        "Moscow's terms",
        moscow.settlement.mean,
        "today at the stated line",
        today.lines[0].settlement,
        0.0,
    );
    // The mirror: each side's aims at their fullest, the other side's
    // condition on the force met.
    let (m, k) = (preset("moscow-terms").inputs, preset("kyiv-terms").inputs);
    assert_eq!((m.russian_aims, m.presence), (1.0, 0.0));
    assert_eq!((k.aims, k.tolerance), (1.0, k.presence));
    assert!(kyiv.drivers.presence_gap <= 0.0);
    assert!(kyiv.drivers.bargaining_gap > accepted.drivers.bargaining_gap);
    assert!(kyiv.settlement.mean < accepted.settlement.mean);
    assert_likelier(
        "Kyiv's terms",
        kyiv.settlement.mean,
        "today at the stated line",
        today.lines[0].settlement,
        0.0,
    );
}

/// Moscow accepts the coalition's force: with its stated line the only
/// change, a ceasefire that holds becomes far likelier than today, and the
/// deployed force adds risk once a ceasefire holds (escalation above
/// today's): the assumption that decides the coalition case.
#[test]
fn moscow_accepting_the_force_decides_the_coalition_case() {
    let (o, today) = against_today("limited-force");
    assert_eq!(
        o.inputs.with(Input::Tolerance, today.inputs.tolerance),
        today.inputs
    );
    assert!(o.drivers.presence_gap <= 0.0);
    assert_likelier(
        "settlement",
        o.settlement.mean,
        "today",
        today.settlement.mean,
        0.15,
    );
    assert!(o.escalation.mean > today.escalation.mean);
}
