//! How long the model takes for what a reader does: one slider move runs
//! `analyse` (the Monte Carlo, the sensitivity chart and the chasm map),
//! and each part is timed on its own. `cargo bench --bench model`.
//!
//! Criterion is a native-only dev-dependency; on wasm this bench is an
//! empty program so that `cargo build --all-targets` still works there.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, Criterion};
    use red_lines::model::{analyse, chasm_map, sensitivity, simulate, Inputs};

    fn at_horizon(months: f64) -> Inputs {
        Inputs {
            horizon: months,
            ..Inputs::default()
        }
    }

    fn simulate_bench(c: &mut Criterion) {
        let inputs = Inputs::default();
        let mut group = c.benchmark_group("simulate");
        group.bench_function("defaults, 36 months", |b| {
            b.iter(|| simulate(black_box(&inputs)))
        });
        group.finish();
    }

    fn sensitivity_bench(c: &mut Criterion) {
        let inputs = Inputs::default();
        let mut group = c.benchmark_group("sensitivity");
        group.bench_function("defaults, 36 months", |b| {
            b.iter(|| sensitivity(black_box(&inputs)))
        });
        group.finish();
    }

    fn chasm_map_bench(c: &mut Criterion) {
        let inputs = Inputs::default();
        let mut group = c.benchmark_group("chasm_map");
        group.bench_function("defaults, 36 months", |b| {
            b.iter(|| chasm_map(black_box(&inputs)))
        });
        group.finish();
    }

    fn analyse_bench(c: &mut Criterion) {
        let mut group = c.benchmark_group("analyse");
        for months in [36.0, 120.0] {
            let inputs = at_horizon(months);
            group.bench_function(format!("defaults, {months} months"), |b| {
                b.iter(|| analyse(black_box(&inputs)))
            });
        }
        group.finish();
    }

    fn config() -> Criterion {
        Criterion::default()
            .sample_size(30)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
    }

    criterion_group! {
        name = benches;
        config = config();
        targets = simulate_bench, sensitivity_bench, chasm_map_bench, analyse_bench
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
