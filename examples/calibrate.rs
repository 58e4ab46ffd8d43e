//! Prints every derived number of the calibration table in docs/MODEL.md
//! (section 12), from the Correlates of War list in `examples/data/` and
//! the model itself (`red_lines::backtest::calibration`), then a rough
//! timing. Paste the report between §12's markers; `tests/calibration.rs`
//! fails when they differ.
//!
//! `cargo run --release --example calibrate`
//!
//! Native only: on wasm32 (where `cargo clippy --all-targets` also builds
//! examples) it is an empty program, as the benchmarks are.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    print!("{}", red_lines::backtest::calibration::report());
    // Rough timing; the benchmark (`cargo bench --bench model`) is the
    // measure of record.
    for horizon in [36.0, 120.0] {
        let inputs =
            red_lines::model::Valid::default().with(red_lines::model::Input::Horizon, horizon);
        let start = std::time::Instant::now();
        for _ in 0..20 {
            std::hint::black_box(red_lines::model::analyse(&inputs));
        }
        println!("analyse at {horizon} months: {:?}", start.elapsed() / 20);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
