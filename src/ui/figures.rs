//! The three charts, each in a figure with a title, the plotters SVG, a
//! text alternative and the numbers as a table.

use crate::charts::{self, Metric, Size};
use crate::model::{ChasmMap, Effect, Input, Outcome, Valid};
use leptos::prelude::*;

use super::browser::{use_deferred, use_figure_box};
use super::export::{buttons, Files};
use super::glossary::rich;
use super::i18n::{texts, tr};
use std::rc::Rc;

/// `source` while the figure is on screen; otherwise the value it last
/// showed, without reading `source`, and nothing before it first came
/// into view. Memos are lazy, so an off-screen chart costs nothing on a
/// slider move, not even the model runs behind it, and a figure below the
/// fold costs nothing while the page loads.
fn while_visible<T>(
    visible: ReadSignal<bool>,
    source: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&Option<T>>| match previous {
        _ if visible.get() => Some(source()),
        Some(shown) => shown.clone(),
        None => None,
    })
}

/// The parts every figure shares: heading, lede, the chart with its text
/// alternative as a `<figure>`, and the table behind a "Show as table"
/// switch. `title_id` is the heading's id, which names the group they go
/// in; heading and lede are catalogue keys.
///
/// The group is a `<div role="group">`, not a `<figure>`: a figure's
/// caption must be its first or last child, and the table and the
/// download buttons come after the caption.
fn figure_body(
    title_id: &'static str,
    heading: &'static str,
    lede: &'static str,
    controls: impl IntoView,
    chart: Memo<charts::Chart>,
    table: Memo<String>,
) -> impl IntoView {
    let host = NodeRef::new();
    show_chart(host, chart);
    // The table is made only while it is open: a closed one still cost
    // the HTML's formatting and parsing on every slider move.
    let open = RwSignal::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"));
    };
    view! {
        <h3 id=title_id>{tr(heading)}</h3>
        <p class="figure-lede" inner_html=rich(lede)></p>
        {controls}
        <figure class="plot">
            <div class="chart" node_ref=host></div>
            <figcaption>{move || chart.with(|c| c.description.clone())}</figcaption>
        </figure>
        <details class="table" on:toggle=on_toggle>
            <summary>{tr("table.show")}</summary>
            <div inner_html=move || if open.get() { table.get() } else { String::new() }></div>
        </details>
    }
}

/// Keeps `host` showing the chart's SVG. A redrawn chart replaces only
/// the elements that changed (`charts::patch`): setting all of it again
/// would have the browser parse, style and lay out every label and mark
/// on each slider move. Anything unexpected sets it whole.
fn show_chart(host: NodeRef<leptos::html::Div>, chart: Memo<charts::Chart>) {
    leptos::prelude::Effect::new(move |shown: Option<String>| {
        let Some(host) = host.get() else {
            return String::new();
        };
        chart.with(|c| {
            let patched = shown
                .as_deref()
                .and_then(|old| Some((charts::patch::children(old)?.1.len(), old)))
                .and_then(|(count, old)| Some((count, charts::patch::edits(old, &c.svg)?)))
                .is_some_and(|(count, edits)| patch(&host, count, &edits));
            if !patched {
                host.set_inner_html(&c.svg);
            }
            c.svg.clone()
        })
    });
}

/// Applies `edits` to the SVG in `host`, which must have `count`
/// elements; false if it could not, and the caller sets it whole.
fn patch(host: &web_sys::Element, count: usize, edits: &[charts::patch::Edit]) -> bool {
    let Some(svg) = host.first_element_child() else {
        return false;
    };
    let mut children = Vec::with_capacity(count);
    let mut next = svg.first_element_child();
    while let Some(child) = next {
        next = child.next_element_sibling();
        children.push(child);
    }
    if children.len() != count {
        return false;
    }
    for edit in edits {
        let placed = match children.get(edit.start) {
            Some(first) => first.insert_adjacent_html("beforebegin", &edit.markup),
            None => svg.insert_adjacent_html("beforeend", &edit.markup),
        };
        if placed.is_err() {
            return false;
        }
        for old in children
            .get(edit.start..edit.start + edit.len)
            .unwrap_or_default()
        {
            old.remove();
        }
    }
    true
}

/// Outcomes over time.
#[component]
pub fn OutcomesFigure(outcome: Memo<Outcome>, reference: Memo<Option<Outcome>>) -> impl IntoView {
    let t = texts();
    let figure = NodeRef::new();
    let watched = use_figure_box(figure);
    let width = watched.width;
    let forecasts = RwSignal::new(false);
    let shown = while_visible(watched.visible, move || outcome.get());
    let chart = Memo::new(move |_| {
        let size = Size::for_width(width.get());
        t.with(|t| {
            reference.with(|a| {
                shown.with(|o| {
                    o.as_ref()
                        .map(|o| charts::outcomes_chart(t, o, a.as_ref(), size, forecasts.get()))
                        .unwrap_or_default()
                })
            })
        })
    });
    let table = Memo::new(move |_| {
        t.with(|t| {
            shown.with(|o| {
                o.as_ref()
                    .map(|o| charts::outcomes::table(t, o).to_html())
                    .unwrap_or_default()
            })
        })
    });
    view! {
        <div class="figure" id="fig-outcomes" role="group" aria-labelledby="fig-outcomes-title" node_ref=figure>
            {figure_body(
                "fig-outcomes-title",
                "figure.outcomes.title",
                "figure.outcomes.lede",
                // The note shows with the layer, by the stylesheet alone.
                view! {
                    <label class="toggle">
                        <input type="checkbox" on:change=move |_| forecasts.update(|on| *on = !*on)/>
                        {tr("figure.outcomes.forecasts")}
                    </label>
                    <p class="figure-note" inner_html=rich("figure.outcomes.forecasts_note")></p>
                },
                chart,
                table,
            )}
            {buttons("outcomes", "figure.outcomes.title", Rc::new(move |t: &crate::i18n::Catalog| outcome.with_untracked(|o| Files {
                chart: reference.with_untracked(|a| charts::outcomes_chart(t, o, a.as_ref(), Size::EXPORT, forecasts.get_untracked())),
                inputs: o.inputs,
                csv: reference.with_untracked(|a| charts::export::outcomes_csv(o, a.as_ref())),
            })))}
        </div>
    }
}

/// The presence ladder, for the chasm map's readers, as HTML.
fn ladder(t: &crate::i18n::Catalog) -> String {
    let rungs: String = (0..=5)
        .map(|r| {
            format!(
                "<li>{}</li>",
                crate::html::escape(&crate::text::rung_name(t, r as f64))
            )
        })
        .collect();
    format!(
        "<summary>{}</summary><ol start=\"0\">{rungs}</ol>",
        crate::html::escape(t.get("figure.chasm.ladder"))
    )
}

/// The chasm map, with a switch between escalation and settlement.
#[component]
pub fn ChasmFigure(map: Memo<ChasmMap>, inputs: RwSignal<Valid>) -> impl IntoView {
    let metric = RwSignal::new(Metric::Escalation);
    let t = texts();
    let figure = NodeRef::new();
    let watched = use_figure_box(figure);
    let width = watched.width;
    let shown = while_visible(watched.visible, move || (map.get(), inputs.get()));
    let chart = Memo::new(move |_| {
        t.with(|t| {
            shown.with(|s| {
                s.as_ref()
                    .map(|(m, i)| {
                        charts::chasm_chart(t, m, i, metric.get(), Size::for_width(width.get()))
                    })
                    .unwrap_or_default()
            })
        })
    });
    let table = Memo::new(move |_| {
        t.with(|t| {
            shown.with(|s| {
                s.as_ref()
                    .map(|(m, _)| charts::chasm::table(t, m).to_html())
                    .unwrap_or_default()
            })
        })
    });
    let choice = move |value: Metric| {
        view! {
            <label class="toggle">
                <input
                    type="radio"
                    name="chasm-metric"
                    prop:checked=move || metric.get() == value
                    on:change=move |_| metric.set(value)
                />
                {tr(value.key())}
            </label>
        }
    };
    view! {
        <div class="figure" id="fig-chasm" role="group" aria-labelledby="fig-chasm-title" node_ref=figure>
            {figure_body(
                "fig-chasm-title",
                "figure.chasm.title",
                "figure.chasm.lede",
                view! {
                    <fieldset class="toggles">
                        <legend>{tr("figure.chasm.shade_by")}</legend>
                        {choice(Metric::Escalation)}
                        {choice(Metric::Settlement)}
                    </fieldset>
                },
                chart,
                table,
            )}
            <details class="ladder" inner_html=move || t.with(ladder)></details>
            {buttons("chasm-map", "figure.chasm.title", Rc::new(move |t: &crate::i18n::Catalog| map.with_untracked(|m| {
                let i = inputs.get_untracked();
                Files {
                    chart: charts::chasm_chart(t, m, &i, metric.get_untracked(), Size::EXPORT),
                    inputs: i,
                    csv: charts::export::chasm_csv(m),
                }
            })))}
        </div>
    }
}

/// The tornado chart of what moves the numbers.
#[component]
pub fn SensitivityFigure(
    effects: Memo<(Vec<Effect>, (f64, f64))>,
    inputs: RwSignal<Valid>,
) -> impl IntoView {
    let t = texts();
    let figure = NodeRef::new();
    let watched = use_figure_box(figure);
    let width = watched.width;
    let shown = while_visible(watched.visible, move || effects.get());
    let chart = Memo::new(move |_| {
        shown.with(|s| {
            s.as_ref()
                .map(|(e, base)| {
                    t.with(|t| charts::sensitivity_chart(t, e, *base, Size::for_width(width.get())))
                })
                .unwrap_or_default()
        })
    });
    let table = Memo::new(move |_| {
        t.with(|t| {
            shown.with(|s| {
                s.as_ref()
                    .map(|(e, base)| charts::sensitivity::table(t, e, *base).to_html())
                    .unwrap_or_default()
            })
        })
    });
    view! {
        <div class="figure" id="fig-sensitivity" role="group" aria-labelledby="fig-sensitivity-title" node_ref=figure>
            {figure_body(
                "fig-sensitivity-title",
                "figure.sensitivity.title",
                "figure.sensitivity.lede",
                (),
                chart,
                table,
            )}
            {buttons("sensitivity", "figure.sensitivity.title", Rc::new(move |t: &crate::i18n::Catalog| effects.with_untracked(|(e, base)| Files {
                chart: charts::sensitivity_chart(t, e, *base, Size::EXPORT),
                inputs: inputs.get_untracked(),
                csv: charts::export::sensitivity_csv(e, *base),
            })))}
        </div>
    }
}

super::lazy::on_demand! {
    /// The three figures and the model runs only they need (the
    /// sensitivity sweep and the chasm map), in a module of their own that
    /// loads as the figures come near the screen.
    pub fn figures(page: super::Page) -> AnyView {
        let super::Page {
            outcome,
            reference,
            inputs,
            ..
        } = page;
        // For the download buttons, to say when their module cannot load
        // (provided here, in the figures' own module, to keep it out of
        // the first visit).
        provide_context(page.notices);
        // The sweep and the map are most of a move's work with every chart
        // on screen: they follow the sliders in a task of their own, after
        // the headline and the outcomes chart (see use_deferred).
        let inputs = use_deferred(inputs);
        let effects = Memo::new(move |_| {
            let i = inputs.get();
            (crate::model::sensitivity(&i), crate::model::sensitivity::baseline(&i))
        });
        // The map sweeps presence and tolerance itself, so moving those two
        // sliders only moves the marker: key the map on everything else.
        let map_key = Memo::new(move |_| {
            inputs
                .get()
                .with(Input::Presence, 0.0)
                .with(Input::Tolerance, 0.0)
        });
        let map = Memo::new(move |_| crate::model::chasm_map(&map_key.get()));
        // The figures' text is in the rest of English, sent for with this
        // module: they show once it is in, not with blank labels (unless
        // it cannot be fetched, when blank labels beat no figures).
        let settled = super::i18n::texts_settled();
        (move || {
            settled.get().then(|| {
                view! {
                    <OutcomesFigure outcome reference/>
                    <ChasmFigure map inputs/>
                    <SensitivityFigure effects inputs/>
                }
            })
        })
        .into_any()
    }
}
