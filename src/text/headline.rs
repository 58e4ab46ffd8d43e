//! The headline's third number and the pair of Moscow's lines in words:
//! where a ceasefire lands on the terms scale, out of 100, and the
//! settlement figure if Moscow's real line is its stated one or a rung
//! higher.

use super::{points, rung_name, signed};
use crate::i18n::Catalog;
use crate::model::{Estimate, Outcome};

/// The terms as the headline shows them: "41 of 100".
pub fn terms_value(t: &Catalog, v: f64) -> String {
    t.fill("headline.terms.value", &[("n", &points(v))])
}

/// [`terms_value`] split around the number, (words before, number, words
/// after), so the page can set the number large whatever the language's
/// word order.
pub fn terms_parts(t: &Catalog, v: f64) -> (String, String, String) {
    const MARK: &str = "\u{0}";
    let n = points(v);
    let marked = t.fill("headline.terms.value", &[("n", MARK)]);
    match marked.split_once(MARK) {
        Some((before, after)) => (before.to_owned(), n, after.to_owned()),
        None => (String::new(), n, String::new()),
    }
}

/// "30–55": the 90% range of the terms, out of 100.
pub fn terms_range(e: &Estimate) -> String {
    format!("{}–{}", points(e.p5), points(e.p95))
}

/// Where a ceasefire signed within the horizon lands, with its range and
/// what the scale's ends and middle mean.
pub fn terms_sentence(t: &Catalog, outcome: &Outcome) -> String {
    t.fill(
        "headline.terms.sentence",
        &[
            ("months", &t.months(outcome.months as u32)),
            ("value", &terms_value(t, outcome.terms.mean)),
            ("range", &terms_range(&outcome.terms)),
        ],
    )
}

/// The pair that decides the settlement figure: the chance that a
/// ceasefire holds if Moscow's real line is its stated one, and if it
/// would accept one rung more; only the first when the stated line is
/// already the top rung.
pub fn lines_sentence(t: &Catalog, outcome: &Outcome) -> String {
    outcome
        .lines
        .iter()
        .zip(LINE_KEYS)
        .map(|(line, key)| line_sentence(t, key, line.line, line.settlement))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The longest [`lines_sentence`] the catalogue can make (over every
/// stated line, with a number as wide as one with a decimal), which the
/// page lays out unseen under the real one so that the headline keeps its
/// height as the rung names change.
pub fn lines_room(t: &Catalog) -> String {
    (0..=5)
        .map(|stated| {
            let stated = f64::from(stated);
            let lines = [stated, stated + 1.0];
            lines
                .iter()
                .filter(|line| **line <= 5.0)
                .zip(LINE_KEYS)
                .map(|(line, key)| line_sentence(t, key, *line, 0.099))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .max_by_key(|s| s.chars().count())
        .unwrap_or_default()
}

/// The sentences for Moscow's stated line and the one a rung above it.
const LINE_KEYS: [&str; 2] = ["headline.line.stated", "headline.line.higher"];

fn line_sentence(t: &Catalog, key: &str, line: f64, settlement: f64) -> String {
    t.fill(
        key,
        &[
            ("n", &t.decimal(line.round(), 0)),
            ("name", &rung_name(t, line)),
            ("p", &t.percent(settlement)),
        ],
    )
}

/// B's terms against the kept view A's (`compare.delta_terms`): the
/// signed difference in points out of 100, one decimal, and A's terms.
/// Empty until the catalogue has the sentence (in the rest of English).
pub fn terms_delta(t: &Catalog, b: f64, a: f64) -> String {
    if t.find("compare.delta_terms").is_none() {
        return String::new();
    }
    t.fill(
        "compare.delta_terms",
        &[("delta", &signed(t, b - a)), ("a", &terms_value(t, a))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, Inputs, Valid};

    #[test]
    fn the_pair_of_lines_names_both_rungs_or_only_the_stated_one() {
        let t = Catalog::english();
        let outcome = simulate(&Valid::default());
        let s = lines_sentence(&t, &outcome);
        assert!(
            s.starts_with("If Moscow's real line is its stated one (rung 0: None): ")
                && s.contains("If it would accept one rung more (rung 1: Trainers and advisers): "),
            "{s}"
        );
        assert!(s.contains(&t.percent(outcome.lines[0].settlement)), "{s}");
        let top = simulate(&Valid::new(&Inputs {
            tolerance: 5.0,
            ..Inputs::default()
        }));
        assert_eq!(top.lines.len(), 1);
        let s = lines_sentence(&t, &top);
        assert!(s.contains("(rung 5: Combat formations)"), "{s}");
        assert!(!s.contains("one rung more") && !s.contains('{'), "{s}");
        let room = lines_room(&t);
        assert!(room.contains("one rung more"), "{room}");
        for outcome in [outcome, top] {
            let s = lines_sentence(&t, &outcome);
            assert!(room.chars().count() >= s.chars().count(), "{s} / {room}");
        }
    }

    #[test]
    fn terms_read_out_of_100_with_their_range() {
        let t = Catalog::english();
        assert_eq!(terms_value(&t, 0.414), "41 of 100");
        assert_eq!(
            terms_parts(&t, 0.5),
            (String::new(), "50".to_owned(), " of 100".to_owned())
        );
        assert_eq!(points(f64::NAN), "0");
        assert_eq!(points(1.2), "100");
        let outcome = simulate(&Valid::default());
        let s = terms_sentence(&t, &outcome);
        assert!(
            s.starts_with("A ceasefire signed within 36 months lands at "),
            "{s}"
        );
        assert!(
            s.contains(&terms_range(&outcome.terms)) && !s.contains('{'),
            "{s}"
        );
        assert_eq!(terms_delta(&t, 0.45, 0.41), "+4.0 against A (41 of 100)");
    }
}
