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
// TEMPORARY, until the model's rewrite lands: `model::inputs::Input::spec`
// is a data table (one literal `Spec` per input) and wants its own
// `#[allow(clippy::too_many_lines)]`; then this module-wide allow goes.
#[allow(clippy::too_many_lines)]
pub mod model;
pub mod state;
pub mod story;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod ui;
