//! Running child commands, with errors that say which command failed and how.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::Result;

/// A command ready to run: `cmd("cargo", &["fmt"])`.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args);
    command
}

/// The command line as a person would type it, for messages: `cargo fmt`
/// rather than the toolchain's full path to cargo.
pub fn describe(command: &Command) -> String {
    let program = Path::new(command.get_program());
    let mut line = if program.parent().is_some_and(|dir| dir.is_absolute()) {
        program.file_name().unwrap_or(program.as_os_str())
    } else {
        program.as_os_str()
    }
    .to_string_lossy()
    .into_owned();
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// Runs with the terminal's stdin, stdout and stderr, so progress bars,
/// colours and prompts reach the person watching. Fails unless it exits 0.
pub fn run(command: &mut Command) -> Result {
    let line = describe(command);
    let status = command
        .status()
        .map_err(|e| start_error(&line, command, &e))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Runs quietly and returns stdout, or `None` if the program is missing or
/// fails. Used for version probes, where "absent" and "broken" mean the same
/// thing: install it.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Test counts read from runners' closing lines.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
    pub skipped: u64,
    /// Tests run once more after WebKit's WebAssembly fault
    /// (tests/e2e/engines/suite.mjs), whatever the second run gave (it is
    /// counted in `passed` or `failed` as well): named in the closing
    /// line, so that a rerun is never silent.
    pub rerun: u64,
}

/// What the WebKit suite prints when it runs a test once more after the
/// engine's fault (`engineSuite` in tests/e2e/engines/suite.mjs).
const RERUN_MARK: &str = "running the test once more";

impl Tally {
    /// Adds what one line of runner output reports. Understands libtest's
    /// `test result: ok. 3 passed; 0 failed; 1 ignored; ...` (cargo test and
    /// wasm-bindgen-test-runner) and node's `# pass 3` / `ℹ pass 3` lines
    /// (TAP and spec reporters), and the WebKit suite's note of a test
    /// run once more ([`RERUN_MARK`]).
    pub fn read_line(&mut self, line: &str) {
        let line = line.trim();
        if line.contains(RERUN_MARK) {
            self.rerun += 1;
            return;
        }
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split(';') {
                let mut words = part.split_whitespace().rev();
                let (Some(kind), Some(number)) = (words.next(), words.next()) else {
                    continue;
                };
                let Ok(n) = number.parse::<u64>() else {
                    continue;
                };
                match kind {
                    "passed" => self.passed += n,
                    "failed" => self.failed += n,
                    "ignored" => self.skipped += n,
                    _ => {}
                }
            }
            return;
        }
        let rest = line
            .strip_prefix("# ")
            .or_else(|| line.strip_prefix("ℹ "))
            .unwrap_or("");
        let mut words = rest.split_whitespace();
        let (Some(kind), Some(number), None) = (words.next(), words.next(), words.next()) else {
            return;
        };
        let Ok(n) = number.parse::<u64>() else {
            return;
        };
        match kind {
            "pass" => self.passed += n,
            "fail" => self.failed += n,
            "skipped" | "todo" => self.skipped += n,
            _ => {}
        }
    }
}

/// Like [`run`], but stdout goes through xtask line by line (echoed at once)
/// so the test counts can be added up for the final summary line. stderr,
/// where cargo reports compilation, stays attached to the terminal.
pub fn run_counting(command: &mut Command, tally: &mut Tally) -> Result {
    let line = describe(command);
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| start_error(&line, command, &e))?;
    let stdout = child.stdout.take().expect("stdout was piped");
    let mut out = std::io::stdout();
    for text in BufReader::new(stdout).lines() {
        let Ok(text) = text else { break };
        tally.read_line(&text);
        // A closed terminal is no reason to stop the tests; ignore echo errors.
        let _ = writeln!(out, "{text}");
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{line}`: waiting failed: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

fn start_error(line: &str, command: &Command, error: &std::io::Error) -> String {
    let program = command.get_program().to_string_lossy();
    if error.kind() == std::io::ErrorKind::NotFound {
        format!("`{line}`: `{program}` was not found on PATH")
    } else {
        format!("`{line}`: could not start `{program}`: {error}")
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn reads_libtest_and_node_closing_lines() {
        let mut t = Tally::default();
        t.read_line("test result: ok. 12 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        t.read_line(
            "test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out",
        );
        t.read_line("# pass 5");
        t.read_line("# fail 0");
        t.read_line("ℹ skipped 1");
        t.read_line("# Subtest: pass 5 things");
        t.read_line("ok 1 - passes");
        t.read_line("# WebKit's WebAssembly fault (pageerror: RuntimeError: Out of bounds memory access): running the test once more");
        assert_eq!(
            t,
            Tally {
                passed: 20,
                failed: 1,
                skipped: 3,
                rerun: 1
            }
        );
    }
}
