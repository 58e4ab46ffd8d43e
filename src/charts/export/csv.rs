//! The numbers behind each chart as CSV, the model version in a column
//! of its own.
//!
//! CSV is for machines: numbers always use a plain `.` decimal point and
//! probabilities are fractions from 0 to 1, and the column names are
//! fixed identifiers, whatever language the page is shown in, so a
//! spreadsheet or script reads every download the same way.

use crate::charts::Table;
use crate::model::{ChasmMap, Effect, Outcome, VERSION};

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
    crate::decimal::fixed(v, 4)
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
            let (s, e) = (outcome.settled_band()[t], outcome.escalated_band()[t]);
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
    use crate::model::{analyse, sensitivity::baseline, Inputs, Valid};

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
        let b = crate::model::simulate(&Valid::default());
        let a = crate::model::simulate(&Valid::new(&Inputs {
            presence: 0.0,
            horizon: 12.0,
            ..Inputs::default()
        }));
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
            let inputs = Valid::default().with(crate::model::Input::Horizon, horizon);
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
        let inputs = Valid::default();
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
        let inputs = Valid::default();
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
