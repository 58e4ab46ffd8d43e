//! What the decoder tells a reader about a link it could not fully use:
//! a catalogue key and its values, and values made safe to show.

use crate::i18n::Catalog;

/// Longest value kept in a notice, so a hostile link cannot flood the page.
const NOTICE_VALUE_LEN: usize = 24;

/// Something the decoder dropped or changed, to tell the reader about:
/// a catalogue key (`notice.*`) and the values for its placeholders, so
/// the notice reads in whatever language the page is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Notice {
    pub fn new(key: &'static str, args: &[(&'static str, String)]) -> Notice {
        Notice {
            key,
            args: args.to_vec(),
        }
    }

    /// The notice in words. An `input` argument holds an input's id and
    /// reads as that input's label. Empty until the catalogue has the
    /// sentence: most are in the rest of English, which asking for one
    /// sends for, and the notice fills in when it arrives.
    pub fn text(&self, t: &Catalog) -> String {
        if t.find(self.key).is_none() {
            return String::new();
        }
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, value)| match *name {
                "input" => (*name, t.get(&format!("input.{value}.label")).to_owned()),
                _ => (*name, value.clone()),
            })
            .collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        t.fill(self.key, &args)
    }
}

/// A value shortened and stripped of control characters for display,
/// including the invisible marks that reorder text (bidirectional
/// overrides and isolates), so a hostile value cannot turn the rest of
/// its notice around.
pub fn shown(raw: &str) -> String {
    let clean: String = raw
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_mark(*c))
        .take(NOTICE_VALUE_LEN)
        .collect();
    if raw.chars().count() > NOTICE_VALUE_LEN {
        format!("{clean}…")
    } else {
        clean
    }
}

/// Unicode's explicit direction marks, embeddings, overrides and isolates.
fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_values_cannot_reorder_their_notice() {
        assert_eq!(shown("a\u{202E}b\u{2066}c\u{200F}d\n\u{61C}"), "abcd");
        assert_eq!(shown(&"x".repeat(30)), format!("{}…", "x".repeat(24)));
    }
}
