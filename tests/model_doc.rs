//! docs/MODEL.md's two tables of figures for readers, the presets and the
//! story's steps, are written out by hand with the names a class reads.
//! This test reads them back and checks every figure against the model, so
//! that a change to the model cannot leave them stale (they were, once:
//! written before the last changes of version 3.0.0, they still showed
//! 16.2% where the page showed 16.3%). On a mismatch it prints the row as
//! it should read.
#![cfg(not(target_arch = "wasm32"))]

use red_lines::i18n::Catalog;
use red_lines::model::{presets, simulate, Outcome, Preset, Valid};
use red_lines::story::steps;

const MODEL_MD: &str = include_str!("../docs/MODEL.md");

/// The cells of each row of the table whose header row starts with
/// `header`, without the header and the rule under it.
fn table(header: &str) -> Vec<Vec<String>> {
    let mut lines = MODEL_MD.lines().skip_while(|l| !l.starts_with(header));
    assert!(
        lines.next().is_some(),
        "docs/MODEL.md has no table {header}"
    );
    lines
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

fn pct(p: f64) -> String {
    format!("{:.1}%", 100.0 * p)
}

fn point(p: f64) -> String {
    format!("{:.1}", 100.0 * p)
}

fn terms(o: &Outcome) -> String {
    let t = |x: f64| format!("{:.0}", 100.0 * x);
    format!("{} ({}–{})", t(o.terms.mean), t(o.terms.p5), t(o.terms.p95))
}

/// Compares a row's figures with what they should be, and names the row.
fn check(name: &str, written: &[String], expected: &[String], wrong: &mut Vec<String>) {
    if written != expected {
        wrong.push(format!(
            "{name}:\n  written:  {}\n  expected: {}",
            written.join(" | "),
            expected.join(" | ")
        ));
    }
}

#[test]
fn the_presets_table_matches_the_model() {
    let rows = table("| Preset | Changes from defaults |");
    assert_eq!(rows.len(), presets().len(), "one row a preset");
    let mut wrong = Vec::new();
    for row in &rows {
        let preset = preset_named(&row[0]);
        let o = simulate(&preset.inputs);
        let stated = o.lines[0].settlement;
        let above = o.lines.get(1).map_or(stated, |l| l.settlement);
        let expected = [
            format!(
                "{} ({}–{})",
                pct(o.settlement.mean),
                point(o.settlement.p5),
                point(o.settlement.p95)
            ),
            format!("{} / {}", pct(stated), pct(above)),
            pct(o.ceasefire.mean),
            pct(o.survival.mean),
            format!(
                "{} ({}–{})",
                pct(o.escalation.mean),
                point(o.escalation.p5),
                point(o.escalation.p95)
            ),
            terms(&o),
        ];
        check(&row[0], &row[2..], &expected, &mut wrong);
    }
    assert!(
        wrong.is_empty(),
        "docs/MODEL.md, presets:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_story_table_matches_the_model() {
    let rows = table("| Step | Changes from defaults |");
    let steps = steps();
    assert_eq!(rows.len(), steps.len(), "one row a step");
    let mut wrong = Vec::new();
    for (row, step) in rows.iter().zip(&steps) {
        let o = simulate(&step.inputs);
        let expected = [
            pct(o.settlement.mean),
            pct(o.ceasefire.mean),
            pct(o.breakdown.mean),
            pct(o.survival.mean),
            pct(o.escalation.mean),
            format!("{:.0}", 100.0 * o.terms.mean),
        ];
        check(&row[0], &row[2..], &expected, &mut wrong);
    }
    assert!(
        wrong.is_empty(),
        "docs/MODEL.md, story:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_version_comparison_states_version_3_as_the_model_gives_it() {
    // The third column, "version 3", of the table of how version 3 changed
    // the presets: settlement / escalation, at the presets' short names.
    let rows = table("| Preset | Version 2 | Version 3 |");
    let mut wrong = Vec::new();
    for row in &rows {
        let preset = preset_named(&row[0]);
        let o = simulate(&preset.inputs);
        let expected = [format!(
            "{} / {}",
            pct(o.settlement.mean),
            pct(o.escalation.mean)
        )];
        check(&row[0], &row[2..3], &expected, &mut wrong);
    }
    assert!(
        wrong.is_empty(),
        "docs/MODEL.md, version 2 against 3:\n{}",
        wrong.join("\n")
    );
    assert!(!rows.is_empty());
    // The defaults' figure in the prose of section 1 is the same as here.
    let o = simulate(&Valid::default());
    let headline = format!(
        "{} (range {}–{}%)",
        pct(o.settlement.mean),
        point(o.settlement.p5),
        point(o.settlement.p95)
    );
    assert!(
        MODEL_MD.contains(&headline),
        "section 1 should say {headline}"
    );
}

/// The preset of this English name, or of its short form in the
/// comparison table ("Coalition deploys" for "Coalition of the willing
/// deploys").
fn preset_named(name: &str) -> Preset {
    let english = Catalog::english();
    presets()
        .into_iter()
        .find(|p| {
            let full = english.get(&format!("preset.{}.name", p.id)).to_owned();
            full == name || full.replace(" of the willing", "") == name
        })
        .unwrap_or_else(|| panic!("no preset is called {name:?}"))
}
