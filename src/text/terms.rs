//! Glossary terms inside catalogue text.
//!
//! A catalogue value marks a technical term as `[[id|words]]`: `id` names
//! an entry of the glossary (`gloss.html`, whose `<dt id="g-id">` holds the
//! term and the `<dd>` after it the definition) and `words` are the words
//! shown in the sentence, in whatever grammatical form the sentence needs.
//! The page turns each mark into a button that opens the definition in
//! place (`ui::glossary`); the glossary section lists them all.
//!
//! Only text the page renders as HTML may carry marks: the tests in
//! `tests/i18n.rs` keep them out of every other key, so no plain-text use
//! (an announcement, an export) ever shows the brackets.

/// The glossary's entries, in the order the glossary section lists them.
pub const IDS: [&str; 16] = [
    "rung",
    "ladder",
    "chasm",
    "reassurance",
    "tripwire",
    "stalemate",
    "commitment",
    "breakdown",
    "escalation",
    "range",
    "nato",
    "minsk",
    "coalition",
    "annexation",
    "sanctions",
    "ceasefire",
];

/// The marks in `text`, as `(id, words)` pairs in order of appearance.
pub fn marks(text: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some((_, after)) = rest.split_once("[[") {
        let Some((mark, tail)) = after.split_once("]]") else {
            break;
        };
        let (id, words) = mark.split_once('|').unwrap_or((mark, mark));
        found.push((id, words));
        rest = tail;
    }
    found
}

/// `text` with each mark made a button that opens its definition. The
/// button names the entry it opens (`data-term`) and says whether it is
/// open (`aria-expanded`), which the glossary keeps up to date.
pub fn to_html(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some((before, after)) = rest.split_once("[[") {
        let Some((mark, tail)) = after.split_once("]]") else {
            break;
        };
        let (id, words) = mark.split_once('|').unwrap_or((mark, mark));
        html.push_str(before);
        html.push_str(r#"<button type="button" class="term" aria-expanded="false" data-term=""#);
        html.push_str(id);
        html.push_str(r#"">"#);
        html.push_str(words);
        html.push_str("</button>");
        rest = tail;
    }
    html.push_str(rest);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_becomes_a_button_with_its_words() {
        assert_eq!(
            to_html("A [[tripwire|tripwire force]] near the line."),
            "A <button type=\"button\" class=\"term\" aria-expanded=\"false\" \
             data-term=\"tripwire\">tripwire force</button> near the line."
        );
    }

    #[test]
    fn text_without_marks_is_unchanged() {
        for text in ["", "plain", "a [single] bracket", "unclosed [[rung|rung"] {
            assert_eq!(to_html(text), text);
        }
    }

    #[test]
    fn a_mark_without_words_shows_its_id() {
        assert_eq!(
            marks("[[rung]] and [[chasm|the chasm]]"),
            [("rung", "rung"), ("chasm", "the chasm")]
        );
        assert!(to_html("[[rung]]").ends_with(">rung</button>"));
    }
}
