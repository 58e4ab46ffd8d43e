//! Charts as files to keep: each chart as one self-contained SVG sheet
//! (title on top, the chart, then the settings it was drawn with, the
//! source line and the model version), which the page also turns into a
//! PNG, and the numbers behind it as CSV, with the model version in a
//! column of its own.
//!
//! Everything here is plain text building, so it is tested natively; the
//! page only hands the results to the browser as downloads.
//!
//! CSV is for machines: numbers always use a plain `.` decimal point and
//! probabilities are fractions from 0 to 1, and the column names are
//! fixed identifiers, whatever language the page is shown in, so a
//! spreadsheet or script reads every download the same way.

use super::{escape, Chart, Table};
use crate::i18n::Catalog;
use crate::model::{ChasmMap, Effect, Input, Inputs, Outcome, VERSION};

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
                crate::text::value_text(t, input, inputs)
            )
        })
        .collect()
}

impl Table {
    /// The table as CSV (RFC 4180): a header row, then one line per row,
    /// lines ending in CRLF; a cell with a comma, quote or line break is
    /// quoted, its quotes doubled. The caption is not part of CSV.
    pub fn to_csv(&self) -> String {
        let mut csv = String::new();
        for row in std::iter::once(&self.head).chain(&self.rows) {
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            csv.push_str(&cells.join(","));
            csv.push_str("\r\n");
        }
        csv
    }
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// A probability (or any number) for CSV: plain `.` decimals, four places.
fn num(v: f64) -> String {
    format!("{v:.4}")
}

/// The name of the column that holds the model version in every CSV.
const VERSION_COLUMN: &str = "model_version";

/// The model version as the CSV column writes it: `v2.0.0`, not `2.0.0`,
/// because a spreadsheet in a locale that writes dates with dots (German,
/// Ukrainian, Russian) may take `2.1.0` for a date, 2 January 2000; a
/// leading letter keeps the cell text everywhere.
fn csv_version() -> String {
    format!("v{VERSION}")
}

/// `head` and `rows` as CSV, with the model version added as the last
/// column of every row.
///
/// A column, rather than a comment line or the file name: a line before
/// the header breaks the header detection of spreadsheets and of most
/// CSV readers, and a file name is lost when the file is renamed, when
/// rows are pasted into another sheet or when downloads are combined,
/// whereas a column travels with every row. It comes last so that the
/// columns before it keep their places, and being text it stays out of
/// the way of charts made from the numeric columns.
fn versioned_csv(mut head: Vec<String>, mut rows: Vec<Vec<String>>) -> String {
    head.push(VERSION_COLUMN.to_owned());
    let version = csv_version();
    for row in &mut rows {
        row.push(version.clone());
    }
    Table {
        caption: String::new(),
        head,
        rows,
    }
    .to_csv()
}

fn table(head: &[&str], rows: Vec<Vec<String>>) -> String {
    versioned_csv(head.iter().map(|h| (*h).to_owned()).collect(), rows)
}

/// The outcomes chart's numbers: one row per month, 0 to the horizon,
/// with the mean of each state and of the two "ever" curves, and the
/// bands of settled (a ceasefire holding or durable peace) and escalated.
/// When comparing, the kept view A's settled and escalated means follow
/// (`a_settled`, `a_escalated`; empty past A's own horizon).
pub fn outcomes_csv(outcome: &Outcome, reference: Option<&Outcome>) -> String {
    let rows = (0..=outcome.months)
        .map(|t| {
            let (s, e) = (outcome.settled_band[t], outcome.escalated_band[t]);
            let mut row = vec![t.to_string()];
            row.extend(
                [
                    outcome.fighting[t],
                    outcome.holding[t],
                    outcome.durable[t],
                    outcome.reached[t],
                    outcome.broke_down[t],
                ]
                .map(num),
            );
            for (mean, b) in [(outcome.settled[t], s), (outcome.escalated[t], e)] {
                row.extend([mean, b.p5, b.p25, b.median, b.p75, b.p95].map(num));
            }
            if let Some(a) = reference {
                for curve in [&a.settled, &a.escalated] {
                    row.push(curve.get(t).map(|&v| num(v)).unwrap_or_default());
                }
            }
            row
        })
        .collect();
    let mut head: Vec<String> = [
        "month",
        "fighting",
        "ceasefire_holding",
        "durable_peace",
        "ceasefire_reached",
        "ceasefire_broke_down",
    ]
    .map(str::to_owned)
    .to_vec();
    for state in ["settled", "escalated"] {
        head.extend(
            ["", "_p5", "_p25", "_median", "_p75", "_p95"].map(|column| format!("{state}{column}")),
        );
    }
    if reference.is_some() {
        head.extend(["a_settled", "a_escalated"].map(str::to_owned));
    }
    versioned_csv(head, rows)
}

/// The chasm map's numbers: one row per grid point, presence and
/// tolerance in rungs, with both metrics (central estimates).
pub fn chasm_csv(map: &ChasmMap) -> String {
    let n = map.axis.len();
    let rows = (0..n * n)
        .map(|k| {
            let (p, t) = (k % n, k / n);
            let (s, e) = map.at(p, t);
            vec![num(map.axis[p]), num(map.axis[t]), num(e), num(s)]
        })
        .collect();
    table(&["presence", "tolerance", "escalation", "settlement"], rows)
}

/// The sensitivity chart's numbers: one row per lever, its values one step
/// down and up, and both headline probabilities there and as set now.
pub fn sensitivity_csv(effects: &[Effect], baseline: (f64, f64)) -> String {
    let rows = effects
        .iter()
        .map(|e| {
            let mut row = vec![e.input.spec().id.to_owned()];
            row.extend(
                [
                    e.low_value,
                    e.high_value,
                    baseline.0,
                    e.settlement_low,
                    e.settlement_high,
                    baseline.1,
                    e.escalation_low,
                    e.escalation_high,
                ]
                .map(num),
            );
            row
        })
        .collect();
    table(
        &[
            "lever",
            "value_down",
            "value_up",
            "settlement_now",
            "settlement_down",
            "settlement_up",
            "escalation_now",
            "escalation_down",
            "escalation_up",
        ],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{chasm_chart, outcomes_chart, sensitivity_chart, Metric, Size};
    use crate::model::{analyse, sensitivity::baseline};

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
        let inputs = Inputs::default();
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
            for line in &settings {
                assert!(s.svg.contains(&escape(line)), "settings line {line}");
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

    #[test]
    fn csv_quotes_cells_and_ends_lines_with_crlf() {
        let table = Table {
            caption: "ignored".into(),
            head: vec!["name".into(), "note".into()],
            rows: vec![
                vec!["a,b".into(), "say \"hi\"\nthen".into()],
                vec!["plain".into(), "-0.2".into()],
            ],
        };
        assert_eq!(
            table.to_csv(),
            "name,note\r\n\"a,b\",\"say \"\"hi\"\"\nthen\"\r\nplain,-0.2\r\n"
        );
    }

    /// Splits CSV text into rows of cells (enough for these files, which
    /// quote nothing).
    fn rows(csv: &str) -> Vec<Vec<&str>> {
        assert!(csv.ends_with("\r\n"));
        csv.trim_end_matches("\r\n")
            .split("\r\n")
            .map(|l| l.split(',').collect())
            .collect()
    }

    /// A comparison's CSV carries both views: B's columns, then A's
    /// means, empty past A's horizon when A's is shorter.
    #[test]
    fn a_comparison_csv_carries_the_kept_view() {
        let b = crate::model::simulate(&Inputs::default());
        let a = crate::model::simulate(&Inputs {
            presence: 0.0,
            horizon: 12.0,
            ..Inputs::default()
        });
        let csv = outcomes_csv(&b, Some(&a));
        let rows = rows(&csv);
        assert_eq!(rows[0][18..20], ["a_settled", "a_escalated"]);
        let at = |row: &[&str], k: usize| row[k].parse::<f64>().unwrap();
        assert!((at(&rows[13][..], 18) - a.settled[12]).abs() < 1e-4);
        assert!((at(&rows[13][..], 6) - b.settled[12]).abs() < 1e-4);
        assert_eq!(rows[14][18], "", "A ends at its own horizon");
        assert_eq!(rows.len(), 1 + 37);
    }

    #[test]
    fn outcomes_csv_has_a_row_a_month() {
        for horizon in [36.0, 12.0, 120.0] {
            let inputs = Inputs {
                horizon,
                ..Inputs::default()
            };
            let outcome = crate::model::simulate(&inputs);
            let csv = outcomes_csv(&outcome, None);
            let rows = rows(&csv);
            assert_eq!(
                rows[0][..8],
                [
                    "month",
                    "fighting",
                    "ceasefire_holding",
                    "durable_peace",
                    "ceasefire_reached",
                    "ceasefire_broke_down",
                    "settled",
                    "settled_p5"
                ]
            );
            assert_eq!(rows[0].len(), 19);
            assert_eq!(rows[0][18], "model_version");
            assert_eq!(
                rows.len(),
                horizon as usize + 2,
                "header and months 0..=horizon"
            );
            for (t, row) in rows[1..].iter().enumerate() {
                assert_eq!(row.len(), 19);
                assert_eq!(row[0], t.to_string());
                let v: Vec<f64> = row[1..18].iter().map(|c| c.parse().unwrap()).collect();
                assert!(v.iter().all(|x| (0.0..=1.0).contains(x)), "{row:?}");
                // Fighting, holding, durable and escalated are the four states.
                let sum = v[0] + v[1] + v[2] + v[11];
                assert!((sum - 1.0).abs() < 1e-3, "states add up: {row:?}");
                assert!((v[1] + v[2] - v[5]).abs() < 1e-3, "settled: {row:?}");
            }
        }
    }

    #[test]
    fn chasm_and_sensitivity_csv_are_numbers() {
        let inputs = Inputs::default();
        let a = analyse(&inputs);
        let chasm = chasm_csv(&a.map);
        let chasm = rows(&chasm);
        assert_eq!(
            chasm[0],
            [
                "presence",
                "tolerance",
                "escalation",
                "settlement",
                "model_version"
            ]
        );
        assert_eq!(chasm.len(), 1 + a.map.axis.len().pow(2));
        assert_eq!(chasm[chasm.len() - 1][..2], ["5.0000", "5.0000"]);
        let sens = sensitivity_csv(&a.effects, baseline(&inputs));
        let sens = rows(&sens);
        assert_eq!(sens.len(), 1 + a.effects.len());
        assert_eq!(sens[1][0], a.effects[0].input.spec().id);
        for row in chasm[1..].iter().chain(sens[1..].iter()) {
            let numbers = &row[1..row.len() - 1];
            assert!(numbers.iter().all(|c| c.parse::<f64>().is_ok()), "{row:?}");
            assert!(!row.iter().any(|c| c.contains('%')));
        }
    }

    #[test]
    fn every_csv_row_ends_with_the_model_version() {
        let inputs = Inputs::default();
        let a = analyse(&inputs);
        let version = format!("v{}", crate::model::VERSION);
        for csv in [
            outcomes_csv(&a.outcome, None),
            chasm_csv(&a.map),
            sensitivity_csv(&a.effects, baseline(&inputs)),
        ] {
            let rows = rows(&csv);
            assert_eq!(rows[0].last(), Some(&"model_version"));
            for row in &rows[1..] {
                assert_eq!(row.last(), Some(&version.as_str()), "{row:?}");
            }
        }
    }
}
