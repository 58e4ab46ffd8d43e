//! Red Lines: an explorer of how a settlement of the war in Ukraine could
//! come about, and how it could escalate instead.
//!
//! - [`model`]: the simulator, plain Rust with no web dependencies.
//! - [`backtest`]: the model run from each quarter of 2022–26 and scored.
//! - [`state`]: the page state and its permalink (serde, validated).
//! - [`text`]: numbers and generated sentences in plain words.
//! - [`decimal`]: numbers read from and written as decimal text.
//! - [`charts`]: plotters drawings of the model's output, as SVG text.
//! - [`html`]: HTML and SVG text, and the escaping it needs, in one place.
//! - [`layout`]: the screen widths the code shares with style/main.css.
//! - `ui` (browser only): the Leptos components that show all of it.

// A panic in the page is a frozen page for the reader: outside tests, code
// must handle the failure instead of unwrapping it.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

// The backtest serves the methods page and the tests, never the page.
#[cfg(not(target_arch = "wasm32"))]
pub mod backtest;
pub mod charts;
pub mod decimal;
pub mod html;
pub mod i18n;
pub mod layout;
/// The model is a crate of its own (src/model/Cargo.toml), compiled for
/// speed; the rest of the page names it as this module.
pub use red_lines_model as model;
pub mod state;
pub mod story;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod ui;
