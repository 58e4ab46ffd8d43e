//! Entry point: in the browser, mount the app; natively, there is no page
//! to show, so say where the model's tests and benchmarks are instead.

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
