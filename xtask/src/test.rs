//! `cargo xtask test`: every check and test, in the order that fails fastest.
//!
//! The run is a table, [`PIPELINE`]: what each step is called, whether its
//! failure stops the run, and what it does. Reading the table tells the
//! whole run; a new step is a new row.
//!
//! Cheap checks run first (format, lints) so a typo costs seconds, not a
//! browser start. The first failing step stops the run: later steps would
//! mostly repeat its error, and CI's time is limited. The exceptions are
//! deferred checks (the bundle's size, the Lighthouse audits), whose
//! failure says nothing about the steps after them: it is recorded, the run
//! goes on, and the run fails at the end.

use std::path::PathBuf;
use std::time::Instant;

use crate::proc::{cmd, run as run_cmd, run_counting, Tally};
use crate::{dist, lighthouse, tools, workspace, Result};

/// What a failed step does to the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Stops the run: what comes after would mostly repeat its error.
    Stop,
    /// Is recorded; the run goes on and fails at the end.
    Deferred,
}

/// One row of the pipeline. The action adds the test counts it sees to
/// the tally and returns the failure's detail.
struct Step {
    name: &'static str,
    kind: Kind,
    action: fn(&mut Tally) -> Result,
}

/// The whole run, cheapest first.
const PIPELINE: [Step; 14] = [
    Step {
        name: "ensure tools",
        kind: Kind::Stop,
        action: |_| tools::ensure_test_tools(),
    },
    Step {
        name: "cargo fmt --check",
        kind: Kind::Stop,
        action: |_| cargo(&["fmt", "--all", "--", "--check"]),
    },
    // Native lints cover xtask too; the wasm pass lints the browser-only
    // code (cfg(target_arch = "wasm32")) that the native pass never compiles.
    Step {
        name: "clippy (native)",
        kind: Kind::Stop,
        action: |_| cargo(&CLIPPY_NATIVE),
    },
    Step {
        name: "clippy (wasm32)",
        kind: Kind::Stop,
        action: |_| cargo(&CLIPPY_WASM),
    },
    // Unit tests (src/), integration tests (tests/*.rs), doc tests, and
    // xtask's own tests.
    Step {
        name: "cargo test (native)",
        kind: Kind::Stop,
        action: |tally| {
            run_counting(
                &mut cmd(&workspace::cargo(), &["test", "--workspace"]),
                tally,
            )
        },
    },
    Step {
        name: "wasm tests (headless Chromium)",
        kind: Kind::Stop,
        action: web_tests_chromium,
    },
    Step {
        name: "wasm tests (headless Firefox)",
        kind: Kind::Stop,
        action: web_tests_firefox,
    },
    // The file table here; the first visit's breakdown in the next step.
    Step {
        name: "release build (trunk)",
        kind: Kind::Stop,
        action: |_| dist::build().and_then(|()| dist::report_files()),
    },
    // Over budget fails the run, but only after the browser tests, which
    // have their own things to say.
    Step {
        name: "size budget (first visit, gzip)",
        kind: Kind::Deferred,
        action: |_| dist::check_budget(),
    },
    Step {
        name: "end-to-end (node --test)",
        kind: Kind::Stop,
        action: e2e_chromium,
    },
    // The same release build in the other engines.
    Step {
        name: "end-to-end (Firefox)",
        kind: Kind::Stop,
        action: |tally| e2e_engine("firefox", tally),
    },
    Step {
        name: "end-to-end (WebKit)",
        kind: Kind::Stop,
        action: |tally| e2e_engine("webkit", tally),
    },
    // Slowest last: Lighthouse, from a host that compresses and from one
    // that does not. Both run whatever the first says, so that a failure
    // shows both score sets.
    Step {
        name: "lighthouse (gzip host)",
        kind: Kind::Deferred,
        action: |_| lighthouse::audit(lighthouse::Host::Gzip),
    },
    Step {
        name: "lighthouse (plain host)",
        kind: Kind::Deferred,
        action: |_| lighthouse::audit(lighthouse::Host::Plain),
    },
];

const CLIPPY_NATIVE: [&str; 6] = [
    "clippy",
    "--workspace",
    "--all-targets",
    "--",
    "-D",
    "warnings",
];

const CLIPPY_WASM: [&str; 8] = [
    "clippy",
    "--target",
    "wasm32-unknown-unknown",
    "--lib",
    "--bins",
    "--",
    "-D",
    "warnings",
];

/// The component tests (`tests/web.rs`), run once per browser.
const WEB_TESTS: [&str; 5] = [
    "test",
    "--target",
    "wasm32-unknown-unknown",
    "--test",
    "web",
];

pub fn run() -> Result {
    let mut run = Run {
        started: Instant::now(),
        steps: Vec::new(),
        tally: Tally::default(),
        deferred: Vec::new(),
    };
    for step in &PIPELINE {
        match step.kind {
            Kind::Stop => run.step(step.name, step.action)?,
            Kind::Deferred => run.check(step.name, step.action),
        }
    }
    run.finish()
}

fn cargo(args: &[&str]) -> Result {
    run_cmd(&mut cmd(&workspace::cargo(), args))
}

/// The runner (.cargo/config.toml) finds the driver through CHROMEDRIVER
/// and reads browser flags from webdriver.json; the explicit path keeps
/// that true whatever the working directory. The runner prefers
/// GECKODRIVER when both are set.
fn web_tests_chromium(tally: &mut Tally) -> Result {
    let mut test = cmd(&workspace::cargo(), &WEB_TESTS);
    test.env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env_remove("GECKODRIVER");
    web_test_env(&mut test);
    run_counting(&mut test, tally)
}

/// The same tests in Firefox: webdriver.json's moz:firefoxOptions names
/// Debian's firefox-esr and runs it headless.
fn web_tests_firefox(tally: &mut Tally) -> Result {
    let mut test = cmd(&workspace::cargo(), &WEB_TESTS);
    test.env("GECKODRIVER", tools::geckodriver()?)
        .env_remove("CHROMEDRIVER");
    web_test_env(&mut test);
    run_counting(&mut test, tally)
}

fn web_test_env(test: &mut std::process::Command) {
    test.env("WASM_BINDGEN_TEST_TIMEOUT", "120").env(
        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
        workspace::root().join("webdriver.json"),
    );
}

/// Every tests/e2e/*.test.mjs in Chromium. Files are listed rather than
/// the folder given, because newer Node versions read a folder argument as
/// a glob pattern.
fn e2e_chromium(tally: &mut Tally) -> Result {
    let mut node = cmd("node", &["--test", "--test-concurrency=1"]);
    node.args(e2e_tests()?).env("CHROME_PATH", tools::CHROMIUM);
    run_counting(&mut node, tally)
}

/// tests/e2e/engines/<engine>.test.mjs: the cross-engine suite.
fn e2e_engine(engine: &str, tally: &mut Tally) -> Result {
    let file = PathBuf::from("tests")
        .join("e2e")
        .join("engines")
        .join(format!("{engine}.test.mjs"));
    let mut node = cmd("node", &["--test", "--test-concurrency=1"]);
    node.arg(&file);
    tools::engine_env(&mut node)?;
    run_counting(&mut node, tally)
}

/// tests/e2e/*.test.mjs, relative to the repository root, sorted.
fn e2e_tests() -> Result<Vec<PathBuf>> {
    let dir = PathBuf::from("tests").join("e2e");
    let files: Vec<PathBuf> = workspace::file_names(&workspace::root().join(&dir))?
        .into_iter()
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| dir.join(name))
        .collect();
    if files.is_empty() {
        return Err(format!("no {}/*.test.mjs found", dir.display()));
    }
    Ok(files)
}

/// How one step ended.
enum Outcome {
    Passed,
    Failed,
}

/// A step that has run.
struct Done {
    name: &'static str,
    outcome: Outcome,
    seconds: f64,
}

/// The steps run so far, their times and the test counts seen.
struct Run {
    started: Instant,
    steps: Vec<Done>,
    tally: Tally,
    /// Failures of deferred steps: `FAILED: <step>` and the detail.
    deferred: Vec<String>,
}

impl Run {
    /// Runs one step with a banner and its wall time. On failure prints the
    /// summary and returns `FAILED: <step>` so the caller stops.
    fn step(&mut self, name: &'static str, body: fn(&mut Tally) -> Result) -> Result {
        let result = self.timed(name, body);
        result.map_err(|detail| {
            self.summary();
            let mut message = format!("FAILED: {name}\n{detail}");
            for earlier in &self.deferred {
                message.push_str(&format!("\n\nalso {earlier}"));
            }
            message
        })
    }

    /// Runs a step whose failure does not stop the run: it is printed,
    /// recorded, and turns the whole run into a failure at the end.
    fn check(&mut self, name: &'static str, body: fn(&mut Tally) -> Result) {
        if let Err(detail) = self.timed(name, body) {
            println!("{detail}\n(the run goes on; it will fail at the end)");
            self.deferred.push(format!("FAILED: {name}\n{detail}"));
        }
    }

    /// The run's end: the summary, then failure if a check failed.
    fn finish(&self) -> Result {
        self.summary();
        if self.deferred.is_empty() {
            Ok(())
        } else {
            Err(self.deferred.join("\n\n"))
        }
    }

    /// Runs `body` between banners and records its outcome and wall time.
    fn timed(&mut self, name: &'static str, body: fn(&mut Tally) -> Result) -> Result {
        println!("\n==> {name}");
        let start = Instant::now();
        let result = body(&mut self.tally);
        let seconds = start.elapsed().as_secs_f64();
        let outcome = if result.is_ok() {
            Outcome::Passed
        } else {
            Outcome::Failed
        };
        println!("<== {name}: {} in {seconds:.1} s", label(&outcome));
        self.steps.push(Done {
            name,
            outcome,
            seconds,
        });
        result
    }

    /// A table of steps and times, then one closing line with the test
    /// counts in the plain `N passed, N failed` form that CI reads.
    fn summary(&self) {
        let width = self.steps.iter().map(|s| s.name.len()).max().unwrap_or(0);
        println!("\nsummary");
        for step in &self.steps {
            println!(
                "  {:<width$}  {:<7} {:>7.1} s",
                step.name,
                label(&step.outcome),
                step.seconds
            );
        }
        println!(
            "  {:<width$}  {:<7} {:>7.1} s",
            "total",
            "",
            self.started.elapsed().as_secs_f64()
        );
        let t = self.tally;
        let skipped = if t.skipped > 0 {
            format!(", {} skipped", t.skipped)
        } else {
            String::new()
        };
        let rerun = if t.rerun > 0 {
            format!(
                "; {} run a second time after WebKit's WebAssembly fault (README)",
                t.rerun
            )
        } else {
            String::new()
        };
        println!(
            "tests: {} passed, {} failed{skipped}{rerun}",
            t.passed, t.failed
        );
    }
}

fn label(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Passed => "ok",
        Outcome::Failed => "FAILED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(name: &str) -> usize {
        PIPELINE
            .iter()
            .position(|s| s.name == name)
            .unwrap_or_else(|| panic!("no step `{name}`"))
    }

    #[test]
    fn the_pipeline_runs_cheapest_first_and_builds_before_it_browses() {
        let order = [
            "ensure tools",
            "cargo fmt --check",
            "clippy (native)",
            "cargo test (native)",
            "release build (trunk)",
            "size budget (first visit, gzip)",
            "end-to-end (node --test)",
            "lighthouse (gzip host)",
            "lighthouse (plain host)",
        ];
        let at: Vec<usize> = order.iter().map(|name| position(name)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{order:?} at {at:?}");
        let mut names: Vec<&str> = PIPELINE.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PIPELINE.len(), "step names are unique");
    }

    #[test]
    fn only_checks_that_say_nothing_of_later_steps_are_deferred() {
        let deferred: Vec<&str> = PIPELINE
            .iter()
            .filter(|s| s.kind == Kind::Deferred)
            .map(|s| s.name)
            .collect();
        assert_eq!(
            deferred,
            [
                "size budget (first visit, gzip)",
                "lighthouse (gzip host)",
                "lighthouse (plain host)"
            ]
        );
    }

    #[test]
    fn every_end_to_end_file_is_found() {
        let files = e2e_tests().unwrap();
        assert!(
            files.iter().any(|f| f.ends_with("a11y.test.mjs")),
            "{files:?}"
        );
        for engine in ["firefox", "webkit"] {
            let file = workspace::root()
                .join("tests/e2e/engines")
                .join(format!("{engine}.test.mjs"));
            assert!(file.is_file(), "{} is missing", file.display());
        }
    }
}
