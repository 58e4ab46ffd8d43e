//! Property tests of the permalink decoder against arbitrary input: it
//! must never panic, always yield a valid state, and say what it dropped.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use red_lines::i18n::Lang;
use red_lines::model::{Input, Inputs, Valid, VERSION};
use red_lines::state::query::percent_encode;
use red_lines::state::version::is_version;
use red_lines::state::{decode, encode, frame_id, Part, View};
use red_lines::story::steps;

const KEYS: [&str; 11] = [
    "mo", "at", "ai", "pr", "sp", "to", "lt", "ep", "ua", "ho", "un",
];

fn is_valid(inputs: &Inputs) -> bool {
    Input::ALL.iter().all(|i| i.spec().is_valid(i.get(inputs)))
}

/// Query strings built from known keys with hostile values, unknown keys,
/// stray separators and percent escapes.
fn hostile_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        proptest::sample::select(KEYS.to_vec()).prop_map(str::to_owned),
        "[a-z]{1,3}",
        ".{0,6}",
    ];
    let value = prop_oneof![
        any::<f64>().prop_map(|v| v.to_string()),
        Just("NaN".to_owned()),
        Just("-inf".to_owned()),
        Just("1e309".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        "%[0-9A-Fa-f]{0,2}",
        ".{0,12}",
    ];
    proptest::collection::vec((key, value, any::<bool>()), 0..20).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(k, v, amp)| format!("{k}={v}{}", if amp { "&" } else { "&&" }))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_text_never_panics_and_gives_a_valid_state(query in ".{0,300}") {
        let decoded = decode(&query);
        prop_assert!(is_valid(&decoded.inputs));
    }

    #[test]
    fn hostile_queries_give_a_valid_state_and_report_every_bad_value(query in hostile_query()) {
        let decoded = decode(&query);
        prop_assert!(is_valid(&decoded.inputs));
        // Whatever was kept re-encodes and decodes to itself, silently.
        let again = decode(&encode(&decoded.inputs, &decoded.view));
        prop_assert_eq!(again.inputs, decoded.inputs);
        prop_assert!(again.notices.is_empty());
        // A known key whose value is not a finite in-range number is reported.
        for (k, v) in query.split('&').filter_map(|p| p.split_once('=')) {
            if KEYS.contains(&k) {
                let ok = v.parse::<f64>().map(|x| x.is_finite()).unwrap_or(false);
                if !ok {
                    prop_assert!(!decoded.notices.is_empty(), "{} was not reported", v);
                }
            }
        }
    }

    #[test]
    fn any_valid_state_round_trips_exactly(values in proptest::collection::vec(0.0f64..=1.0, 11)) {
        let mut inputs = Valid::default();
        for (input, t) in Input::ALL.iter().zip(values) {
            let spec = input.spec();
            inputs = inputs.with(*input, spec.min + t * (spec.max - spec.min));
        }
        let decoded = decode(&encode(&inputs, &View::default()));
        prop_assert_eq!(decoded.inputs, inputs);
        prop_assert!(decoded.notices.is_empty());
    }

    /// A kept reference view ("A") round-trips with the sliders' view: a
    /// link reopens the comparison exactly.
    #[test]
    fn a_comparison_round_trips_exactly(
        a in proptest::collection::vec(0.0f64..=1.0, 15),
        b in proptest::collection::vec(0.0f64..=1.0, 15),
    ) {
        let place = |values: &[f64]| {
            let mut inputs = Valid::default();
            for (input, t) in Input::ALL.iter().zip(values) {
                let spec = input.spec();
                inputs = inputs.with(*input, spec.min + t * (spec.max - spec.min));
            }
            inputs
        };
        let view = View { reference: Some(place(&a)), ..View::default() };
        let decoded = decode(&encode(&place(&b), &view));
        prop_assert_eq!(decoded.inputs, place(&b));
        prop_assert_eq!(decoded.view, view);
        prop_assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    }

    /// Any `ref=` value: either a usable reference, every value in range,
    /// or none with a notice; never a panic.
    #[test]
    fn hostile_references_are_clamped_or_reported(
        text in prop_oneof![
            proptest::collection::vec(any::<f64>().prop_map(|v| v.to_string()), 0..18).prop_map(|v| v.join(",")),
            ".{0,60}",
        ],
    ) {
        let decoded = decode(&format!("ref={}", text.replace('&', "%26")));
        match decoded.view.reference {
            Some(reference) => prop_assert!(is_valid(&reference)),
            None => prop_assert!(
                decoded.notices.iter().any(|n| n.key == "notice.bad_ref"),
                "{:?}", decoded.notices
            ),
        }
    }

    /// The view's keys (language, embed, parts, story step, and pym.js's
    /// frame id) with hostile values: the view is always usable, what was
    /// dropped is reported, and what was kept round-trips silently.
    #[test]
    fn hostile_view_keys_give_a_usable_view(
        lang in prop_oneof![Just("uk".to_owned()), Just("FR-ca".to_owned()), ".{0,12}"],
        embed in prop_oneof![Just("1".to_owned()), Just("0".to_owned()), ".{0,6}"],
        show in proptest::collection::vec(
            prop_oneof![Just("chasm".to_owned()), Just("headline".to_owned()), "[a-z<>%,]{0,8}"],
            0..8,
        ),
        story in prop_oneof![any::<f64>().prop_map(|v| v.to_string()), ".{0,8}"],
        child in ".{0,80}",
    ) {
        let query = format!(
            "lang={lang}&embed={embed}&show={}&story={story}&childId={child}",
            show.join(",")
        );
        let decoded = decode(&query);
        let view = &decoded.view;
        if let Some(step) = view.story {
            prop_assert!((1..=steps().len()).contains(&step), "story step {}", step);
        }
        // Parts in page order, each once.
        let order: Vec<usize> = view
            .show
            .iter()
            .filter_map(|p| Part::ALL.iter().position(|q| q == p))
            .collect();
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{:?}", view.show);
        if Lang::from_code(&lang).is_none() && !lang.is_empty() {
            prop_assert!(!decoded.notices.is_empty(), "language {:?} was not reported", lang);
        }
        // pym's id is used in messages only when it is short and plain.
        if let Some(id) = frame_id(&query) {
            prop_assert!(id.len() <= 64 && !id.contains(['<', '>', '"', '&']));
        }
        let again = decode(&encode(&decoded.inputs, view));
        prop_assert_eq!(&again.view, view);
        prop_assert!(again.notices.is_empty(), "{:?}", again.notices);
    }

    /// The model version key with any value, on a link that sets inputs
    /// or only view keys: its own version passes silently, another is
    /// noticed, anything else is reported as not a version, and `v` is
    /// never an unknown key. The page's own link always carries its version.
    #[test]
    fn any_version_value_is_handled(
        v in prop_oneof![
            Just(VERSION.to_owned()),
            Just("1.0.0".to_owned()),
            "[0-9]{1,3}(\\.[0-9]{1,3}){0,3}",
            "[0-9.]{0,20}",
            ".{0,40}",
        ],
        rest in prop_oneof![Just("pr=2"), Just("lang=uk"), Just("story=2"), Just("")],
    ) {
        let decoded = decode(&format!("v={}&{rest}", percent_encode(&v)));
        let keys: Vec<&str> = decoded.notices.iter().map(|n| n.key).collect();
        let expected = if v == VERSION {
            None
        } else if is_version(&v) {
            Some("notice.version")
        } else {
            Some("notice.bad_version")
        };
        prop_assert_eq!(keys.first().copied(), expected, "{:?}", keys);
        prop_assert!(!keys.contains(&"notice.unknown"), "{:?}", keys);
        let again = encode(&decoded.inputs, &decoded.view);
        prop_assert!(again.starts_with(&format!("v={VERSION}&")), "{}", again);
        prop_assert!(decode(&again).notices.is_empty());
    }
}
