//! Prints the backtest (docs/MODEL.md, "How has the model done?").
use red_lines::backtest::*;
fn main() {
    for r in quarterly() {
        println!(
            "{} age {:5.1} model {:5.1}% ({:4.1}-{:4.1}) base {:5.1}% esc {:5.2}% {:?}",
            r.label,
            r.war_age,
            100.0 * r.ceasefire,
            100.0 * r.ceasefire_p5,
            100.0 * r.ceasefire_p95,
            100.0 * r.base_rate,
            100.0 * r.escalation,
            r.ceasefire_came
        );
    }
    for m in crowd_matches() {
        println!(
            "{} {:<28} {} p {:4.1}% model {:4.1}% base {:4.1}% {:?}",
            m.forecast.date,
            m.forecast.platform,
            m.quarter,
            100.0 * m.forecast.probability,
            100.0 * m.model,
            100.0 * m.base_rate,
            m.forecast.resolved
        );
    }
    println!("{:?}", scores());
}
