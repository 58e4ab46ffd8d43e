//! Downloads under each chart: the chart as an SVG sheet or a PNG picture
//! (with title, settings and source line; see [`crate::charts::export`])
//! and its numbers as CSV. Files are made in the page, on demand, and
//! handed to the browser as blob downloads: nothing is sent anywhere.

use super::i18n::{texts, tr};
use crate::charts::export::{self, Caption, Sheet, PNG_SCALE};
use crate::charts::Chart;
use crate::i18n::Catalog;
use crate::model::{Valid, VERSION};
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlElement, Url};

/// What a figure hands over when a download is asked for: the chart drawn
/// at the wide size (a file should not depend on the reader's screen),
/// the settings it shows and its numbers as CSV.
pub struct Files {
    pub chart: Chart,
    pub inputs: Valid,
    pub csv: String,
}

/// The row of download buttons for one figure. `stem` names the files
/// (`red-lines-<stem>.svg`), `title` is the catalogue key of the figure's
/// heading; `files` makes the content, only when a button is pressed.
/// Not generic over `files`, so the three figures share one copy of it.
pub fn buttons(
    stem: &'static str,
    title: &'static str,
    files: Rc<dyn Fn(&Catalog) -> Files>,
) -> impl IntoView {
    let t = texts();
    let notices = use_context::<RwSignal<Vec<crate::state::Notice>>>();
    let button = move |kind: &'static str, key: &'static str| {
        let files = Rc::clone(&files);
        // The visible text says what; the accessible name also says which
        // chart ("Download SVG: The chasm map").
        let name = move || {
            t.with(|t| {
                t.fill(
                    "export.name",
                    &[("action", t.get(key)), ("chart", t.get(title))],
                )
            })
        };
        view! {
            <button
                type="button"
                aria-label=name
                on:click=move |_| {
                    let files = Rc::clone(&files);
                    let made = download(t, stem, title, kind, files);
                    leptos::task::spawn_local(async move {
                        if let (Err(_), Some(notices)) = (made.await, notices) {
                            super::lazy::tell_unavailable(notices);
                        }
                    });
                }
            >
                {tr(key)}
            </button>
        }
    };
    view! {
        <div class="export">
            {button("svg", "export.svg")}
            {button("png", "export.png")}
            {button("csv", "export.csv")}
        </div>
    }
}

super::lazy::on_demand! {
    /// Makes the file `kind` (`svg`, `png` or `csv`) and downloads it, in
    /// a module that loads with the first download.
    fn download(
        t: RwSignal<Catalog>,
        stem: &'static str,
        title: &'static str,
        kind: &'static str,
        files: Rc<dyn Fn(&Catalog) -> Files>,
    ) {
        t.with_untracked(|t| make(t, stem, title, kind, files(t)));
    }
}

fn make(t: &Catalog, stem: &str, title: &str, kind: &str, files: Files) {
    let name = format!("red-lines-{stem}.{kind}");
    if kind == "csv" {
        return save_text(&files.csv, "text/csv;charset=utf-8", &name);
    }
    let url = gloo::utils::window().location().href().unwrap_or_default();
    let settings = export::settings(t, &files.inputs);
    let sheet = export::sheet(
        &files.chart,
        &Caption {
            title: t.get(title),
            settings_heading: t.get("export.settings"),
            settings: &settings,
            source: &t.fill("export.source", &[("url", &url)]),
            version: &t.fill("export.version", &[("n", VERSION)]),
        },
    );
    if kind == "png" {
        png(sheet, name);
    } else {
        save_text(&sheet.svg, "image/svg+xml", &name);
    }
}

fn save_text(text: &str, mime: &str, name: &str) {
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(text));
    if let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &bag) {
        save(&blob, name);
    }
}

/// Hands `blob` to the browser as a download named `name`, through a
/// temporary link to an object URL that is revoked once it has been used.
fn save(blob: &Blob, name: &str) {
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(link) = gloo::utils::document().create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        if let Some(link) = link.dyn_ref::<HtmlElement>() {
            link.click();
        }
    }
    // The browser has read the blob by then; revoking frees its memory.
    Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
}

/// Draws the sheet into a canvas at [`PNG_SCALE`] times its size and saves
/// it as PNG. The SVG goes in as a `data:` image, which the page's
/// Content-Security-Policy allows (`img-src 'self' data:`) and which,
/// holding no foreign content, leaves the canvas readable.
fn png(sheet: Sheet, name: String) {
    let Some(canvas) = gloo::utils::document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let (width, height) = (sheet.width * PNG_SCALE, sheet.height * PNG_SCALE);
    canvas.set_width(width);
    canvas.set_height(height);
    let source = image.clone();
    let on_load = Closure::once_into_js(move || {
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        if let Some(context) = context {
            let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
                &source,
                0.0,
                0.0,
                width.into(),
                height.into(),
            );
            let on_blob = Closure::once_into_js(move |blob: JsValue| {
                if let Ok(blob) = blob.dyn_into::<Blob>() {
                    save(&blob, &name);
                }
            });
            let _ = canvas.to_blob(on_blob.unchecked_ref());
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    let svg = String::from(web_sys::js_sys::encode_uri_component(&sheet.svg));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{svg}"));
}
