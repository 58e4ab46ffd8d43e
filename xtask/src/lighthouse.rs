//! `cargo xtask lighthouse`: a Lighthouse audit of the release build.
//!
//! tests/e2e/lighthouse.mjs serves dist/ on loopback, audits it as a phone
//! on a slow connection (Lighthouse's default: simulated throttling) and
//! fails below the project's thresholds for performance, accessibility,
//! best practices and SEO. It is slow (half a minute or more), so it is a
//! script of its own rather than one of the `*.test.mjs` files, and it runs
//! last in `cargo xtask test`.

use std::path::PathBuf;

use crate::proc::{cmd, run as run_cmd};
use crate::{dist, tools, workspace, Result};

/// The audit script, relative to the repository root.
pub fn script() -> PathBuf {
    workspace::root()
        .join("tests")
        .join("e2e")
        .join("lighthouse.mjs")
}

/// Installs what is missing, builds dist/ and audits it.
pub fn run() -> Result {
    tools::ensure_web_tools()?;
    tools::ensure_browser_tools()?;
    dist::build()?;
    dist::report()?;
    audit()
}

/// Audits the dist/ that is there; Lighthouse itself is installed with the
/// other e2e packages (tests/e2e/package-lock.json).
pub fn audit() -> Result {
    let script = script();
    if !script.exists() {
        return Err(format!("{} does not exist", script.display()));
    }
    run_cmd(
        cmd("node", &[])
            .arg(&script)
            .env("CHROME_PATH", tools::CHROMIUM),
    )
}
