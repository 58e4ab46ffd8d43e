//! About and methods: what the model is, where the sides' positions are
//! set out, how it works in brief, its sources and its glossary. The full
//! methods are on the methods page, which the build renders from
//! docs/MODEL.md.
//!
//! The section is static text, so it is kept as HTML (the catalogue's
//! `about.html` and `gloss.html`) rather than as view code: the browser
//! parses it once, and the download stays small.

use crate::model::{draws::SAMPLES, VERSION};
use crate::text::terms;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let t = super::i18n::texts();
    let html = move || {
        t.with(|t| {
            // Empty until the rest of English (or the language) arrives:
            // asking for it would send for the rest, which a reader who
            // has not yet scrolled or touched the page does not need.
            if !t.is_whole() {
                return String::new();
            }
            let about = t.fill(
                "about.html",
                &[("samples", &SAMPLES.to_string()), ("lang", t.lang().code())],
            );
            let tail = t.get("gloss.html").to_owned() + &t.fill("about.version", &[("n", VERSION)]);
            at_the_end(terms::to_html(&about), &tail)
        })
    };
    view! { <div inner_html=html></div> }
}

/// The about section with `tail` (the glossary and the model version line)
/// last in its footer. They are catalogue entries of their own rather
/// than placeholders in the long about text, so each can be edited and
/// translated apart. (A suffix test, not a search: searching text from
/// the end would add code to the download for this one use.)
fn at_the_end(about: String, tail: &str) -> String {
    match about.strip_suffix("</footer>") {
        Some(body) => format!("{body}{tail}</footer>"),
        None => about + tail,
    }
}
