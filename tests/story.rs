//! Story mode: the steps exist with their text, and each step moves the
//! model's numbers the way its caption says (the captions name no numbers;
//! these tests hold the directions they describe). Permalinks to a step
//! open it with its settings.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashSet;

use common::{assert_likelier, assert_valid_and_distinct, find, pct};
use red_lines::i18n::Catalog;
use red_lines::model::{simulate, Input, Outcome, Valid};
use red_lines::state::{decode, encode, opening_inputs, View};
use red_lines::story::{steps, Step};

const IDS: [&str; 7] = [
    "today", "redline", "presence", "aims", "moscow", "pressure", "power",
];

fn step(id: &str) -> Step {
    find(id)
}

fn outcome(id: &str) -> Outcome {
    common::outcome::<Step>(id)
}

#[test]
fn the_steps_follow_the_debate_with_unique_link_safe_ids() {
    let all = steps();
    assert!(all.len() >= 5, "only {} steps", all.len());
    let ids: Vec<&str> = all.iter().map(|s| s.id).collect();
    assert_eq!(ids, IDS, "the steps and their order");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
    for id in ids {
        assert!(
            !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase()),
            "{id:?} is not a plain key"
        );
    }
    // The story starts where the page does.
    assert_eq!(all[0].inputs, Valid::default());
}

/// The English catalogue lists the steps' captions in the steps' order:
/// the end-to-end tests read the steps from there, not from the Rust.
#[test]
fn the_catalogue_lists_the_captions_in_the_steps_order() {
    let text = [red_lines::i18n::ENGLISH, red_lines::i18n::ENGLISH_REST].concat();
    let listed: Vec<&str> = text
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .filter_map(|(key, _)| key.strip_prefix("story.")?.strip_suffix(".caption"))
        .collect();
    assert_eq!(listed, IDS);
}

#[test]
fn every_step_sets_valid_distinct_inputs() {
    let all = steps();
    assert_valid_and_distinct(&all);
    for s in &all {
        // Whole rungs and whole steps of each slider: a step's settings are
        // values the sliders can show exactly.
        for input in Input::ALL {
            let spec = input.spec();
            let steps = (input.get(&s.inputs) - spec.min) / spec.step;
            assert!((steps - steps.round()).abs() < 1e-9, "{}: {input:?}", s.id);
        }
    }
}

#[test]
fn every_step_has_a_short_title_and_a_plain_caption_in_english() {
    let en = Catalog::english();
    for s in steps() {
        let (title_key, caption_key) = (s.title_key(), s.caption_key());
        let title = en.get(&title_key);
        let caption = en.get(&caption_key);
        assert_ne!(title, title_key, "{title_key} is missing");
        assert_ne!(caption, caption_key, "{caption_key} is missing");
        assert!(
            (3..=40).contains(&title.chars().count()),
            "{title_key}: {title:?}"
        );
        let sentences = caption.matches(". ").count() + 1;
        assert!(
            caption.ends_with('.') && (1..=3).contains(&sentences),
            "{caption_key} should be one to three sentences: {caption:?}"
        );
        // The headline shows the numbers live; a caption names none. A
        // year that dates a stated position is not a figure of the model.
        let undated: String = caption
            .split_whitespace()
            .filter(|w| {
                let digits: String = w.chars().filter(char::is_ascii_digit).collect();
                !(digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")))
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            !undated.chars().any(|c| c.is_ascii_digit() || c == '%'),
            "{caption_key} hard-codes a number: {caption:?}"
        );
    }
    for key in [
        "story.open",
        "story.step",
        "story.previous",
        "story.next",
        "story.exit",
        "story.link",
        "story.off",
        "story.back",
    ] {
        assert_ne!(en.get(key), key, "{key} is missing");
    }
    assert_eq!(
        en.fill("story.step", &[("n", "2"), ("total", "6")]),
        "Step 2 of 6"
    );
}

/// Today: the coalition's proposed force, three rungs above Moscow's
/// stated line, all but blocks a deal if that line is its real one.
#[test]
fn today_step_shows_the_chasm() {
    let o = outcome("today");
    assert!(o.drivers.presence_gap >= 2.0);
    let open = outcome("redline");
    assert!(
        o.lines[0].settlement < 0.5 * open.settlement.mean,
        "settlement at the stated line {} against {} without the force",
        pct(o.lines[0].settlement),
        pct(open.settlement.mean)
    );
}

/// Without the force: nothing crosses Moscow's line, a ceasefire becomes
/// far likelier than at Moscow's stated line with the force, but with aid
/// as Kyiv's only guarantee many break down.
#[test]
fn without_the_force_a_deal_comes_but_often_breaks_down() {
    let (o, today) = (outcome("redline"), outcome("today"));
    assert_eq!(o.inputs.presence, 0.0);
    assert!(
        o.settlement.mean > today.settlement.mean + 0.05
            && o.settlement.mean > 2.0 * today.lines[0].settlement,
        "settlement {} vs today {} ({} at Moscow's stated line)",
        pct(o.settlement.mean),
        pct(today.settlement.mean),
        pct(today.lines[0].settlement)
    );
    // About four in ten ceasefires signed break down before they count
    // as a durable peace.
    assert!(
        o.survival.mean < 0.65,
        "a ceasefire holds two years in only {}",
        pct(o.survival.mean)
    );
    assert!(
        o.breakdown.mean > 0.1,
        "breakdown {}",
        pct(o.breakdown.mean)
    );
}

/// A presence Moscow accepts: at least as many ceasefires as without the
/// force (the guarantee helps the signing too), more of them holding, and
/// a small added risk of incidents.
#[test]
fn an_accepted_presence_makes_a_ceasefire_hold_better() {
    let (o, before) = (outcome("presence"), outcome("redline"));
    assert!(o.inputs.presence > 0.0 && o.inputs.presence <= o.inputs.tolerance);
    assert!(
        o.ceasefire.mean >= before.ceasefire.mean - 0.01,
        "ceasefire {} vs {}",
        pct(o.ceasefire.mean),
        pct(before.ceasefire.mean)
    );
    assert!(o.drivers.guarantee > before.drivers.guarantee);
    assert_likelier(
        "survival",
        o.survival.mean,
        "without the force",
        before.survival.mean,
        0.0,
    );
    assert!(o.breakdown.mean < before.breakdown.mean);
    assert!(o.escalation.mean > before.escalation.mean);
    assert!(
        o.escalation.mean < 0.03,
        "escalation {}",
        pct(o.escalation.mean)
    );
}

/// The bargaining gap narrower than in the step `before`, and a deal
/// clearly likelier (by five points).
fn narrows_and_likelier(o: &Outcome, before: &Outcome) {
    assert!(o.drivers.bargaining_gap < before.drivers.bargaining_gap);
    assert_likelier(
        "settlement",
        o.settlement.mean,
        "last step",
        before.settlement.mean,
        0.05,
    );
}

/// Ukraine's aims shift toward security first: the bargaining gap narrows
/// and a deal is clearly likelier than in the last step.
#[test]
fn aims_step_narrows_the_gap_and_makes_a_deal_likelier() {
    let (o, before) = (outcome("aims"), outcome("presence"));
    assert!(o.inputs.aims < before.inputs.aims);
    assert_eq!(o.inputs.russian_aims, before.inputs.russian_aims);
    narrows_and_likelier(&o, &before);
}

/// Russia's aims shift by as much as Kyiv's did: the gap narrows again
/// and a deal is clearly likelier than in the last step. The two steps
/// move each side's aims by the same amount.
#[test]
fn moscow_step_narrows_the_gap_as_much_again() {
    let (o, before, start) = (outcome("moscow"), outcome("aims"), outcome("presence"));
    assert!(o.inputs.russian_aims < before.inputs.russian_aims);
    assert_eq!(o.inputs.aims, before.inputs.aims);
    assert_eq!(
        before.inputs.russian_aims - o.inputs.russian_aims,
        start.inputs.aims - before.inputs.aims,
        "each side's aims move by the same amount"
    );
    narrows_and_likelier(&o, &before);
}

/// The pressure to sign: a hurting stalemate and pressing mediators bring
/// more ceasefires than in the last step, but more of them break down
/// (Werner and Yuen 2005).
#[test]
fn pressure_step_brings_more_ceasefires_that_hold_less_well() {
    let (o, before) = (outcome("pressure"), outcome("moscow"));
    assert!(o.drivers.ripeness > before.drivers.ripeness);
    assert_likelier(
        "ceasefire",
        o.ceasefire.mean,
        "last step",
        before.ceasefire.mean,
        0.0,
    );
    assert!(
        o.survival.mean < before.survival.mean,
        "survival {} vs last step {}",
        pct(o.survival.mean),
        pct(before.survival.mean)
    );
    assert!(o.breakdown.mean > before.breakdown.mean);
}

/// A settlement shaped by power: less pressure and lasting aid give fewer
/// ceasefires than in the last step but more of them holding, so the
/// chance of peace at the horizon is about the same (within five points)
/// and far above today's, with escalation still low.
#[test]
fn power_step_trades_pressure_for_deals_that_hold() {
    let (o, before, today) = (outcome("power"), outcome("pressure"), outcome("today"));
    assert!(o.drivers.presence_gap <= 0.0);
    assert!(o.ceasefire.mean < before.ceasefire.mean);
    assert_likelier(
        "survival",
        o.survival.mean,
        "last step",
        before.survival.mean,
        0.05,
    );
    assert!(
        (o.settlement.mean - before.settlement.mean).abs() < 0.05,
        "settlement {} vs last step {}",
        pct(o.settlement.mean),
        pct(before.settlement.mean)
    );
    assert!(o.settlement.mean > today.settlement.mean + 0.3);
    assert!(
        o.escalation.mean < 0.03,
        "escalation {}",
        pct(o.escalation.mean)
    );
}

fn opened(query: &str) -> (Valid, View) {
    let decoded = decode(query);
    (opening_inputs(query, &decoded), decoded.view)
}

#[test]
fn a_step_link_opens_the_step_with_its_settings() {
    let all = steps();
    for (k, s) in all.iter().enumerate() {
        let n = k + 1;
        // As a teacher writes it.
        let (inputs, view) = opened(&format!("?story={n}"));
        assert_eq!(view.story, Some(n));
        assert_eq!(inputs, s.inputs, "?story={n}");
        // With a language but still no input: the step's settings.
        assert_eq!(opened(&format!("?lang=uk&story={n}")).0, s.inputs);
        // As the address bar holds it: every input, reproduced exactly.
        let view = View {
            story: Some(n),
            ..View::default()
        };
        let query = encode(&s.inputs, &view);
        assert_eq!(opened(&query), (s.inputs, view));
    }
    // A step out of range opens the last step, with a notice.
    let decoded = decode("story=99");
    assert_eq!(decoded.view.story, Some(all.len()));
    assert_eq!(decoded.notices.len(), 1, "{:?}", decoded.notices);
    assert_eq!(
        opening_inputs("story=99", &decoded),
        all[all.len() - 1].inputs
    );
}

#[test]
fn a_link_with_inputs_keeps_them_in_story_mode() {
    // A reader who moved a slider during step 3 shares what they see.
    let changed = step("presence").inputs.with(Input::Presence, 5.0);
    let view = View {
        story: Some(3),
        ..View::default()
    };
    assert_eq!(opened(&encode(&changed, &view)).0, changed);
    // One input key is enough to make the link's inputs count.
    let (inputs, _) = opened("story=3&pr=2");
    assert_eq!(inputs, Valid::default().with(Input::Presence, 2.0));
    // Outside story mode nothing changes.
    assert_eq!(opened("").0, Valid::default());
    assert_eq!(opened("pr=4").0.presence, 4.0);
    assert_eq!(opened("story=abc").0, Valid::default());
}

/// The steps whose figure rests on one assumption say so, with the range:
/// every step whose proposed force crosses Moscow's stated line depends
/// above all on how far that line is Moscow's real one (its credibility);
/// the steps without the force, or with one inside the line, do not.
#[test]
fn steps_that_rest_on_one_assumption_say_which_and_how_far() {
    use red_lines::model::sensitivity::{dependence, ASSUMPTIONS, STRONG_SPAN};
    use red_lines::text::dependence_sentence;
    let t = Catalog::english();
    for s in steps() {
        let found = dependence(&s.inputs);
        if s.inputs.presence > s.inputs.tolerance {
            let d = found.unwrap_or_else(|| panic!("{}: no assumption found", s.id));
            assert_eq!(d.input, Input::Credibility, "{}: {d:?}", s.id);
            assert!(d.span() >= STRONG_SPAN && d.low < d.high, "{}: {d:?}", s.id);
            let here = simulate(&s.inputs).settlement.mean;
            // The headline (on the full draws) sits inside the range, give
            // or take the stratified draws' error.
            assert!(
                d.low - 0.03 <= here && here <= d.high + 0.03,
                "{}: {here} outside {d:?}",
                s.id
            );
            let sentence = dependence_sentence(&t, &d);
            assert!(
                sentence.contains(&red_lines::text::label(&t, Input::Credibility)),
                "{sentence}"
            );
            assert!(sentence.contains(&t.percent(d.low)) && sentence.contains(&t.percent(d.high)));
        } else {
            assert_eq!(found, None, "{}: no force crosses the stated line", s.id);
        }
        // The named assumption is the one that moves the figure most.
        if let Some(d) = found {
            for other in ASSUMPTIONS {
                let mut lo: f64 = 1.0;
                let mut hi: f64 = 0.0;
                let spec = other.spec();
                for k in 0..=5 {
                    let v = s
                        .inputs
                        .with(other, spec.min + (spec.max - spec.min) * k as f64 / 5.0);
                    let p = red_lines::model::simulate::headline(
                        &v,
                        red_lines::model::draws::stratified_draws(),
                    )
                    .0;
                    lo = lo.min(p);
                    hi = hi.max(p);
                }
                assert!(
                    hi - lo <= d.span() + 1e-9,
                    "{}: {other:?} moves more than {d:?}",
                    s.id
                );
            }
        }
    }
}
