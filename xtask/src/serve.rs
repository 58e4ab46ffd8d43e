//! `cargo xtask serve`: the app on http://127.0.0.1:8080/ with live reload.

use crate::proc::cmd;
use crate::{tools, Result};

/// Address and port come from `[serve]` in Trunk.toml.
const URL: &str = "http://127.0.0.1:8080/";

/// Ensures the tools the build needs, then hands the terminal to
/// `trunk serve`, which rebuilds and reloads the page when a source file
/// changes. Extra arguments go to trunk (for example `--port 9000`,
/// `--release`). A debug build needs only trunk and wasm-bindgen; the
/// release build's splitter, wasm-opt and terser are installed only when
/// `--release` asks for that build.
pub fn run(extra: &[String]) -> Result {
    let release = extra.iter().any(|a| a == "--release" || a == "-r");
    let mut trunk = cmd("trunk", &["serve", "--offline"]);
    trunk.args(extra);
    if release {
        tools::ensure_release_tools()?;
        // Release builds are split by finalize, which needs relocations.
        crate::split::link_with_relocations(&mut trunk);
    } else {
        tools::ensure_debug_tools()?;
    }
    println!("Red Lines: {URL}");
    exec_or_run(&mut trunk)
}

/// On Unix xtask replaces itself with trunk, so Ctrl-C stops trunk directly
/// and no xtask process lingers around the server.
#[cfg(unix)]
fn exec_or_run(command: &mut std::process::Command) -> Result {
    use std::os::unix::process::CommandExt;
    let line = crate::proc::describe(command);
    let error = command.exec();
    Err(format!("`{line}`: could not start trunk: {error}"))
}

#[cfg(not(unix))]
fn exec_or_run(command: &mut std::process::Command) -> Result {
    crate::proc::run(command)
}
