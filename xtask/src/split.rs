//! Splits the release module so the first visit downloads only what the
//! first paint needs.
//!
//! Functions marked with `ui::on_demand!` (Leptos's `#[lazy]`) become
//! imports that load their own WebAssembly chunk when first called. Trunk
//! cannot do this itself (trunk-rs/trunk#1022): the split has to happen
//! between cargo's link and wasm-bindgen. So this step, run from the
//! post-build hook, redoes Trunk's wasm-bindgen stage from cargo's output,
//! and owns the wasm-opt stage (index.html turns Trunk's off):
//!
//! 1. `wasm-split-cli` cuts cargo's module (linked with `--emit-relocs`, see
//!    [`link_with_relocations`]) into the main module, one chunk per split point
//!    plus chunks for code several of them share, and a small loader,
//!    `__wasm_split.js`.
//! 2. wasm-bindgen turns the main module into the module and JS glue Trunk
//!    made, under the same names, so index.html and its preloads stay right.
//!    `--keep-lld-exports` keeps the exports the chunks link against.
//! 3. wasm-opt shrinks each module (`-Oz --converge`), and the main
//!    module's imports from the glue get short names, in both files
//!    (`imports.rs`).
//! 4. Chunks and the loader get content-hashed names, so a host may cache
//!    them for ever, like Trunk's own files.
//! 5. The loader stops logging a chunk that failed to load: the page
//!    handles that itself (`ui::lazy`: a notice to reload, since the
//!    likely cause is a deploy that removed the old build's chunks), and
//!    the browser already names the file it could not fetch.
//!
//! The service worker precaches the app, every chunk included (see
//! `finalize::precached`), so the page works offline whatever a reader
//! opened before going offline.

use std::fs;
use std::path::{Path, PathBuf};

use crate::finalize::fnv1a;
use crate::imports;
use crate::proc::{cmd, run};
use crate::workspace::{self, file_names, read, write};
use crate::Result;

/// Makes the release build that `command` (trunk) runs keep the linker's
/// relocations, which wasm-split needs to cut the module. Only there: the
/// component tests' debug module with relocations is too large for the
/// test runner to load in time, and nothing else needs them.
pub fn link_with_relocations(command: &mut std::process::Command) {
    command.env(RUSTFLAGS_VAR, WASM_RUSTFLAGS);
}

/// The variable through which cargo takes the wasm build's extra flags.
pub const RUSTFLAGS_VAR: &str = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";

/// The release build's flags: the relocations, and WebAssembly SIMD, which
/// every wasm build takes (`.cargo/config.toml`, whose flags this variable
/// replaces) for the model's pairs of draws (src/model/simulate/pair.rs).
const WASM_RUSTFLAGS: &str = "-C link-args=--emit-relocs -C target-feature=+simd128";

/// The loader's name as wasm-split writes it and the glue imports it.
const LOADER: &str = "__wasm_split.js";

/// Replaces Trunk's single module in `dir` by the split one, optimised.
/// A build without split points (then there is nothing to load later)
/// keeps Trunk's module, optimised in place.
pub fn split(dir: &Path) -> Result {
    let stem = glue_stem(dir)?;
    let input = cargo_module()?;
    let work = workspace::root().join("target").join("wasm-split");
    if work.exists() {
        fs::remove_dir_all(&work).map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    let bound = work.join("bound");
    fs::create_dir_all(&bound).map_err(|e| format!("cannot create {}: {e}", bound.display()))?;

    let input = input.to_string_lossy().into_owned();
    let out = work.to_string_lossy().into_owned();
    run(&mut cmd(
        "wasm-split-cli",
        &[&input, &out, "--out-name", &stem, "--target", "web"],
    ))
    .map_err(|e| {
        format!(
            "{e}\n(wasm-split needs cargo's module linked with --emit-relocs: \
             build the release site with `cargo xtask dist`, which sets it)"
        )
    })?;
    let chunks = chunk_names(&work)?;
    if chunks.is_empty() {
        println!("split: no split points; the module stays whole");
        let module = dir.join(format!("{stem}_bg.wasm"));
        return optimise(&module, &module);
    }

    let main = work
        .join(format!("{stem}.wasm"))
        .to_string_lossy()
        .into_owned();
    let bound_dir = bound.to_string_lossy().into_owned();
    run(&mut cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--out-dir",
            &bound_dir,
            "--out-name",
            &stem,
            &main,
        ],
    ))?;
    let module = format!("{stem}_bg.wasm");
    optimise(&bound.join(&module), &bound.join(&module))?;
    let optimised =
        fs::read(bound.join(&module)).map_err(|e| format!("cannot read {module}: {e}"))?;
    let (shortened, renames) = imports::shorten(&optimised, &format!("./{stem}_bg.js"))?;
    write(&dir.join(&module), &shortened)?;

    let mut loader = quiet_loader(&read(&work.join(LOADER))?)?;
    let mut sizes = Vec::new();
    for chunk in &chunks {
        let optimised = bound.join(chunk);
        optimise(&work.join(chunk), &optimised)?;
        let bytes = fs::read(&optimised).map_err(|e| format!("cannot read {chunk}: {e}"))?;
        let hashed = hashed_name(chunk, &bytes);
        write(&dir.join(&hashed), &bytes)?;
        loader = loader.replace(&format!("\"./{chunk}\""), &format!("\"./{hashed}\""));
        sizes.push((hashed, bytes.len()));
    }
    let loader_name = hashed_name("split.js", loader.as_bytes());
    write(&dir.join(&loader_name), loader.as_bytes())?;
    let glue = read(&bound.join(format!("{stem}.js")))?;
    // Only the import statement's path changes: the module's import object
    // keeps the name the WebAssembly asks for.
    let imported = format!("from \"./{LOADER}\"");
    if !glue.contains(&imported) {
        return Err(format!(
            "the JS glue does not import {LOADER}; wasm-bindgen changed?"
        ));
    }
    let glue = glue.replace(&imported, &format!("from \"./{loader_name}\""));
    let glue = imports::rename_in_glue(&glue, &renames)?;
    write(&dir.join(format!("{stem}.js")), glue.as_bytes())?;

    for (name, bytes) in sizes {
        println!("split: {name} ({bytes} bytes), loaded on demand");
    }
    Ok(())
}

/// The loader without its `console.error` of a failed load (step 5).
fn quiet_loader(loader: &str) -> Result<String> {
    const LOGGED: &str = "console.error(e);";
    if loader.matches(LOGGED).count() != 1 {
        return Err(format!(
            "{LOADER} does not log a failed load as `{LOGGED}` once; wasm-split changed?"
        ));
    }
    Ok(loader.replace(LOGGED, ""))
}

/// Trunk's glue is `<stem>.js` beside `<stem>_bg.wasm`: the stem carries
/// Trunk's hash, and the split output keeps it.
fn glue_stem(dir: &Path) -> Result<String> {
    file_names(dir)?
        .iter()
        .find_map(|name| name.strip_suffix("_bg.wasm").map(str::to_owned))
        .ok_or_else(|| format!("no *_bg.wasm in {}", dir.display()))
}

/// Cargo's release module, before wasm-bindgen: the one with relocations.
fn cargo_module() -> Result<PathBuf> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace::root().join("target"));
    let module = target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("red-lines.wasm");
    if module.exists() {
        Ok(module)
    } else {
        Err(format!("cargo's module {} is missing", module.display()))
    }
}

/// The chunks in `dir`, sorted (see [`is_chunk`]).
pub fn chunk_names(dir: &Path) -> Result<Vec<String>> {
    let mut names = file_names(dir)?;
    names.retain(|name| is_chunk(name));
    Ok(names)
}

/// Whether `name` is one of the modules wasm-split writes besides the main
/// one: `split_<name>.wasm` for each split point and `chunk_<n>.wasm` for
/// code several share (with a content hash once in dist/).
pub fn is_chunk(name: &str) -> bool {
    (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
}

/// `split_outcomes_123.wasm` → `split_outcomes_123-<hash>.wasm`.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    format!("{stem}-{:016x}.{ext}", fnv1a(bytes))
}

/// `wasm-opt -Oz --converge`: the smallest module, at the cost of time.
fn optimise(input: &Path, output: &Path) -> Result {
    let input = input.to_string_lossy().into_owned();
    let output = output.to_string_lossy().into_owned();
    run(&mut cmd(
        "wasm-opt",
        &["-Oz", "--converge", &input, "--output", &output],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The release build's flags replace those of `.cargo/config.toml`
    /// for the wasm target, so they must repeat every one of them.
    #[test]
    fn the_release_flags_keep_the_configured_ones() {
        let config = fs::read_to_string(workspace::root().join(".cargo/config.toml")).unwrap();
        let flags = config
            .lines()
            .find_map(|line| line.trim().strip_prefix("rustflags = "))
            .expect("a rustflags line for the wasm target");
        let configured: Vec<&str> = flags
            .trim_matches(['[', ']'])
            .split(',')
            .map(|flag| flag.trim().trim_matches('"'))
            .collect();
        assert_eq!(configured, ["-C", "target-feature=+simd128"]);
        assert!(
            WASM_RUSTFLAGS.contains(&configured.join(" ")),
            "{WASM_RUSTFLAGS}"
        );
    }

    #[test]
    fn chunks_get_content_hashed_names() {
        let a = hashed_name("split_outcomes_1.wasm", b"one");
        let b = hashed_name("split_outcomes_1.wasm", b"two");
        assert!(
            a.starts_with("split_outcomes_1-") && a.ends_with(".wasm"),
            "{a}"
        );
        assert_ne!(a, b);
        assert_eq!(hashed_name("split.js", b"x"), hashed_name("split.js", b"x"));
    }

    #[test]
    fn the_loader_stops_logging_a_failed_load_and_still_reports_it() {
        let loader = "try { await callee(); success = true; } catch (e) {\n    console.error(e);\n    success = false;\n}";
        let quiet = quiet_loader(loader).unwrap();
        assert!(!quiet.contains("console"), "{quiet}");
        assert!(quiet.contains("success = false;"), "{quiet}");
        assert!(quiet_loader("no logging here").is_err());
    }
}
