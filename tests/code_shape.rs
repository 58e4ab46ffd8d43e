//! The shape of the code: no file in `src/` or `xtask/src/` longer than
//! 500 lines, each opening with a doc comment that says what it is for, and
//! no function longer than 100 lines. A newcomer should be able to read a
//! file in one sitting and a function on a screen or two; past that, a file
//! wants splitting by role and a function by step (issue 15).
//!
//! Function length is clippy's `too_many_lines` lint, enabled for the
//! workspace in Cargo.toml with its threshold in clippy.toml, so
//! `cargo clippy` names the offender; a data table that is longer says so
//! with `#[allow(clippy::too_many_lines)]` and its reason. This file checks
//! that the lint stays on, and what clippy does not check: each file's
//! length and its opening doc comment.
//!
//! It also holds the code to ARCHITECTURE.md's layers: every module of
//! `src/lib.rs` is on one of its rows, and no `crate::` path in code points
//! to a module on its own row or a row below.

use std::path::{Path, PathBuf};

/// Longest file, in lines.
const MAX_FILE_LINES: usize = 500;
/// Longest function, in lines of code in its body (clippy's count).
const MAX_FN_LINES: usize = 100;

/// Files that may be longer than [`MAX_FILE_LINES`], and why. Keep it
/// short. An entry that no longer exceeds the limit fails the test, so it
/// goes once it can.
const EXEMPT: &[(&str, &str)] = &[];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Every source file the limits cover, as (path from the root with `/`
/// separators, content).
fn sources() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for dir in ["src", "xtask/src"] {
        for path in rust_files(&root().join(dir)) {
            let source = std::fs::read_to_string(&path).expect("readable source");
            let name = path
                .strip_prefix(root())
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            found.push((name, source));
        }
    }
    found
}

/// The files over [`MAX_FILE_LINES`], with their lengths.
fn long_files() -> Vec<(String, usize)> {
    sources()
        .into_iter()
        .map(|(name, source)| (name, source.lines().count()))
        .filter(|(_, lines)| *lines > MAX_FILE_LINES)
        .collect()
}

#[test]
fn no_file_is_too_long() {
    let offenders: Vec<String> = long_files()
        .iter()
        .filter(|(path, _)| !EXEMPT.iter().any(|(p, _)| p == path))
        .map(|(path, lines)| {
            format!("{path}: {lines} lines (at most {MAX_FILE_LINES}); split it by role")
        })
        .collect();
    assert!(offenders.is_empty(), "\n{}\n", offenders.join("\n"));
}

#[test]
fn every_exemption_is_still_needed() {
    let long = long_files();
    let stale: Vec<String> = EXEMPT
        .iter()
        .filter(|(path, _)| !long.iter().any(|(p, _)| p == path))
        .map(|(path, why)| {
            format!("{path}: within the limit now; remove its exemption ({why}) from EXEMPT")
        })
        .collect();
    assert!(stale.is_empty(), "\n{}\n", stale.join("\n"));
}

/// A file says what it is for before anything else, so a reader who
/// opens it knows at once whether it is the one they want.
#[test]
fn every_file_opens_with_a_doc_comment() {
    let bare: Vec<String> = sources()
        .into_iter()
        .filter(|(_, source)| !source.trim_start().starts_with("//!"))
        .map(|(path, _)| format!("{path}: open it with a `//!` comment that says what it is for"))
        .collect();
    assert!(bare.is_empty(), "\n{}\n", bare.join("\n"));
}

/// The function-length limit is clippy's: the lint is on for the whole
/// workspace, in every crate, at the limit this file and ARCHITECTURE.md
/// state.
#[test]
fn clippy_measures_functions_at_the_stated_limit() {
    let read = |file: &str| std::fs::read_to_string(root().join(file)).expect(file);
    let setting = |text: &str, key: &str| {
        text.lines()
            .find_map(|line| line.trim().strip_prefix(key)?.trim().strip_prefix('='))
            .map(|value| value.trim().trim_matches('"').to_owned())
    };
    assert_eq!(
        setting(&read("clippy.toml"), "too-many-lines-threshold"),
        Some(MAX_FN_LINES.to_string()),
        "clippy.toml sets the function-length limit"
    );
    let manifest = read("Cargo.toml");
    let lints = manifest
        .split("[workspace.lints.clippy]")
        .nth(1)
        .expect("Cargo.toml has [workspace.lints.clippy]");
    let lints = lints.split("\n[").next().unwrap_or("");
    assert_eq!(
        setting(lints, "too_many_lines").as_deref(),
        Some("warn"),
        "Cargo.toml's [workspace.lints.clippy] turns on too_many_lines"
    );
    for member in ["Cargo.toml", "xtask/Cargo.toml", "src/model/Cargo.toml"] {
        let text = read(member);
        let own = text.split("\n[lints]").nth(1).unwrap_or("");
        assert_eq!(
            setting(own.split("\n[").next().unwrap_or(""), "workspace").as_deref(),
            Some("true"),
            "{member} takes the workspace's lints (`[lints] workspace = true`)"
        );
    }
}

/// The layers ARCHITECTURE.md documents, read from its ```` ```layers ````
/// block: one row per line, top first; a module uses only modules on the
/// rows above its own, so no two modules use each other. Returns each
/// module with its row.
fn documented_layers() -> Vec<(String, usize)> {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let block = doc
        .split("```layers\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md has a ```layers block");
    let mut layers = Vec::new();
    for (row, line) in block.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        for module in line.split_whitespace() {
            layers.push((module.to_owned(), row));
        }
    }
    layers
}

/// The modules `src/lib.rs` declares, and the crates of the workspace it
/// names as modules (`pub use red_lines_model as model;`).
fn crate_modules() -> Vec<String> {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).expect("src/lib.rs");
    lib.lines()
        .filter_map(|line| {
            let line = line.trim().strip_prefix("pub ").unwrap_or(line.trim());
            let named = match line.strip_prefix("use ") {
                Some(used) => used.split_once(" as ")?.1,
                None => line.strip_prefix("mod ")?,
            };
            named.strip_suffix(';').map(str::to_owned)
        })
        .collect()
}

/// The model is a crate of its own (src/model/Cargo.toml): in its files
/// `crate::` names the model's own modules.
const OWN_CRATES: [&str; 1] = ["model"];

/// The top-level modules named by `crate::` paths in the code of
/// `source`: not in comments, and not in its unit tests (`#[cfg(test)]
/// mod tests`, which may use anything to check the code above it).
fn crate_paths(source: &str) -> Vec<String> {
    let code = source
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or(source);
    let mut found = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        for after in line.split("crate::").skip(1) {
            let names: Vec<&str> = match after.strip_prefix('{') {
                Some(group) => group
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .map(|item| item.trim().split("::").next().unwrap_or(""))
                    .collect(),
                None => vec![after],
            };
            for name in names {
                let module: String = name
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !module.is_empty() {
                    found.push(module);
                }
            }
        }
    }
    found
}

#[test]
fn the_documented_layers_name_every_module_once() {
    let layers = documented_layers();
    let mut documented: Vec<&str> = layers.iter().map(|(m, _)| m.as_str()).collect();
    documented.sort_unstable();
    let count = documented.len();
    documented.dedup();
    assert_eq!(
        documented.len(),
        count,
        "a module is on two rows: {layers:?}"
    );
    let mut declared = crate_modules();
    declared.sort();
    assert_eq!(
        documented, declared,
        "ARCHITECTURE.md's layers and the modules of src/lib.rs differ"
    );
}

#[test]
fn every_import_points_up_the_documented_layers() {
    let layers = documented_layers();
    let place = |module: &str| layers.iter().find(|(m, _)| m == module);
    let mut wrong = Vec::new();
    for (path, source) in sources() {
        let Some(rest) = path.strip_prefix("src/") else {
            continue;
        };
        let own = rest.split(['/', '.']).next().unwrap_or(rest);
        if matches!(own, "lib" | "main") {
            continue;
        }
        let Some((_, row)) = place(own) else {
            wrong.push(format!(
                "{path}: module `{own}` is not in ARCHITECTURE.md's layers"
            ));
            continue;
        };
        if OWN_CRATES.contains(&own) {
            continue;
        }
        for used in crate_paths(&source) {
            match place(&used) {
                _ if used == own => {}
                None => wrong.push(format!(
                    "{path}: uses `crate::{used}`, which is not in ARCHITECTURE.md's layers"
                )),
                Some((_, r)) if r < row => {}
                Some(_) => wrong.push(format!(
                    "{path}: `{own}` uses `crate::{used}`, which is not on a row above it \
                     in ARCHITECTURE.md's layers"
                )),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

#[test]
fn crate_paths_are_read_from_code_only() {
    let source =
        "//! See [`crate::ui`].\nuse crate::model::Inputs;\nuse crate::{html, text::label};\n\
                  let x = crate::decimal::write(1.0); // not crate::state\n\
                  #[cfg(test)]\nmod tests {\n    use crate::story;\n}\n";
    assert_eq!(crate_paths(source), ["model", "html", "text", "decimal"]);
}

/// Each public function of `source` (`pub fn` and `pub(crate) fn`, outside
/// its unit tests and comments), as its name and its parameter list.
fn public_functions(source: &str) -> Vec<(String, String)> {
    let code: String = source
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or(source)
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    for head in ["pub fn ", "pub(crate) fn "] {
        for after in code.split(head).skip(1) {
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let Some(open) = after.find('(') else {
                continue;
            };
            let mut depth = 0;
            let close = after[open..].find(|c| {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                depth == 0
            });
            let params = close.map_or(&after[open + 1..], |k| &after[open + 1..open + k]);
            found.push((name, params.to_owned()));
        }
    }
    found
}

/// Whether `text` names the type `Inputs` (not `Input`, nor a longer name).
fn names_inputs(text: &str) -> bool {
    text.match_indices("Inputs").any(|(k, _)| {
        let before = text[..k].chars().next_back();
        let after = text[k + "Inputs".len()..].chars().next();
        let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !part(before) && !part(after)
    })
}

/// Inputs are validated once, by a type only a sanitizing constructor
/// makes (`model::Valid`): every public function of the model takes
/// `Valid`, so none checks its inputs again and no caller can skip the
/// check, and the page's state holds `Valid` from the moment a link is
/// decoded. The model's functions that may name plain `Inputs` are those
/// that make a `Valid` (`Valid::new`), read one value (`Input::get`) or
/// write one value, sanitized, into raw inputs (`Input::set`); the page
/// (`src/ui/`) names them nowhere.
#[test]
fn inputs_are_made_valid_once_where_they_arrive() {
    const MAY_NAME_INPUTS: [&str; 3] = ["get", "new", "set"];
    let mut wrong = Vec::new();
    let mut allowed_seen = Vec::new();
    for (path, source) in sources() {
        if path.starts_with("src/model/") {
            for (name, params) in public_functions(&source) {
                if !names_inputs(&params) {
                    continue;
                }
                if MAY_NAME_INPUTS.contains(&name.as_str()) {
                    allowed_seen.push(name);
                } else {
                    wrong.push(format!("{path}: `{name}({params})` takes plain `Inputs`"));
                }
            }
        }
        if path.starts_with("src/ui/") {
            for (n, line) in source.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if names_inputs(code) {
                    wrong.push(format!("{path}:{}: the page names plain `Inputs`", n + 1));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "take `model::Valid` instead, made once where the inputs arrive:\n{}\n",
        wrong.join("\n")
    );
    allowed_seen.sort();
    assert_eq!(allowed_seen, MAY_NAME_INPUTS, "the reading found the three");
}

#[test]
fn public_functions_are_read_with_their_parameters() {
    let source =
        "/// pub fn doc(i: &Inputs)\npub fn a(x: &Valid, f: impl Fn(&mut Inputs)) -> Inputs {}\n\
                  fn private(i: &Inputs) {}\npub(crate) fn b(\n    i: &Inputs,\n) {}\n\
                  #[cfg(test)]\nmod tests {\n    pub fn c(i: &Inputs) {}\n}\n";
    assert_eq!(
        public_functions(source),
        [
            (
                "a".to_owned(),
                "x: &Valid, f: impl Fn(&mut Inputs)".to_owned()
            ),
            ("b".to_owned(), "\n    i: &Inputs,\n".to_owned()),
        ]
    );
    assert!(names_inputs("i: &Inputs,") && names_inputs("Option<Inputs>"));
    assert!(!names_inputs("i: Input") && !names_inputs("RawInputs") && !names_inputs("Inputs2"));
}
