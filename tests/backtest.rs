//! The backtest: how it is computed, and that docs/MODEL.md and
//! docs/backtest.svg show what the current model gives (run
//! `cargo run --release --example backtest` after changing the model).
#![cfg(not(target_arch = "wasm32"))]

use red_lines::backtest::forecasts::Event;
use red_lines::backtest::{
    base_rate, brier, constant_chance, constant_rate, crowd_matches, history, inputs_for,
    likelihood, likelihood_markdown, log_score, markdown, model_record, months_between, past_wars,
    quarterly, scores, slider_momentum, stretches, window_end, KNOWN_UNTIL, WAR_START,
    WINDOW_MONTHS,
};
use red_lines::model::draws::standard_draws;
use red_lines::model::{simulate_from, Input, Inputs, Valid};

#[test]
fn the_history_covers_every_quarter_from_2022_with_a_source_for_every_input() {
    let quarters = history::quarters();
    assert_eq!(quarters.first().map(|q| q.label), Some("2022-Q1"));
    assert_eq!(quarters.len(), 18, "2022-Q1 to 2026-Q2");
    for (k, q) in quarters.iter().enumerate() {
        let year = 2022 + k / 4;
        let quarter = k % 4 + 1;
        assert_eq!(q.label, format!("{year}-Q{quarter}"));
        assert_eq!(*Valid::new(&q.inputs), q.inputs, "{} is in range", q.label);
        assert_eq!(q.inputs.horizon, WINDOW_MONTHS as f64);
        for input in Input::LEVERS {
            let id = input.spec().id;
            let source = q.sources.iter().find(|(i, _)| *i == id);
            assert!(
                source.is_some_and(|(_, s)| s.len() >= 20),
                "{}: no source for {id}",
                q.label
            );
        }
    }
}

#[test]
fn todays_defaults_are_the_latest_quarter() {
    let latest = history::quarters().pop().map(|q| q.inputs);
    let latest = latest.unwrap_or_default();
    assert_eq!(
        Inputs {
            horizon: Inputs::default().horizon,
            momentum: slider_momentum(&latest),
            ..latest
        },
        Inputs::default()
    );
}

/// Each row is the model run from the quarter's end with the quarter's
/// inputs (momentum read back to today's aid and support), scored on
/// whether a general ceasefire came within 12 months, where that is known.
#[test]
fn each_quarter_is_the_model_run_from_its_end() {
    let quarters = history::quarters();
    let rows = quarterly();
    assert_eq!(rows.len(), quarters.len());
    for (q, r) in quarters.iter().zip(&rows) {
        let age = months_between(WAR_START, q.date).unwrap_or(f64::NAN);
        let o = simulate_from(&inputs_for(q, WINDOW_MONTHS), age, standard_draws());
        assert_eq!(r.ceasefire, o.ceasefire.mean, "{}", q.label);
        assert_eq!(r.escalation, o.escalation.mean);
        assert_eq!(r.base_rate, base_rate(age, WINDOW_MONTHS as f64));
        // A year after the quarter's end, on or before the last known day.
        let end = window_end(q.date).unwrap_or_default();
        assert_eq!(end[4..], q.date[4..]);
        let window_closes = end.as_str() <= KNOWN_UNTIL;
        assert_eq!(
            r.ceasefire_came,
            window_closes.then_some(false),
            "{}",
            q.label
        );
        assert!(r.ceasefire_p5 <= r.ceasefire && r.ceasefire <= r.ceasefire_p95);
    }
    // The momentum seen in 2022-Q3 (a Ukrainian counteroffensive) with
    // little support for Russia reads back lower on today's slider.
    let q3 = &quarters[2];
    assert!(slider_momentum(&q3.inputs) < q3.inputs.momentum);
}

#[test]
fn scores_are_brier_scores_of_those_rows() {
    let rows = quarterly();
    let s = scores().unwrap_or_else(|| panic!("no scores"));
    let known: Vec<_> = rows.iter().filter(|r| r.ceasefire_came.is_some()).collect();
    assert_eq!(s.quarters, known.len());
    assert!(s.quarters >= 12, "at least three years of closed windows");
    let model: Vec<(f64, bool)> = known.iter().map(|r| (r.ceasefire, false)).collect();
    assert_eq!(Some(s.model.brier), brier(&model));
    assert_eq!(Some(s.model.log), log_score(&model));
    let constant: Vec<(f64, bool)> = known
        .iter()
        .map(|_| (constant_chance(WINDOW_MONTHS as f64), false))
        .collect();
    assert_eq!(Some(s.constant.brier), brier(&constant));
    assert_eq!(
        s.model.skill(&s.constant),
        1.0 - s.model.brier / s.constant.brier
    );
    // Questions the model answers are scored; a deal or framework is not.
    let matches = crowd_matches();
    let resolved = |answered: bool| {
        matches
            .iter()
            .filter(|m| m.forecast.resolved.is_some() && m.model.is_some() == answered)
            .count()
    };
    assert_eq!(s.questions, resolved(true));
    assert_eq!(s.unanswered, resolved(false));
    for m in &matches {
        assert_eq!(
            m.model.is_none(),
            m.forecast.event == Event::DealOrFramework,
            "{}",
            m.forecast.question
        );
    }
    for score in [
        s.model,
        s.base_rate,
        s.constant,
        s.crowd,
        s.model_on_questions,
        s.escalation,
    ] {
        assert!((0.0..=1.0).contains(&score.brier) && score.log >= 0.0);
    }
}

/// The record's chance is a product over stretches that do not overlap
/// and cover the time from the first quarter's end to the last known day.
#[test]
fn the_likelihood_is_a_product_over_the_stretches_of_the_record() {
    let stretches = stretches();
    let first = history::quarters()[0].date;
    let covered: f64 = stretches.iter().map(|s| s.months).sum();
    let whole = months_between(first, KNOWN_UNTIL).unwrap_or(f64::NAN);
    assert!((covered - whole).abs() < 1e-9, "{covered} {whole}");
    let table = likelihood().unwrap_or_else(|| panic!("no likelihood"));
    assert_eq!(Some(table[0].record), model_record(&|_| {}));
    // The constant forecaster: no event at its rate over the whole span.
    let constant = table.iter().find(|h| h.name.starts_with("(c)"));
    let expected = (-constant_rate() * whole).exp();
    assert!(constant.is_some_and(|h| (h.record - expected).abs() < 1e-12));
    // The Jeffreys mean of no event in the war's months.
    let months = months_between(WAR_START, KNOWN_UNTIL).unwrap_or(f64::NAN);
    assert!((constant_rate() - 0.5 / months).abs() < 1e-15);
    for h in &table {
        assert!(h.record > 0.0 && h.record <= 1.0, "{}", h.name);
    }
}

#[test]
fn every_past_war_is_scored_and_the_page_shows_it() {
    let rows = past_wars::rows();
    for war in past_wars::wars() {
        let mine = rows.iter().filter(|r| r.war == war.key).count();
        assert!(mine >= 8, "{}: {mine} quarters", war.key);
    }
    let model = include_str!("../docs/MODEL.md");
    assert!(
        model.contains(&past_wars::markdown()),
        "docs/MODEL.md is out of date: run `cargo run --release --example backtest` and paste the past wars' tables"
    );
}

#[test]
fn every_crowd_forecast_is_matched_to_an_earlier_quarter() {
    let matches = crowd_matches();
    assert!(matches.len() >= 18);
    for m in &matches {
        let quarter = history::quarters()
            .into_iter()
            .find(|q| q.label == m.quarter)
            .unwrap_or_else(|| panic!("{}", m.quarter));
        assert!(
            quarter.date <= m.forecast.date,
            "{} before {}",
            quarter.date,
            m.forecast.date
        );
        assert!(m.model.is_none_or(|p| (0.0..=1.0).contains(&p)));
        assert!((0.0..=1.0).contains(&m.base_rate));
    }
    let dates: Vec<&str> = matches.iter().map(|m| m.forecast.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest first");
}

#[test]
fn the_methods_page_shows_the_current_backtest() {
    let model = include_str!("../docs/MODEL.md");
    assert!(
        model.contains(&markdown()),
        "docs/MODEL.md is out of date: run `cargo run --release --example backtest` and paste its tables"
    );
    assert!(
        model.contains(&likelihood_markdown()),
        "docs/MODEL.md is out of date: run `cargo run --release --example backtest` and paste its likelihood table"
    );
    let svg = include_str!("../docs/backtest.svg");
    assert_eq!(
        svg.trim_end(),
        red_lines::charts::backtest::current().svg,
        "docs/backtest.svg is out of date: run `cargo run --release --example backtest`"
    );
}
