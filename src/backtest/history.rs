//! The model's inputs quarter by quarter, from 2022-Q1 to 2026-Q2, as a
//! reader at the end of each quarter could have set them. The backtest runs
//! the model from each quarter and scores it (Brier) against what followed.
//!
//! The table `data/history.tsv` is the source, and this file only reads it:
//! one row per quarter and input, with the value, the words that justify it,
//! the source's address and its date where known (data/README.md names the
//! columns). Researchers can reuse or check the record there, in any
//! spreadsheet, without reading Rust. An input a quarter does not list takes
//! the model's default.
//!
//! Every value is a judgement read from the dated figures cited beside it
//! (territory from ISW, AFP and DeepState; casualties from the UK Ministry of
//! Defence, CSIS, BBC/Mediazona and the UN monitoring mission; aid from the
//! Kiel tracker; stated positions in each party's own words). The values were
//! coded before any scoring, from the research notes in
//! `shared/research/positions.md` and `calibration.md`, and must not be tuned
//! to improve the score. "Judgement" in a source marks a value that no single
//! figure fixes. Some figures were published after the quarter (yearly totals,
//! later tallies); they are used to measure what happened in the quarter, not
//! to look beyond it.
//!
//! Momentum is read from the ground that actually changed hands in the
//! quarter (about -(net Russian gain in km² a month) / 1500 in the positional
//! phases, larger in the manoeuvre phases of 2022). It is the momentum seen,
//! not corrected back to the default aid (0.55) and Russian support (0.5):
//! the model adds 0.5 × (aid − 0.55) − 0.5 × (support − 0.5) to it, which
//! in 2022–23 (low Russian support) moves it 0.1 to 0.2 towards Ukraine.
//! Horizon (12 months) and uncertainty (0.5) are the same in every quarter.

use super::tsv;
use crate::model::{Input, Inputs};

/// The table, as the repository holds it.
pub const TABLE: &str = include_str!("../../data/history.tsv");

/// The columns of the table, in order; its first line names them.
pub const COLUMNS: [&str; 7] = [
    "quarter",
    "date",
    "input",
    "value",
    "source",
    "url",
    "published",
];

/// One row of the table: one input's value in one quarter, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// "2022-Q1"
    pub quarter: &'static str,
    /// The last day of the quarter, "2022-03-31".
    pub date: &'static str,
    pub input: Input,
    pub value: f64,
    /// Why this value, with the figure or statement it rests on.
    pub source: &'static str,
    /// The source's address, or "" where the record gives none.
    pub url: &'static str,
    /// When the source was published or the statement made (YYYY-MM-DD,
    /// or YYYY-MM), or "" where not known.
    pub published: &'static str,
}

/// An input named by its permalink key (`Spec::key`), as the data tables
/// name them, and its value, or what is wrong with either.
pub fn input_value(key: &str, value: &str) -> Result<(Input, f64), String> {
    let input = Input::ALL
        .into_iter()
        .find(|i| i.spec().key == key)
        .ok_or_else(|| format!("input {key:?} is not a key of the model"))?;
    let value = value
        .parse::<f64>()
        .map_err(|e| format!("value {value:?}: {e}"))?;
    Ok((input, value))
}

/// Reads one line of the table, or says what is wrong with it.
pub fn parse_row(line: &'static str) -> Result<Entry, String> {
    let [quarter, date, key, value, source, url, published] =
        tsv::cells::<{ COLUMNS.len() }>(line)?;
    let (input, value) = input_value(key, value)?;
    Ok(Entry {
        quarter,
        date,
        input,
        value,
        source,
        url,
        published,
    })
}

/// Every row of the table, in its order. A row that cannot be read is
/// skipped here; the test names it.
pub fn entries() -> Vec<Entry> {
    tsv::records(TABLE)
        .filter_map(|l| parse_row(l).ok())
        .collect()
}

/// One quarter's inputs, as a reader at the quarter's end could have set them.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarter {
    /// "2022-Q1"
    pub label: &'static str,
    /// The forecast date: the last day of the quarter, "2022-03-31".
    pub date: &'static str,
    pub inputs: Inputs,
    /// One entry per input the table lists: (input id, why this value, with source).
    pub sources: Vec<(&'static str, &'static str)>,
}

/// The quarters, oldest first, as the table lists them: an input a quarter
/// does not list keeps its default.
pub fn quarters() -> Vec<Quarter> {
    let mut quarters: Vec<Quarter> = Vec::new();
    for entry in entries() {
        if quarters.last().map(|q| q.label) != Some(entry.quarter) {
            quarters.push(Quarter {
                label: entry.quarter,
                date: entry.date,
                inputs: Inputs::default(),
                sources: Vec::new(),
            });
        }
        let Some(quarter) = quarters.last_mut() else {
            continue;
        };
        entry.input.set(&mut quarter.inputs, entry.value);
        quarter.sources.push((entry.input.spec().id, entry.source));
    }
    quarters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_reads() {
        let head = TABLE.lines().next().map(|h| h.trim_end().to_string());
        assert_eq!(
            head,
            Some(COLUMNS.join("\t")),
            "the first line names the columns"
        );
        for (k, line) in tsv::records(TABLE).enumerate() {
            let row = parse_row(line).unwrap_or_else(|e| panic!("row {}: {e}", k + 2));
            assert_eq!(
                row.input.spec().sanitize(row.value),
                row.value,
                "row {}",
                k + 2
            );
            assert!(row.url.is_empty() || row.url.starts_with("https://"));
            assert!(matches!(row.published.len(), 0 | 7 | 10), "row {}", k + 2);
        }
    }

    #[test]
    fn a_quarter_lists_each_input_once_and_dates_agree() {
        for q in quarters() {
            let mut ids: Vec<&str> = q.sources.iter().map(|(id, _)| *id).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), q.sources.len(), "{}", q.label);
        }
        for row in entries() {
            let q = quarters().into_iter().find(|q| q.label == row.quarter);
            assert_eq!(q.map(|q| q.date), Some(row.date), "{}", row.quarter);
        }
    }
}
