//! `cargo xtask test`: every check and test, in the order that fails fastest.
//!
//! Cheap checks run first (format, lints) so a typo costs seconds, not a
//! browser start. The first failing step stops the run: later steps would
//! mostly repeat its error, and CI's time is limited. The exception is a
//! budget check (the bundle's size), whose failure says nothing about the
//! steps after it: it is recorded, the run goes on, and the run fails at
//! the end.

use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use crate::proc::{cmd, run as run_cmd, run_counting, Tally};
use crate::{dist, lighthouse, tools, workspace, Result};

/// How one step ended.
enum Outcome {
    Passed,
    Skipped(String),
    Failed,
}

struct Step {
    name: &'static str,
    outcome: Outcome,
    seconds: f64,
}

/// The steps run so far, their times and the test counts seen.
struct Run {
    started: Instant,
    steps: Vec<Step>,
    tally: Tally,
    /// Failures of [`Run::check`] steps: `FAILED: <step>` and the detail.
    deferred: Vec<String>,
}

impl Run {
    /// Runs one step with a banner and its wall time. On failure prints the
    /// summary and returns `FAILED: <step>` so the caller stops.
    fn step(&mut self, name: &'static str, body: impl FnOnce(&mut Tally) -> Result) -> Result {
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
    fn check(&mut self, name: &'static str, body: impl FnOnce(&mut Tally) -> Result) {
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
    fn timed(&mut self, name: &'static str, body: impl FnOnce(&mut Tally) -> Result) -> Result {
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
        self.steps.push(Step {
            name,
            outcome,
            seconds,
        });
        result
    }

    /// Records a step that cannot run yet, with the reason.
    fn skip(&mut self, name: &'static str, reason: String) {
        println!("\n==> {name}\nskipped: {reason}");
        self.steps.push(Step {
            name,
            outcome: Outcome::Skipped(reason),
            seconds: 0.0,
        });
    }

    /// A table of steps and times, then one closing line with the test
    /// counts in the plain `N passed, N failed` form that CI reads.
    fn summary(&self) {
        let width = self.steps.iter().map(|s| s.name.len()).max().unwrap_or(0);
        println!("\nsummary");
        for step in &self.steps {
            let note = match &step.outcome {
                Outcome::Skipped(reason) => format!("  ({reason})"),
                _ => String::new(),
            };
            println!(
                "  {:<width$}  {:<7} {:>7.1} s{note}",
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
        println!("tests: {} passed, {} failed{skipped}", t.passed, t.failed);
    }
}

fn label(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Passed => "ok",
        Outcome::Skipped(_) => "skipped",
        Outcome::Failed => "FAILED",
    }
}

/// The component tests (`tests/web.rs`), run once per browser.
const WEB_TESTS: [&str; 5] = [
    "test",
    "--target",
    "wasm32-unknown-unknown",
    "--test",
    "web",
];

pub fn run() -> Result {
    let cargo = workspace::cargo();
    let root = workspace::root();
    let mut run = Run {
        started: Instant::now(),
        steps: Vec::new(),
        tally: Tally::default(),
        deferred: Vec::new(),
    };

    run.step("ensure tools", |_| tools::ensure_test_tools())?;

    run.step("cargo fmt --check", |_| {
        run_cmd(&mut cmd(&cargo, &["fmt", "--all", "--", "--check"]))
    })?;

    // Native lints cover xtask too; the wasm pass lints the browser-only code
    // (cfg(target_arch = "wasm32")) that the native pass never compiles.
    run.step("clippy (native)", |_| {
        run_cmd(&mut cmd(
            &cargo,
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })?;
    run.step("clippy (wasm32)", |_| {
        run_cmd(&mut cmd(
            &cargo,
            &[
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "--lib",
                "--bins",
                "--",
                "-D",
                "warnings",
            ],
        ))
    })?;

    // Unit tests (src/), integration tests (tests/*.rs), doc tests, and
    // xtask's own tests.
    run.step("cargo test (native)", |tally| {
        run_counting(&mut cmd(&cargo, &["test", "--workspace"]), tally)
    })?;

    if root.join("tests").join("web.rs").exists() {
        run.step("wasm tests (headless Chromium)", |tally| {
            let mut test = cmd(&cargo, &WEB_TESTS);
            // The runner (.cargo/config.toml) finds the driver through
            // CHROMEDRIVER and reads browser flags from webdriver.json; the
            // explicit path keeps that true whatever the working directory.
            // The runner prefers GECKODRIVER when both are set.
            test.env("CHROMEDRIVER", tools::CHROMEDRIVER)
                .env_remove("GECKODRIVER")
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
                .env(
                    "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                    root.join("webdriver.json"),
                );
            run_counting(&mut test, tally)
        })?;
        // The same tests in Firefox: webdriver.json's moz:firefoxOptions
        // names Debian's firefox-esr and runs it headless.
        run.step("wasm tests (headless Firefox)", |tally| {
            let mut test = cmd(&cargo, &WEB_TESTS);
            test.env("GECKODRIVER", tools::geckodriver()?)
                .env_remove("CHROMEDRIVER")
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
                .env(
                    "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                    root.join("webdriver.json"),
                );
            run_counting(&mut test, tally)
        })?;
    } else {
        run.skip(
            "wasm tests (headless Chromium)",
            "tests/web.rs does not exist yet".to_string(),
        );
    }

    // The file table here; the first visit's breakdown in the next step.
    run.step("release build (trunk)", |_| {
        dist::build()?;
        dist::report_files()
    })?;

    // Over budget fails the run, but only after the browser tests, which
    // have their own things to say.
    run.check("size budget (first visit, gzip)", |_| dist::check_budget());

    let e2e = e2e_tests()?;
    if e2e.is_empty() {
        run.skip(
            "end-to-end (node --test)",
            "no tests/e2e/*.test.mjs yet".to_string(),
        );
    } else {
        run.step("end-to-end (node --test)", |tally| {
            // Files are listed rather than the folder given, because newer
            // Node versions read a folder argument as a glob pattern.
            let mut node = cmd("node", &["--test", "--test-concurrency=1"]);
            node.args(&e2e).env("CHROME_PATH", tools::CHROMIUM);
            run_counting(&mut node, tally)
        })?;
    }

    // The same release build in the other engines: Firefox, then WebKit.
    for (step, engine) in [
        ("end-to-end (Firefox)", "firefox"),
        ("end-to-end (WebKit)", "webkit"),
    ] {
        let file = PathBuf::from("tests")
            .join("e2e")
            .join("engines")
            .join(format!("{engine}.test.mjs"));
        if !root.join(&file).exists() {
            run.skip(step, format!("{} does not exist yet", file.display()));
            continue;
        }
        run.step(step, |tally| {
            let mut node = cmd("node", &["--test", "--test-concurrency=1"]);
            node.arg(&file);
            tools::engine_env(&mut node)?;
            run_counting(&mut node, tally)
        })?;
    }

    // Slowest last: a Lighthouse audit of the release build.
    if lighthouse::script().exists() {
        run.step("lighthouse", |_| lighthouse::audit())?;
    } else {
        run.skip(
            "lighthouse",
            "tests/e2e/lighthouse.mjs does not exist yet".to_string(),
        );
    }

    run.finish()
}

/// tests/e2e/*.test.mjs, relative to the repository root, sorted.
fn e2e_tests() -> Result<Vec<PathBuf>> {
    let dir = PathBuf::from("tests").join("e2e");
    let Ok(entries) = fs::read_dir(workspace::root().join(&dir)) else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".test.mjs") && entry.path().is_file() {
            files.push(dir.join(name));
        }
    }
    files.sort();
    Ok(files)
}
