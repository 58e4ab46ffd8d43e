//! `cargo xtask`: the project's build and test driver.
//!
//! One entry point that sets up a machine and runs the app or its tests, so a
//! developer and CI type the same two commands (`cargo xtask serve`,
//! `cargo xtask test`) on a fresh machine or a warm one. Every tool the
//! project needs is checked first and installed only when it is missing or
//! at the wrong version, so a warm machine pays a second or two.
//!
//! The crate has few dependencies on purpose: it has to compile in seconds on
//! a bare machine, before any of the tools it installs exist. Its two are
//! small pure-Rust crates that render the static pages (pulldown-cmark for
//! the Markdown, pulldown-latex for the equations, see `markdown`).

mod bench;
mod dist;
mod finalize;
// The app's HTML escaping, shared rather than copied: the static pages
// escape text as the page does. xtask uses only `escape`.
#[allow(dead_code)]
#[path = "../../src/html.rs"]
mod html;
mod imports;
mod lighthouse;
mod markdown;
mod pages;
mod proc;
mod serve;
mod split;
mod test;
mod tools;
mod workspace;

use std::process::ExitCode;

/// Errors are plain messages: every failure is reported to a person at a
/// terminal, who needs to know what failed and what to do, not a type.
pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "\
usage: cargo xtask <command> [args...]

commands:
  serve [trunk args]   install what is missing, then run the app at http://127.0.0.1:8080/
  test                 install what is missing, then run every check and test (what CI runs)
  dist                 install what is missing, build the release bundle into dist/ and print its sizes
                       and the first visit against its size budget
  lighthouse           install what is missing, build dist/ and audit it with Lighthouse (mobile)
  bench [criterion args]
                       run the model benchmarks, then tests/e2e/bench.mjs (if present) on a release build
  prebuild             Trunk's pre-build hook: stops a release build that did not come from `dist`
  finalize             Trunk's post-build hook: split module, strict CSP, external loader,
                       service worker list
  help                 show this text";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();

    if let Err(message) = workspace::enter() {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }

    let result = match command.as_str() {
        "serve" => serve::run(&rest),
        "dist" => no_args(&command, &rest).and_then(|()| dist::run()),
        "lighthouse" => no_args(&command, &rest).and_then(|()| lighthouse::run()),
        "test" => no_args(&command, &rest).and_then(|()| test::run()),
        "bench" => bench::run(&rest),
        "prebuild" => no_args(&command, &rest).and_then(|()| finalize::prebuild()),
        "finalize" => no_args(&command, &rest).and_then(|()| finalize::run()),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        "" => Err(format!("no command given\n\n{USAGE}")),
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };

    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `test` already names the failed step; other errors get a prefix.
        Err(message) if message.starts_with("FAILED:") => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `dist`, `lighthouse` and `test` take no arguments: refusing extras beats silently
/// ignoring a flag someone believed had an effect.
fn no_args(command: &str, rest: &[String]) -> Result {
    if rest.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "`{command}` takes no arguments (got: {})",
            rest.join(" ")
        ))
    }
}
