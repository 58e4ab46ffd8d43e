//! `ensure_*`: check each tool the project needs and install it only when it
//! is missing or at the wrong version.
//!
//! Each check prints exactly one line, `ok: <tool> (present)` or
//! `installing <tool> ...`, so a warm run is short to read and a cold run
//! says what it is spending its minutes on. Versions are checked, not just
//! presence, because the pins matter: wasm-bindgen must equal Cargo.lock's
//! version or the generated JS glue does not match the module, and Debian's
//! older wasm-opt produces a module that fails at start-up.
//!
//! Only the registries this project's machines reach are used (crates.io,
//! npm, Debian): trunk's own tool download is never relied on, and trunk runs
//! `--offline` so it takes these tools from PATH.
//!
//! This file holds what turns the crate into a page (Rust's parts, trunk,
//! wasm-bindgen; for the release build also wasm-split, wasm-opt and
//! terser) and the helpers every check shares; the browsers and Node,
//! which only the tests and the benchmark need, are in `browsers`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::proc::{cmd, probe, run};
use crate::workspace;
use crate::Result;

mod browsers;

pub use browsers::{
    engine_env, ensure_browser_tools, ensure_other_engines, geckodriver, CHROMEDRIVER, CHROMIUM,
};

/// Trunk 0.22 needs a newer rustc than the machines have; 0.21.14 is the
/// newest that builds with rustc 1.95.
const TRUNK_VERSION: &str = "0.21.14";
/// wasm-opt for finalize's split (xtask/src/split.rs); not Debian's, which is
/// too old.
const BINARYEN_NPM: &str = "binaryen@132.0.0";
/// Minifies wasm-bindgen's JS glue in `finalize` (Trunk's own minifier
/// fails on it); installed beside binaryen, so it is on the same PATH.
const TERSER_NPM: &str = "terser@5.51.4";
const WASM_OPT_VERSION: &str = "version_132";
/// The splitter must understand the split markers of the `wasm_split_helpers`
/// version in Cargo.lock (0.2.3, through Leptos).
const WASM_SPLIT_VERSION: &str = "0.2.4";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// What a debug build needs (`cargo xtask serve`): the wasm target, the
/// crates, trunk and wasm-bindgen. A first `serve` on a bare machine
/// installs these and nothing only the release build uses.
pub fn ensure_debug_tools() -> Result {
    ensure_wasm_target()?;
    ensure_crates()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()
}

/// What the release build needs (`dist`, `serve --release`, `lighthouse`,
/// the release half of `bench`): the debug build's tools, and the
/// splitter, wasm-opt and terser that finalize runs on it.
pub fn ensure_release_tools() -> Result {
    ensure_debug_tools()?;
    ensure_wasm_split()?;
    ensure_wasm_opt()
}

/// What `test` needs on top of [`ensure_release_tools`]: lint tools, the
/// browsers with their drivers, and the end-to-end packages.
pub fn ensure_test_tools() -> Result {
    ensure_rust_components()?;
    ensure_release_tools()?;
    ensure_browser_tools()?;
    ensure_other_engines()
}

fn present(tool: &str) {
    println!("ok: {tool} (present)");
}

fn installing(tool: &str) {
    println!("installing {tool} ...");
}

/// rustfmt and clippy come with the usual rustup profile, but a minimal
/// toolchain lacks them and `cargo fmt` would then fail with a vague error.
pub fn ensure_rust_components() -> Result {
    let cargo = workspace::cargo();
    let mut missing = Vec::new();
    for (component, subcommand) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        match probe(&mut cmd(&cargo, &[subcommand, "--version"])) {
            Some(_) => present(component),
            None => missing.push(component),
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    installing(&missing.join(" and "));
    let mut args = vec!["component", "add"];
    args.extend(&missing);
    run(&mut cmd("rustup", &args)).map_err(|e| format!("cannot add {}: {e}", missing.join(", ")))
}

/// The browser build target. Without it every wasm build fails with
/// "can't find crate for `core`".
pub fn ensure_wasm_target() -> Result {
    let installed = probe(&mut cmd("rustup", &["target", "list", "--installed"])).ok_or(
        "`rustup target list --installed` failed: is rustup installed and on PATH?".to_string(),
    )?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        present(WASM_TARGET);
        return Ok(());
    }
    installing(WASM_TARGET);
    run(&mut cmd("rustup", &["target", "add", WASM_TARGET]))
}

/// Downloads the crates Cargo.lock names, for every target. trunk runs cargo
/// with `--offline` (its flag covers both tool downloads and cargo), so on a
/// fresh machine the wasm-only crates must be fetched before the first trunk
/// build; `cargo fetch --offline` tells cheaply whether they already are.
pub fn ensure_crates() -> Result {
    let cargo = workspace::cargo();
    if probe(&mut cmd(&cargo, &["fetch", "--offline", "--quiet"])).is_some() {
        present("crates");
        return Ok(());
    }
    installing("crates (cargo fetch)");
    run(&mut cmd(&cargo, &["fetch"]))
}

/// trunk builds index.html + the crate into dist/ and serves it.
pub fn ensure_trunk() -> Result {
    let tool = format!("trunk {TRUNK_VERSION}");
    if version_word(probe(&mut cmd("trunk", &["--version"]))).as_deref() == Some(TRUNK_VERSION) {
        present(&tool);
        return Ok(());
    }
    installing(&tool);
    let cargo = workspace::cargo();
    let spec = format!("trunk@{TRUNK_VERSION}");
    run(&mut cmd(&cargo, &["install", "--locked", &spec]))?;
    expect_version("trunk", TRUNK_VERSION)
}

/// `wasm-split-cli` cuts the release module at its `#[lazy]` split points
/// (see split.rs). It has no `--version`, so cargo's own list of installed
/// crates says which version is there.
pub fn ensure_wasm_split() -> Result {
    let tool = format!("wasm-split-cli {WASM_SPLIT_VERSION}");
    let cargo = workspace::cargo();
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    let listed = probe(&mut cmd(&cargo, &["install", "--list"]));
    if listed.is_some_and(|l| l.lines().any(|line| line.trim() == wanted))
        && on_path("wasm-split-cli")
    {
        present(&tool);
        return Ok(());
    }
    installing(&tool);
    let spec = format!("wasm_split_cli_support@{WASM_SPLIT_VERSION}");
    run(&mut cmd(
        &cargo,
        &["install", "--locked", &spec, "--features", "build-binary"],
    ))
}

/// wasm-bindgen-cli provides `wasm-bindgen` (used by trunk) and
/// `wasm-bindgen-test-runner` (the cargo runner for wasm tests); both must be
/// exactly the version of the `wasm-bindgen` crate in Cargo.lock.
/// Installed without `--locked` because the registry mirror here lacks one of
/// its locked dependencies.
pub fn ensure_wasm_bindgen() -> Result {
    let version = wasm_bindgen_version()?;
    let tool = format!("wasm-bindgen-cli {version}");
    let matches = |program: &str| {
        version_word(probe(&mut cmd(program, &["--version"]))).as_deref() == Some(version.as_str())
    };
    if matches("wasm-bindgen") && matches("wasm-bindgen-test-runner") {
        present(&tool);
        return Ok(());
    }
    installing(&tool);
    let cargo = workspace::cargo();
    run(&mut cmd(
        &cargo,
        &["install", "wasm-bindgen-cli", "--version", &version],
    ))?;
    expect_version("wasm-bindgen", &version)?;
    expect_version("wasm-bindgen-test-runner", &version)
}

/// wasm-opt shrinks the release module by about a third. Debian's binaryen
/// (version 108) is too old and breaks the module, so binaryen 132 comes
/// from npm into target/tools/binaryen, whose bin dir is first on PATH.
pub fn ensure_wasm_opt() -> Result {
    let tool = format!("wasm-opt {WASM_OPT_VERSION}");
    let ok = || {
        probe(&mut cmd("wasm-opt", &["--version"])).is_some_and(|v| v.contains(WASM_OPT_VERSION))
    };
    if npm_binaryen_installed() || ok() {
        present(&tool);
        return Ok(());
    }
    installing(&format!("{tool} (npm {BINARYEN_NPM}) and {TERSER_NPM}"));
    let dir = workspace::binaryen_dir();
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let prefix = dir.to_string_lossy();
    run(&mut cmd(
        "npm",
        &[
            "install",
            "--prefix",
            &prefix,
            "--no-audit",
            "--no-fund",
            BINARYEN_NPM,
            TERSER_NPM,
        ],
    ))?;
    if ok() {
        Ok(())
    } else {
        Err(format!(
            "installed {BINARYEN_NPM} but `wasm-opt --version` still does not report {WASM_OPT_VERSION}"
        ))
    }
}

/// Whether our npm copies of binaryen 132 and terser are in place. Their
/// bin dir is first on PATH, so this is what trunk and finalize will run;
/// reading package.json answers in microseconds where `wasm-opt --version`
/// (a Node program) takes a third of a second.
fn npm_binaryen_installed() -> bool {
    let dir = workspace::binaryen_dir().join("node_modules");
    let installed = |spec: &str, bin: &str| {
        let (name, wanted) = spec.split_once('@').unwrap_or((spec, ""));
        workspace::binaryen_bin().join(bin).is_file()
            && fs::read_to_string(dir.join(name).join("package.json"))
                .is_ok_and(|text| text.contains(&format!("\"version\": \"{wanted}\"")))
    };
    installed(BINARYEN_NPM, "wasm-opt") && installed(TERSER_NPM, "terser")
}

/// `apt-get update` first: on a fresh machine the package lists are empty or
/// stale and `install` would find nothing.
fn apt_install(packages: &[&str]) -> Result {
    let hint = "installing system packages needs root (the CI machines run as root)";
    run(cmd("apt-get", &["update"]).env("DEBIAN_FRONTEND", "noninteractive"))
        .map_err(|e| format!("{e}; {hint}"))?;
    let mut args = vec!["install", "-y"];
    args.extend(packages);
    run(cmd("apt-get", &args).env("DEBIAN_FRONTEND", "noninteractive"))
        .map_err(|e| format!("{e}; {hint}"))
}

/// The version of the `wasm-bindgen` crate that Cargo.lock pins.
pub fn wasm_bindgen_version() -> Result<String> {
    let path = workspace::root().join("Cargo.lock");
    let text =
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let versions = locked_versions(&text, "wasm-bindgen");
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err("Cargo.lock has no `wasm-bindgen` package: run `cargo generate-lockfile` or a build first".to_string()),
        many => Err(format!(
            "Cargo.lock has several wasm-bindgen versions ({}); the CLI can match only one",
            many.join(", ")
        )),
    }
}

/// Every version of `package` in a Cargo.lock text, in file order.
fn locked_versions(lock: &str, package: &str) -> Vec<String> {
    let wanted = format!("name = \"{package}\"");
    let mut in_package = false;
    let mut found = Vec::new();
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            in_package = false;
        } else if line.starts_with("name = ") {
            in_package = line == wanted;
        } else if in_package {
            if let Some(v) = line.strip_prefix("version = ") {
                found.push(v.trim_matches('"').to_string());
                in_package = false;
            }
        }
    }
    found
}

/// `trunk 0.21.14` -> `0.21.14`: the second word of a `--version` line.
fn version_word(output: Option<String>) -> Option<String> {
    output?.split_whitespace().nth(1).map(str::to_string)
}

/// `Chromium 156.0.8078.73 built on Debian` -> 156.
fn major_version(output: String) -> Option<u64> {
    output
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))?
        .split('.')
        .next()?
        .parse()
        .ok()
}

/// After an install, confirm PATH now finds the right version; otherwise an
/// older copy elsewhere on PATH would shadow it and trunk would refuse it.
fn expect_version(program: &str, version: &str) -> Result {
    match version_word(probe(&mut cmd(program, &["--version"]))) {
        Some(v) if v == version => Ok(()),
        Some(v) => Err(format!(
            "installed {program} {version}, but PATH finds {program} {v} first"
        )),
        None => Err(format!(
            "installed {program} {version}, but `{program} --version` fails"
        )),
    }
}

/// Whether an executable file named `program` is in a PATH directory.
fn on_path(program: &str) -> bool {
    find_on_path(program).is_some()
}

/// The first file named `program` in a PATH directory.
fn find_on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_locked_version() {
        let lock = r#"
[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"
"#;
        assert_eq!(locked_versions(lock, "wasm-bindgen"), vec!["0.2.130"]);
        assert!(locked_versions(lock, "trunk").is_empty());
    }

    #[test]
    fn reads_versions() {
        assert_eq!(
            version_word(Some("trunk 0.21.14".into())).as_deref(),
            Some("0.21.14")
        );
        assert_eq!(
            major_version("Chromium 156.0.8078.73 built on Debian GNU/Linux 12".into()),
            Some(156)
        );
        assert_eq!(
            major_version("ChromeDriver 156.0.8078.73 (abc-refs/branch-heads/1@{#1})".into()),
            Some(156)
        );
    }
}
