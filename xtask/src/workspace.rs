//! Where things are, and the environment every child command inherits.

use std::env;
use std::path::{Path, PathBuf};

use crate::Result;

/// The repository root. xtask lives one level below it; the path is fixed at
/// compile time, which is right because xtask is always built in place by
/// `cargo run` from the same checkout.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the repository")
}

/// A text file's content; the error names the file.
pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes `contents` to `path`; the error names the file.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result {
    std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The names of the files directly in `dir` (not its folders), sorted.
pub fn file_names(dir: &Path) -> Result<Vec<String>> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        if entry.path().is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}

/// Every file under `dir`, in its folders too (trunk copies public/ as a
/// folder), as paths relative to `dir` with `/` separators, sorted.
pub fn files_under(dir: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", folder.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Where npm installs binaryen (wasm-opt). It is under target/ so that it
/// stays out of version control and `cargo clean` resets it like any other
/// build product; reinstalling takes seconds.
pub fn binaryen_dir() -> PathBuf {
    root().join("target").join("tools").join("binaryen")
}

/// The directory that holds the `wasm-opt` command npm links for binaryen.
pub fn binaryen_bin() -> PathBuf {
    binaryen_dir().join("node_modules").join(".bin")
}

/// `$CARGO_HOME/bin`, where `cargo install` puts trunk and wasm-bindgen.
fn cargo_bin() -> PathBuf {
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// The `cargo` that started xtask, so nested builds use the same toolchain.
pub fn cargo() -> String {
    env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// Prepares the process environment once, before any child starts, and moves
/// to the repository root so relative paths (dist/, tests/e2e/) mean the same
/// from wherever `cargo xtask` was typed.
///
/// - PATH gets binaryen's bin dir and `$CARGO_HOME/bin` in front, so a tool
///   installed a moment ago is found at once, and trunk (run with `--offline`,
///   which makes it take tools from PATH) sees wasm-opt 132 before any older
///   system copy such as Debian's.
/// - The per-package variables `cargo run` set for xtask itself are removed,
///   so the cargo, trunk and test runs below see the same environment they
///   would see from a shell rather than xtask's manifest and name.
pub fn enter() -> Result {
    env::set_current_dir(root()).map_err(|e| format!("cannot enter {}: {e}", root().display()))?;

    let mut paths = vec![binaryen_bin(), cargo_bin()];
    if let Some(old) = env::var_os("PATH") {
        paths.extend(env::split_paths(&old));
    }
    let joined = env::join_paths(paths).map_err(|e| format!("cannot build PATH: {e}"))?;
    env::set_var("PATH", joined);

    let inherited: Vec<String> = env::vars_os()
        .filter_map(|(key, _)| key.into_string().ok())
        .filter(|key| {
            key.starts_with("CARGO_PKG_")
                || key.starts_with("CARGO_MANIFEST_")
                || matches!(
                    key.as_str(),
                    "CARGO_CRATE_NAME" | "CARGO_BIN_NAME" | "CARGO_PRIMARY_PACKAGE"
                )
        })
        .collect();
    for key in inherited {
        env::remove_var(key);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_files_in_folders_relative_and_sorted() {
        let dir = std::env::temp_dir().join(format!("workspace-files-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("public/i18n")).unwrap();
        for name in ["b.js", "a.html", "public/i18n/uk.txt", "public/icon.svg"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        assert_eq!(
            files_under(&dir).unwrap(),
            ["a.html", "b.js", "public/i18n/uk.txt", "public/icon.svg"]
        );
        assert_eq!(file_names(&dir).unwrap(), ["a.html", "b.js"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
