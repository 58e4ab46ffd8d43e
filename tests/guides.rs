//! The teacher guides and the one-page summaries (docs/teach, docs/summary,
//! five languages each) quote a few of the model's figures. Each quoted
//! figure is listed here once, with the setting it is read at and the
//! words that quote it in every language; the test recomputes it from
//! today's model and fails if a guide is off by more than its rounding, or
//! if a guide no longer quotes it as listed. After a model change, rerun
//! this test, correct the guides and this table together.
#![cfg(not(target_arch = "wasm32"))]

use red_lines::backtest;
use red_lines::charts::outcomes::nice_ceiling;
use red_lines::model::{simulate, Inputs, Outcome, Valid};
use red_lines::story::steps;
use std::fs;

/// The languages, in the order of each figure's quotes.
const LANGS: [&str; 5] = ["en", "de", "fr", "ru", "uk"];

/// The one sentence of predict 1 that quotes where a ceasefire lands
/// both with the force and without it: each of the two figures must round
/// to the number it holds.
const TERMS_WITH_OR_WITHOUT_FORCE: [&str; 5] = [
    "at about 50 with or without",
    "bei etwa 50:",
    "à environ 50 avec ou sans",
    "около 50 и с силами",
    "близько 50 і з силами",
];

/// One figure a guide quotes.
struct Quote {
    /// "teach" or "summary": which guide quotes it.
    guide: &'static str,
    /// What is quoted, and at which setting (for the failure message).
    what: &'static str,
    /// The figure as today's model computes it, in percent (or out of 100).
    figure: fn() -> f64,
    /// The words that quote it, one per language in the order of `LANGS`,
    /// exactly as in the file (with its spaces); each holds the number once.
    quoted: [&'static str; 5],
}

/// Story step `id`'s inputs, changed by `change`.
fn at_step(id: &str, change: fn(&mut Inputs)) -> Outcome {
    let mut inputs = *steps()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no story step {id}"))
        .inputs;
    change(&mut inputs);
    simulate(&Valid::new(&inputs))
}

fn settlement(o: Outcome) -> f64 {
    100.0 * o.settlement.mean
}

// A data table (every figure each guide quotes, in five languages), not
// logic: splitting it by length would only scatter it.
#[allow(clippy::too_many_lines)]
fn quotes() -> Vec<Quote> {
    vec![
        Quote {
            guide: "teach",
            what: "predict 1: story step 1, a ceasefire holding or durable peace",
            figure: || settlement(at_step("today", |_| {})),
            quoted: [
                "from about 16% to",
                "von etwa 16\u{a0}% auf",
                "d’environ 16\u{a0}% à",
                "примерно с 16\u{a0}%",
                "приблизно з 16%",
            ],
        },
        Quote {
            guide: "teach",
            what: "predict 1: story step 1 with presence 0",
            figure: || settlement(at_step("today", |i| i.presence = 0.0)),
            quoted: [
                "to about 30%.",
                "auf etwa 30\u{a0}%.",
                "à environ 30\u{a0}%.",
                "примерно до 30\u{a0}%.",
                "до приблизно 30%.",
            ],
        },
        Quote {
            guide: "teach",
            what: "predict 1: where a ceasefire lands (out of 100), step 1",
            figure: || 100.0 * at_step("today", |_| {}).terms.mean,
            quoted: TERMS_WITH_OR_WITHOUT_FORCE,
        },
        Quote {
            guide: "teach",
            what: "predict 1: where a ceasefire lands (out of 100), step 1 with presence 0",
            figure: || 100.0 * at_step("today", |i| i.presence = 0.0).terms.mean,
            quoted: TERMS_WITH_OR_WITHOUT_FORCE,
        },
        Quote {
            guide: "teach",
            what: "predict 2: story step 1 with Moscow's stated line at 2",
            figure: || settlement(at_step("today", |i| i.tolerance = 2.0)),
            quoted: [
                "rises to about 31%,",
                "steigt auf etwa 31\u{a0}%,",
                "monte à environ 31\u{a0}%,",
                "растёт примерно до 31\u{a0}%,",
                "зростає приблизно до 31%,",
            ],
        },
        Quote {
            guide: "teach",
            what: "predict 2: story step 1 with Moscow's stated line at 3",
            figure: || settlement(at_step("today", |i| i.tolerance = 3.0)),
            quoted: [
                "then about 41%.",
                "dann auf etwa 41\u{a0}%.",
                "puis à environ 41\u{a0}%.",
                "затем примерно до 41\u{a0}%.",
                "потім приблизно до 41%.",
            ],
        },
        Quote {
            guide: "teach",
            what: "the top of the escalation chart's scale at today's settings",
            figure: || {
                let o = at_step("today", |_| {});
                let top = o.escalated_band().last().map_or(0.0, |b| b.p95);
                nice_ceiling(100.0 * top.max(o.escalation.mean))
            },
            quoted: [
                "(5% at today's settings)",
                "(5\u{a0}% bei den heutigen Einstellungen)",
                "(5\u{a0}% aux réglages actuels)",
                "(5\u{a0}% при сегодняшних настройках)",
                "(5% за сьогоднішніх налаштувань)",
            ],
        },
        Quote {
            guide: "summary",
            what: "the backtest's last quarter: a ceasefire within 12 months",
            figure: || {
                let rows = backtest::quarterly();
                100.0 * rows.last().expect("a backtest quarter").ceasefire
            },
            quoted: [
                "at about 7% with the force proposed",
                "bei etwa 7\u{a0}% sah",
                "à environ 7\u{202f}% avec la force proposée",
                "примерно в 7\u{a0}% при предлагаемых силах",
                "приблизно в 7\u{a0}% із запропонованими силами",
            ],
        },
    ]
}

/// The number a quote holds, and how many decimals it gives (a decimal
/// comma or point).
fn number_in(quote: &str) -> (f64, usize) {
    let start = quote
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or_else(|| panic!("no number in {quote:?}"));
    let digits: String = quote[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    let digits = digits.trim_end_matches(['.', ',']).replace(',', ".");
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    (digits.parse().expect("a number"), decimals)
}

#[test]
fn every_figure_a_guide_quotes_is_todays_model() {
    for q in quotes() {
        let figure = (q.figure)();
        for (lang, quote) in LANGS.iter().zip(q.quoted) {
            let path = format!("docs/{}/{lang}.md", q.guide);
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(
                text.contains(quote),
                "{path} no longer quotes {:?} ({}): update it and tests/guides.rs together",
                quote,
                q.what
            );
            let (value, decimals) = number_in(quote);
            let rounding = 0.5 * 10f64.powi(-(decimals as i32));
            assert!(
                (figure - value).abs() <= rounding + 1e-9,
                "{path} quotes {value} for {}, but today's model gives {figure:.2}",
                q.what
            );
        }
    }
}

/// The guides say which model version their figures are from.
#[test]
fn the_teacher_guides_name_the_model_version_of_their_figures() {
    for lang in LANGS {
        let path = format!("docs/teach/{lang}.md");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            text.contains(red_lines::model::VERSION),
            "{path} does not name model version {}",
            red_lines::model::VERSION
        );
    }
}

/// The teacher guides' question for story step 2 says a ceasefire becomes
/// "about twice as likely" without the force (in every language): the
/// ratio of step 2's headline to step 1's rounds to two.
#[test]
fn without_the_force_a_ceasefire_is_about_twice_as_likely() {
    let quoted = [
        "becomes about twice as likely",
        "etwa doppelt so wahrscheinlich",
        "environ deux fois plus probable",
        "примерно вдвое вероятнее",
        "приблизно вдвічі ймовірнішим",
    ];
    for (lang, quote) in LANGS.iter().zip(quoted) {
        let path = format!("docs/teach/{lang}.md");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(text.contains(quote), "{path} no longer says {quote:?}");
    }
    let ratio = settlement(at_step("redline", |_| {})) / settlement(at_step("today", |_| {}));
    assert!((1.5..2.5).contains(&ratio), "step 2 / step 1 = {ratio:.2}");
}

/// The role cards, in each guide's language: the words every card's
/// heading starts with, then how each of the five cards' headings starts
/// (Kyiv, Moscow, Washington, the coalition of the willing, the European
/// Union), and the words that hand them to groups of five. The coalition
/// and the EU have a card each: the coalition is not an EU body, and the
/// EU decides by unanimity, which one card for "Europe" would hide.
const ROLE_CARDS: [(&str, [&str; 5], &str); 5] = [
    (
        "### Role card: ",
        [
            "Kyiv",
            "Moscow",
            "Washington",
            "the coalition of the willing",
            "the European Union",
        ],
        "Groups of five take the cards",
    ),
    (
        "### Rollenkarte: ",
        [
            "Kyjiw",
            "Moskau",
            "Washington",
            "die Koalition der Willigen",
            "die Europäische Union",
        ],
        "Fünfergruppen nehmen die Karten",
    ),
    (
        "### Carte de rôle\u{202f}: ",
        [
            "Kyiv",
            "Moscou",
            "Washington",
            "la coalition des volontaires",
            "l’Union européenne",
        ],
        "Des groupes de cinq prennent les cartes",
    ),
    (
        "### Ролевая карточка: ",
        [
            "Киев",
            "Москва",
            "Вашингтон",
            "коалиция желающих",
            "Европейский союз",
        ],
        "Группы из пяти берут карточки",
    ),
    (
        "### Рольова картка: ",
        [
            "Київ",
            "Москва",
            "Вашингтон",
            "коаліція охочих",
            "Європейський Союз",
        ],
        "Групи з п’яти беруть картки",
    ),
];

/// Each teacher guide has five role cards, in the same order in every
/// language, one each for the coalition of the willing and the European
/// Union (no merged card for "Europe"); the EU's card says it decides by
/// unanimity and names Hungary's and Slovakia's dissent; and the lesson
/// plan and the printing note hand the cards to groups of five.
#[test]
fn the_teacher_guides_have_a_card_for_each_of_five_parties() {
    let eu_words = [
        ["unanimity", "Hungary", "Slovakia"],
        ["Einstimmigkeit", "Ungarn", "Slowakei"],
        ["unanimité", "Hongrie", "Slovaquie"],
        ["единогласия", "Венгрия", "Словакия"],
        ["одностайності", "Угорщина", "Словаччина"],
    ];
    for ((lang, (prefix, parties, groups)), eu) in LANGS.iter().zip(ROLE_CARDS).zip(eu_words) {
        let path = format!("docs/teach/{lang}.md");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let cards: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .collect();
        assert_eq!(
            cards.len(),
            parties.len(),
            "{path}: role cards {cards:?}, expected one each for {parties:?}"
        );
        for (card, party) in cards.iter().zip(parties) {
            assert!(
                card.starts_with(party),
                "{path}: the card {card:?} is not {party:?}'s, or out of order"
            );
        }
        assert!(text.contains(groups), "{path} no longer says {groups:?}");
        let eu_card = text
            .split(&format!("{prefix}{}", parties[4]))
            .nth(1)
            .and_then(|rest| rest.split("\n**").next())
            .unwrap_or_else(|| panic!("{path}: no card for the EU"));
        for word in eu {
            assert!(
                eu_card.contains(word),
                "{path}: the EU's card does not say {word:?}"
            );
        }
    }
}
