//! `cargo xtask finalize`: Trunk's post-build hook (see Trunk.toml). It
//! makes the release bundle strict and offline-capable:
//!
//! - The module is split so code the first paint does not need loads on
//!   demand (see `split.rs`).
//! - Trunk writes its loader as an inline `<script type="module">`. A strict
//!   Content-Security-Policy (`script-src 'self'`) forbids inline script,
//!   so the loader moves to its own content-hashed file (Trunk cannot
//!   write it to a file itself: trunk-rs/trunk#288).
//! - The policy itself goes into index.html as a `<meta>` tag, so it holds
//!   on any static host, which may not let us set headers.
//! - The service worker (public/sw.js, copied to the root) gets the list of
//!   files to cache and a version derived from their names, which change
//!   whenever their content does.
//!
//! Debug builds (`trunk serve`) are left alone, so the dev server keeps its
//! live-reload script and nothing is cached while developing.
//!
//! `cargo xtask prebuild`, Trunk's pre-build hook, stops a release build
//! at once when it did not come from `cargo xtask dist`: the split needs a
//! link flag that only xtask passes to cargo ([`check_release_build`]).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use crate::workspace::{file_names, files_under, read, write};
use crate::Result;

/// The policy: only this origin's files, WebAssembly compilation allowed,
/// no inline script, no plugin objects, and nothing sent anywhere else.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/// The placeholder in public/sw.js that receives the file list.
const ASSETS_PLACEHOLDER: &str = "\"__ASSETS__\"";
const VERSION_PLACEHOLDER: &str = "__VERSION__";

pub fn run() -> Result {
    let profile = env::var("TRUNK_PROFILE").unwrap_or_default();
    let staging = env::var("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .map_err(|_| {
            "finalize runs as Trunk's post_build hook (TRUNK_STAGING_DIR is unset)".to_string()
        })?;
    if profile != "release" {
        println!("finalize: {profile} build, only the methods page is made");
        return crate::pages::write_pages(&staging, false);
    }
    finalize(&staging)
}

/// Trunk's pre-build hook: refuses a release build that would fail at the
/// split, minutes later, for want of relocations.
pub fn prebuild() -> Result {
    let profile = env::var("TRUNK_PROFILE").unwrap_or_default();
    let rustflags = env::var(crate::split::RUSTFLAGS_VAR).ok();
    check_release_build(&profile, rustflags.as_deref())
}

/// A release build must be linked with `--emit-relocs` (see
/// `split::link_with_relocations`), which `cargo xtask dist` and
/// `cargo xtask serve --release` set and Trunk alone cannot.
fn check_release_build(profile: &str, rustflags: Option<&str>) -> Result {
    if profile != "release" || rustflags.is_some_and(|f| f.contains("--emit-relocs")) {
        return Ok(());
    }
    Err(concat!(
        "a release build needs `cargo xtask dist` (or `cargo xtask serve --release`), ",
        "not `trunk build --release` alone: the module is split after the build ",
        "(trunk-rs/trunk#1022), which needs cargo's link with --emit-relocs, ",
        "and only xtask passes that flag"
    )
    .to_string())
}

/// Applies every step to a built bundle in `dir`.
pub fn finalize(dir: &Path) -> Result {
    crate::split::split(dir)?;
    let index = dir.join("index.html");
    let html = read(&index)?;
    let html = externalise_loader(dir, &html)?;
    let html = add_policy(&html)?;
    let html = drop_module_preload(&html);
    write(&index, &html)?;
    minify_glue(dir)?;
    crate::pages::write_pages(dir, true)?;
    stamp_service_worker(dir)
}

/// FNV-1a: a stable content hash for file names; not for security.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The first line of the boot script: it shows index.html's notice
/// (`#unsupported`) in a browser without WebAssembly SIMD, which the model
/// uses (src/model/simulate/pair.rs) and without which the module does
/// not compile. The bytes are a module of one function that returns
/// `f64x2.splat(0.0)`: a browser that validates it has SIMD.
const SIMD_CHECK: &str = "if (!WebAssembly.validate(new Uint8Array([0,97,115,109,1,0,0,0,1,5,1,96,0,1,123,3,2,1,0,10,15,1,13,0,68,0,0,0,0,0,0,0,0,253,20,11]))) document.getElementById('unsupported').hidden = false;";

/// The boot script's second line: the module's fetch waits until the
/// browser reports the first paint with content (the static masthead), or
/// at once where it reports no paints or the page is hidden, or after
/// 300 ms at most. Lighthouse simulates a slow phone from the run it
/// observes, and counts every download that ended before the observed
/// largest paint as one the paint waited for: on a busy machine the
/// module (420 KiB from a plain host) sometimes arrived over loopback
/// before the paint, and the simulated largest paint moved from 1.2 to
/// 3.0 s (4 runs in 21). Started after the paint, it cannot end before
/// it. The cost is the wait for that report (4–16 ms after the paint in
/// those runs). A page hidden before its first paint, which would paint
/// nothing, and a browser that refuses the observer start at once.
const AFTER_FIRST_PAINT: &str = "await new Promise((go)=>{if(document.visibilityState==='hidden'||!globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint'))return go();const t=setTimeout(go,300);document.addEventListener('visibilitychange',go,{once:true});try{new PerformanceObserver((l,o)=>{if(l.getEntriesByName('first-contentful-paint').length){o.disconnect();clearTimeout(t);go()}}).observe({type:'paint',buffered:true})}catch{go()}});";

/// Moves the inline module script into `boot-<hash>.js`, after the check
/// for WebAssembly SIMD ([`SIMD_CHECK`]) and the wait for the first paint
/// ([`AFTER_FIRST_PAINT`]).
fn externalise_loader(dir: &Path, html: &str) -> Result<String> {
    // Minified HTML drops the quotes around the attribute value.
    let found = ["<script type=\"module\">", "<script type=module>"]
        .iter()
        .find_map(|open| html.find(open).map(|start| (start, open.len())));
    let Some((start, open_len)) = found else {
        return Ok(html.to_owned());
    };
    let body_start = start + open_len;
    let end = html[body_start..]
        .find("</script>")
        .map(|i| body_start + i)
        .ok_or("index.html has an unclosed inline script")?;
    let script = format!(
        "{SIMD_CHECK}\n{AFTER_FIRST_PAINT}\n{}",
        html[body_start..end].trim()
    );
    let name = format!("boot-{:016x}.js", fnv1a(script.as_bytes()));
    write(&dir.join(&name), format!("{script}\n"))?;
    Ok(format!(
        "{}<script type=\"module\" src=\"./{name}\"></script>{}",
        &html[..start],
        &html[end + "</script>".len()..]
    ))
}

/// Removes the `<link rel=preload>` Trunk writes for the WebAssembly
/// module, so that the module is fetched when the loader asks for it,
/// after the style sheet, rather than beside it from the first byte of
/// the page. The masthead, the page's largest paint, is static HTML and
/// needs only the style sheet; on a slow link the module (150 KiB
/// compressed, 420 KiB plain) took the bandwidth it needed. Measured with
/// Lighthouse's phone (slow 4G) from a plain host: the largest paint at
/// 3.0 s with the preload, 1.2 s without, and performance 88 against 97
/// on the same machine; from a compressing host, 1.8 s against 1.0 s.
/// The JavaScript glue keeps its modulepreload: it is small, and the
/// loader needs it at once to start the module's fetch.
fn drop_module_preload(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..end];
        let preload = tag.contains("rel=preload") || tag.contains("rel=\"preload\"");
        out.push_str(&rest[..start]);
        if !(preload && tag.contains("_bg.wasm")) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Minifies wasm-bindgen's JS glue with terser: it saves about a third of
/// the glue's download. Trunk's minifier fails on this file, and its SRI
/// hash would no longer match, so index.html asks Trunk for no integrity
/// on the Rust assets (`data-integrity="none"`; they are same-origin).
fn minify_glue(dir: &Path) -> Result {
    for name in file_names(dir)? {
        if !name.ends_with(".js") || name.starts_with("boot-") || name == "sw.js" {
            continue;
        }
        let file = dir.join(&name).to_string_lossy().into_owned();
        let status = std::process::Command::new("terser")
            .args([
                &file,
                "--module",
                "--compress",
                "--mangle",
                "--output",
                &file,
            ])
            .status()
            .map_err(|e| {
                format!("cannot run terser ({e}); `cargo xtask dist` installs it into target/tools")
            })?;
        if !status.success() {
            return Err(format!("terser failed on {name}"));
        }
    }
    Ok(())
}

/// Puts the policy first in the head, before anything it governs. Minified
/// HTML may leave out the optional `<head>` tag; then it goes right after
/// the `<html>` tag, which is the same place.
fn add_policy(html: &str) -> Result<String> {
    if html.contains("Content-Security-Policy") {
        return Ok(html.to_owned());
    }
    let head = match html.find("<head>") {
        Some(at) => at + "<head>".len(),
        None => {
            let at = html.find("<html").ok_or("index.html has no <html> tag")?;
            at + html[at..]
                .find('>')
                .ok_or("index.html has an unclosed <html> tag")?
                + 1
        }
    };
    Ok(format!(
        "{}\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">{}",
        &html[..head],
        &html[head..]
    ))
}

/// Whether the service worker fetches `file` as it installs: the app
/// itself (the files whose names carry a content hash: its module, every
/// chunk, the scripts and the style sheet), the rest of English, which
/// every English page fetches, and the icon. Those make the page work
/// offline, every part of it.
///
/// The rest is cached when first read, not before: the teaching pages,
/// the methods, the positions and the forecasts in five languages, the
/// other languages' catalogues and the preview image only crawlers fetch.
/// Precaching the whole site made a first visit's worker fetch 524 KiB
/// from a compressing host (1.4 MB from a plain one) on top of the page's
/// 169 KiB on a phone (tests/e2e/wire.mjs): a reader who never opens a
/// teaching page should not pay for five of them.
fn precached(file: &str) -> bool {
    let Some((stem, extension)) = file.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    // Trunk writes its hash without leading zeros, so it can be shorter
    // than 16 digits (15 in one build in sixteen); 8 keeps out names such
    // as `positions-de`.
    let hashed = stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    });
    let app = matches!(extension, "js" | "wasm" | "css") && !file.contains('/');
    (app && hashed) || file == "public/i18n/en.txt" || file == "public/favicon.svg"
}

/// Writes the cache list and version into sw.js.
fn stamp_service_worker(dir: &Path) -> Result {
    let sw = dir.join("sw.js");
    if !sw.exists() {
        return Ok(());
    }
    // The copy of public/ brings a second, unstamped sw.js: only the root
    // one can control the whole site.
    let stray = dir.join("public").join("sw.js");
    if stray.exists() {
        fs::remove_file(&stray).map_err(|e| format!("cannot remove {}: {e}", stray.display()))?;
    }
    let mut all = files_under(dir)?;
    all.retain(|f| f != "sw.js");
    // The version covers every file's content, not only the names: the
    // catalogues and the methods page keep their names when they change.
    let mut content = Vec::new();
    for f in &all {
        content.extend_from_slice(f.as_bytes());
        content.extend(fs::read(dir.join(f)).map_err(|e| format!("cannot read {f}: {e}"))?);
    }
    let version = format!("{:016x}", fnv1a(&content));
    let mut assets: Vec<String> = vec!["\"./\"".to_owned()];
    assets.extend(
        all.iter()
            .filter(|f| precached(f))
            .map(|f| format!("\"./{f}\"")),
    );
    let text = read(&sw)?
        .replace(ASSETS_PLACEHOLDER, &format!("[{}]", assets.join(", ")))
        .replace(VERSION_PLACEHOLDER, &version);
    write(&sw, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_build_without_relocations_stops_and_names_xtask_dist() {
        let refused = check_release_build("release", None).unwrap_err();
        assert!(refused.contains("cargo xtask dist"), "{refused}");
        assert!(check_release_build("release", Some("-C opt-level=z")).is_err());
        assert!(check_release_build("release", Some("-C link-args=--emit-relocs")).is_ok());
        assert!(check_release_build("debug", None).is_ok());
    }

    #[test]
    fn loader_moves_out_and_policy_goes_first() {
        let dir = std::env::temp_dir().join(format!("finalize-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let html = "<html><head><title>t</title>\n<script type=\"module\">\nimport init from './a.js';\nawait init();\n</script>\n</head></html>";
        let out = add_policy(&externalise_loader(&dir, html).unwrap()).unwrap();
        assert!(!out.contains("import init"), "{out}");
        assert!(out.contains("<script type=\"module\" src=\"./boot-"));
        assert!(out.find("Content-Security-Policy").unwrap() < out.find("<title>").unwrap());
        let boot: Vec<_> = fs::read_dir(&dir).unwrap().collect();
        assert_eq!(boot.len(), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_module_is_not_preloaded_but_its_glue_is() {
        let html = "<head><link crossorigin href=./a-1.js rel=modulepreload>\
                    <link as=fetch crossorigin href=./a-1_bg.wasm rel=preload type=application/wasm>\
                    <link href=./m.css rel=stylesheet></head>";
        assert_eq!(
            drop_module_preload(html),
            "<head><link crossorigin href=./a-1.js rel=modulepreload>\
             <link href=./m.css rel=stylesheet></head>"
        );
    }

    #[test]
    fn minified_pages_get_the_policy_and_lose_the_inline_script() {
        let dir = std::env::temp_dir().join(format!("finalize-min-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let html = "<!doctype html><html lang=en><meta charset=utf-8><script type=module>import x from './a.js'</script><title>t</title>";
        let out = add_policy(&externalise_loader(&dir, html).unwrap()).unwrap();
        assert!(
            out.starts_with(
                "<!doctype html><html lang=en>\n  <meta http-equiv=\"Content-Security-Policy\""
            ),
            "{out}"
        );
        assert!(!out.contains("import x"));
        let boot = fs::read_dir(&dir)
            .unwrap()
            .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
            .find(|text| text.contains("import x"))
            .expect("a boot script");
        assert!(boot.starts_with(SIMD_CHECK), "{boot}");
        // The wait for the first paint comes before the loader's code,
        // whose first await starts the module's fetch.
        let wait = boot
            .find(AFTER_FIRST_PAINT)
            .expect("the wait for the first paint");
        assert!(wait < boot.find("import x").unwrap(), "{boot}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn service_worker_precaches_the_app_and_gets_a_version() {
        let dir = std::env::temp_dir().join(format!("finalize-sw-{}", std::process::id()));
        fs::create_dir_all(dir.join("public")).unwrap();
        fs::write(
            dir.join("sw.js"),
            "const V = '__VERSION__'; const A = \"__ASSETS__\";",
        )
        .unwrap();
        fs::create_dir_all(dir.join("public/i18n")).unwrap();
        for f in [
            "app-0123456789abcdef.js",
            "glue-123456789abcdef.js",
            "app-0123456789abcdef_bg.wasm",
            "split_figures_12-fedcba9876543210.wasm",
            "methods.html",
            "teach-uk.html",
            "public/favicon.svg",
            "public/preview.png",
            "public/i18n/en.txt",
        ] {
            fs::write(dir.join(f), "x").unwrap();
        }
        fs::write(dir.join("public/i18n/uk.txt"), "a = b").unwrap();
        let template = fs::read_to_string(dir.join("sw.js")).unwrap();
        stamp_service_worker(&dir).unwrap();
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        // The app precached; pages, catalogues and the preview cached on use.
        assert!(
            sw.contains(
                "[\"./\", \"./app-0123456789abcdef.js\", \"./app-0123456789abcdef_bg.wasm\", \
                 \"./glue-123456789abcdef.js\", \
                 \"./public/favicon.svg\", \"./public/i18n/en.txt\", \
                 \"./split_figures_12-fedcba9876543210.wasm\"]"
            ),
            "{sw}"
        );
        assert!(!sw.contains("__VERSION__"));
        // A catalogue keeps its name when its words change; the version
        // must change all the same, or readers keep the old words.
        fs::write(dir.join("sw.js"), &template).unwrap();
        fs::write(dir.join("public/i18n/uk.txt"), "a = c").unwrap();
        stamp_service_worker(&dir).unwrap();
        assert_ne!(fs::read_to_string(dir.join("sw.js")).unwrap(), sw);
        fs::remove_dir_all(&dir).unwrap();
    }
}
