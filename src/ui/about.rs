//! About and methods: what the model is, the sides' stated positions, how
//! it works in brief, and its sources. The full methods are on the methods
//! page, which the build renders from docs/MODEL.md.
//!
//! The section is static text, so it is kept as HTML (the catalogue's
//! `about.html`) rather than as view code: the browser parses it once,
//! and the download stays small.

use crate::model::{draws::SAMPLES, VERSION};
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let t = super::i18n::texts();
    let html = move || {
        t.with(|t| {
            let about = t.fill(
                "about.html",
                &[("samples", &SAMPLES.to_string()), ("lang", t.lang().code())],
            );
            with_version(about, &t.fill("about.version", &[("n", VERSION)]))
        })
    };
    view! { <div inner_html=html></div> }
}

/// The about section with the model version line (`about.version`) as the
/// last paragraph of its footer. The line is a catalogue entry of its own
/// rather than a placeholder in the long about text, so the two can be
/// edited and translated apart. (A suffix test, not a search: searching
/// text from the end would add code to the download for this one use.)
fn with_version(about: String, line: &str) -> String {
    match about.strip_suffix("</footer>") {
        Some(body) => format!("{body}{line}</footer>"),
        None => about + line,
    }
}
