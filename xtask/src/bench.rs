//! `cargo xtask bench`: how fast the model runs, natively and in a browser.

use crate::proc::{cmd, run as run_cmd};
use crate::{dist, tools, workspace, Result};

/// Runs the criterion benchmarks (benches/model.rs); extra arguments go to
/// criterion, e.g. `cargo xtask bench -- simulate` to filter. Then, when
/// tests/e2e/bench.mjs exists, measures the release build in headless
/// Chromium, Firefox and WebKit, which is what visitors actually run.
pub fn run(extra: &[String]) -> Result {
    let cargo = workspace::cargo();
    let mut bench = cmd(&cargo, &["bench", "--bench", "model"]);
    let extra: Vec<&String> = extra.iter().filter(|a| a.as_str() != "--").collect();
    if !extra.is_empty() {
        bench.arg("--").args(extra);
    }
    run_cmd(&mut bench)?;

    let browser_bench = workspace::root()
        .join("tests")
        .join("e2e")
        .join("bench.mjs");
    if !browser_bench.exists() {
        println!("skipped browser benchmark: tests/e2e/bench.mjs does not exist yet");
        return Ok(());
    }
    tools::ensure_release_tools()?;
    tools::ensure_browser_tools()?;
    tools::ensure_other_engines()?;
    dist::build()?;
    dist::report()?;
    let mut node = cmd("node", &["tests/e2e/bench.mjs"]);
    tools::engine_env(&mut node)?;
    run_cmd(&mut node)
}
