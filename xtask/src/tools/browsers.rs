//! The browsers and Node: Chromium and chromedriver, Firefox ESR and
//! geckodriver, WebKitGTK's driver and MiniBrowser, Node and the e2e
//! packages, and Java for the HTML checker among them. Everything the browser tests, the Lighthouse audits and the
//! browser benchmark need, checked and installed the way the build tools
//! are (see the parent module).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{
    apt_install, expect_version, find_on_path, installing, major_version, modified, on_path,
    present, version_word,
};
use crate::proc::{cmd, probe, run};
use crate::workspace;
use crate::Result;

/// Debian's paths; tests and e2e helpers refer to these exact files.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's Firefox ESR; the cross-engine tests and the wasm tests in
/// Firefox drive it through geckodriver.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// geckodriver comes from its crate: the npm package downloads a binary
/// from elsewhere, which these machines cannot reach.
const GECKODRIVER_VERSION: &str = "0.37.1";
/// WebKitGTK's WebDriver, from Debian's webkit2gtk-driver; it starts
/// MiniBrowser, which Debian keeps in the library's own folder.
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
const WEBKIT_LIBRARY_PACKAGE: &str = "libwebkit2gtk-4.1-0";
/// The Nu HTML Checker needs Java 11 or later.
const JAVA_MIN: u64 = 11;
/// `node --test --test-concurrency` needs Node 20.10 or later.
const NODE_MIN: (u64, u64) = (20, 10);

/// Firefox and WebKit with their WebDriver servers, for the cross-engine
/// tests and the browser benchmark.
pub fn ensure_other_engines() -> Result {
    ensure_firefox()?;
    ensure_geckodriver()?;
    ensure_webkit()
}

/// The browser and Node side, used by `test` and by the browser benchmark.
pub fn ensure_browser_tools() -> Result {
    ensure_chromium()?;
    ensure_node()?;
    ensure_java()?;
    ensure_e2e_packages()
}

/// The Nu HTML Checker (npm `vnu-jar`, tests/e2e/valid-html.test.mjs) is
/// a Java program. Java comes from Debian, and before the e2e packages:
/// vnu-jar's install script, where npm runs it, downloads a Java from
/// GitHub unless one is on PATH, and these machines cannot reach GitHub.
pub fn ensure_java() -> Result {
    // `--version` (Java 9 and later) writes to stdout, `-version` to stderr.
    let version = || {
        probe(&mut cmd("java", &["--version"]))
            .as_deref()
            .and_then(java_major)
    };
    if let Some(major) = version().filter(|&v| v >= JAVA_MIN) {
        present(&format!("java {major}"));
        return Ok(());
    }
    installing("java (apt default-jre-headless)");
    apt_install(&["default-jre-headless"])?;
    match version() {
        Some(v) if v >= JAVA_MIN => Ok(()),
        Some(v) => Err(format!(
            "java {v} is on PATH; the HTML checker needs {JAVA_MIN} or later"
        )),
        None => Err("java is still missing after apt-get install default-jre-headless".to_string()),
    }
}

/// `openjdk 17.0.15 2025-04-15` (`java --version`) -> 17.
fn java_major(output: &str) -> Option<u64> {
    let version = output.split_whitespace().nth(1)?;
    version.split(['.', '+', '-']).next()?.parse().ok()
}

/// Headless Chromium and its WebDriver, from Debian. They must be the same
/// major version or chromedriver refuses to start the browser; a mismatch is
/// repaired by reinstalling both from the same package set.
pub fn ensure_chromium() -> Result {
    let versions = || {
        let browser = major_version(probe(&mut cmd(CHROMIUM, &["--version"]))?)?;
        let driver = major_version(probe(&mut cmd(CHROMEDRIVER, &["--version"]))?)?;
        Some((browser, driver))
    };
    if let Some((browser, driver)) = versions() {
        if browser == driver {
            present(&format!("chromium + chromedriver {browser}"));
            return Ok(());
        }
    }
    installing("chromium + chromedriver (apt)");
    apt_install(&["chromium", "chromium-driver"])?;
    match versions() {
        Some((browser, driver)) if browser == driver => Ok(()),
        Some((browser, driver)) => Err(format!(
            "chromium {browser} and chromedriver {driver} differ after apt-get install"
        )),
        None => Err(format!(
            "{CHROMIUM} or {CHROMEDRIVER} still missing after apt-get install"
        )),
    }
}

/// Firefox ESR from Debian (`firefox-esr`).
pub fn ensure_firefox() -> Result {
    let version = || major_version(probe(&mut cmd(FIREFOX, &["--version"]))?);
    if let Some(major) = version() {
        present(&format!("firefox-esr {major}"));
        return Ok(());
    }
    installing("firefox-esr (apt)");
    apt_install(&["firefox-esr"])?;
    version()
        .map(|_| ())
        .ok_or_else(|| format!("{FIREFOX} still missing after apt-get install"))
}

/// geckodriver, built from its crate into cargo's bin folder (about a
/// minute on 2 cores).
pub fn ensure_geckodriver() -> Result {
    let tool = format!("geckodriver {GECKODRIVER_VERSION}");
    if version_word(probe(&mut cmd("geckodriver", &["--version"]))).as_deref()
        == Some(GECKODRIVER_VERSION)
    {
        present(&tool);
        return Ok(());
    }
    installing(&tool);
    let cargo = workspace::cargo();
    let spec = format!("geckodriver@{GECKODRIVER_VERSION}");
    run(&mut cmd(&cargo, &["install", &spec]))?;
    expect_version("geckodriver", GECKODRIVER_VERSION)
}

/// The geckodriver on PATH, as a full path: wasm-bindgen-test-runner and
/// the Node tests take it from an environment variable.
pub fn geckodriver() -> Result<PathBuf> {
    find_on_path("geckodriver").ok_or_else(|| "geckodriver is not on PATH".to_string())
}

/// Tells a Node script that drives the browsers (tests/e2e/engines,
/// bench.mjs) where each one and its driver are.
pub fn engine_env(command: &mut Command) -> Result {
    command
        .env("CHROME_PATH", CHROMIUM)
        .env("FIREFOX_PATH", FIREFOX)
        .env("GECKODRIVER", geckodriver()?)
        .env("WEBKIT_DRIVER", WEBKIT_DRIVER)
        .env("MINIBROWSER", minibrowser()?);
    Ok(())
}

/// WebKitWebDriver and MiniBrowser (Debian's `webkit2gtk-driver`) and a
/// virtual X display to run MiniBrowser in (`xvfb`): MiniBrowser has no
/// headless mode.
pub fn ensure_webkit() -> Result {
    let ready =
        || Path::new(WEBKIT_DRIVER).is_file() && on_path("xvfb-run") && minibrowser().is_ok();
    if ready() {
        present("WebKitWebDriver + MiniBrowser + xvfb");
        return Ok(());
    }
    installing("WebKitWebDriver + MiniBrowser + xvfb (apt)");
    apt_install(&["webkit2gtk-driver", "xvfb"])?;
    if ready() {
        Ok(())
    } else {
        Err(format!(
            "{WEBKIT_DRIVER}, MiniBrowser or xvfb-run still missing after apt-get install"
        ))
    }
}

/// MiniBrowser's path, which holds the machine's architecture
/// (`/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser`): read from the
/// WebKitGTK package's file list.
pub fn minibrowser() -> Result<PathBuf> {
    let files = probe(&mut cmd("dpkg", &["-L", WEBKIT_LIBRARY_PACKAGE]))
        .ok_or_else(|| format!("{WEBKIT_LIBRARY_PACKAGE} is not installed"))?;
    files
        .lines()
        .map(str::trim)
        .find(|line| line.ends_with("/MiniBrowser"))
        .map(PathBuf::from)
        .filter(|path| path.is_file())
        .ok_or_else(|| format!("{WEBKIT_LIBRARY_PACKAGE} lists no MiniBrowser"))
}

/// Node runs the end-to-end tests (`node --test`) and installs binaryen.
pub fn ensure_node() -> Result {
    let version = || node_version(&probe(&mut cmd("node", &["--version"]))?);
    // Looked up rather than run: `npm --version` alone takes ~0.2 s.
    let npm = || on_path("npm");
    let (want_major, want_minor) = NODE_MIN;
    let too_old = |(major, minor): (u64, u64)| {
        format!("node {major}.{minor} is too old: the tests need node {want_major}.{want_minor} or later")
    };
    if let (Some(v), true) = (version(), npm()) {
        return if v >= NODE_MIN {
            present(&format!("node {}.{} + npm", v.0, v.1));
            Ok(())
        } else {
            Err(too_old(v))
        };
    }
    installing("node + npm (apt)");
    apt_install(&["nodejs", "npm"])?;
    match version() {
        Some(v) if v >= NODE_MIN && npm() => Ok(()),
        Some(v) if v >= NODE_MIN => Err("npm is still missing after apt-get install".to_string()),
        Some(v) => Err(too_old(v)),
        None => Err("node is still missing after apt-get install".to_string()),
    }
}

/// `v20.20.2` -> (20, 20).
fn node_version(output: &str) -> Option<(u64, u64)> {
    let mut parts = output.trim().trim_start_matches('v').split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}

/// playwright-core and axe for tests/e2e, installed exactly as
/// package-lock.json says. `npm ci` deletes and rebuilds node_modules, so it
/// runs only when node_modules is missing or older than the lock file.
pub fn ensure_e2e_packages() -> Result {
    let e2e = workspace::root().join("tests").join("e2e");
    let lock = e2e.join("package-lock.json");
    if !lock.exists() {
        println!("ok: e2e packages (none declared: no tests/e2e/package-lock.json)");
        return Ok(());
    }
    let modules = e2e.join("node_modules");
    // npm writes this hidden lock on every install; the directory's own mtime
    // would not change when only a nested package is replaced.
    let stamp = modules.join(".package-lock.json");
    let fresh = match (
        modified(&stamp).or_else(|| modified(&modules)),
        modified(&lock),
    ) {
        (Some(installed), Some(wanted)) => installed >= wanted,
        _ => false,
    };
    if fresh {
        present("e2e packages");
        return Ok(());
    }
    installing("e2e packages (npm ci in tests/e2e)");
    run(cmd("npm", &["ci", "--no-audit", "--no-fund"]).current_dir(&e2e))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_node_versions() {
        assert_eq!(node_version("v20.20.2\n"), Some((20, 20)));
        assert!(node_version("v20.9.0").unwrap() < NODE_MIN);
    }

    #[test]
    fn reads_java_versions() {
        let debian = "openjdk 17.0.15 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6)";
        assert_eq!(java_major(debian), Some(17));
        assert_eq!(java_major("java 21 2023-09-19 LTS"), Some(21));
        assert_eq!(java_major("no java here"), None);
    }
}
