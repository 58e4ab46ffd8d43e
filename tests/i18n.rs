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
                panic!("{lang:?} lacks {key}");
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

/// The words of `text`, each with the last character before it that is
/// not a space.
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
            // French sets a (narrow) no-break space inside « »: the
            // character that counts is the last one that is not a space.
            if !c.is_whitespace() || before.is_none() {
                before = Some(c);
            }
        }
    }
    if !word.is_empty() {
        out.push((word_before, word));
    }
    out
}

/// One term from a style-guide table: its words, each either whole or a
/// stem (written with a trailing `*`).
type Term = Vec<(String, bool)>;

/// The terms each language avoids, read from the **Avoid** column of the
/// tables in docs/STYLE.md (every `backticked` entry), so the guide and
/// this test cannot drift apart.
fn style_guide_terms() -> Vec<(Lang, String, Term)> {
    let guide = fs::read_to_string("docs/STYLE.md").expect("docs/STYLE.md is readable");
    let mut lang = None;
    let mut out = Vec::new();
    for line in guide.lines() {
        if let Some(heading) = line.strip_prefix("### ") {
            lang = heading
                .rsplit_once('(')
                .and_then(|(_, code)| code.strip_suffix(')'))
                .and_then(|code| Lang::ALL.into_iter().find(|l| l.code() == code));
            continue;
        }
        let (Some(lang), Some(row)) = (lang, line.strip_prefix('|')) else {
            continue;
        };
        let Some(avoid) = row.split('|').nth(1) else {
            continue;
        };
        for entry in avoid.split('`').skip(1).step_by(2) {
            let term: Term = entry
                .split(|c: char| !c.is_alphabetic() && c != '*')
                .filter(|w| !w.is_empty())
                .map(|w| (w.trim_end_matches('*').to_lowercase(), w.ends_with('*')))
                .collect();
            assert!(!term.is_empty(), "docs/STYLE.md: empty term {entry:?}");
            out.push((lang, entry.to_owned(), term));
        }
    }
    out
}

/// Where `term` occurs in `text` outside quotation marks: the index of
/// its first word, if any. A term right after an opening quotation mark
/// is a quotation, attributed to its speaker, and allowed.
fn unquoted(text: &str, term: &Term) -> Option<usize> {
    let words = words(text);
    let fits = |word: &str, (want, stem): &(String, bool)| {
        let word = word.to_lowercase();
        if *stem {
            word.starts_with(want.as_str())
        } else {
            word == *want
        }
    };
    (0..(words.len() + 1).saturating_sub(term.len())).find(|&i| {
        let quoted = matches!(words[i].0, Some('«' | '“' | '„' | '"' | '‘' | '\''));
        !quoted
            && term
                .iter()
                .enumerate()
                .all(|(j, t)| fits(&words[i + j].1, t))
    })
}

/// The reader-facing text of one language, as (file, text) pairs: its
/// catalogue's values, teacher guide and one-page summary, and for English the
/// static page.
fn reader_text(lang: Lang) -> Vec<(String, String)> {
    let code = lang.code();
    let (path, catalogue) = if lang == Lang::En {
        ("src/i18n/en.txt".to_owned(), ENGLISH.to_owned())
    } else {
        (format!("public/i18n/{code}.txt"), catalogue_file(lang))
    };
    // Only the values: keys (`preset.fatigue.name`) and comments are not
    // shown. Each line stays in place, so line numbers still point at it.
    let values: Vec<&str> = catalogue
        .lines()
        .map(|line| match line.split_once(" = ") {
            Some((_, value)) if !line.starts_with('#') => value,
            _ => "",
        })
        .collect();
    let mut files = vec![(path, values.join("\n"))];
    if lang == Lang::En {
        // The rest of English, fetched after the first paint: the about
        // section, the glossary and the captions.
        let rest: Vec<&str> = ENGLISH_REST
            .lines()
            .map(|line| match line.split_once(" = ") {
                Some((_, value)) if !line.starts_with('#') => value,
                _ => "",
            })
            .collect();
        files.push(("public/i18n/en.txt".to_owned(), rest.join("\n")));
    }
    let mut others = vec![
        format!("docs/teach/{code}.md"),
        format!("docs/summary/{code}.md"),
    ];
    if lang == Lang::En {
        others.push("index.html".to_owned());
    }
    for path in others {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        files.push((path, text));
    }
    files
}

/// The matcher itself: stems, phrases, case and quotation marks.
#[test]
fn the_term_matcher_finds_what_it_should() {
    let term = |s: &str| -> Term {
        s.split(' ')
            .map(|w| (w.trim_end_matches('*').to_lowercase(), w.ends_with('*')))
            .collect()
    };
    assert_eq!(unquoted("Война на Украине.", &term("на Украине")), Some(1));
    assert_eq!(unquoted("Война в Украине.", &term("на Украине")), None);
    assert_eq!(unquoted("их терпимости", &term("терпим*")), Some(1));
    assert_eq!(unquoted("Москва называет это «СВО».", &term("СВО")), None);
    assert_eq!(
        unquoted(
            "ce que Moscou appelle «\u{202f}opération militaire spéciale\u{202f}»",
            &term("opération militaire spéciale")
        ),
        None
    );
    assert_eq!(unquoted("Москва называет это СВО.", &term("СВО")), Some(3));
    assert_eq!(unquoted("KIEV and Kievan Rus", &term("Kiev")), Some(0));
    assert_eq!(unquoted("Kievan Rus", &term("Kiev")), None);
    assert_eq!(
        unquoted("a “frozen conflict”", &term("frozen conflict")),
        None
    );
}

/// The terms docs/STYLE.md tells writers and translators to avoid stay
/// out of everything a reader sees in that language (outside quotation
/// marks): "на Украине", "СВО", "так называемый", "терпимость", "Kiev",
/// "fatigue" and the rest of the tables there.
#[test]
fn style_guide_terms_stay_out() {
    let terms = style_guide_terms();
    for lang in Lang::ALL {
        let mine: Vec<_> = terms.iter().filter(|(l, _, _)| *l == lang).collect();
        assert!(
            mine.len() >= 5,
            "docs/STYLE.md lists only {} terms for {lang:?}",
            mine.len()
        );
        for (path, text) in reader_text(lang) {
            for (number, line) in text.lines().enumerate() {
                for (_, entry, term) in &mine {
                    assert!(
                        unquoted(line, term).is_none(),
                        "{path} line {}: {entry} (docs/STYLE.md lists it under Avoid)",
                        number + 1
                    );
                }
            }
        }
    }
}

/// Each language names its scenarios apart: two presets with one name
/// would leave a reader unable to tell them apart.
#[test]
fn preset_names_are_distinct_in_every_language() {
    for lang in Lang::ALL {
        let t = if lang == Lang::En {
            Catalog::english()
        } else {
            Catalog::translated(lang, &catalogue_file(lang))
        };
        let names: BTreeSet<String> = presets()
            .iter()
            .map(|p| t.get(&format!("preset.{}.name", p.id)).to_lowercase())
            .collect();
        assert_eq!(names.len(), presets().len(), "{lang:?}: {names:?}");
    }
}

/// The teacher guide asks one question for each story step, by the
/// step's title as the page shows it, so a renamed step is renamed there
/// too.
#[test]
fn teacher_guides_name_every_story_step() {
    for lang in Lang::ALL {
        let t = if lang == Lang::En {
            Catalog::english()
        } else {
            Catalog::translated(lang, &catalogue_file(lang))
        };
        let path = format!("docs/teach/{}.md", lang.code());
        let guide = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for step in red_lines::story::steps() {
            let key = step.title_key();
            let title = t.get(&key);
            assert!(guide.contains(title), "{path} does not name step {title:?}");
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
            // A definition is copied as text into the tip under its term:
            // plain words, no markup (a source belongs on the positions page).
            let definition = glossary
                .split(&entry)
                .nth(1)
                .and_then(|rest| rest.split_once("<dd>"))
                .and_then(|(_, rest)| rest.split_once("</dd>"))
                .map_or("", |(text, _)| text);
            assert!(
                !definition.is_empty() && !definition.contains('<'),
                "{lang:?} glossary entry {id}: plain text only"
            );
        }
        let mut used = BTreeSet::new();
        for (key, value) in &entries {
            for (id, words) in marks(value) {
                used.insert(id);
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
        // Each entry is reachable from the text it explains, not only from
        // the list at the bottom of the page.
        let unused: Vec<_> = IDS.iter().filter(|id| !used.contains(*id)).collect();
        assert!(unused.is_empty(), "{lang:?}: no text marks {unused:?}");
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

#[test]
fn every_mechanism_has_a_name_in_every_language() {
    use red_lines::model::simulate::Mechanism;
    for lang in Lang::ALL {
        let entries = match lang {
            Lang::En => english(),
            _ => parse(&catalogue_file(lang)),
        };
        for m in Mechanism::ALL {
            let key = format!("mechanism.{}", m.id());
            assert!(
                entries.iter().any(|(k, v)| *k == key && !v.is_empty()),
                "{lang:?} lacks {key}"
            );
        }
    }
}

/// The numbers written in a value, as the text would read them: each
/// maximal run of digits, where a decimal comma counts as a decimal point
/// ("1,2" is 1.2, as "1.2" is) and a comma, point or (no-break) space
/// followed by exactly three digits groups thousands ("800,000",
/// "800 000" and "800.000" are all 800000). A date's day, a year, a vote
/// count and the digits of a link all count; `{placeholders}` do not.
fn numbers(value: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    let mut in_placeholder = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            in_placeholder = true;
        } else if c == '}' {
            in_placeholder = false;
        }
        if in_placeholder || !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut number = String::new();
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                number.push(chars[i]);
                i += 1;
            }
            let Some(&sep) = chars.get(i) else { break };
            let run = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if run == 0 {
                break;
            }
            let grouping = run == 3 && [',', '.', ' ', '\u{a0}', '\u{202f}'].contains(&sep);
            if grouping {
                i += 1;
            } else if (sep == ',' || sep == '.') && !number.contains('.') {
                number.push('.');
                i += 1;
            } else {
                break;
            }
        }
        found.insert(number);
    }
    found
}

#[test]
fn the_number_reader_reads_numbers_as_a_reader_would() {
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(numbers("1.2% of {n} in 2022"), set(&["1.2", "2022"]));
    assert_eq!(numbers("1,2\u{a0}% en 2022"), set(&["1.2", "2022"]));
    assert_eq!(numbers("800,000 and 800 000"), set(&["800000"]));
    assert_eq!(
        numbers("24. Februar 2022, 141 zu 5"),
        set(&["24", "2022", "141", "5"])
    );
    assert_eq!(numbers("ES-11/1, 2 March"), set(&["11", "1", "2"]));
}

/// A translation says what English says: the same numbers, years and
/// dates in each value as in the English value of the same key (read by
/// `numbers`, so a decimal comma or a thousands space is the same number).
/// A translation that drops a date, adds a claim with a year of its own or
/// changes a figure fails here. Numbers English spells out ("three
/// rungs"), the translation spells out too.
#[test]
fn translations_keep_the_numbers_of_english() {
    let english = english();
    let mut failures = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let theirs = parse(&catalogue_file(lang));
        for (key, value) in &english {
            let Some((_, translated)) = theirs.iter().find(|(k, _)| k == key) else {
                continue;
            };
            let (want, got) = (numbers(value), numbers(translated));
            if want != got {
                let missing: Vec<_> = want.difference(&got).collect();
                let extra: Vec<_> = got.difference(&want).collect();
                failures.push(format!("{lang:?} {key}: lacks {missing:?}, adds {extra:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "numbers differ from English:\n{}",
        failures.join("\n")
    );
}

/// The domains docs/STYLE.md forbids as sources: every `backticked`
/// entry with a dot in its section "Sources a class can open".
fn banned_sources() -> Vec<String> {
    let guide = fs::read_to_string("docs/STYLE.md").expect("docs/STYLE.md is readable");
    let section = guide
        .split("\n## ")
        .find(|s| s.starts_with("Sources a class can open"))
        .expect("docs/STYLE.md has a section on sources");
    section
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|entry| entry.contains('.') && !entry.contains([' ', '/']))
        .map(str::to_lowercase)
        .collect()
}

/// Every file a reader sees that cites or may cite sources.
fn cited_files() -> Vec<String> {
    let mut files = vec!["src/i18n/en.txt".to_owned(), "index.html".to_owned()];
    for lang in Lang::ALL {
        let code = lang.code();
        files.push(format!("public/i18n/{code}.txt"));
        for kind in ["positions", "teach", "summary"] {
            files.push(format!("docs/{kind}/{code}.md"));
        }
    }
    files
}

/// No page cites a source docs/STYLE.md bans (aggregators, mirrors and
/// encyclopaedias a class cannot check).
#[test]
fn no_banned_sources() {
    let banned = banned_sources();
    assert!(banned.len() >= 10, "docs/STYLE.md lists only {banned:?}");
    for path in cited_files() {
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .to_lowercase();
        for domain in &banned {
            assert!(
                !text.contains(domain.as_str()),
                "{path} cites {domain} (docs/STYLE.md bans it)"
            );
        }
    }
}

/// The `## ` headings of a positions page.
fn headings(text: &str) -> Vec<&str> {
    text.lines().filter_map(|l| l.strip_prefix("## ")).collect()
}

/// Each positions page opens with how to read it and the invasion, then
/// one section for each of the five parties (Kyiv, Moscow, Washington, the
/// coalition, the EU), each of which says in its heading the date its
/// positions stand as of ("as of February 2026" in English).
#[test]
fn positions_pages_date_every_party() {
    for lang in Lang::ALL {
        let path = format!("docs/positions/{}.md", lang.code());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let heads = headings(&text);
        assert!(heads.len() >= 9, "{path}: {heads:?}");
        for head in &heads[2..7] {
            let year = head
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n.len() == 4 && n.starts_with("20"));
            assert!(
                year,
                "{path}: the section \"{head}\" says no date it stands as of"
            );
            if lang == Lang::En {
                assert!(head.contains("as of"), "{path}: \"{head}\" lacks \"as of\"");
            }
        }
    }
}

/// Each positions page states the invasion with the UN's and the ICJ's
/// own texts: the General Assembly resolutions from un.org, the Court's
/// order from icj-cij.org, and the UN human rights findings from
/// ohchr.org.
#[test]
fn positions_pages_cite_the_un_and_the_icj() {
    for lang in Lang::ALL {
        let path = format!("docs/positions/{}.md", lang.code());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for link in [
            "https://undocs.org/A/RES/ES-11/1",
            "https://undocs.org/A/RES/ES-11/4",
            "https://undocs.org/A/RES/ES-11/7",
            "https://www.icj-cij.org/",
            "ohchr.org/",
            "2022",
        ] {
            assert!(text.contains(link), "{path} does not cite {link}");
        }
    }
}

/// The ladder's rungs 3 and 4 carry labels their planners chose; every
/// language puts the label in quotation marks and says whose term it is.
#[test]
fn rung_labels_are_quoted() {
    for lang in Lang::ALL {
        let t = if lang == Lang::En {
            Catalog::english()
        } else {
            Catalog::translated(lang, &catalogue_file(lang))
        };
        for key in ["rung.3", "rung.4"] {
            let name = t.get(key);
            assert!(
                name.contains(['«', '“', '„', '"']),
                "{lang:?} {key} = {name:?}: the label is not quoted"
            );
            assert!(
                name.contains("NATO")
                    || name.contains("НАТО")
                    || name.contains("OTAN")
                    || name.to_lowercase().contains("коалі")
                    || name.to_lowercase().contains("коали")
                    || name.to_lowercase().contains("coalition")
                    || name.to_lowercase().contains("koalition"),
                "{lang:?} {key} = {name:?}: it does not say whose term it is"
            );
        }
    }
}
