//! The text catalogues: every language has every key, with the same
//! placeholders and HTML tags as English, and every key the code asks
//! for exists. A missing key would show up on the page as the key itself.
#![cfg(not(target_arch = "wasm32"))]

use red_lines::i18n::{parse, Catalog, Lang, ENGLISH, ENGLISH_REST};
use red_lines::model::{presets, Group, Input};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Every English entry: the compiled-in part and the rest the page fetches.
fn english() -> Vec<(String, String)> {
    let mut entries = parse(ENGLISH);
    entries.extend(parse(ENGLISH_REST));
    entries
}

fn catalogue_file(lang: Lang) -> String {
    let path = format!("public/i18n/{}.txt", lang.code());
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `{name}` placeholders in a value.
fn placeholders(value: &str) -> BTreeSet<String> {
    value
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// The sequence of HTML tags (names and attributes), without the text.
fn tags(value: &str) -> Vec<String> {
    value
        .split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag.to_owned()))
        .collect()
}

#[test]
fn every_language_has_every_key_and_nothing_else() {
    let english = english();
    let keys: Vec<&str> = english.iter().map(|(k, _)| k.as_str()).collect();
    let unique: BTreeSet<&str> = keys.iter().copied().collect();
    assert_eq!(unique.len(), keys.len(), "English repeats a key");
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let text = catalogue_file(lang);
        let entries = parse(&text);
        let theirs: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        let missing: Vec<&&str> = keys.iter().filter(|k| !theirs.contains(k)).collect();
        let extra: Vec<&&str> = theirs.iter().filter(|k| !keys.contains(k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has keys English lacks: {extra:?}"
        );
        assert_eq!(theirs.len(), keys.len(), "{lang:?} repeats a key");
        // Every line is a comment, blank, or `key = value`: nothing is
        // silently skipped by the lenient parser.
        for line in text.lines() {
            let line = line.trim();
            assert!(
                line.is_empty() || line.starts_with('#') || line.contains(" = "),
                "{lang:?}: unreadable line {line:?}"
            );
        }
    }
}

#[test]
fn translations_keep_placeholders_and_html() {
    let english = english();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let theirs = parse(&catalogue_file(lang));
        for (key, value) in &english {
            let Some((_, translated)) = theirs.iter().find(|(k, _)| k == key) else {
                continue;
            };
            assert!(!translated.is_empty(), "{lang:?} {key} is empty");
            assert_eq!(
                placeholders(translated),
                placeholders(value),
                "{lang:?} {key}: placeholders differ"
            );
            assert_eq!(
                tags(translated),
                tags(value),
                "{lang:?} {key}: HTML differs"
            );
        }
    }
}

/// Numbers as the browser's `Intl.NumberFormat` writes them in each
/// language (measured in Chromium: `style: 'percent'` with the same
/// decimals). Russian, French and German put a no-break space (U+00A0)
/// before the percent sign, English and Ukrainian none;
/// tests/e2e/formats.test.mjs compares the page with the browser itself.
#[test]
fn numbers_use_each_languages_conventions() {
    let nb = '\u{a0}';
    let cases = [
        (Lang::En, "43%", "1.2%", "under 0.1%", "0.80"),
        (Lang::Uk, "43%", "1,2%", "менше 0,1%", "0,80"),
        (
            Lang::Ru,
            &format!("43{nb}%"),
            &format!("1,2{nb}%"),
            &format!("менее 0,1{nb}%"),
            "0,80",
        ),
        (
            Lang::Fr,
            &format!("43{nb}%"),
            &format!("1,2{nb}%"),
            &format!("moins de 0,1{nb}%"),
            "0,80",
        ),
        (
            Lang::De,
            &format!("43{nb}%"),
            &format!("1,2{nb}%"),
            &format!("unter 0,1{nb}%"),
            "0,80",
        ),
    ];
    for (lang, whole, tenths, under, decimal) in cases {
        let t = if lang == Lang::En {
            Catalog::english()
        } else {
            Catalog::translated(lang, &catalogue_file(lang))
        };
        assert_eq!(t.percent(0.432), whole, "{lang:?}");
        assert_eq!(t.percent(0.0123), tenths, "{lang:?}");
        assert_eq!(t.percent(0.0004), under, "{lang:?}");
        assert_eq!(t.decimal(0.8, 2), decimal, "{lang:?}");
        assert_eq!(t.whole_percent(50.0), whole.replace("43", "50"), "{lang:?}");
        for n in [1, 2, 5, 21, 36] {
            let months = t.months(n);
            assert!(months.starts_with(&format!("{n} ")), "{lang:?}: {months}");
            assert!(!months.contains('{'), "{lang:?}: {months}");
        }
    }
}

/// Every key built from the model's tables exists in English.
#[test]
fn keys_made_from_the_model_exist() {
    let t = Catalog::english();
    let mut keys = Vec::new();
    for input in Input::ALL {
        for part in ["label", "short", "hint"] {
            keys.push(format!("input.{}.{part}", input.spec().id));
        }
    }
    keys.extend((0..=5).map(|r| format!("rung.{r}")));
    keys.extend((1..=5).map(|r| format!("why.chasm.{r}")));
    keys.extend(Group::ALL.iter().map(|g| g.key().to_owned()));
    for p in presets() {
        keys.push(format!("preset.{}.name", p.id));
        keys.push(format!("preset.{}.why", p.id));
    }
    for plural in ["one", "few", "many", "other"] {
        keys.push(format!("unit.months.{plural}"));
    }
    for key in keys {
        assert_ne!(t.get(&key), key, "{key} is not in the English catalogue");
    }
}

/// Every key written out in the source as a string literal exists in
/// English. Literals count as keys when they start with a section name
/// the catalogue uses (`notice.`, `chart.`, …).
#[test]
fn keys_written_in_the_code_exist() {
    let english = english();
    let sections: BTreeSet<&str> = english
        .iter()
        .filter_map(|(k, _)| k.split_once('.').map(|(s, _)| s))
        .collect();
    let t = Catalog::english();
    let mut checked = 0;
    let mut stack = vec![Path::new("src").to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = fs::read_to_string(&path).expect("source is readable");
            for literal in code.split('"').skip(1).step_by(2) {
                let is_key = literal.split_once('.').is_some_and(|(s, rest)| {
                    sections.contains(s)
                        && !rest.is_empty()
                        && !rest.ends_with('.')
                        && literal.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c)
                        })
                });
                if is_key {
                    checked += 1;
                    assert_ne!(t.get(literal), literal, "{}: {literal}", path.display());
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} keys found in the code");
}

/// The words of `text`, lower-cased, each with the character before it.
fn words(text: &str) -> Vec<(Option<char>, String)> {
    let mut out = Vec::new();
    let mut before = None;
    let mut word = String::new();
    let mut word_before = None;
    for c in text.chars() {
        if c.is_alphabetic() {
            if word.is_empty() {
                word_before = before;
            }
            word.push(c);
        } else {
            if !word.is_empty() {
                out.push((word_before, std::mem::take(&mut word)));
            }
            before = Some(c);
        }
    }
    if !word.is_empty() {
        out.push((word_before, word));
    }
    out
}

/// Terms reviewers ruled out, so they cannot come back: in Russian and
/// Ukrainian "терпимость"/"терпимість" (it reads as social tolerance; the
/// catalogues say what Moscow would accept), "на Украине" for "в Украине",
/// "СВО" outside quotation marks, and "так называемая" (or "так звана").
#[test]
fn ruled_out_terms_stay_out() {
    for lang in [Lang::Ru, Lang::Uk] {
        let text = catalogue_file(lang);
        for (number, line) in text.lines().enumerate() {
            let at = || format!("{lang:?} line {}", number + 1);
            let lower = line.to_lowercase();
            let words = words(line);
            for (before, word) in &words {
                let w = word.to_lowercase();
                assert!(
                    !w.starts_with("терпим"),
                    "{}: {word}: say what Moscow would accept or live with",
                    at()
                );
                assert!(
                    word != "СВО" || matches!(before, Some('«' | '"' | '„')),
                    "{}: СВО only inside quotation marks",
                    at()
                );
            }
            for pair in words.windows(2) {
                let (first, second) = (pair[0].1.to_lowercase(), pair[1].1.to_lowercase());
                assert!(
                    !(first == "на"
                        && ["украине", "украину", "україні", "україну"].contains(&second.as_str())),
                    "{}: «в Украине» / «в Україні», not «на …»",
                    at()
                );
            }
            for phrase in ["так называем", "так зван"] {
                assert!(!lower.contains(phrase), "{}: {phrase}…", at());
            }
        }
    }
}

/// The product name stays "Red Lines" in every language, with the
/// subtitle after it translated (the note at the top of each catalogue).
#[test]
fn the_product_name_is_not_translated() {
    for lang in Lang::ALL {
        let t = if lang == Lang::En {
            Catalog::english()
        } else {
            Catalog::translated(lang, &catalogue_file(lang))
        };
        for key in [
            "page.title",
            "share.frame_title",
            "export.source",
            "about.html",
        ] {
            assert!(t.get(key).contains("Red Lines"), "{lang:?} {key}");
        }
    }
}

/// A percentage written into a sentence ("the middle 90%") is spaced as
/// the language's number format spaces it, so prose and figures agree.
#[test]
fn percentages_in_sentences_match_the_number_format() {
    for lang in Lang::ALL {
        let text = if lang == Lang::En {
            ENGLISH.to_owned()
        } else {
            catalogue_file(lang)
        };
        let t = Catalog::translated(lang, &text);
        let gap = t.get("fmt.percent").replace("{n}", "").replace('%', "");
        for (key, value) in parse(&text) {
            let chars: Vec<char> = value.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                if *c != '%' || i == 0 {
                    continue;
                }
                let before: String = chars[..i].iter().collect();
                let digits = before.trim_end_matches(|c: char| c.is_whitespace());
                if !digits.ends_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                assert_eq!(
                    &before[digits.len()..],
                    gap,
                    "{lang:?} {key}: {before}% is spaced unlike fmt.percent"
                );
            }
        }
    }
}

/// Keys the page renders as HTML with their glossary marks made buttons
/// (`text::terms::to_html`): the slider hints, the figures' ledes, the
/// headline's range and definition, and the about footer. A mark in any
/// other key would show its brackets.
fn renders_marks(key: &str) -> bool {
    matches!(key, "about.html" | "headline.range" | "headline.definition")
        || (key.starts_with("input.") && key.ends_with(".hint"))
        || (key.starts_with("figure.") && key.ends_with(".lede"))
}

#[test]
fn glossary_marks_name_entries_in_text_that_shows_them() {
    use red_lines::text::terms::{marks, IDS};
    for lang in Lang::ALL {
        let entries = match lang {
            Lang::En => english(),
            _ => parse(&catalogue_file(lang)),
        };
        let glossary = &entries
            .iter()
            .find(|(k, _)| k == "gloss.html")
            .unwrap_or_else(|| panic!("{lang:?} has no glossary"))
            .1;
        for id in IDS {
            let entry = format!("<dt id=\"g-{id}\">");
            assert!(glossary.contains(&entry), "{lang:?} glossary lacks {id}");
        }
        for (key, value) in &entries {
            for (id, words) in marks(value) {
                assert!(
                    IDS.contains(&id),
                    "{lang:?} {key}: no glossary entry {id:?}"
                );
                assert!(
                    renders_marks(key),
                    "{lang:?} {key}: marks show as brackets here"
                );
                assert!(
                    !words.trim().is_empty(),
                    "{lang:?} {key}: mark {id} has no words"
                );
            }
        }
    }
}

#[test]
fn translations_mark_the_same_terms_as_english() {
    use red_lines::text::terms::marks;
    let english = english();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let theirs = parse(&catalogue_file(lang));
        for (key, value) in &english {
            let ids = |v: &str| {
                let mut ids: Vec<String> =
                    marks(v).into_iter().map(|(id, _)| id.to_owned()).collect();
                ids.sort();
                ids
            };
            let translated = theirs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str());
            assert_eq!(
                translated.map(ids),
                Some(ids(value)),
                "{lang:?} {key} marks other terms than English"
            );
        }
    }
}
