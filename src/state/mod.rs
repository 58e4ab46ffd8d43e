//! The page's state and its permalink.
//!
//! The whole state is the model's inputs, made [`Valid`] here as they are
//! decoded, and the [`View`] (language, embed mode, story step); both
//! round-trip through one URL query string with serde ([`query`]), led by
//! the model version that wrote it ([`version`]). Everything read from a
//! URL is validated and clamped, and what was dropped or changed is
//! reported as a [`Notice`] for the page to show: a bad link never breaks
//! the page.
//! A link's story step is checked against [`crate::story`]'s steps, and
//! [`opening_inputs`] says whether the page opens with the step's settings.

mod notice;
mod opening;
pub mod query;
pub mod share;
pub mod version;
mod view;

use crate::model::{Input, Inputs, Valid};
pub use opening::opening_inputs;
use query::shown;
pub use query::Notice;
use view::ViewQuery;
pub use view::{Part, View};

/// What a query string decodes to.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// Valid by type: every value finite, in range and on the grid.
    pub inputs: Valid,
    pub view: View,
    /// What was ignored or changed, in plain words.
    pub notices: Vec<Notice>,
}

/// Reads the state from a query string (`?mo=-0.2&at=0.7…`). Missing keys
/// take their defaults; nothing here can panic or fail.
pub fn decode(query: &str) -> Decoded {
    let mut notices = Vec::new();
    let pairs = query::parse_pairs(query, &mut notices);
    let mut known = Vec::new();
    let raw: Inputs = match query::from_pairs(&pairs, &mut notices, &mut known) {
        Ok(inputs) => inputs,
        Err(error) => {
            notices.push(Notice::new(
                "notice.unreadable",
                &[("value", shown(&error.to_string()))],
            ));
            Inputs::default()
        }
    };
    // `known` holds only the inputs' keys at this point: whether the link
    // sets one decides how a link without `v` is read.
    let sets_inputs = pairs.iter().any(|(key, _)| known.contains(&key.as_str()));
    let view = query::from_pairs::<ViewQuery>(&pairs, &mut notices, &mut known)
        .unwrap_or_default()
        .validate(crate::story::steps().len(), &mut notices);
    known.push(version::KEY);
    // First: it says how to read everything else.
    if let Some(notice) = version::notice(&pairs, sets_inputs) {
        notices.insert(0, notice);
    }
    let mut unknown: Vec<&str> = Vec::new();
    for (key, _) in &pairs {
        let key = key.as_str();
        if !known.contains(&key) && !FRAME_KEYS.contains(&key) && !unknown.contains(&key) {
            unknown.push(key);
        }
    }
    if !unknown.is_empty() {
        let names: Vec<String> = unknown.iter().take(5).map(|k| shown(k)).collect();
        notices.push(Notice::new(
            "notice.unknown",
            &[("value", names.join(", "))],
        ));
    }
    let inputs = Valid::new(&raw);
    for input in Input::ALL {
        let before = input.get(&raw);
        let after = input.get(&inputs);
        // Moving a value onto the grid of a millionth is not worth a notice.
        if before.is_finite() && crate::model::inputs::on_grid(before) != after {
            notices.push(Notice::new(
                "notice.clamped",
                &[
                    ("input", input.spec().id.to_owned()),
                    ("value", crate::decimal::short(before)),
                    ("n", crate::decimal::short(after)),
                ],
            ));
        }
    }
    Decoded {
        inputs,
        view,
        notices,
    }
}

/// The keys pym.js's `Parent` adds to an embedded page's URL. The page
/// reads `childId` (see [`frame_id`]) and ignores the rest, silently: they
/// belong to the host page, not to the reader's link.
pub const FRAME_KEYS: [&str; 4] = ["initialWidth", "childId", "parentTitle", "parentUrl"];

/// The id a pym.js parent gave this frame (`childId`), which the page
/// repeats in its height messages; `None` when absent or not a plain
/// name (letters, digits, `-`, `_`, `.` or `:`, at most 64 characters).
pub fn frame_id(query: &str) -> Option<String> {
    let pairs = query::parse_pairs(query, &mut Vec::new());
    let (_, id) = pairs.into_iter().rev().find(|(k, _)| k == "childId")?;
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_.:".contains(c);
    (!id.is_empty() && id.len() <= 64 && id.chars().all(plain)).then_some(id)
}

/// The query string (without `?`) that reproduces these inputs and this
/// view exactly: the model version first (`v=2.0.0`), then every input, so
/// a link keeps its meaning if defaults change, then the view keys that
/// differ from the plain page.
pub fn encode(inputs: &Valid, view: &View) -> String {
    // Both are flat structs of numbers and strings, which the format
    // always accepts.
    let version = version::pair();
    let model = query::to_query(&**inputs).unwrap_or_default();
    let view = query::to_query(&ViewQuery::from_view(view)).unwrap_or_default();
    if view.is_empty() {
        format!("{version}&{model}")
    } else {
        format!("{version}&{model}&{view}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VERSION;

    /// Decodes `query` as a link made by this version of the page.
    fn current(query: &str) -> Decoded {
        decode(&format!("v={VERSION}&{query}"))
    }

    #[test]
    fn round_trip_is_exact() {
        let inputs = Valid::new(&Inputs {
            momentum: -0.35,
            aid: 0.1 + 0.2,
            presence: 3.0,
            tolerance: 1.0,
            horizon: 48.0,
            ..Inputs::default()
        });
        let decoded = decode(&format!("?{}", encode(&inputs, &View::default())));
        // Inputs are kept to a millionth: 0.1 + 0.2 is stored, and comes
        // back, as 0.3, and every value on that grid comes back exactly.
        assert_eq!(decoded.inputs, inputs);
        assert_eq!(decoded.inputs.aid, 0.3);
        let again = decode(&format!("?{}", encode(&decoded.inputs, &View::default())));
        assert_eq!(again.inputs, decoded.inputs);
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    }

    #[test]
    fn empty_query_gives_defaults_silently() {
        let decoded = decode("");
        assert_eq!(decoded.inputs, Valid::default());
        assert!(decoded.notices.is_empty());
    }

    #[test]
    fn out_of_range_is_clamped_with_notice() {
        let decoded = current("pr=9&mo=-4");
        assert_eq!(decoded.inputs.presence, 5.0);
        assert_eq!(decoded.inputs.momentum, -1.0);
        assert_eq!(decoded.notices.len(), 2, "{:?}", decoded.notices);
    }

    #[test]
    fn garbage_values_fall_back_to_defaults_and_keep_the_rest() {
        let decoded = current("mo=abc&at=NaN&ai=inf&pr=2&to=%3Cscript%3E");
        let d = Inputs::default();
        assert_eq!(decoded.inputs.momentum, d.momentum);
        assert_eq!(decoded.inputs.attrition, d.attrition);
        assert_eq!(decoded.inputs.aid, d.aid);
        assert_eq!(decoded.inputs.tolerance, d.tolerance);
        assert_eq!(decoded.inputs.presence, 2.0);
        assert_eq!(decoded.notices.len(), 4, "{:?}", decoded.notices);
    }

    #[test]
    fn unknown_and_duplicate_keys_are_reported() {
        let decoded = decode("zz=1&pr=1&pr=2&%ZZ=%");
        assert_eq!(decoded.inputs.presence, 2.0);
        let text: Vec<String> = decoded.notices.iter().map(|n| format!("{n:?}")).collect();
        assert!(text.iter().any(|t| t.contains("repeated")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("zz")), "{text:?}");
    }

    #[test]
    fn huge_and_malformed_queries_are_survived() {
        let huge = "pr=1&".repeat(10_000);
        let decoded = current(&huge);
        assert_eq!(decoded.inputs.presence, 1.0);
        // One notice for the length, one for the pair limit, one for the
        // repeats: the 63 pairs after `v`.
        assert_eq!(decoded.notices.len(), 3, "{:?}", decoded.notices);
        assert!(
            decoded.notices[2].args.contains(&("n", "63".to_owned())),
            "{:?}",
            decoded.notices
        );
        for q in [
            "%",
            "%%%",
            "=&=&",
            "pr=%FF%FE",
            "&&&pr",
            "pr=1e308",
            "pr=-0",
        ] {
            let d = decode(q);
            assert_eq!(d.inputs, Valid::new(&d.inputs), "{q}");
        }
    }

    #[test]
    fn pym_parameters_are_accepted_silently() {
        let q = "pr=2&embed=1&initialWidth=640&childId=red-lines_1\
                 &parentTitle=My%20page%20%26%20more&parentUrl=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1";
        let decoded = current(q);
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
        assert_eq!(decoded.inputs.presence, 2.0);
        assert!(decoded.view.embed);
        assert_eq!(frame_id(q).as_deref(), Some("red-lines_1"));
        // Not written back: a shared link never carries the host's details.
        let encoded = encode(&decoded.inputs, &decoded.view);
        assert!(
            !encoded.contains("child") && !encoded.contains("parent"),
            "{encoded}"
        );
        assert_eq!(frame_id("pr=1"), None);
        assert_eq!(frame_id("childId="), None);
        assert_eq!(frame_id("childId=%3Cscript%3E"), None);
        assert_eq!(frame_id("childId=a%20b"), None);
        assert_eq!(frame_id(&format!("childId={}", "a".repeat(65))), None);
        // Other unknown keys are still reported.
        assert_eq!(decode("childId=x&zz=1").notices.len(), 1);
    }

    #[test]
    fn embed_and_show_round_trip() {
        let view = View {
            embed: true,
            show: vec![Part::Headline, Part::Chasm],
            ..View::default()
        };
        let query = encode(&Valid::default(), &view);
        assert!(query.ends_with("&embed=1&show=headline%2Cchasm"), "{query}");
        let decoded = decode(&query);
        assert_eq!(decoded.view, view);
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
        assert!(decoded.view.shows(Part::Chasm) && !decoded.view.shows(Part::Levers));
        // Out of embed mode every part shows and `show` is not written.
        let full = View {
            embed: false,
            ..view
        };
        assert!(Part::ALL.iter().all(|p| full.shows(*p)));
        assert_eq!(
            decode(&encode(&Valid::default(), &full)).view,
            View::default()
        );
    }

    #[test]
    fn percent_coding_round_trips() {
        let text = "a b&c=d/é%";
        assert_eq!(query::percent_decode(&query::percent_encode(text)), text);
        assert_eq!(query::percent_decode("%4"), "%4");
    }

    #[test]
    fn links_carry_the_model_version_first() {
        let query = encode(&Valid::default(), &View::default());
        assert!(query.starts_with(&format!("v={VERSION}&mo=")), "{query}");
        let decoded = decode(&query);
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
        // `v` is a key the page knows, never an unknown one.
        assert!(decode(&format!("v={VERSION}")).notices.is_empty());
    }

    #[test]
    fn a_link_from_another_version_opens_with_a_notice_first() {
        let decoded = decode("pr=2&zz=1&v=1.4.2");
        assert_eq!(decoded.inputs.presence, 2.0, "its settings still apply");
        let first = &decoded.notices[0];
        assert_eq!(first.key, "notice.version");
        assert!(first.args.contains(&("value", "1.4.2".to_owned())));
        assert!(first.args.contains(&("n", VERSION.to_owned())));
        assert_eq!(decoded.notices.len(), 2, "and zz: {:?}", decoded.notices);
        // Repeated, the last `v` counts, as for every key.
        assert!(decode(&format!("v=1.0.0&v={VERSION}&pr=2"))
            .notices
            .is_empty());
        let decoded = decode(&format!("v={VERSION}&pr=2&v=1.0"));
        assert_eq!(decoded.notices[0].key, "notice.version");
    }

    #[test]
    fn a_link_without_version_that_sets_inputs_is_from_model_one() {
        for query in ["pr=2", "?mo=abc", "story=3&pr=1", "embed=1&ho=24"] {
            let decoded = decode(query);
            let first = &decoded.notices[0];
            assert_eq!(first.key, "notice.version", "{query}");
            assert!(first.args.contains(&("value", "1.x".to_owned())), "{query}");
        }
        // Links with no numbers of their own have nothing to differ.
        for query in [
            "",
            "?",
            "lang=uk",
            "story=3",
            "embed=1&show=chasm",
            "childId=a&initialWidth=300",
            "zz=1",
        ] {
            let keys: Vec<&str> = decode(query).notices.iter().map(|n| n.key).collect();
            assert!(!keys.contains(&"notice.version"), "{query}: {keys:?}");
        }
    }

    #[test]
    fn a_hostile_version_is_reported_and_never_trusted() {
        let long = "9".repeat(2_000);
        for (raw, shown) in [
            (
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "<script>alert(1)</script…",
            ),
            ("", ""),
            ("2.0.0-evil", "2.0.0-evil"),
            ("%E2%80%AE0.0.2", "0.0.2"),
            ("1..0", "1..0"),
            ("NaN", "NaN"),
            (&long, "999999999999999999999999…"),
        ] {
            let decoded = decode(&format!("v={raw}&pr=2"));
            assert_eq!(decoded.inputs.presence, 2.0, "{raw}");
            let first = &decoded.notices[0];
            assert_eq!(first.key, "notice.bad_version", "{raw}");
            assert!(
                first.args.contains(&("value", shown.to_owned())),
                "{raw}: {:?}",
                first.args
            );
            let keys: Vec<&str> = decoded.notices.iter().map(|n| n.key).collect();
            assert!(!keys.contains(&"notice.unknown"), "{raw}: {keys:?}");
        }
        // A bare `v` is an empty version.
        assert_eq!(decode("v").notices[0].key, "notice.bad_version");
    }
}
