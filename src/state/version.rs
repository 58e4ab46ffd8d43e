//! The model version a link was made with (`v=2.0.0`).
//!
//! The same inputs can give other numbers under another model, so every
//! link says which model made it, and a reader who opens a link from
//! another version is told that the numbers may differ from what its
//! author saw. Links from model 1.x carry no `v`: the decoder recognises
//! them by their input keys.
//!
//! The key is read by hand rather than through a serde struct like the
//! other keys: for one string the derived code would cost the download
//! half a kilobyte.

use super::query::{shown, Notice};
use crate::model::VERSION;

/// The key that holds the version in a link.
pub const KEY: &str = "v";

/// How a notice names the model behind a link without `v`: only 1.x
/// wrote links without one.
const UNVERSIONED: &str = "1.x";

/// Longest version string read; a longer `v` is not a version number.
const MAX_LEN: usize = 16;

/// This page's version as a query pair, `v=2.0.0`. A version is digits
/// and dots, which need no escaping.
pub(super) fn pair() -> String {
    format!("{KEY}={VERSION}")
}

/// The notice a link deserves for its version, if any. `sets_inputs` says
/// whether the link sets a model input: without `v`, such a link was made
/// with model 1.x, while one that sets none (a plain page, `?lang=uk`,
/// `?story=3`) has no numbers of its own that could differ. A `v` that is
/// not a version number is reported as such, never trusted.
pub(super) fn notice(pairs: &[(String, String)], sets_inputs: bool) -> Option<Notice> {
    // The last `v` counts, as for every key.
    let version = pairs.iter().rev().find(|(key, _)| key == KEY);
    match version.map(|(_, v)| v.as_str()) {
        None if sets_inputs => Some(other_version(UNVERSIONED)),
        None => None,
        Some(v) if !is_version(v) => Some(Notice::new(
            "notice.bad_version",
            &[("value", shown(v)), ("n", VERSION.to_owned())],
        )),
        Some(v) if v == VERSION => None,
        Some(v) => Some(other_version(v)),
    }
}

fn other_version(version: &str) -> Notice {
    Notice::new(
        "notice.version",
        &[("value", version.to_owned()), ("n", VERSION.to_owned())],
    )
}

/// Whether `text` is a short version number: groups of digits separated
/// by single dots (`2`, `2.0`, `2.0.0`), at most [`MAX_LEN`] characters.
pub fn is_version(text: &str) -> bool {
    text.len() <= MAX_LEN
        && text
            .split('.')
            .all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_numbers_are_digits_and_dots() {
        assert!(is_version(VERSION), "the model's own version is valid");
        assert_eq!(pair(), format!("v={VERSION}"));
        for good in ["1", "1.0", "2.0.0", "10.20.30", "0.0.1"] {
            assert!(is_version(good), "{good}");
        }
        for bad in [
            "",
            ".",
            "1.",
            ".1",
            "1..0",
            "v2.0.0",
            "2.0.0-beta",
            "2,0",
            " 2.0.0",
            "٢.٠",
            "1.2.3.4.5.6.7.8.9",
            "<script>",
        ] {
            assert!(!is_version(bad), "{bad:?}");
        }
    }
}
