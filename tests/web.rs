//! Component tests in headless Chromium (`wasm-bindgen-test`): the app's
//! components mounted into a real DOM, driven through real events.
#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use leptos::prelude::*;
use red_lines::model::{Input, Valid};
use red_lines::ui::{App, Slider};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the test page's body.
fn container() -> HtmlElement {
    let document = gloo::utils::document();
    let div = document.create_element("div").expect("create div");
    gloo::utils::body().append_child(&div).expect("append div");
    div.unchecked_into()
}

/// Waits (up to two seconds) for `selector` under `root`: the figures
/// arrive a moment after the rest, as code loaded on demand.
async fn arrived(root: &Element, selector: &str) {
    TimeoutFuture::new(20).await;
    // Half a screen below the viewport: near enough for their module to
    // load, not in view, so a figure still draws only once it is seen.
    if let Ok(Some(results)) = root.query_selector("#results") {
        let window = gloo::utils::window();
        let screen = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let top = results.get_bounding_client_rect().top();
        window.scroll_by_with_x_and_y(0.0, top - 1.5 * screen);
    }
    for _ in 0..100 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        TimeoutFuture::new(20).await;
    }
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// Sets a range input the way a drag does: new value, then a bubbling
/// `input` event (Leptos delegates events to the document).
fn slide(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

/// Lets the reactive system flush its updates to the DOM.
async fn settle() {
    TimeoutFuture::new(30).await;
}

#[wasm_bindgen_test]
async fn slider_writes_the_shared_state_and_names_the_rung() {
    let root = container();
    let inputs = RwSignal::new(Valid::default());
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <Slider input=Input::Presence inputs/> },
    )
    .forget();
    let slider: HtmlInputElement = find(&root, "input[type=range]").unchecked_into();
    assert_eq!(slider.id(), "in-presence");
    assert_eq!(slider.max(), "5");

    slide(&slider, "3");
    settle().await;
    assert_eq!(inputs.get_untracked().presence, 3.0);
    let words = find(&root, "output").text_content().unwrap_or_default();
    assert!(words.contains("Reassurance force"), "value text: {words}");
    assert_eq!(
        slider.get_attribute("aria-valuetext").unwrap_or_default(),
        words
    );

    // The state is valid by type: a value outside the range is clamped on
    // its way in and never stored.
    inputs.update(|i| *i = i.with(Input::Presence, 42.0));
    settle().await;
    assert_eq!(inputs.get_untracked().presence, 5.0);
    assert_eq!(slider.value(), "5");
}

#[wasm_bindgen_test]
async fn moving_presence_above_tolerance_raises_escalation_and_redraws() {
    let root = container();
    leptos::mount::mount_to(root.clone(), App).forget();
    arrived(&root, "#fig-outcomes").await;
    settle().await;
    let escalation = || {
        find(&root, "[data-testid=escalation] .big")
            .text_content()
            .unwrap_or_default()
    };
    let chart = || find(&root, "#fig-outcomes .chart").inner_html();
    assert!(
        escalation().ends_with('%'),
        "headline shows a percentage: {}",
        escalation()
    );
    // A figure out of view draws nothing, not even at load.
    assert!(!find(&root, "#fig-sensitivity .chart")
        .inner_html()
        .contains("<svg"));

    // Charts off screen skip their redraw: bring this one into view first.
    find(&root, "#fig-outcomes").scroll_into_view();
    settle().await;
    let before = (escalation(), chart());
    assert!(before.1.contains("<svg"), "chart is drawn once in view");
    let presence: HtmlInputElement = find(&root, "#in-presence").unchecked_into();
    slide(&presence, "4");
    settle().await;
    let after = (escalation(), chart());
    let number = |s: &str| s.trim_end_matches('%').parse::<f64>().unwrap_or(f64::NAN);
    assert!(
        number(&after.0) > number(&before.0),
        "escalation {} should exceed {}",
        after.0,
        before.0
    );
    assert_ne!(after.1, before.1, "the outcomes chart redraws");
    let why = find(&root, "[data-testid=why]")
        .text_content()
        .unwrap_or_default();
    assert!(why.contains("four rungs above"), "explanation: {why}");
}

/// The sensitivity sweep and the chasm map follow a move in a task of
/// their own (`browser::use_deferred`): the move's task updates the
/// headline without waiting for them, and they catch up straight after.
#[wasm_bindgen_test]
async fn the_sweep_follows_a_move_in_a_task_of_its_own() {
    let root = container();
    leptos::mount::mount_to(root.clone(), App).forget();
    arrived(&root, "#fig-sensitivity").await;
    find(&root, "#fig-sensitivity").scroll_into_view();
    let sensitivity = || find(&root, "#fig-sensitivity .chart").inner_html();
    for _ in 0..100 {
        if sensitivity().contains("<svg") {
            break;
        }
        TimeoutFuture::new(20).await;
    }
    let escalation = || {
        find(&root, "[data-testid=escalation] .big")
            .text_content()
            .unwrap_or_default()
    };
    let before = (escalation(), sensitivity());
    assert!(
        before.1.contains("<svg"),
        "the sensitivity chart is drawn in view"
    );
    let presence: HtmlInputElement = find(&root, "#in-presence").unchecked_into();
    let start = presence.value();
    slide(&presence, "4");
    // The render effects run as microtasks; a timer's task cannot run
    // between these ticks.
    for _ in 0..20 {
        leptos::task::tick().await;
    }
    assert_ne!(
        escalation(),
        before.0,
        "the headline follows in the move's task"
    );
    assert_eq!(
        sensitivity(),
        before.1,
        "the sweep waits for a task of its own"
    );
    settle().await;
    assert_ne!(sensitivity(), before.1, "and follows straight after");
    // The page keeps its state in the address bar, where the next test's
    // page reads it: put the slider back and let the address follow.
    slide(&presence, &start);
    TimeoutFuture::new(400).await;
}

#[wasm_bindgen_test]
async fn presets_move_every_slider() {
    let root = container();
    leptos::mount::mount_to(root.clone(), App).forget();
    arrived(&root, "#fig-outcomes").await;
    settle().await;
    let button: HtmlElement = find(&root, "[data-preset=neutrality]").unchecked_into();
    button.click();
    settle().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let value = |id: &str| -> String {
        find(&root, &format!("#in-{id}"))
            .unchecked_into::<HtmlInputElement>()
            .value()
    };
    assert_eq!(value("presence"), "1");
    assert_eq!(value("tolerance"), "1");
    assert_eq!(value("aims"), "0.1");
}

/// Keeping the view as A, then moving a slider: the button says a
/// comparison is on, and the outcomes chart draws A under B.
#[wasm_bindgen_test]
async fn keeping_a_view_draws_it_under_the_new_one() {
    let root = container();
    leptos::mount::mount_to(root.clone(), App).forget();
    arrived(&root, "#fig-outcomes").await;
    settle().await;
    find(&root, "#fig-outcomes").scroll_into_view();
    settle().await;
    let chart = || find(&root, "#fig-outcomes .chart").inner_html();
    let keep: HtmlElement = find(&root, "button.compare").unchecked_into();
    assert_eq!(keep.get_attribute("aria-pressed").as_deref(), Some("false"));
    let alone = chart();
    keep.click();
    settle().await;
    assert_eq!(keep.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_ne!(chart(), alone, "A is drawn under B");
    let presence: HtmlInputElement = find(&root, "#in-presence").unchecked_into();
    slide(&presence, "0");
    settle().await;
    let compared = chart();
    keep.click();
    settle().await;
    assert_eq!(keep.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_ne!(chart(), compared, "clearing removes A");
}

/// In the browser's WebAssembly the model follows two runs in one SIMD
/// register (src/model/simulate/pair.rs). The Monte Carlo, the
/// sensitivity and the map must still give, bit for bit, what the runs
/// give one by one.
#[wasm_bindgen_test]
fn simd_pairs_give_exactly_what_single_runs_give() {
    use red_lines::model::draws::{standard_draws, stratified_draws, DIMENSIONS};
    use red_lines::model::simulate::{finals, headlines, headlines_one_by_one};
    assert!(
        cfg!(target_feature = "simd128"),
        "the wasm build turns SIMD on (.cargo/config.toml)"
    );
    let central = [[0.0; DIMENSIONS]];
    for preset in red_lines::model::presets() {
        let base = preset.inputs;
        assert_eq!(
            finals(&base, standard_draws(), true),
            finals(&base, standard_draws(), false),
            "{}: the Monte Carlo",
            preset.id
        );
        let variants: Vec<Valid> = Input::LEVERS
            .iter()
            .flat_map(|&input| {
                let v = input.get(&base);
                [base.with(input, v - 0.5), base.with(input, v + 0.5)]
            })
            .collect();
        for draws in [stratified_draws(), &central] {
            assert_eq!(
                headlines(&base, &variants[1..], draws),
                headlines_one_by_one(&variants[1..], draws),
                "{}",
                preset.id
            );
        }
    }
}
