//! Story mode: the steps exist with their text, and each step moves the
//! model's numbers the way its caption says (the captions name no numbers;
//! these tests hold the directions they describe). Permalinks to a step
//! open it with its settings.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use red_lines::i18n::Catalog;
use red_lines::model::{simulate, Input, Inputs, Outcome};
use red_lines::state::{decode, encode, View};
use red_lines::story::{opening_inputs, steps, Step};

const IDS: [&str; 6] = ["today", "redline", "presence", "aims", "pressure", "power"];

fn step(id: &str) -> Step {
    steps()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no step {id}"))
}

fn outcome(id: &str) -> Outcome {
    simulate(&step(id).inputs)
}

fn pct(p: f64) -> String {
    format!("{:.1}%", 100.0 * p)
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
    assert_eq!(all[0].inputs, Inputs::default());
}

#[test]
fn every_step_sets_valid_distinct_inputs() {
    let all = steps();
    for s in &all {
        for input in Input::ALL {
            assert!(
                input.spec().is_valid(input.get(&s.inputs)),
                "{}: {input:?} = {} is out of range",
                s.id,
                input.get(&s.inputs)
            );
        }
        assert_eq!(s.inputs.sanitized(), s.inputs, "{}", s.id);
        // Whole rungs and whole steps of each slider: a step's settings are
        // values the sliders can show exactly.
        for input in Input::ALL {
            let spec = input.spec();
            let steps = (input.get(&s.inputs) - spec.min) / spec.step;
            assert!((steps - steps.round()).abs() < 1e-9, "{}: {input:?}", s.id);
        }
    }
    for (k, a) in all.iter().enumerate() {
        for b in &all[k + 1..] {
            assert_ne!(a.inputs, b.inputs, "{} and {} are the same", a.id, b.id);
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
        // The headline shows the numbers live; a caption names none.
        assert!(
            !caption.chars().any(|c| c.is_ascii_digit() || c == '%'),
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

/// The red line: trainers, one rung above Moscow's stated tolerance of
/// none, raise the escalation risk and make a deal less likely.
#[test]
fn red_line_step_crosses_the_line_and_raises_the_risk() {
    let (o, today) = (outcome("redline"), outcome("today"));
    assert_eq!(o.inputs.tolerance, 0.0);
    assert!(o.drivers.presence_gap > 0.0);
    assert!(
        o.escalation.mean > 2.0 * today.escalation.mean,
        "escalation {} vs today {}",
        pct(o.escalation.mean),
        pct(today.escalation.mean)
    );
    assert!(
        o.settlement.mean < today.settlement.mean,
        "settlement {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
}

/// The presence proposal: a reassurance force far above the line, the
/// chasm: escalation far higher than at the red line step, and a deal all
/// but blocked.
#[test]
fn presence_step_opens_the_chasm() {
    let (o, red) = (outcome("presence"), outcome("redline"));
    let today = outcome("today");
    assert!(o.drivers.presence_gap >= 2.0);
    assert!(
        o.escalation.mean > 2.0 * red.escalation.mean,
        "escalation {} vs red line step {}",
        pct(o.escalation.mean),
        pct(red.escalation.mean)
    );
    assert!(o.settlement.mean < red.settlement.mean);
    assert!(
        o.settlement.mean < 0.25 * today.settlement.mean,
        "settlement {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
}

/// Ukraine's aims shift toward security first: the bargaining gap narrows
/// and a deal is clearly likelier than today, with no troops offered.
#[test]
fn aims_step_narrows_the_gap_and_makes_a_deal_likelier() {
    let (o, today) = (outcome("aims"), outcome("today"));
    assert!(o.inputs.aims < today.inputs.aims);
    assert_eq!(o.inputs.presence, 0.0);
    assert!(o.drivers.bargaining_gap < today.drivers.bargaining_gap);
    assert!(
        o.settlement.mean > today.settlement.mean + 0.05,
        "settlement {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
    assert!(o.escalation.mean <= today.escalation.mean);
}

/// The pressure to compromise: a hurting stalemate makes a deal likelier
/// than in the last step, but fading support weakens the guarantee, so a
/// deal is less likely to last.
#[test]
fn pressure_step_ripens_the_war_but_weakens_the_deal() {
    let (o, before) = (outcome("pressure"), outcome("aims"));
    assert!(o.drivers.ripeness > before.drivers.ripeness);
    assert!(
        o.settlement.mean > before.settlement.mean,
        "settlement {} vs last step {}",
        pct(o.settlement.mean),
        pct(before.settlement.mean)
    );
    assert!(o.drivers.guarantee < before.drivers.guarantee);
    assert!(
        o.durability.mean < before.durability.mean,
        "durability {} vs last step {}",
        pct(o.durability.mean),
        pct(before.durability.mean)
    );
}

/// A settlement shaped by power: a guarantee inside what Moscow accepts
/// makes a deal likelier than today and more durable than in the last
/// step, with the escalation risk still low.
#[test]
fn power_step_fits_the_guarantee_inside_the_line() {
    let (o, before, today) = (outcome("power"), outcome("pressure"), outcome("today"));
    assert!(o.inputs.presence > 0.0 && o.inputs.presence <= o.inputs.tolerance);
    assert!(o.drivers.presence_gap <= 0.0);
    assert!(
        o.settlement.mean > today.settlement.mean + 0.1,
        "settlement {} vs today {}",
        pct(o.settlement.mean),
        pct(today.settlement.mean)
    );
    assert!(o.drivers.guarantee > before.drivers.guarantee);
    assert!(
        o.durability.mean > before.durability.mean,
        "durability {} vs last step {}",
        pct(o.durability.mean),
        pct(before.durability.mean)
    );
    assert!(
        o.escalation.mean < 0.03,
        "escalation {}",
        pct(o.escalation.mean)
    );
}

fn opened(query: &str) -> (Inputs, View) {
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
    let changed = Inputs {
        presence: 5.0,
        ..step("presence").inputs
    };
    let view = View {
        story: Some(3),
        ..View::default()
    };
    assert_eq!(opened(&encode(&changed, &view)).0, changed);
    // One input key is enough to make the link's inputs count.
    let (inputs, _) = opened("story=3&pr=2");
    assert_eq!(
        inputs,
        Inputs {
            presence: 2.0,
            ..Inputs::default()
        }
    );
    // Outside story mode nothing changes.
    assert_eq!(opened("").0, Inputs::default());
    assert_eq!(opened("pr=4").0.presence, 4.0);
    assert_eq!(opened("story=abc").0, Inputs::default());
}
