//! `cargo xtask lighthouse`: Lighthouse audits of the release build.
//!
//! tests/e2e/lighthouse.mjs serves dist/ on loopback, audits it as a phone
//! on a slow connection (Lighthouse's default: simulated throttling) and
//! fails below the project's thresholds for performance, accessibility,
//! best practices and SEO. The site must pass on any static host, so it is
//! audited twice: from a host that compresses (gzip, negotiated on
//! Accept-Encoding) and from a plain one that sends the files as they are.
//! It is slow (half a minute or more per audit), so it is a script of its
//! own rather than one of the `*.test.mjs` files, and it runs last in
//! `cargo xtask test`.

use std::path::PathBuf;

use crate::proc::{cmd, run as run_cmd};
use crate::{dist, tools, workspace, Result};

/// The kind of static host an audit is served from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    /// Sends text and WebAssembly gzipped to a browser that accepts it.
    Gzip,
    /// Sends every file as it is on disk.
    Plain,
}

impl Host {
    /// Both, in the order they run.
    pub const ALL: [Host; 2] = [Host::Gzip, Host::Plain];

    /// The script's argument for this host.
    fn arg(self) -> &'static str {
        match self {
            Host::Gzip => "--host=gzip",
            Host::Plain => "--host=plain",
        }
    }
}

/// The audit script, relative to the repository root.
fn script() -> PathBuf {
    workspace::root()
        .join("tests")
        .join("e2e")
        .join("lighthouse.mjs")
}

/// Installs what is missing, builds dist/ and audits it from both hosts.
/// Both audits run and print their scores whatever the first says; the
/// command fails if either misses a threshold.
pub fn run() -> Result {
    tools::ensure_release_tools()?;
    tools::ensure_browser_tools()?;
    dist::build()?;
    dist::report()?;
    let failed: Vec<String> = Host::ALL
        .into_iter()
        .filter_map(|host| audit(host).err())
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("\n"))
    }
}

/// Audits the dist/ that is there, served as `host` serves it; Lighthouse
/// itself is installed with the other e2e packages
/// (tests/e2e/package-lock.json).
pub fn audit(host: Host) -> Result {
    run_cmd(
        cmd("node", &[])
            .arg(script())
            .arg(host.arg())
            .env("CHROME_PATH", tools::CHROMIUM),
    )
}
