//! About and methods: what the model is, the sides' stated positions, how
//! it works in brief, and its sources. The full methods are in docs/MODEL.md.

use crate::model::draws::SAMPLES;
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    view! {
        <footer class="about" id="about">
            <section aria-labelledby="about-title">
                <h2 id="about-title">"About this model"</h2>
                <p>
                    "Red Lines turns a public argument into a model you can question. It is "
                    <strong>"a model for thinking, not a forecast"</strong>
                    ": its numbers show what follows from its assumptions, which are all stated on this page and in the methods document. Everything runs in your browser; nothing you do here is sent anywhere."
                </p>
                <h3>"The positions, as the sides state them"</h3>
                <ul>
                    <li><strong>"Moscow"</strong>" says any Western troops in Ukraine, before or after a ceasefire, would be treated as foreign intervention and legitimate targets, and seeks Ukraine's neutrality."</li>
                    <li><strong>"Kyiv"</strong>" rejects recognising occupied territory as Russian, seeks security guarantees that would deter a renewed attack, and increasingly stresses resilience and protecting its people alongside recovering territory."</li>
                    <li><strong>"The coalition of the willing"</strong>", led by the United Kingdom and France, has planned a reassurance force to deploy after a ceasefire, away from the front line."</li>
                    <li><strong>"The United States"</strong>" has pressed for a negotiated settlement and has been reluctant to commit its own troops on the ground."</li>
                </ul>
                <h3>"How the model works"</h3>
                <p>"Each month the war either goes on, ends in a negotiated settlement, or escalates into a direct NATO–Russia clash. Two monthly chances drive it:"</p>
                <ul>
                    <li><strong>"Settlement"</strong>" becomes likelier when both sides are hurting and neither is winning (a hurting stalemate), when their demands are close (fighting slowly reveals who is really stronger), and when Kyiv has a credible guarantee against a renewed attack. It becomes less likely when the guarantee takes a form Moscow rejects: that is the chasm between intentions and perceptions."</li>
                    <li><strong>"Escalation"</strong>" is small at baseline and rises smoothly as Western presence goes above what Moscow tolerates, faster the readier Moscow is to escalate, and also when a nuclear-armed side faces a collapsing front. Near a red line, risk is a matter of chance rather than a switch."</li>
                </ul>
                <p>
                    "The model runs " {SAMPLES}
                    " versions of itself with its uncertain parameters varied, including where Moscow's real red line lies; the ranges show the middle 90% of those runs. The map uses the central estimate."
                </p>
                <h3>"Limitations"</h3>
                <p>"Each side is treated as one actor; domestic politics, elections and third countries enter only through the sliders. Parameter values are informed judgements, not estimates from data. Small changes in assumptions can change the numbers a lot: that is a finding, not a flaw."</p>
                <h3>"Sources"</h3>
                <ul class="sources">
                    <li>"Fearon, J. D. (1995). Rationalist Explanations for War. International Organization 49(3)."</li>
                    <li>"Powell, R. (2006). War as a Commitment Problem. International Organization 60(1)."</li>
                    <li>"Zartman, I. W. (2000). Ripeness: The Hurting Stalemate and Beyond. In International Conflict Resolution After the Cold War. National Academies Press."</li>
                    <li>"Schelling, T. C. (1960). The Strategy of Conflict; (1966). Arms and Influence."</li>
                    <li>"Slantchev, B. L. (2003). The Principle of Convergence in Wartime Negotiations. American Political Science Review 97(4)."</li>
                    <li>"Filson, D. and Werner, S. (2002). A Bargaining Model of War and Peace. American Journal of Political Science 46(4)."</li>
                    <li>"Walter, B. F. (2002). Committing to Peace. Princeton University Press."</li>
                    <li>"Fortna, V. P. (2004). Peace Time: Cease-Fire Agreements and the Durability of Peace. Princeton University Press."</li>
                    <li>"Reiter, D. (2009). How Wars End. Princeton University Press."</li>
                    <li>"Data behind the defaults: Institute for the Study of War; DeepState; Kiel Institute Ukraine Support Tracker; UK Ministry of Defence; CSIS (2025)."</li>
                </ul>
                <p>
                    "Full equations, parameters and calibration: "
                    <a href="MODEL.md">"the methods document"</a>
                    ". Source code: open source, MIT licence."
                </p>
            </section>
        </footer>
    }
}
