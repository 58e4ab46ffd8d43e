//! About and methods: what the model is, the sides' stated positions, how
//! it works in brief, and its sources. The full methods are on the methods
//! page, which the build renders from docs/MODEL.md.
//!
//! The section is static text, so it is kept as HTML (the catalogue's
//! `about.html`) rather than as view code: the browser parses it once,
//! and the download stays small.

use crate::model::draws::SAMPLES;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let t = super::i18n::texts();
    let html = move || t.with(|t| t.fill("about.html", &[("samples", &SAMPLES.to_string())]));
    view! { <div inner_html=html></div> }
}
