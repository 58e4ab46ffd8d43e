//! Writes the few numbers the outcomes chart's forecast layer draws, from
//! the one forecast table, data/forecasts.tsv: each forecast's platform and
//! date, its horizon in months and its value. The page then carries these
//! and not the table (questions, notes, sources), which the forecasts page
//! shows instead. The table is read by the same code as the backtest's.

// Only the table reading and the calendar are needed here; the rest of each
// module serves the backtest and its tests.
#[allow(dead_code)]
#[path = "src/backtest/calendar.rs"]
mod calendar;
#[allow(dead_code)]
#[path = "src/backtest/forecasts.rs"]
mod forecasts;
#[allow(dead_code)]
#[path = "src/backtest/tsv.rs"]
mod tsv;

use std::fmt::Write;

fn main() {
    println!("cargo::rerun-if-changed=data/forecasts.tsv");
    println!("cargo::rerun-if-changed=src/backtest/forecasts.rs");
    println!("cargo::rerun-if-changed=src/backtest/calendar.rs");
    println!("cargo::rerun-if-changed=src/backtest/tsv.rs");
    let mut out = String::from("&[\n");
    for f in forecasts::forecasts() {
        let Some(months) = calendar::months_between(f.date, f.deadline) else {
            continue;
        };
        let _ = writeln!(
            out,
            "    PublicForecast {{ label: {:?}, months: {months:.2}, value: {:?}, clash: {} }},",
            format!("{}, {}", f.platform, f.date),
            f.probability,
            f.compares == forecasts::Compares::NatoRussia,
        );
    }
    out.push(']');
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{dir}/public_forecasts.rs"), out).expect("OUT_DIR is writable");
}
