//! Reproduces any view of the page natively: give it a permalink's query
//! string and it prints, as JSON, every headline figure with its 90%
//! range, where a ceasefire lands, and the pair of figures at Moscow's
//! stated line and one rung above it, from the same code as the page
//! (`state::decode` reads and validates the link as the page does).
//!
//! `cargo run --release --example scenario -- 'v=3.0.0&mo=0.05&pr=3'`
//!
//! A leading `?` or a whole address is accepted too; what the link got
//! wrong is listed under "notices", in English, as the page would say it.

use red_lines::i18n::Catalog;
use red_lines::model::{simulate, Estimate, Input};
use red_lines::state::decode;

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let query = arg.split_once('?').map_or(arg.as_str(), |(_, q)| q);
    let decoded = decode(query);
    let o = simulate(&decoded.inputs);
    let t = Catalog::english();
    let estimate = |e: &Estimate| {
        format!(
            "{{\"mean\": {:.6}, \"p5\": {:.6}, \"p95\": {:.6}}}",
            e.mean, e.p5, e.p95
        )
    };
    let inputs: Vec<String> = Input::ALL
        .iter()
        .map(|i| format!("\"{}\": {}", i.spec().key, i.get(&decoded.inputs)))
        .collect();
    let lines: Vec<String> = o
        .lines
        .iter()
        .map(|l| {
            format!(
                "{{\"moscow_real_line\": {}, \"prior_weight\": {:.6}, \"settlement\": {:.6}, \"escalation\": {:.6}}}",
                l.line, l.weight, l.settlement, l.escalation
            )
        })
        .collect();
    let notices: Vec<String> = decoded
        .notices
        .iter()
        .map(|n| format!("{:?}", n.text(&t)))
        .collect();
    println!("{{");
    println!("  \"model_version\": \"{}\",", red_lines::model::VERSION);
    println!("  \"months\": {},", o.months);
    println!("  \"settlement\": {},", estimate(&o.settlement));
    println!("  \"escalation\": {},", estimate(&o.escalation));
    println!("  \"ceasefire_reached\": {},", estimate(&o.ceasefire));
    println!("  \"breakdown\": {},", estimate(&o.breakdown));
    println!("  \"holds_until_durable\": {},", estimate(&o.survival));
    println!("  \"terms\": {},", estimate(&o.terms));
    println!("  \"pair\": [{}],", lines.join(", "));
    println!("  \"inputs\": {{{}}},", inputs.join(", "));
    println!("  \"notices\": [{}]", notices.join(", "));
    println!("}}");
}
