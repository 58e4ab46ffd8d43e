//! Runs the backtest and writes what docs/MODEL.md shows of it: the chart
//! into docs/backtest.svg, and the tables on standard output, to paste
//! into section 13 ("How has the model done?"), then the public forecast
//! table to paste into docs/forecasts.md, the past wars' tables and the
//! pre-registered forecasts (data/preregistered.tsv). `tests/backtest.rs` and
//! `tests/forecasts.rs` fail when any of them is out of date.
//!
//! `cargo run --release --example backtest`
//!
//! Native only: on wasm32 (where `cargo clippy --all-targets` also builds
//! examples) it is an empty program, as the benchmarks are.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    pub fn main() {
        let chart = red_lines::charts::backtest::current();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/backtest.svg");
        if let Err(error) = std::fs::write(path, format!("{}\n", chart.svg)) {
            eprintln!("could not write {path}: {error}");
            std::process::exit(1);
        }
        eprintln!("wrote {path}");
        print!("{}", red_lines::backtest::markdown());
        println!("\nThe likelihood table, for the same section:\n");
        print!("{}", red_lines::backtest::likelihood_markdown());
        println!("\nThe past wars, for the same section:\n");
        print!("{}", red_lines::backtest::past_wars::markdown());
        println!("\nThe pre-registered forecasts, for the same section and docs/forecasts.md:\n");
        print!("{}", red_lines::backtest::preregistered::markdown());
        println!("\nThe current version's pre-registered rows as they would be written today (append new questions only; never change a written row):\n");
        let link = red_lines::state::encode(
            &red_lines::model::Valid::default(),
            &red_lines::state::View::default(),
        );
        for row in red_lines::backtest::preregistered::current(&link) {
            println!("{}", row.line());
        }
        println!("\nThe forecast table, for docs/forecasts.md:\n");
        print!("{}", red_lines::backtest::forecasts::markdown());
    }
}
