//! Reproduces every derived number of the calibration table in
//! docs/MODEL.md (section 12), from the data in `examples/data/` and the
//! model itself, and prints the scenarios' and story steps' figures.
//!
//! `cargo run --release --example calibrate`
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
    use red_lines::backtest::{self, cow, forecasts, WAR_END_HAZARD};
    use red_lines::model::simulate::constants::*;
    use red_lines::model::simulate::{breakdown_hazard, hinge, tripwire};
    use red_lines::model::{analyse, presets, simulate, Inputs, Outcome};
    use red_lines::story::steps;

    const COW_CSV: &str = include_str!("data/Inter-StateWarData_v4.0.csv");

    fn pct(p: f64) -> String {
        format!("{:.1}%", 100.0 * p)
    }

    /// A small monthly rate, to two decimals.
    fn pct2(p: f64) -> String {
        format!("{:.2}%", 100.0 * p)
    }

    pub fn main() {
        war_termination();
        ceasefire_hazard();
        breakdown();
        escalation();
        crowd();
        scenarios();
        tolerance();
        timing();
    }

    /// Section 1: How often wars past three years end, from the COW list.
    fn war_termination() {
        println!("## 1. War termination (Correlates of War, inter-state wars v4.0)");
        let Some(wars) = cow::wars(COW_CSV) else {
            println!("could not read the COW data");
            return;
        };
        let mut days: Vec<i64> = wars.iter().map(|w| w.days).collect();
        days.sort_unstable();
        println!(
            "{} wars; median {} days; over 3 years: {}",
            wars.len(),
            days[days.len() / 2],
            wars.iter().filter(|w| w.months() > 36.0).count()
        );
        let bounds: Vec<f64> = WAR_END_HAZARD.iter().map(|r| r.0).collect();
        for row in cow::life_table(&wars, &bounds) {
            println!(
            "months {:>2}-{:<3} at risk {:>2} ended {:>2} war-months {:>6.1} hazard {:.4} a month",
            row.from,
            if row.to.is_finite() {
                format!("{}", row.to)
            } else {
                "end".into()
            },
            row.at_risk,
            row.ended,
            row.war_months,
            row.hazard()
        );
        }
        let table = cow::life_table(&wars, &[36.0]);
        let late = table[0];
        let (lo, hi) = cow::poisson_interval(late.ended, late.war_months);
        println!(
            "after 36 months: {:.4} a month (95% interval {:.4}-{:.4}), {} a year",
            late.hazard(),
            lo,
            hi,
            pct(1.0 - (-12.0 * late.hazard()).exp())
        );
        let own =
            backtest::months_between(backtest::WAR_START, "2026-11-30").unwrap_or(WAR_AGE_NOW);
        let (_, own_hi) = cow::poisson_interval(0, own);
        println!(
        "this war: no general ceasefire in {own:.1} months: Jeffreys mean {:.4} a month, 95% upper bound {:.4}",
        0.5 / own,
        own_hi
    );
        println!();
    }

    /// Today's inputs without the proposed force: the reference for the
    /// ceasefire hazard.
    fn no_force() -> Inputs {
        Inputs {
            presence: 0.0,
            ..Inputs::default()
        }
    }

    /// Section 2: the ceasefire hazard the model gives today, against the
    /// range the data allow, and the BASE_SETTLEMENT range that maps to.
    fn ceasefire_hazard() {
        println!("## 2. Ceasefire hazard now (BASE_SETTLEMENT = {BASE_SETTLEMENT})");
        let open = simulate(&no_force());
        let today = simulate(&Inputs::default());
        let per_month = |o: &Outcome| o.drivers.ceasefire_per_mille / 1000.0;
        println!(
            "central hazard in the first month: today {:.4}, without the force {:.4} ({} a year)",
            per_month(&today),
            per_month(&open),
            pct(1.0 - (-12.0 * per_month(&open)).exp())
        );
        // The range both data sources allow: COW's lower bound after three
        // years, and the upper bound of this war's own record.
        let wars = cow::wars(COW_CSV).unwrap_or_default();
        let late = cow::life_table(&wars, &[36.0])[0];
        let (cow_lo, _) = cow::poisson_interval(late.ended, late.war_months);
        let (_, own_hi) = cow::poisson_interval(0, WAR_AGE_NOW);
        let scale = BASE_SETTLEMENT / per_month(&open);
        println!(
        "data allow {cow_lo:.4}-{own_hi:.4} a month; BASE_SETTLEMENT between {:.3} and {:.3} maps onto it",
        cow_lo * scale,
        own_hi * scale
    );
        println!();
    }

    /// Section 3: How ceasefires break down.
    fn breakdown() {
        println!("## 3. Ceasefire breakdown");
        let reference: Vec<f64> = (0..DURABLE_MONTHS)
            .map(|a| breakdown_hazard(1.0, a))
            .collect();
        let first_month = 1.0 - (-reference[0]).exp();
        let two_years = (-reference.iter().sum::<f64>()).exp();
        println!(
        "reference ceasefire (no guarantee, no pressure, no resentment, a stalemate): fails in its first month {}, holds {} months {}",
        pct(first_month),
        DURABLE_MONTHS,
        pct(two_years)
    );
        println!(
            "hazard by month of age: {}",
            reference
                .iter()
                .take(FRAGILE_MONTHS + 1)
                .map(|h| format!("{h:.3}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let minsk = 1.0 - (-30.44 / 14.0f64).exp();
        println!(
        "Minsk-era recommitments held about two weeks: {} would fail within a month at that rate",
        pct(minsk)
    );
        let o = simulate(&no_force());
        println!(
            "today without the force: a ceasefire holds {} months in {} of cases",
            DURABLE_MONTHS,
            pct(o.survival.mean)
        );
        for p in [0.0, 2.0, 3.0, 4.0, 5.0] {
            println!(
                "tripwire at presence {p}: {} of breakdowns escalate",
                pct(tripwire(p, 1.0))
            );
        }
        println!();
    }

    /// Section 4: the base rate of sustained NATO (US)–Soviet or Russian
    /// combat, and the escalation terms' sizes.
    fn escalation() {
        println!("## 4. Escalation");
        let since_korea = backtest::months_between("1953-08-01", "2026-11-30").unwrap_or(880.0);
        let (_, hi) = cow::poisson_interval(0, since_korea);
        println!(
            "since the Korean armistice, no sustained US/NATO-Soviet/Russian combat in {since_korea:.0} months: Jeffreys mean {:.5} a month, 95% upper bound {:.5}",
            0.5 / since_korea,
            hi
        );
        let since_1950 = backtest::months_between("1950-01-01", "2026-11-30").unwrap_or(923.0);
        let (lo, hi) = cow::poisson_interval(1, since_1950);
        println!(
            "counting the covert Soviet air war over Korea as one episode: 1 in {since_1950:.0} months: Jeffreys mean {:.5} a month, 95% interval {lo:.5}-{hi:.5}",
            1.5 / since_1950
        );
        let defaults = Inputs::default();
        let today = simulate(&defaults);
        let readiness = 0.2 + 1.6 * defaults.escalation_propensity;
        println!(
            "model: fighting hazard now {:.5} a month (base at readiness {}: {:.5}); escalation within 36 months today {}",
            today.drivers.escalation_per_mille / 1000.0,
            defaults.escalation_propensity,
            BASE_ESCALATION * (0.5 + defaults.escalation_propensity),
            pct(today.escalation.mean)
        );
        // The collapse terms' hinges have a softness of 0.1 (simulate/world.rs).
        let hinge = |x: f64| hinge(x, 0.1);
        for m in [0.8f64, 1.0] {
            let k = hinge(m - COLLAPSE_THRESHOLD);
            println!(
                "Russian front collapsing at momentum {m}: {} a month at default readiness",
                pct2(COLLAPSE_ESCALATION * readiness * k * k)
            );
        }
        let d = hinge(1.0 - COLLAPSE_THRESHOLD);
        let west = 0.2 + 1.6 * defaults.west_escalation;
        println!(
            "Ukrainian front collapsing at momentum -1, Western readiness {}: {} a month",
            defaults.west_escalation,
            pct2(COLLAPSE_ESCALATION * west * d * d)
        );
        println!(
            "while a ceasefire holds with today's proposed force: incidents {} a month ({} a year)",
            pct2(today.drivers.incident_per_mille / 1000.0),
            pct(1.0 - (-12.0 * today.drivers.incident_per_mille / 1000.0).exp())
        );
        println!(
            "a perfect guarantee multiplies the breakdown hazard by {:.2}",
            (-BREAKDOWN_GUARANTEE).exp()
        );
        println!();
    }

    /// Section 5: The crowd forecasts.
    fn crowd() {
        println!("## 5. Crowd forecasts");
        let all = forecasts::forecasts();
        let resolved: Vec<&forecasts::Forecast> =
            all.iter().filter(|f| f.resolved.is_some()).collect();
        let mean = resolved.iter().map(|f| f.probability).sum::<f64>() / resolved.len() as f64;
        println!(
            "{} forecasts, {} resolved, {} of them Yes; mean probability of the resolved ones {}",
            all.len(),
            resolved.len(),
            resolved.iter().filter(|f| f.resolved == Some(true)).count(),
            pct(mean)
        );
        println!();
    }

    fn row(id: &str, o: &Outcome) {
        println!(
            "| {id} | {} ({}-{}), se {:.2} | {} | {} | {} | {} ({}-{}) |",
            pct(o.settlement.mean),
            pct(o.settlement.p5),
            pct(o.settlement.p95),
            100.0 * o.settlement.std_error,
            pct(o.ceasefire.mean),
            pct(o.breakdown.mean),
            pct(o.survival.mean),
            pct(o.escalation.mean),
            pct(o.escalation.p5),
            pct(o.escalation.p95),
        );
    }

    /// Section 6: The figures of the scenarios and story steps at 36 months.
    fn scenarios() {
        println!("## 6. Scenarios and story steps (36 months)");
        println!("| id | ceasefire holding or durable peace | reached | broke down | holds 24 months | escalation |");
        for p in presets() {
            row(p.id, &simulate(&p.inputs));
        }
        for s in steps() {
            row(s.id, &simulate(&s.inputs));
        }
        println!();
    }

    /// Section 7: what decides today's headline: Moscow's real tolerance,
    /// with the coalition's force as proposed.
    fn tolerance() {
        println!("## 7. Today's positions at each tolerance");
        for tolerance in [0.0, 1.0, 2.0, 3.0] {
            let o = simulate(&Inputs {
                tolerance,
                ..Inputs::default()
            });
            println!(
                "tolerance {tolerance}: ceasefire holding or durable {}, reached {}, escalation {}",
                pct(o.settlement.mean),
                pct(o.ceasefire.mean),
                pct(o.escalation.mean)
            );
        }
        println!();
    }

    /// Section 8: rough timing (the benchmark, `cargo bench --bench model`,
    /// is the measure of record).
    fn timing() {
        for horizon in [36.0, 120.0] {
            let inputs = Inputs {
                horizon,
                ..Inputs::default()
            };
            let start = std::time::Instant::now();
            for _ in 0..20 {
                std::hint::black_box(analyse(&inputs));
            }
            println!("analyse at {horizon} months: {:?}", start.elapsed() / 20);
        }
    }
}
