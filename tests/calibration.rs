//! The calibration table of docs/MODEL.md (section 12): the constants
//! that rest on data agree with the data, as `examples/calibrate.rs`
//! derives them.
#![cfg(not(target_arch = "wasm32"))]

use red_lines::backtest::{cow, months_between, KNOWN_UNTIL, WAR_END_HAZARD, WAR_START};
use red_lines::model::simulate::breakdown_hazard;
use red_lines::model::simulate::constants::*;
use red_lines::model::{simulate, Inputs, Valid};

const COW_CSV: &str = include_str!("../examples/data/Inter-StateWarData_v4.0.csv");

fn wars() -> Vec<cow::War> {
    cow::wars(COW_CSV).unwrap_or_else(|| panic!("the COW data cannot be read"))
}

#[test]
fn the_cow_list_has_its_95_wars() {
    let wars = wars();
    assert_eq!(wars.len(), 95);
    let over_three_years = wars.iter().filter(|w| w.months() > 36.0).count();
    assert_eq!(over_three_years, 11);
}

/// The base rate's life table is the one the data give.
#[test]
fn the_war_end_hazards_are_the_cow_life_table() {
    let bounds: Vec<f64> = WAR_END_HAZARD.iter().map(|r| r.0).collect();
    let table = cow::life_table(&wars(), &bounds);
    for (row, &(from, hazard)) in table.iter().zip(&WAR_END_HAZARD) {
        assert_eq!(row.from, from);
        assert!(
            (row.hazard() - hazard).abs() < 0.0005,
            "from {from} months: data {:.4}, constant {hazard}",
            row.hazard()
        );
    }
}

/// Today's ceasefire hazard without the proposed force lies in the range
/// the data allow for a ceasefire without a victor: the rate at which the
/// Correlates of War's wars past three years ended so (2 of 11, Korea and
/// Iran–Iraq), within its exact 95% interval, and below the exact upper
/// bound of this war's own record (no general ceasefire to the last
/// source date). The model's "now" is that date.
#[test]
fn todays_ceasefire_hazard_is_in_the_range_the_data_allow() {
    let late: Vec<cow::War> = wars().into_iter().filter(|w| w.months() > 36.0).collect();
    let exposure: f64 = late.iter().map(|w| w.months() - 36.0).sum();
    let stalemates = late.iter().filter(|w| w.without_victor).count();
    assert_eq!(stalemates, 2);
    let (low, high) = cow::poisson_interval(stalemates, exposure);
    let age = months_between(WAR_START, KNOWN_UNTIL).unwrap_or(0.0);
    assert!((age - WAR_AGE_NOW).abs() < 1.0, "{age} vs {WAR_AGE_NOW}");
    let (_, own_high) = cow::poisson_interval(0, age);
    let open = simulate(&Valid::new(&Inputs {
        presence: 0.0,
        ..Inputs::default()
    }));
    let hazard = open.drivers.ceasefire_per_mille / 1000.0;
    assert!(
        (low..=high.min(own_high)).contains(&hazard),
        "{hazard} outside {low}-{}",
        high.min(own_high)
    );
}

/// No sustained NATO–Russia combat in 923 months: the fighting's base
/// hazard at today's readiness lies within the 95% interval.
#[test]
fn the_base_escalation_hazard_is_within_the_record() {
    let months = months_between("1950-01-01", "2026-11-30").unwrap_or(0.0);
    let (_, high) = cow::poisson_interval(0, months);
    let base = BASE_ESCALATION * (0.5 + Inputs::default().escalation_propensity);
    assert!(base > 0.0 && base < high, "{base} vs {high}");
}

/// A reference ceasefire fails in its first month about as often as the
/// most hopeful 2025 forecasts said (27%; the others said up to 69%), and
/// holds two years about half the time (Fortna: almost half of the wars
/// since 1945 saw renewed fighting).
#[test]
fn a_reference_ceasefire_breaks_down_as_the_anchors_say() {
    let first_month = 1.0 - (-breakdown_hazard(1.0, 0)).exp();
    assert!((0.2..0.69).contains(&first_month), "{first_month}");
    let total: f64 = (0..DURABLE_MONTHS).map(|a| breakdown_hazard(1.0, a)).sum();
    let two_years = (-total).exp();
    assert!((0.45..0.55).contains(&two_years), "{two_years}");
    // The hazard falls with age and settles at the floor.
    for a in 1..DURABLE_MONTHS {
        assert!(breakdown_hazard(1.0, a) <= breakdown_hazard(1.0, a - 1));
    }
    assert_eq!(breakdown_hazard(1.0, FRAGILE_MONTHS), BREAKDOWN_LATE);
}

/// docs/MODEL.md §12 shows the calibration report as the model now gives
/// it, between its markers (`cargo run --release --example calibrate`).
#[test]
fn the_methods_page_shows_the_current_calibration() {
    let model = include_str!("../docs/MODEL.md");
    let report = red_lines::backtest::calibration::report();
    let shown = model
        .split("<!-- calibrate -->\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```\n<!-- /calibrate -->").next())
        .unwrap_or_default();
    assert!(
        shown == report,
        "docs/MODEL.md §12 is out of date: run `cargo run --release --example calibrate` and paste its report between the calibrate markers"
    );
}
