//! The pre-registered forecasts, data/preregistered.tsv: a row once
//! written never changes, and every row of the current model version is
//! what the model gives from its own link.
#![cfg(not(target_arch = "wasm32"))]

use red_lines::backtest::days;
use red_lines::backtest::preregistered::{current, figure, markdown, rows, COLUMNS, LOCK, TABLE};
use red_lines::model::{Valid, VERSION};
use red_lines::state::{decode, encode, View};

#[test]
fn no_written_row_has_changed() {
    // The lock is the table as first written: rows may be appended, never
    // changed or removed.
    assert!(
        TABLE.starts_with(LOCK),
        "data/preregistered.tsv no longer starts with data/preregistered.lock: a pre-registered row was changed"
    );
    let header: Vec<&str> = TABLE.lines().next().unwrap_or("").split('\t').collect();
    assert_eq!(header, COLUMNS);
}

#[test]
fn every_row_reads_and_is_made_before_its_deadline() {
    let rows = rows().unwrap_or_else(|e| panic!("{e}"));
    assert!(rows.len() >= 4);
    for r in &rows {
        assert!(
            days(&r.made).is_some() && days(&r.made) < days(&r.deadline),
            "{r:?}"
        );
        assert!(r.link.starts_with(&format!("v={}&", r.version)), "{r:?}");
        let p: f64 = r.figure.parse().unwrap_or(f64::NAN);
        assert!((0.0..=1.0).contains(&p), "{r:?}");
    }
}

#[test]
fn the_current_versions_rows_are_what_the_model_gives_from_their_links() {
    let rows = rows().unwrap_or_default();
    let mine: Vec<_> = rows.iter().filter(|r| r.version == VERSION).collect();
    assert!(!mine.is_empty(), "no row of version {}", VERSION);
    for r in &mine {
        assert_eq!(
            figure(&decode(&r.link).inputs, &r.made, r.event, &r.deadline).as_deref(),
            Some(r.figure.as_str()),
            "{}: the model no longer gives this figure; a new version must add its own rows",
            r.question
        );
    }
    // Every question the current version answers is registered.
    for c in current(&encode(&Valid::default(), &View::default())) {
        assert!(c.link.starts_with(&format!("v={VERSION}&")));
        assert!(
            mine.iter()
                .any(|r| r.question == c.question && r.deadline == c.deadline),
            "{} is not registered",
            c.question
        );
    }
}

#[test]
fn the_pages_show_the_table() {
    for (name, page) in [
        ("docs/forecasts.md", include_str!("../docs/forecasts.md")),
        ("docs/MODEL.md", include_str!("../docs/MODEL.md")),
    ] {
        assert!(
            page.contains(&markdown()),
            "{name} does not show the pre-registered forecasts: run `cargo run --release --example backtest` and paste them"
        );
    }
}
