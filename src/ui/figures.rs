//! The three charts, each in a figure with a title, the plotters SVG, a
//! text alternative and the numbers as a table.

use crate::charts::{self, Metric, Size};
use crate::model::{rung_name, ChasmMap, Effect, Inputs, Outcome, PRESENCE_RUNGS};
use crate::text::percent;
use leptos::prelude::*;

use super::browser::on_screen;

/// `source` while the figure is on screen; otherwise the value it last
/// showed, without reading `source`. Memos are lazy, so an off-screen
/// chart costs nothing on a slider move, not even the model runs behind it.
fn while_visible<T>(
    visible: ReadSignal<bool>,
    source: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |previous: Option<&T>| match previous {
        Some(shown) if !visible.get() => shown.clone(),
        _ => source(),
    })
}

/// Outcomes over time.
#[component]
pub fn OutcomesFigure(outcome: Memo<Outcome>, compact: ReadSignal<bool>) -> impl IntoView {
    let figure = NodeRef::new();
    let outcome = while_visible(on_screen(figure), move || outcome.get());
    let chart = Memo::new(move |_| {
        outcome.with(|o| charts::outcomes_chart(o, Size::for_width(compact.get())))
    });
    let rows = move || {
        outcome.with(|o| {
            let step = if o.months > 36 { 12 } else { 6 };
            (0..=o.months)
                .filter(|t| t % step == 0 || *t == o.months)
                .map(|t| {
                    view! {
                        <tr>
                            <th scope="row">{t}</th>
                            <td>{percent(o.fighting[t])}</td>
                            <td>{percent(o.settled[t])}</td>
                            <td>{percent(o.escalated[t])}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="figure" id="fig-outcomes" node_ref=figure>
            <h3>"Outcomes over time"</h3>
            <p class="figure-lede">"How the chances build up month by month. Shaded bands show the middle 50% and 90% of the model's uncertainty."</p>
            <div class="chart" inner_html=move || chart.with(|c| c.svg.clone())></div>
            <figcaption>{move || chart.with(|c| c.description.clone())}</figcaption>
            <details class="table">
                <summary>"Show as table"</summary>
                <table>
                    <thead><tr><th scope="col">"Month"</th><th scope="col">"Still fighting"</th><th scope="col">"Settled"</th><th scope="col">"Escalated"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// The chasm map, with a switch between escalation and settlement.
#[component]
pub fn ChasmFigure(
    map: Memo<ChasmMap>,
    inputs: RwSignal<Inputs>,
    compact: ReadSignal<bool>,
) -> impl IntoView {
    let metric = RwSignal::new(Metric::Escalation);
    let figure = NodeRef::new();
    let shown = while_visible(on_screen(figure), move || (map.get(), inputs.get()));
    let map = Memo::new(move |_| shown.with(|(m, _)| m.clone()));
    let chart = Memo::new(move |_| {
        shown.with(|(m, i)| charts::chasm_chart(m, i, metric.get(), Size::for_width(compact.get())))
    });
    let choice = move |value: Metric, label: &'static str| {
        view! {
            <label class="toggle">
                <input
                    type="radio"
                    name="chasm-metric"
                    prop:checked=move || metric.get() == value
                    on:change=move |_| metric.set(value)
                />
                {label}
            </label>
        }
    };
    let rows = move || {
        map.with(|m| {
            let n = m.axis.len();
            let per_rung = (n - 1) / 5;
            (0..=5usize)
                .rev()
                .map(|t| {
                    let cells = (0..=5usize)
                        .map(|p| {
                            let (s, e) = m.at(p * per_rung, t * per_rung);
                            view! { <td>{percent(e)} " / " {percent(s)}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{t} ": " {rung_name(t as f64)}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    let ladder = PRESENCE_RUNGS
        .iter()
        .enumerate()
        .map(|(k, name)| view! { <li value=k.to_string()>{*name}</li> })
        .collect_view();
    view! {
        <figure class="figure" id="fig-chasm" node_ref=figure>
            <h3>"The chasm map"</h3>
            <p class="figure-lede">"Every combination of Western presence and Moscow's tolerance, other levers as you set them. Below the dashed line the West offers more than Moscow accepts. The ring marks your settings."</p>
            <fieldset class="toggles">
                <legend>"Shade the map by"</legend>
                {choice(Metric::Escalation, "Escalation risk")}
                {choice(Metric::Settlement, "Settlement likelihood")}
            </fieldset>
            <div class="chart" inner_html=move || chart.with(|c| c.svg.clone())></div>
            <figcaption>{move || chart.with(|c| c.description.clone())}</figcaption>
            <details class="ladder">
                <summary>"The presence ladder"</summary>
                <ol start="0">{ladder}</ol>
            </details>
            <details class="table">
                <summary>"Show as table"</summary>
                <table>
                    <caption>"Escalation risk / settlement likelihood, rows: Moscow's tolerance, columns: Western presence"</caption>
                    <thead><tr><th scope="col">"Tolerance"</th>
                        {(0..=5).map(|p| view! { <th scope="col">{format!("Presence {p}")}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// The tornado chart of what moves the numbers.
#[component]
pub fn SensitivityFigure(
    effects: Memo<(Vec<Effect>, (f64, f64))>,
    compact: ReadSignal<bool>,
) -> impl IntoView {
    let figure = NodeRef::new();
    let effects = while_visible(on_screen(figure), move || effects.get());
    let chart = Memo::new(move |_| {
        effects
            .with(|(e, base)| charts::sensitivity_chart(e, *base, Size::for_width(compact.get())))
    });
    let rows = move || {
        effects.with(|(list, base)| {
            list.iter()
                .map(|e| {
                    let pp = |v: f64, b: f64| format!("{:+.1}", 100.0 * (v - b));
                    view! {
                        <tr>
                            <th scope="row">{e.input.spec().label}</th>
                            <td>{pp(e.settlement_low, base.0)}</td>
                            <td>{pp(e.settlement_high, base.0)}</td>
                            <td>{pp(e.escalation_low, base.1)}</td>
                            <td>{pp(e.escalation_high, base.1)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="figure" id="fig-sensitivity" node_ref=figure>
            <h3>"What moves the numbers"</h3>
            <p class="figure-lede">"How far each lever moves the two headline numbers if it goes one step down or up from where you set it. The longest bars are the levers that matter most right now."</p>
            <div class="chart" inner_html=move || chart.with(|c| c.svg.clone())></div>
            <figcaption>{move || chart.with(|c| c.description.clone())}</figcaption>
            <details class="table">
                <summary>"Show as table"</summary>
                <table>
                    <caption>"Change in percentage points"</caption>
                    <thead><tr><th scope="col">"Lever"</th><th scope="col">"Settlement, step down"</th><th scope="col">"Settlement, step up"</th><th scope="col">"Escalation, step down"</th><th scope="col">"Escalation, step up"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
