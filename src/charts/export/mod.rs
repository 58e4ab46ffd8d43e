//! Charts as files to keep: each chart as one self-contained SVG sheet
//! (title on top, the chart, then the settings it was drawn with, the
//! source line and the model version), which the page also turns into a
//! PNG, and the numbers behind it as CSV ([`csv`]), with the model
//! version in a column of its own.
//!
//! Everything here is plain text building, so it is tested natively; the
//! page only hands the results to the browser as downloads.

mod csv;

pub use csv::{chasm_csv, outcomes_csv, sensitivity_csv};

use super::{escape, Chart};
use crate::i18n::Catalog;
use crate::model::{Input, Inputs};

/// Dark ink for text and axes. On the page the charts draw in
/// `currentColor`, the page's text colour; a file has no page around it.
pub const INK: &str = "#1d232a";
/// Lighter ink for the source line.
const MUTED: &str = "#4f5a66";
/// The page's font stack, set on the sheet since the file leaves the CSS.
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/// The narrowest sheet: a narrower chart (the square chasm map) is
/// centred, so the settings lines keep a readable length.
const MIN_WIDTH: u32 = 720;
/// Space around and between the parts of a sheet, in pixels.
const MARGIN: u32 = 16;

/// How much sharper than the sheet's own size the PNG is drawn: fixed,
/// not the screen's pixel ratio, so every reader gets the same file.
pub const PNG_SCALE: u32 = 2;

/// A finished SVG document and its size in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// The texts a sheet prints around its chart.
pub struct Caption<'a> {
    pub title: &'a str,
    /// A heading for the settings, e.g. "Settings".
    pub settings_heading: &'a str,
    /// One line per input, e.g. "Front-line momentum: Russia gains ground slowly".
    pub settings: &'a [String],
    /// Where the numbers come from (and, say, a link to these settings).
    pub source: &'a str,
    /// Which model drew it, e.g. "Model version 2.0.0": the same settings
    /// give other numbers under another version.
    pub version: &'a str,
}

/// One self-contained SVG document: white background, the title, the
/// chart (nested at its own size and centred, ink made dark) and the
/// settings, source line and model version under it. Long lines are wrapped at spaces by an estimate
/// of the text's width (no fonts are measured).
pub fn sheet(chart: &Chart, caption: &Caption) -> Sheet {
    let (chart_width, chart_height) = chart_size(&chart.svg);
    let width = chart_width.max(MIN_WIDTH);
    let x = (width - chart_width) / 2;
    let mut body = String::new();
    let mut y = MARGIN + 20;
    body.push_str(&text_line(MARGIN, y, 20, true, INK, caption.title));
    y += 12;
    let nested = chart
        .svg
        .replacen(
            "<svg ",
            &format!("<svg x=\"{x}\" y=\"{y}\" width=\"{chart_width}\" height=\"{chart_height}\" "),
            1,
        )
        .replace("currentColor", INK);
    body.push_str(&nested);
    y += chart_height + 8;
    let mut block = |size: u32, bold: bool, color: &str, text: &str, y: &mut u32| {
        for line in wrap(text, chars_per_line(width, size)) {
            *y += size + 5;
            body.push_str(&text_line(MARGIN, *y, size, bold, color, &line));
        }
    };
    block(13, true, INK, caption.settings_heading, &mut y);
    for line in caption.settings {
        block(12, false, INK, line, &mut y);
    }
    y += 8;
    block(11, false, MUTED, caption.source, &mut y);
    block(11, false, MUTED, caption.version, &mut y);
    let height = y + MARGIN;
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\"><title>{}</title><desc>{}</desc><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{body}</svg>",
        escape(caption.title),
        escape(&chart.description),
    );
    Sheet { svg, width, height }
}

/// Width and height of a chart from its viewBox.
fn chart_size(svg: &str) -> (u32, u32) {
    let numbers: Vec<u32> = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("")
        .split_whitespace()
        .filter_map(crate::decimal::parse)
        .map(|n| n.round().max(1.0) as u32)
        .collect();
    match numbers[..] {
        [_, _, w, h] => (w, h),
        _ => (720, 400),
    }
}

fn text_line(x: u32, y: u32, size: u32, bold: bool, color: &str, text: &str) -> String {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" fill=\"{color}\"{weight}>{}</text>",
        escape(text)
    )
}

/// About how many characters of `size` pixel text fit across the sheet:
/// an average glyph of a sans-serif font is about half its size wide.
fn chars_per_line(width: u32, size: u32) -> usize {
    let usable = width.saturating_sub(2 * MARGIN) as f64;
    ((usable / (0.56 * size as f64)) as usize).max(20)
}

/// Breaks `text` into lines of at most `max` characters at spaces; a word
/// longer than a line (a link, say) is cut where the line ends.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        let used = line.chars().count();
        if used > 0 && used + 1 + word.len() <= max {
            line.push(' ');
            line.extend(word.iter());
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
        }
        while word.len() > max {
            lines.push(word.drain(..max).collect());
        }
        line.extend(word.iter());
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The settings in words, one line per input: "Label: value".
pub fn settings(t: &Catalog, inputs: &Inputs) -> Vec<String> {
    Input::ALL
        .into_iter()
        .map(|input| {
            format!(
                "{}: {}",
                crate::text::label(t, input),
                crate::text::value_text(t, input, input.get(inputs))
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{chasm_chart, outcomes_chart, sensitivity_chart, Metric, Size};
    use crate::model::{analyse, sensitivity::baseline, Valid};

    /// A strict enough XML well-formedness check for generated SVG: tags
    /// nest and close, attributes are quoted, and text and attribute values
    /// use only the five predefined entities or numeric references.
    fn assert_well_formed(xml: &str) {
        let mut open: Vec<String> = Vec::new();
        let mut rest = xml;
        let check_text = |text: &str| {
            assert!(!text.contains('<'), "raw < in text: {text}");
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..text[i..].find(';').map_or(text.len(), |e| i + e + 1)];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity)
                        || entity.starts_with("&#"),
                    "bad entity {entity}"
                );
            }
        };
        while let Some(start) = rest.find('<') {
            check_text(&rest[..start]);
            let end = start + rest[start..].find('>').expect("unclosed tag");
            let tag = &rest[start + 1..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(
                    open.pop().as_deref(),
                    Some(name.trim()),
                    "mismatched </{name}>"
                );
                continue;
            }
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, mut attrs) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "bad tag name {name:?}"
            );
            let mut seen = Vec::new();
            loop {
                attrs = attrs.trim_start();
                if attrs.is_empty() {
                    break;
                }
                let (key, after) = attrs.split_once('=').expect("attribute without value");
                assert!(
                    !seen.contains(&key),
                    "duplicate attribute {key} on <{name}>"
                );
                seen.push(key);
                let quote = after.chars().next().expect("empty attribute");
                assert!(quote == '"' || quote == '\'', "unquoted {key} on <{name}>");
                let close = after[1..].find(quote).expect("unclosed attribute") + 1;
                check_text(&after[1..close]);
                attrs = &after[close + 1..];
            }
            if !self_closing {
                open.push(name.to_owned());
            }
            assert!(
                !open.is_empty() || rest.trim().is_empty(),
                "content after root"
            );
        }
        check_text(rest);
        assert!(open.is_empty(), "unclosed elements: {open:?}");
    }

    fn caption<'a>(settings: &'a [String]) -> Caption<'a> {
        Caption {
            title: "Outcomes over time",
            settings_heading: "Settings",
            settings,
            source: "Source: Red Lines & friends <https://example.org/?mo=-0.2&ho=36>",
            version: "Model version 9.9.9",
        }
    }

    #[test]
    fn a_sheet_is_well_formed_sized_and_says_what_it_shows() {
        let t = Catalog::english();
        let inputs = Valid::default();
        let a = analyse(&inputs);
        let settings = settings(&t, &inputs);
        assert_eq!(settings.len(), Input::ALL.len());
        let size = Size::EXPORT;
        for chart in [
            outcomes_chart(&t, &a.outcome, None, size, false),
            chasm_chart(&t, &a.map, &inputs, Metric::Escalation, size),
            sensitivity_chart(&t, &a.effects, baseline(&inputs), size),
        ] {
            let s = sheet(&chart, &caption(&settings));
            assert_well_formed(&s.svg);
            assert!(s
                .svg
                .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
            assert!(s.svg.contains(&format!(
                "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\"",
                s.width, s.height, s.width, s.height
            )));
            assert_eq!(s.width, MIN_WIDTH.max(chart_size(&chart.svg).0));
            assert!(s.height > size.height + 150, "room for the settings");
            assert!(s.svg.contains("font-family="));
            assert!(s.svg.contains("fill=\"#ffffff\""), "a white background");
            assert!(!s.svg.contains("currentColor"), "ink is dark in a file");
            assert!(s.svg.contains(">Outcomes over time</text>"));
            assert!(s.svg.contains("Source: Red Lines &amp; friends &lt;https:"));
            assert!(s.svg.contains("mo=-0.2&amp;ho=36&gt;"));
            assert!(s.svg.contains(">Model version 9.9.9</text>"), "the version");
            // Each setting, as the sheet wraps it at its 12-pixel size.
            for line in &settings {
                for piece in wrap(line, chars_per_line(s.width, 12)) {
                    assert!(s.svg.contains(&escape(&piece)), "settings line {line}");
                }
            }
            assert!(s.svg.contains(&escape(t.get("input.momentum.label"))));
            assert_eq!(s.svg.matches("<svg").count(), 2, "the chart is nested");
        }
    }

    #[test]
    fn the_checker_catches_broken_xml() {
        for bad in [
            "<svg><g></svg>",
            "<svg a=b></svg>",
            "<svg>a & b</svg>",
            "<svg a=\"1\" a=\"2\"/>",
        ] {
            assert!(
                std::panic::catch_unwind(|| assert_well_formed(bad)).is_err(),
                "{bad}"
            );
        }
        assert_well_formed("<svg a=\"x &amp; y\"><g/><text>1 &lt; 2</text></svg>");
    }

    #[test]
    fn wrapping_keeps_words_and_cuts_long_links() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("  ", 10), Vec::<String>::new());
        let lines = wrap(&"word ".repeat(100), 30);
        assert!(lines.iter().all(|l| l.chars().count() <= 30));
        assert_eq!(lines.join(" "), "word ".repeat(100).trim());
    }
}
