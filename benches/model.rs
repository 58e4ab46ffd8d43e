//! How long the model takes for what a reader does: one slider move runs
//! `analyse` (the Monte Carlo, the sensitivity chart and the chasm map),
//! and each part is timed on its own; then the three charts are drawn
//! from its results, and the edits that bring a shown chart up to date
//! are worked out. `cargo bench --bench model`.
//!
//! Criterion is a native-only dev-dependency; on wasm this bench is an
//! empty program so that `cargo build --all-targets` still works there.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, Criterion};
    use red_lines::model::{analyse, chasm_map, sensitivity, simulate, Input, Valid};

    fn at_horizon(months: f64) -> Valid {
        Valid::default().with(Input::Horizon, months)
    }

    fn simulate_bench(c: &mut Criterion) {
        let inputs = Valid::default();
        let mut group = c.benchmark_group("simulate");
        group.bench_function("defaults, 36 months", |b| {
            b.iter(|| simulate(black_box(&inputs)))
        });
        group.finish();
    }

    fn sensitivity_bench(c: &mut Criterion) {
        let inputs = Valid::default();
        let mut group = c.benchmark_group("sensitivity");
        group.bench_function("defaults, 36 months", |b| {
            b.iter(|| sensitivity(black_box(&inputs)))
        });
        group.finish();
    }

    fn chasm_map_bench(c: &mut Criterion) {
        let inputs = Valid::default();
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

    /// The SVG text of the three charts at a desktop width, from one
    /// `analyse`, and the page's edits from one drawing to the next.
    fn charts_bench(c: &mut Criterion) {
        use red_lines::charts::{self, Metric, Size};
        let t = red_lines::i18n::Catalog::english();
        let inputs = Valid::default().with(Input::Presence, 3.0);
        let a = analyse(&inputs);
        let base = red_lines::model::sensitivity::baseline(&inputs);
        let size = Size::for_width(800.0);
        let mut group = c.benchmark_group("charts");
        group.bench_function("outcomes, chasm map and sensitivity, 800 px", |b| {
            b.iter(|| {
                (
                    charts::outcomes_chart(&t, black_box(&a.outcome), None, size, false),
                    charts::chasm_chart(&t, &a.map, &inputs, Metric::Escalation, size),
                    charts::sensitivity_chart(&t, &a.effects, base, size),
                )
            })
        });
        let next = analyse(&inputs.with(Input::Aid, inputs.aid + 0.5));
        let old = charts::outcomes_chart(&t, &a.outcome, None, size, false).svg;
        let new = charts::outcomes_chart(&t, &next.outcome, None, size, false).svg;
        group.bench_function("edits between two outcomes charts", |b| {
            b.iter(|| charts::patch::edits(black_box(&old), black_box(&new)))
        });
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
        targets = simulate_bench, sensitivity_bench, chasm_map_bench, analyse_bench, charts_bench
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
