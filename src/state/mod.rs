//! The page's state and its permalink.
//!
//! The whole state is the model's [`Inputs`] and the [`View`] (language,
//! embed mode, story step); both round-trip through one URL query string
//! with serde ([`query`]). Everything read from a URL is
//! validated and clamped, and what was dropped or changed is reported as a
//! [`Notice`] for the page to show: a bad link never breaks the page.

pub mod query;
pub mod share;
mod view;

use crate::model::{Input, Inputs};
use query::shown;
pub use query::Notice;
use view::ViewQuery;
pub use view::{Part, View};

/// What a query string decodes to.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// Always valid: every value finite and in range.
    pub inputs: Inputs,
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
    let view = query::from_pairs::<ViewQuery>(&pairs, &mut notices, &mut known)
        .unwrap_or_default()
        .validate(crate::story::steps().len(), &mut notices);
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
    let inputs = raw.sanitized();
    for input in Input::ALL {
        let before = input.get(&raw);
        let after = input.get(&inputs);
        if before.is_finite() && before != after {
            notices.push(Notice::new(
                "notice.clamped",
                &[
                    ("input", input.spec().id.to_owned()),
                    ("value", before.to_string()),
                    ("n", after.to_string()),
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
/// view exactly. Every input is written, so a link keeps its meaning if
/// defaults change; view keys only when they differ from the plain page.
pub fn encode(inputs: &Inputs, view: &View) -> String {
    // Both are flat structs of numbers and strings, which the format
    // always accepts.
    let model = query::to_query(&inputs.sanitized()).unwrap_or_default();
    let view = query::to_query(&ViewQuery::from_view(view)).unwrap_or_default();
    if view.is_empty() {
        model
    } else {
        format!("{model}&{view}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_is_exact() {
        let inputs = Inputs {
            momentum: -0.35,
            aid: 0.1 + 0.2,
            presence: 3.0,
            tolerance: 1.0,
            horizon: 48.0,
            ..Inputs::default()
        };
        let decoded = decode(&format!("?{}", encode(&inputs, &View::default())));
        assert_eq!(decoded.inputs, inputs);
        assert!(decoded.notices.is_empty(), "{:?}", decoded.notices);
    }

    #[test]
    fn empty_query_gives_defaults_silently() {
        let decoded = decode("");
        assert_eq!(decoded.inputs, Inputs::default());
        assert!(decoded.notices.is_empty());
    }

    #[test]
    fn out_of_range_is_clamped_with_notice() {
        let decoded = decode("pr=9&mo=-4");
        assert_eq!(decoded.inputs.presence, 5.0);
        assert_eq!(decoded.inputs.momentum, -1.0);
        assert_eq!(decoded.notices.len(), 2, "{:?}", decoded.notices);
    }

    #[test]
    fn garbage_values_fall_back_to_defaults_and_keep_the_rest() {
        let decoded = decode("mo=abc&at=NaN&ai=inf&pr=2&to=%3Cscript%3E");
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
        let decoded = decode(&huge);
        assert_eq!(decoded.inputs.presence, 1.0);
        // One notice for the length, one for the pair limit, one for the repeats.
        assert_eq!(decoded.notices.len(), 3, "{:?}", decoded.notices);
        assert!(
            decoded.notices[2].args.contains(&("n", "64".to_owned())),
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
            assert_eq!(d.inputs, d.inputs.sanitized(), "{q}");
        }
    }

    #[test]
    fn pym_parameters_are_accepted_silently() {
        let q = "pr=2&embed=1&initialWidth=640&childId=red-lines_1\
                 &parentTitle=My%20page%20%26%20more&parentUrl=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1";
        let decoded = decode(q);
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
        let query = encode(&Inputs::default(), &view);
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
            decode(&encode(&Inputs::default(), &full)).view,
            View::default()
        );
    }

    #[test]
    fn percent_coding_round_trips() {
        let text = "a b&c=d/é%";
        assert_eq!(query::percent_decode(&query::percent_encode(text)), text);
        assert_eq!(query::percent_decode("%4"), "%4");
    }
}
