//! Prints the model's inputs as JSON, in slider order: each one's slider
//! id, permalink key, group and default. The end-to-end tests read this
//! manifest (tests/e2e/helpers.mjs) instead of the Rust source, so they
//! follow the model's one table of inputs (src/model/inputs.rs) however
//! it is written.
//!
//! `cargo run --quiet --example inputs`

use red_lines::model::Input;

fn main() {
    let rows: Vec<String> = Input::ALL
        .iter()
        .map(|input| {
            let s = input.spec();
            format!(
                r#"{{"id":"{}","key":"{}","group":"{:?}","default":"{}","min":{},"max":{},"step":{}}}"#,
                s.id, s.key, s.group, s.default, s.min, s.max, s.step
            )
        })
        .collect();
    println!("[{}]", rows.join(","));
}
