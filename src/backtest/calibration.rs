//! The derived numbers of the calibration table in docs/MODEL.md §12,
//! from the Correlates of War list and the model itself, as the text the
//! methods page shows: `cargo run --release --example calibrate` prints
//! it, and `tests/calibration.rs` fails when §12 no longer holds it.
//!
//! Every exposure runs to the last date the sources reach
//! ([`KNOWN_UNTIL`]). Intervals are labelled by kind: Garwood's exact
//! interval (at least 95% coverage) and the Jeffreys interval (the
//! central 95% under Jeffreys' prior, narrower).

use std::fmt::Write;

use super::{cow, forecasts, months_between, KNOWN_UNTIL, WAR_END_HAZARD, WAR_START};
use crate::model::simulate::constants::*;
use crate::model::simulate::{breakdown_hazard, contributions, hinge, tripwire, Mechanism};
use crate::model::{presets, simulate, Input, Inputs, Outcome, Valid};

const COW_CSV: &str = include_str!("../../examples/data/Inter-StateWarData_v4.0.csv");

fn pct(p: f64) -> String {
    format!("{:.1}%", 100.0 * p)
}

/// A small monthly rate, to two decimals.
fn pct2(p: f64) -> String {
    format!("{:.2}%", 100.0 * p)
}

/// Today's inputs without the proposed force.
fn no_force() -> Valid {
    Valid::default().with(Input::Presence, 0.0)
}

/// The whole report, as §12 shows it between its markers.
pub fn report() -> String {
    let mut out = String::new();
    for section in [
        war_termination,
        ceasefire_hazard,
        breakdown,
        escalation,
        crowd,
        severity,
        real_line,
        scenarios,
    ] {
        section(&mut out);
        out.push('\n');
    }
    out
}

/// How long the sources reach into the war, in months.
fn exposure() -> f64 {
    months_between(WAR_START, KNOWN_UNTIL).unwrap_or(WAR_AGE_NOW)
}

/// Section 1: How often wars past three years end, and end without a victor.
fn war_termination(out: &mut String) {
    let _ = writeln!(
        out,
        "## 1. War termination (Correlates of War, inter-state wars v4.0)"
    );
    let wars = cow::wars(COW_CSV).unwrap_or_default();
    let bounds: Vec<f64> = WAR_END_HAZARD.iter().map(|r| r.0).collect();
    for row in cow::life_table(&wars, &bounds) {
        let to = if row.to.is_finite() {
            format!("{}", row.to)
        } else {
            "end".into()
        };
        let _ = writeln!(
            out,
            "months {:>2}-{:<3} at risk {:>2} ended {:>2} war-months {:>6.1} hazard {:.4} a month",
            row.from,
            to,
            row.at_risk,
            row.ended,
            row.war_months,
            row.hazard()
        );
    }
    let late: Vec<&cow::War> = wars.iter().filter(|w| w.months() > 36.0).collect();
    let months: f64 = late.iter().map(|w| w.months() - 36.0).sum();
    let (lo, hi) = cow::poisson_interval(late.len(), months);
    let _ = writeln!(
        out,
        "after 36 months, any ending: {} of {} wars in {months:.1} war-months, {} a month (Garwood 95% {}-{})",
        late.len(),
        late.len(),
        pct2(late.len() as f64 / months),
        pct2(lo),
        pct2(hi)
    );
    let drawn = late.iter().filter(|w| w.without_victor).count();
    let names: Vec<&str> = late
        .iter()
        .filter(|w| w.without_victor)
        .map(|w| w.name.as_str())
        .collect();
    let (glo, ghi) = cow::poisson_interval(drawn, months);
    let (jlo, jmean, jhi) = cow::jeffreys_interval(drawn, months);
    let _ = writeln!(
        out,
        "after 36 months, ended without a victor: {drawn} ({}), {} a month (Garwood 95% {}-{}; Jeffreys mean {}, 95% {}-{})",
        names.join(", "),
        pct2(drawn as f64 / months),
        pct2(glo),
        pct2(ghi),
        pct2(jmean),
        pct2(jlo),
        pct2(jhi)
    );
    let own = exposure();
    let (_, own_garwood) = cow::poisson_interval(0, own);
    let (_, own_mean, own_jeffreys) = cow::jeffreys_interval(0, own);
    let _ = writeln!(
        out,
        "this war: no general ceasefire in {own:.1} months (to {KNOWN_UNTIL}): Jeffreys mean {} a month, 97.5% point {}; Garwood upper bound {}",
        pct2(own_mean),
        pct2(own_jeffreys),
        pct2(own_garwood)
    );
}

/// Section 2: The ceasefire hazard the model gives today, against that range.
fn ceasefire_hazard(out: &mut String) {
    let _ = writeln!(
        out,
        "## 2. Ceasefire hazard now (BASE_SETTLEMENT = {BASE_SETTLEMENT})"
    );
    let (open, today) = (simulate(&no_force()), simulate(&Valid::default()));
    let per_month = |o: &Outcome| o.drivers.ceasefire_per_mille / 1000.0;
    let _ = writeln!(
        out,
        "central hazard in the first month: without the force {} ({} a year); with it, at Moscow's stated line, {}",
        pct2(per_month(&open)),
        pct(1.0 - (-12.0 * per_month(&open)).exp()),
        pct2(per_month(&today))
    );
    let wars = cow::wars(COW_CSV).unwrap_or_default();
    let late: Vec<&cow::War> = wars.iter().filter(|w| w.months() > 36.0).collect();
    let months: f64 = late.iter().map(|w| w.months() - 36.0).sum();
    let drawn = late.iter().filter(|w| w.without_victor).count();
    let (lo, hi) = cow::poisson_interval(drawn, months);
    let (_, own_hi) = cow::poisson_interval(0, exposure());
    let high = hi.min(own_hi);
    let scale = BASE_SETTLEMENT / per_month(&open);
    let _ = writeln!(
        out,
        "the data allow {}-{} a month; BASE_SETTLEMENT between {:.3} and {:.3} maps onto that range",
        pct2(lo),
        pct2(high),
        lo * scale,
        high * scale
    );
}

/// Section 3: How ceasefires break down.
fn breakdown(out: &mut String) {
    let _ = writeln!(out, "## 3. Ceasefire breakdown");
    let reference: Vec<f64> = (0..DURABLE_MONTHS)
        .map(|a| breakdown_hazard(1.0, a))
        .collect();
    let first_month = 1.0 - (-reference[0]).exp();
    let two_years = (-reference.iter().sum::<f64>()).exp();
    let _ = writeln!(
        out,
        "reference ceasefire (no guarantee, no pressure, no resentment, a stalemate): fails in its first month {}, holds {DURABLE_MONTHS} months {}",
        pct(first_month),
        pct(two_years)
    );
    let minsk = 1.0 - (-30.44 / 14.0f64).exp();
    let _ = writeln!(
        out,
        "Minsk-era recommitments held about two weeks: {} would fail within a month at that rate",
        pct(minsk)
    );
    let _ = writeln!(
        out,
        "today without the force: a ceasefire holds {DURABLE_MONTHS} months in {} of cases",
        pct(simulate(&no_force()).survival.mean)
    );
    let shares: Vec<String> = [0.0, 2.0, 3.0, 4.0, 5.0]
        .iter()
        .map(|&p| format!("rung {p}: {}", pct(tripwire(p, 1.0))))
        .collect();
    let _ = writeln!(
        out,
        "share of breakdowns that the tripwire escalates, {}",
        shares.join(", ")
    );
}

/// Section 4: The base rate of sustained NATO (US)–Soviet or Russian combat, and
/// the escalation terms' sizes.
fn escalation(out: &mut String) {
    let _ = writeln!(out, "## 4. Escalation");
    let since_korea = months_between("1953-08-01", KNOWN_UNTIL).unwrap_or(875.0);
    let (_, garwood) = cow::poisson_interval(0, since_korea);
    let (_, mean, jeffreys) = cow::jeffreys_interval(0, since_korea);
    let _ = writeln!(
        out,
        "since the Korean armistice, no sustained US/NATO-Soviet/Russian combat in {since_korea:.0} months: Jeffreys mean {} a month, 97.5% point {}; Garwood upper bound {}",
        pct2(mean),
        pct2(jeffreys),
        pct2(garwood)
    );
    let d = Valid::default();
    let today = simulate(&d);
    let base = BASE_ESCALATION * (0.5 + 0.5 * (d.escalation_propensity + d.west_escalation));
    let _ = writeln!(
        out,
        "model: the fighting's base hazard at both sides' default readiness {}; escalation within {} months today {}",
        pct2(base),
        today.months,
        pct(today.escalation.mean)
    );
    let collapse = |m: f64| hinge(m - COLLAPSE_THRESHOLD, 0.1).powi(2);
    for (side, readiness) in [
        ("Russian", d.escalation_propensity),
        ("Ukrainian", d.west_escalation),
    ] {
        let _ = writeln!(
            out,
            "{side} front collapsing at momentum 0.8 / 1 (the other way for Ukraine's): {} / {} a month",
            pct2(COLLAPSE_ESCALATION * (0.2 + 1.6 * readiness) * collapse(0.8)),
            pct2(COLLAPSE_ESCALATION * (0.2 + 1.6 * readiness) * collapse(1.0))
        );
    }
    let _ = writeln!(
        out,
        "while a ceasefire holds with today's force, at Moscow's stated line: incidents {} a month",
        pct2(today.drivers.incident_per_mille / 1000.0)
    );
}

/// Section 5: The crowd forecasts.
fn crowd(out: &mut String) {
    let _ = writeln!(out, "## 5. Crowd forecasts");
    let all = forecasts::forecasts();
    let resolved: Vec<&forecasts::Forecast> = all.iter().filter(|f| f.resolved.is_some()).collect();
    let mean = resolved.iter().map(|f| f.probability).sum::<f64>() / resolved.len().max(1) as f64;
    let _ = writeln!(
        out,
        "{} forecasts, {} resolved, {} of them Yes; mean probability of the resolved ones {}",
        all.len(),
        resolved.len(),
        resolved.iter().filter(|f| f.resolved == Some(true)).count(),
        pct(mean)
    );
}

/// Section 6: How the red-line effect at the defaults splits among the terms
/// that one severity scales: the change from severity 1 to 0, by
/// mechanism (Shapley shares over the model's channels, on the
/// sensitivity's draws), the signing channel split between the block
/// and the gap it adds in proportion to their constants.
fn severity(out: &mut String) {
    let _ = writeln!(
        out,
        "## 6. The red-line terms at the defaults (severity 1 against 0)"
    );
    let on = Valid::default();
    let off = on.with(Input::Severity, 0.0);
    let parts = contributions(&on, &off);
    let total: f64 = parts.iter().map(|p| p.settlement).sum();
    let share = |m: Mechanism| {
        parts
            .iter()
            .filter(|p| p.mechanism == m)
            .map(|p| p.settlement)
            .sum::<f64>()
    };
    let signing = share(Mechanism::RedLine);
    let gap = CHASM_GAP / GAP_SCALE;
    let _ = writeln!(
        out,
        "settlement without the red-line terms: {} points higher than with them",
        pts(total)
    );
    let _ = writeln!(
        out,
        "the terms' shares (points): block {}, gap {}, resentment {}, incidents {}",
        pts(signing * CHASM_BLOCK / (CHASM_BLOCK + gap)),
        pts(signing * gap / (CHASM_BLOCK + gap)),
        pts(share(Mechanism::Breakdown)),
        pts(share(Mechanism::TruceEscalation))
    );
    let _ = writeln!(
        out,
        "and through what they change elsewhere (points): the guarantee of the force Moscow would accept {}, the revised proposal {}",
        pts(share(Mechanism::Guarantee)),
        pts(share(Mechanism::Revision))
    );
}

/// A change in probability, in points to one decimal.
fn pts(p: f64) -> String {
    format!("{:.1}", 100.0 * p)
}

/// Section 7: What decides today's headline: Moscow's real line, given its
/// stated one, and the prior's credibility.
fn real_line(out: &mut String) {
    let _ = writeln!(out, "## 7. Today's positions by Moscow's real line");
    let d = Inputs::default();
    for line in 0..=3 {
        let o = simulate(&Valid::new(&Inputs {
            tolerance: f64::from(line),
            credibility: 1.0,
            ..d
        }));
        let _ = writeln!(
            out,
            "real line at rung {line} (taken as stated too): ceasefire holding or durable {}, escalation {}",
            pct(o.settlement.mean),
            pct(o.escalation.mean)
        );
    }
    for credibility in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let o = simulate(&Valid::new(&Inputs { credibility, ..d }));
        let _ = writeln!(
            out,
            "credibility {credibility}: headline {} ({}-{})",
            pct(o.settlement.mean),
            pct(o.settlement.p5),
            pct(o.settlement.p95)
        );
    }
}

/// Section 8: The figures of the scenarios (the story's steps are tested for
/// their directions in tests/story.rs).
fn scenarios(out: &mut String) {
    let _ = writeln!(out, "## 8. Scenarios (36 months)");
    let _ = writeln!(
        out,
        "| id | ceasefire holding or durable peace | at Moscow's stated line / one rung above | reached | holds 24 months | escalation | terms (0-100) |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for (id, inputs) in presets().into_iter().map(|p| (p.id, p.inputs)) {
        let o = simulate(&inputs);
        let pair: Vec<String> = o.lines.iter().map(|l| pct(l.settlement)).collect();
        let _ = writeln!(
            out,
            "| {id} | {} ({}-{}) | {} | {} | {} | {} ({}-{}) | {:.0} ({:.0}-{:.0}) |",
            pct(o.settlement.mean),
            pct(o.settlement.p5),
            pct(o.settlement.p95),
            pair.join(" / "),
            pct(o.ceasefire.mean),
            pct(o.survival.mean),
            pct(o.escalation.mean),
            pct(o.escalation.p5),
            pct(o.escalation.p95),
            100.0 * o.terms.mean,
            100.0 * o.terms.p5,
            100.0 * o.terms.p95
        );
    }
}
