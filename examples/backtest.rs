//! Runs the backtest and writes what docs/MODEL.md shows of it: the chart
//! into docs/backtest.svg, and the tables on standard output, to paste
//! into section 13 ("How has the model done?"), then the public forecast
//! table to paste into docs/forecasts.md. `tests/backtest.rs` and
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
        println!("\nThe forecast table, for docs/forecasts.md:\n");
        print!("{}", red_lines::backtest::forecasts::markdown());
    }
}
