//! The public forecast table, data/forecasts.tsv: every row is complete
//! and sensible, and the forecasts page shows the table as it is.
//! Native only: the table is data for the backtest and the pages.
#![cfg(not(target_arch = "wasm32"))]

use red_lines::backtest::days;
use red_lines::backtest::forecasts::{
    forecasts, host, markdown, parse_row, Compares, Event, COLUMNS, PLATFORMS, TABLE,
};

/// The day the research behind the table stops (its newest pages).
const KNOWN_UNTIL: &str = "2026-07-31";

#[test]
fn the_header_names_the_columns() {
    let header: Vec<&str> = TABLE.lines().next().unwrap_or("").split('\t').collect();
    assert_eq!(header, COLUMNS);
}

#[test]
fn every_row_is_complete_and_sensible() {
    let rows: Vec<&'static str> = TABLE.lines().skip(1).collect();
    assert!(rows.len() >= 20, "{} rows", rows.len());
    for (k, line) in rows.iter().enumerate() {
        let at = format!("data/forecasts.tsv line {}", k + 2);
        let f = parse_row(line).unwrap_or_else(|e| panic!("{at}: {e}"));
        assert!(
            PLATFORMS.contains(&f.platform),
            "{at}: platform {:?}",
            f.platform
        );
        assert!(
            !f.question.is_empty() && !f.note.is_empty(),
            "{at}: question and note"
        );
        let (date, deadline) = (days(f.date), days(f.deadline));
        assert!(
            date.is_some() && deadline.is_some(),
            "{at}: dates are YYYY-MM-DD"
        );
        assert!(date <= deadline, "{at}: made by its deadline");
        assert!(f.date <= KNOWN_UNTIL, "{at}: not dated after the research");
        assert!(
            (0.0..=1.0).contains(&f.probability),
            "{at}: value in [0, 1]"
        );
        // Every stored copy is https but two reports on a plain-http mirror.
        let secure = f.source.starts_with("https://");
        let mirror = f.source.starts_with("http://ec2-3-143-147-250.");
        assert!(secure || mirror, "{at}: source {:?}", f.source);
        assert!(
            host(f.source).contains('.') && !f.source.contains(char::is_whitespace),
            "{at}: source {:?}",
            f.source
        );
        // A question still open must end after the research stops; one
        // whose deadline has passed has an answer.
        match f.resolved {
            None => assert!(
                f.deadline > KNOWN_UNTIL,
                "{at}: open, but its deadline has passed"
            ),
            Some(false) => assert!(f.deadline <= "2026-11-30", "{at}: No before its deadline"),
            Some(true) => {}
        }
    }
    assert_eq!(forecasts().len(), rows.len(), "every row reads");
}

#[test]
fn both_questions_and_the_four_named_platforms_are_there() {
    let all = forecasts();
    for platform in [
        "Metaculus",
        "Good Judgment Open",
        "Polymarket",
        "RAND Forecasting Initiative",
    ] {
        assert!(all.iter().any(|f| f.platform == platform), "{platform}");
    }
    assert!(all.iter().any(|f| f.compares == Compares::NatoRussia));
    assert!(all.iter().any(|f| f.compares == Compares::Ceasefire));
}

#[test]
fn the_forecasts_page_shows_the_current_table() {
    let page = include_str!("../docs/forecasts.md");
    assert!(
        page.contains(&markdown()),
        "docs/forecasts.md is out of date: run `cargo run --release --example backtest` and paste its forecast table"
    );
}

/// Each row's event is read from its question's own words.
#[test]
fn each_question_says_which_event_it_asks_about() {
    for f in forecasts() {
        let q = f.question.to_lowercase();
        let expected = if f.compares == Compares::NatoRussia {
            Event::Clash
        } else if q.contains("peace deal")
            || q.contains("agreement to end")
            || q.contains("framework")
        {
            Event::DealOrFramework
        } else if q.contains("lasting") {
            Event::InEffectAt
        } else {
            // Agreed, announced, or taking effect ("in effect in 2025":
            // a ceasefire that takes effect during the year) by the deadline.
            Event::ReachedBy
        };
        assert_eq!(f.event, expected, "{}", f.question);
    }
}
