//! The levers: one slider per input, grouped as the debate groups them,
//! the scenario presets and the reset button.

use crate::decimal::short;
use crate::model::presets::matching;
use crate::model::{presets, Group, Input, Valid};
use crate::text::{terms, value_text};
use leptos::prelude::*;

use super::i18n::{texts, tr};

/// A labelled native range input for one model input. The value is shown
/// in words beside the label and given to assistive technology as
/// `aria-valuetext`, so the presence ladder reads as rung names.
#[component]
pub fn Slider(input: Input, inputs: RwSignal<Valid>) -> impl IntoView {
    let spec = input.spec();
    let id = format!("in-{}", spec.id);
    let hint_id = format!("{id}-hint");
    let t = texts();
    // The slider's own value, and its words, change only when it moves:
    // the other sliders' outputs, values and aria-valuetext are left
    // alone on each move (with 28 sliders, most of a move's DOM writes).
    // The value is kept as the text the range input takes, exact on the
    // inputs' grid, so that both memos are of one type: another type of
    // memo costs the first module 0.7 KiB.
    let value = Memo::new(move |_| short(inputs.with(|i| input.get(i))));
    let words = Memo::new(move |_| {
        value.track();
        t.with(|t| value_text(t, input, inputs.with_untracked(|i| input.get(i))))
    });
    let text = move |part: &'static str| {
        move || t.with(|t| t.get(&format!("input.{}.{part}", spec.id)).to_owned())
    };
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(value) = crate::decimal::parse(&event_target_value(&ev)) {
            inputs.update(|i| *i = i.with(input, value));
        }
    };
    view! {
        <div class="slider">
            <div class="slider-head">
                <label for=id.clone()>{text("label")}</label>
                <output for=id.clone() class="value" aria-hidden="true">
                    {words}
                </output>
            </div>
            <input
                type="range"
                id=id
                name=spec.id
                min=short(spec.min)
                max=short(spec.max)
                step=short(spec.step)
                prop:value=move || value.get()
                aria-valuetext=words
                aria-describedby=hint_id.clone()
                on:input=on_input
            />
            <p class="hint" id=hint_id inner_html=move || t.with(|t| terms::to_html(t.get(&format!("input.{}.hint", spec.id))))></p>
        </div>
    }
}

fn group_sliders(group: Group, inputs: RwSignal<Valid>) -> impl IntoView {
    Input::ALL
        .into_iter()
        .filter(move |i| i.spec().group == group)
        .map(move |input| view! { <Slider input inputs/> })
        .collect_view()
}

/// All sliders: the three groups of the debate and Ukraine's aims open,
/// the model settings folded away.
#[component]
pub fn Controls(inputs: RwSignal<Valid>) -> impl IntoView {
    let open_groups = Group::ALL
        .into_iter()
        .filter(|g| *g != Group::Advanced)
        .map(|group| {
            view! {
                <fieldset class="group">
                    <legend>{tr(group.key())}</legend>
                    {group_sliders(group, inputs)}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="controls" aria-label=tr("levers.label")>
            <h2 class="section-title">{tr("levers.title")}</h2>
            {open_groups}
            <details class="group advanced">
                <summary>{tr(Group::Advanced.key())}</summary>
                {group_sliders(Group::Advanced, inputs)}
            </details>
            <button type="button" class="reset" on:click=move |_| inputs.set(Valid::default())>
                {tr("levers.reset")}
            </button>
        </section>
    }
}

/// Scenario buttons: choosing one moves every slider to the scenario. The
/// rationale of the scenario on screen is shown under the buttons.
#[component]
pub fn Presets(inputs: RwSignal<Valid>) -> impl IntoView {
    let t = texts();
    let buttons = presets()
        .into_iter()
        .map(|preset| {
            let pressed = move || inputs.with(|i| *i == preset.inputs).to_string();
            view! {
                <li>
                    <button
                        type="button"
                        class="preset"
                        data-preset=preset.id
                        aria-pressed=pressed
                        aria-describedby="preset-why"
                        on:click=move |_| inputs.set(preset.inputs)
                    >
                        {move || t.with(|t| t.get(&format!("preset.{}.name", preset.id)).to_owned())}
                    </button>
                </li>
            }
        })
        .collect_view();
    let why = move || {
        let key = inputs.with(|i| match matching(i) {
            Some(p) => format!("preset.{}.why", p.id),
            None => "presets.own".to_owned(),
        });
        // Empty until the rest of English arrives, for all but today's.
        t.with(|t| t.find(&key).unwrap_or_default().to_owned())
    };
    view! {
        <section class="presets" aria-labelledby="presets-title">
            <h2 id="presets-title" class="section-title">{tr("presets.title")}</h2>
            <ul>{buttons}</ul>
            <p id="preset-why" class="preset-why">{why}</p>
        </section>
    }
}
