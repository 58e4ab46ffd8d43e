//! The three charts, each in a figure with a title, the plotters SVG, a
//! text alternative and the numbers as a table.

use crate::charts::{self, Metric, Size};
use crate::model::{ChasmMap, Effect, Inputs, Outcome};
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

/// The parts every figure shares: heading, lede, the chart, its text
/// alternative, and the table behind a "Show as table" switch. Static
/// text goes in as HTML, which costs less download than view code.
fn figure_body(
    heading: &'static str,
    lede: &'static str,
    controls: impl IntoView,
    chart: Memo<charts::Chart>,
    table: Memo<String>,
) -> impl IntoView {
    view! {
        <h3>{heading}</h3>
        <p class="figure-lede">{lede}</p>
        {controls}
        <div class="chart" inner_html=move || chart.with(|c| c.svg.clone())></div>
        <figcaption>{move || chart.with(|c| c.description.clone())}</figcaption>
        <details class="table">
            <summary>"Show as table"</summary>
            <div inner_html=move || table.get()></div>
        </details>
    }
}

/// Outcomes over time.
#[component]
pub fn OutcomesFigure(outcome: Memo<Outcome>, compact: ReadSignal<bool>) -> impl IntoView {
    let figure = NodeRef::new();
    let outcome = while_visible(on_screen(figure), move || outcome.get());
    let chart = Memo::new(move |_| {
        outcome.with(|o| charts::outcomes_chart(o, Size::for_width(compact.get())))
    });
    let table = Memo::new(move |_| outcome.with(|o| charts::outcomes::table(o).to_html()));
    view! {
        <figure class="figure" id="fig-outcomes" node_ref=figure>
            {figure_body(
                "Outcomes over time",
                "How the chances build up month by month. Shaded bands show the middle 50% and 90% of the model's uncertainty.",
                (),
                chart,
                table,
            )}
        </figure>
    }
}

/// The presence ladder, for the chasm map's readers.
const LADDER: &str = "<summary>The presence ladder</summary><ol start=\"0\"><li>None</li><li>Trainers and advisers</li><li>Air and naval policing</li><li>Reassurance force away from the line</li><li>Tripwire brigades near the line</li><li>Combat formations</li></ol>";

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
    let chart = Memo::new(move |_| {
        shown.with(|(m, i)| charts::chasm_chart(m, i, metric.get(), Size::for_width(compact.get())))
    });
    let table = Memo::new(move |_| shown.with(|(m, _)| charts::chasm::table(m).to_html()));
    let choice = move |value: Metric| {
        view! {
            <label class="toggle">
                <input
                    type="radio"
                    name="chasm-metric"
                    prop:checked=move || metric.get() == value
                    on:change=move |_| metric.set(value)
                />
                {value.label()}
            </label>
        }
    };
    view! {
        <figure class="figure" id="fig-chasm" node_ref=figure>
            {figure_body(
                "The chasm map",
                "Every combination of Western presence and Moscow's tolerance, other levers as you set them. Below the dashed line the West offers more than Moscow accepts. The ring marks your settings.",
                view! {
                    <fieldset class="toggles">
                        <legend>"Shade the map by"</legend>
                        {choice(Metric::Escalation)}
                        {choice(Metric::Settlement)}
                    </fieldset>
                },
                chart,
                table,
            )}
            <details class="ladder" inner_html=LADDER></details>
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
    let table = Memo::new(move |_| {
        effects.with(|(e, base)| charts::sensitivity::table(e, *base).to_html())
    });
    view! {
        <figure class="figure" id="fig-sensitivity" node_ref=figure>
            {figure_body(
                "What moves the numbers",
                "How far each lever moves the two headline numbers if it goes one step down or up from where you set it. The longest bars are the levers that matter most right now.",
                (),
                chart,
                table,
            )}
        </figure>
    }
}
