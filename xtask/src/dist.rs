//! `cargo xtask dist`: the release bundle in dist/, and what it weighs.
//!
//! The weight that matters is a first visit's: every file the page needs
//! before it works, compressed as static hosts serve it. It has a budget,
//! [`budget::BUDGET_GZIP`]; `cargo xtask dist` prints where the build stands and
//! `cargo xtask test` fails when it is over.
//!
//! A browser may fetch more than that set: on a screen that shows the
//! first chart, the figures' chunk; and the service worker fills its
//! cache. `cargo xtask dist` ends with those figures, measured in
//! Chromium (tests/e2e/wire.mjs, held to ceilings by wire.test.mjs).
//!
//! This file builds the bundle and tables its files; `budget` weighs the
//! first visit against the budget, and `html` reads which files a page
//! loads.

use std::fs;
use std::path::Path;
use std::process::Stdio;

use crate::proc::{cmd, describe, run as run_cmd};
use crate::{tools, workspace, Result};

mod budget;
mod html;

pub use budget::check_budget;
use budget::first_visit;

pub fn run() -> Result {
    tools::ensure_release_tools()?;
    build()?;
    report()?;
    over_the_wire()
}

/// What a browser fetches on a first visit, beside what the budget counts:
/// tests/e2e/wire.mjs opens the bundle in Chromium at a desktop, a phone
/// and a wide screen's size and prints the bytes that crossed the
/// network. It needs the browser tools, which `cargo xtask test`
/// installs; without them this says so and the build stands.
fn over_the_wire() -> Result {
    let root = workspace::root();
    let ready = root.join("tests/e2e/node_modules/playwright-core").is_dir()
        && Path::new(tools::CHROMIUM).exists();
    if !ready {
        println!(
            "over the wire: not measured (run `cargo xtask test` once to install Chromium and playwright-core)"
        );
        return Ok(());
    }
    let mut node = cmd("node", &["tests/e2e/wire.mjs"]);
    node.current_dir(root).env("CHROME_PATH", tools::CHROMIUM);
    run_cmd(&mut node)
}

/// `trunk build --release`; `--offline` keeps trunk from downloading its own
/// tools (it cannot here) and makes it use the ones on PATH instead.
pub fn build() -> Result {
    let mut trunk = cmd("trunk", &["build", "--release", "--offline"]);
    crate::split::link_with_relocations(&mut trunk);
    run_cmd(&mut trunk)
}

/// One file of the bundle with its raw and gzip -9 sizes.
struct Entry {
    name: String,
    raw: u64,
    gzip: u64,
}

impl Entry {
    fn measure(dist: &Path, name: &str) -> Result<Entry> {
        let path = dist.join(name);
        let raw = fs::metadata(&path)
            .map_err(|e| format!("cannot stat {}: {e}", path.display()))?
            .len();
        Ok(Entry {
            name: name.to_owned(),
            raw,
            gzip: gzip_size(&path)?,
        })
    }
}

/// Prints every file in dist/ with its raw and gzip size, then the first
/// visit against its budget: the number that matters on a slow connection,
/// since static hosts and CDNs serve these files compressed. Being over
/// budget is reported, not an error: `dist` still built a working bundle
/// (`cargo xtask test` runs [`check_budget`], which fails).
pub fn report() -> Result {
    report_files()?;
    let verdict = first_visit(&workspace::root().join("dist"))?;
    if let Err(over) = verdict {
        println!("{over}");
    }
    Ok(())
}

/// Prints every file in dist/ with its raw and gzip size.
pub fn report_files() -> Result {
    let dist = workspace::root().join("dist");
    let files = workspace::files_under(&dist)?;
    if files.is_empty() {
        return Err(format!("{} is empty: did the build run?", dist.display()));
    }
    let entries = files
        .iter()
        .map(|name| Entry::measure(&dist, name))
        .collect::<Result<Vec<_>>>()?;
    println!("\ndist/ (release build)");
    size_table(&entries, "all files", false);
    Ok(())
}

/// The one table of sizes: a header, a row per file with its raw and
/// gzip -9 bytes (and, with `share`, its part of the gzip total), a rule,
/// and the totals under the name `total`. Returns the gzip -9 total.
fn size_table(entries: &[Entry], total: &str, share: bool) -> u64 {
    let raw: u64 = entries.iter().map(|e| e.raw).sum();
    let gzip: u64 = entries.iter().map(|e| e.gzip).sum();
    let width = entries
        .iter()
        .map(|e| e.name.len())
        .chain([total.len()])
        .max()
        .unwrap_or(0)
        .max(34);
    let share_head = if share {
        format!(" {:>7}", "share")
    } else {
        String::new()
    };
    println!(
        "{:<width$} {:>12} {:>12}{share_head}",
        "file", "bytes", "gzip -9"
    );
    for e in entries {
        let part = if share {
            format!(" {:>6.1}%", 100.0 * e.gzip as f64 / gzip.max(1) as f64)
        } else {
            String::new()
        };
        println!(
            "{:<width$} {:>12} {:>12}{part}",
            e.name,
            thousands(e.raw),
            thousands(e.gzip)
        );
    }
    println!("{}", "-".repeat(width + 26 + share_head.len()));
    println!(
        "{:<width$} {:>12} {:>12}",
        total,
        thousands(raw),
        thousands(gzip)
    );
    gzip
}

/// Size after `gzip -9`, measured with the gzip binary so the number is the
/// one a person can reproduce with `gzip -9 -c FILE | wc -c`.
fn gzip_size(path: &Path) -> Result<u64> {
    let mut gzip = cmd("gzip", &["-9", "-c"]);
    gzip.arg(path).stdin(Stdio::null());
    let line = describe(&gzip);
    let output = gzip
        .output()
        .map_err(|e| format!("`{line}`: cannot run gzip: {e}"))?;
    if !output.status.success() {
        return Err(format!("`{line}` failed ({})", output.status));
    }
    Ok(output.stdout.len() as u64)
}

/// 1234567 -> "1,234,567", so sizes line up and read at a glance.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
