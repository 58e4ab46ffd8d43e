//! Entry point: in the browser, mount the app; natively, there is no page
//! to show, so say where the model's tests and benchmarks are instead.

// A panic in the page is a frozen page for the reader: outside tests, code
// must handle the failure instead of unwrapping it.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

#[cfg(target_arch = "wasm32")]
fn main() {
    red_lines::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "Red Lines runs in the browser: `cargo xtask serve`. The model's tests: `cargo test`."
    );
}
