//! What changed between two drawings of a chart, so the page replaces only
//! that.
//!
//! A slider move redraws a chart's SVG text, but most of the drawing stays
//! as it was: tick labels, axis names, titles, legends, often the grid.
//! Setting the whole text again makes the browser parse, style and lay out
//! every element, and text is the slowest of them to lay out (WebKit most
//! of all). So the page compares the new drawing's top-level elements
//! with the old one's and replaces each run of changed ones, leaving the
//! rest of the document as it was. Working on the text, this is plain Rust
//! and tested natively; `ui/figures.rs` only applies the edits.

/// One run of changed top-level elements: `len` elements from index
/// `start` of the old drawing give way to `markup`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub len: usize,
    pub markup: String,
}

/// A drawing's root tag and its top-level elements, as text. `None` for
/// text that is not one `<svg>` element of whole elements (an empty chart
/// or anything unexpected), which the page then sets whole.
pub fn children(svg: &str) -> Option<(&str, Vec<&str>)> {
    let head_end = svg.find('>')? + 1;
    let root = &svg[..head_end];
    if !root.starts_with("<svg") || root.ends_with("/>") {
        return None;
    }
    let body = svg[head_end..].strip_suffix("</svg>")?;
    let mut parts = Vec::new();
    let (mut depth, mut start, mut at) = (0usize, 0usize, 0usize);
    while let Some(open) = body[at..].find('<') {
        let tag_start = at + open;
        let tag_end = tag_start + body[tag_start..].find('>')? + 1;
        let tag = &body[tag_start..tag_end];
        if depth == 0 {
            if !body[at..tag_start].trim().is_empty() {
                return None;
            }
            start = tag_start;
        }
        if tag.starts_with("</") {
            depth = depth.checked_sub(1)?;
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        if depth == 0 {
            parts.push(&body[start..tag_end]);
        }
        at = tag_end;
    }
    (depth == 0 && body[at..].trim().is_empty()).then_some((root, parts))
}

/// The edits that turn drawing `old` into `new`, or `None` when it must be
/// set whole: its root tag changed (a new size), or either is not a
/// drawing [`children`] can read. With as many elements as before, each
/// run of changed ones is an edit; with more or fewer (another number of
/// ticks, a legend wrapped to another row), one edit replaces everything
/// between the elements both drawings start and end with.
pub fn edits(old: &str, new: &str) -> Option<Vec<Edit>> {
    let (old_root, old) = children(old)?;
    let (new_root, new) = children(new)?;
    if old_root != new_root {
        return None;
    }
    if old.len() != new.len() {
        let same = |(a, b): &(&&str, &&str)| a == b;
        let prefix = old.iter().zip(&new).take_while(same).count();
        let room = old.len().min(new.len()) - prefix;
        let suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(same)
            .count();
        return Some(vec![Edit {
            start: prefix,
            len: old.len() - prefix - suffix,
            markup: new[prefix..new.len() - suffix].concat(),
        }]);
    }
    let mut edits: Vec<Edit> = Vec::new();
    for (k, (a, b)) in old.iter().zip(&new).enumerate() {
        if a == b {
            continue;
        }
        match edits.last_mut() {
            Some(last) if last.start + last.len == k => {
                last.len += 1;
                last.markup.push_str(b);
            }
            _ => edits.push(Edit {
                start: k,
                len: 1,
                markup: (*b).to_owned(),
            }),
        }
    }
    Some(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{chasm_chart, outcomes_chart, sensitivity_chart, Metric, Size};
    use crate::model::{analyse, sensitivity::baseline, Input, Valid};

    #[test]
    fn a_drawing_splits_into_its_top_level_elements() {
        let svg = "<svg viewBox=\"0 0 1 1\"><title>a &lt; b</title><path d=\"M0 0\"/><g class=\"legend\"><line/><text>x</text></g><circle><title>t</title></circle></svg>";
        let (root, parts) = children(svg).unwrap_or_default();
        assert_eq!(root, "<svg viewBox=\"0 0 1 1\">");
        assert_eq!(
            parts,
            [
                "<title>a &lt; b</title>",
                "<path d=\"M0 0\"/>",
                "<g class=\"legend\"><line/><text>x</text></g>",
                "<circle><title>t</title></circle>",
            ]
        );
        assert_eq!(children(""), None, "an empty chart");
        assert_eq!(children("<svg><g></svg>"), None, "unclosed");
        assert_eq!(children("<svg>loose text<path/></svg>"), None);
    }

    #[test]
    fn runs_of_changes_are_one_edit_each() {
        let old = "<svg><a/><b/><c/><d/><e/></svg>";
        let new = "<svg><a/><B/><C/><d/><E/></svg>";
        assert_eq!(
            edits(old, new),
            Some(vec![
                Edit {
                    start: 1,
                    len: 2,
                    markup: "<B/><C/>".into()
                },
                Edit {
                    start: 4,
                    len: 1,
                    markup: "<E/>".into()
                },
            ])
        );
        assert_eq!(edits(old, old), Some(vec![]));
        let edit = |start, len, markup: &str| Edit {
            start,
            len,
            markup: markup.into(),
        };
        let fewer = edits(old, "<svg><a/><e/></svg>");
        assert_eq!(fewer, Some(vec![edit(1, 3, "")]), "another count");
        let more = edits(old, "<svg><a/><b/><x/><c/><d/><e/></svg>");
        assert_eq!(more, Some(vec![edit(2, 0, "<x/>")]));
        assert_eq!(edits(old, "<svg x=\"1\"><a/><b/><c/><d/><e/></svg>"), None);
    }

    /// Applying the edits to the old drawing's elements gives the new
    /// drawing, for real charts before and after a slider move; and the
    /// move leaves most of each chart's elements alone.
    #[test]
    fn edits_rebuild_the_new_drawing_and_leave_most_alone() {
        let t = crate::i18n::Catalog::english();
        let before = Valid::default().with(Input::Presence, 3.0);
        let after = before.with(Input::Aid, before.aid + 0.5);
        let (a, b) = (analyse(&before), analyse(&after));
        let size = Size::for_width(760.0);
        let pairs = [
            (
                outcomes_chart(&t, &a.outcome, None, size, false).svg,
                outcomes_chart(&t, &b.outcome, None, size, false).svg,
            ),
            (
                chasm_chart(&t, &a.map, &before, Metric::Escalation, size).svg,
                chasm_chart(&t, &b.map, &after, Metric::Escalation, size).svg,
            ),
            (
                sensitivity_chart(&t, &a.effects, baseline(&before), size).svg,
                sensitivity_chart(&t, &b.effects, baseline(&after), size).svg,
            ),
        ];
        let (mut changed, mut all) = (0, 0);
        for (old, new) in pairs {
            assert_ne!(old, new);
            let edits = edits(&old, &new).unwrap_or_default();
            let (root, old_parts) = children(&old).unwrap_or_default();
            let mut parts: Vec<String> = old_parts.into_iter().map(str::to_owned).collect();
            changed += edits.iter().map(|e| e.len).sum::<usize>();
            all += parts.len();
            for edit in edits.iter().rev() {
                parts.splice(edit.start..edit.start + edit.len, [edit.markup.clone()]);
            }
            assert_eq!(format!("{root}{}</svg>", parts.concat()), new);
        }
        assert!(2 * changed < all, "{changed} of {all} elements replaced");
    }
}
