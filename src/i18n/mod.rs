//! Every string a reader sees, in five languages.
//!
//! Text lives in catalogues, one per language, of `key = value` lines.
//! The English the first screen needs is compiled in, so it needs no
//! extra request. The rest of English (the about footer and the glossary,
//! notices, captions, the figures' text) is `public/i18n/en.txt`, which
//! the page fetches from its own host when it first needs any of it: when
//! a view asks for one of its keys ([`on_missing`]; the view shows nothing
//! for it meanwhile), or when the reader first scrolls, touches, types or
//! moves focus. A first visit that is only looked at needs none of it.
//! The other four languages are files in `public/i18n/` too, fetched only
//! when a reader (or their browser) picks one. A translation is laid over
//! English, so a key it lacked would show English rather than nothing;
//! `tests/i18n.rs` checks that no key is missing.
//!
//! Values may hold placeholders such as `{n}`, filled by [`Catalog::fill`].
//! Numbers go through the catalogue too: decimal separators, the percent
//! sign's spacing and the plural forms of "months" differ by language.

use crate::model::clamp;
use std::sync::{Arc, OnceLock};

/// The English catalogue, the reference every other language translates.
pub const ENGLISH: &str = include_str!("en.txt");

/// The rest of English, which the page fetches when it first needs it.
/// Native code (tests, exports, the examples) has it compiled in.
#[cfg(not(target_arch = "wasm32"))]
pub const ENGLISH_REST: &str = include_str!("../../public/i18n/en.txt");

/// What to do when a view asks a catalogue that is not whole for a key it
/// lacks (see [`on_missing`]).
static ON_MISSING: OnceLock<fn()> = OnceLock::new();

/// Sets what happens when a view asks the compiled-in English for a key
/// only the rest of English has: the page fetches the rest, and the view,
/// which shows nothing for the key meanwhile, redraws when it arrives.
/// Set once; natively English is whole and this never runs.
pub fn on_missing(hook: fn()) {
    let _ = ON_MISSING.set(hook);
}

/// A language the page is offered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Uk,
    Ru,
    Fr,
    De,
}

impl Lang {
    /// In the order the language switch lists them.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Uk, Lang::Ru, Lang::Fr, Lang::De];

    /// The BCP 47 code, used in the URL (`lang=uk`), in `<html lang>` and
    /// as the name of the catalogue file.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language's name in itself, as a language switch should show it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Uk => "Українська",
            Lang::Ru => "Русский",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
        }
    }

    /// Reads a language tag such as `uk`, `fr-CA` or `DE`; `None` for any
    /// other language or for text that is not a tag.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages the page offers,
    /// else English.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_code)
            .unwrap_or_default()
    }
}

/// One language's strings, with English beneath for any key it lacks.
/// Cheap to clone: the entries are shared.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    lang: Lang,
    /// Sorted by key, for binary search.
    entries: Arc<Vec<(String, String)>>,
    /// Whether the language's own file has been laid over: false only for
    /// the compiled-in English before the rest of English arrives.
    whole: bool,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog::english()
    }
}

/// Reads `key = value` lines. Blank lines and lines starting with `#` are
/// skipped, and so is any line without ` = `: a damaged file degrades to
/// English, it never breaks the page.
pub fn parse(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(|line| line.split_once(" = "))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .filter(|(key, _)| !key.is_empty())
        .collect()
}

/// Sorts entries by key with Shell's method: a few hundred bytes of
/// WebAssembly where core's sort brought 2 KB into the first module, and
/// a few thousand comparisons for a catalogue's thousand entries. Not
/// stable, which is moot: English has no repeated key (tests/i18n.rs).
fn sort_by_key(entries: &mut [(String, String)]) {
    // Ciura's gaps, the best known for a few thousand elements.
    for gap in [701, 301, 132, 57, 23, 10, 4, 1] {
        for i in gap..entries.len() {
            let mut j = i;
            while j >= gap && entries[j - gap].0 > entries[j].0 {
                entries.swap(j - gap, j);
                j -= gap;
            }
        }
    }
}

impl Catalog {
    /// English: in the browser, the compiled-in part until the page has
    /// fetched the rest ([`Catalog::translated`] with `public/i18n/en.txt`);
    /// natively, all of it.
    pub fn english() -> Catalog {
        #[cfg(not(target_arch = "wasm32"))]
        return Catalog::translated(Lang::En, ENGLISH_REST);
        #[cfg(target_arch = "wasm32")]
        Catalog::from_entries(Lang::En, parse(ENGLISH), false)
    }

    /// `text` (a catalogue file) laid over the compiled-in English: its
    /// values replace English ones, and its keys English lacks (the rest
    /// of English, or text only a translation needs) are added.
    pub fn translated(lang: Lang, text: &str) -> Catalog {
        let mut entries = parse(ENGLISH);
        for (key, value) in parse(text) {
            match entries.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => entries.push((key, value)),
            }
        }
        Catalog::from_entries(lang, entries, true)
    }

    fn from_entries(lang: Lang, mut entries: Vec<(String, String)>, whole: bool) -> Catalog {
        sort_by_key(&mut entries);
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        Catalog {
            lang,
            entries: Arc::new(entries),
            whole,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the language's own file is in (see [`Catalog::english`]).
    pub fn is_whole(&self) -> bool {
        self.whole
    }

    /// The text for `key`, if a catalogue has it. Asking the compiled-in
    /// English for a key it lacks sends for the rest ([`on_missing`]).
    pub fn find(&self, key: &str) -> Option<&str> {
        let found = self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key));
        match found {
            Ok(i) => Some(&self.entries[i].1),
            Err(_) => {
                if !self.whole {
                    if let Some(hook) = ON_MISSING.get() {
                        hook();
                    }
                }
                None
            }
        }
    }

    /// The text for `key`. If no catalogue has it: nothing while the rest
    /// of English is on its way, else the key itself, so a slip shows up
    /// on the page instead of hiding as an empty string.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.find(key).unwrap_or(if self.whole { key } else { "" })
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// `value` with `digits` decimals and this language's decimal separator,
    /// rounded as the browser's `Intl.NumberFormat` rounds (see [`fixed`]).
    pub fn decimal(&self, value: f64, digits: usize) -> String {
        self.separated(fixed(value, digits, 0))
    }

    /// `text` (digits with a `.` point) with this language's separator.
    fn separated(&self, text: String) -> String {
        match self.get("fmt.decimal") {
            "." => text,
            separator => text.replace('.', separator),
        }
    }

    /// A probability as a percentage a reader can take in at a glance:
    /// whole percent from 10% up, one decimal below, "under 0.1%" near zero.
    /// Character for character what `Intl.NumberFormat(lang, {style:
    /// 'percent'})` gives with the same number of decimals.
    pub fn percent(&self, p: f64) -> String {
        let p = if p.is_finite() {
            clamp(p, 0.0, 1.0)
        } else {
            0.0
        };
        let v = 100.0 * p;
        if v > 0.0 && v < 0.1 {
            let tenth = self.fill("fmt.percent", &[("n", &self.decimal(0.1, 1))]);
            return self.fill("fmt.under_tenth", &[("n", &tenth)]);
        }
        let digits = if v < 9.95 { 1 } else { 0 };
        // Scaled by 100 in decimal, as Intl does, not in binary: 0.0435
        // is "4.4%" there, while 100.0 * 0.0435 rounds to "4.3".
        let n = self.separated(fixed(p, digits, 2));
        self.fill("fmt.percent", &[("n", &n)])
    }

    /// A whole number of percent (`50.0` → "50%", "50 %"): for round
    /// scale marks, where a probability's decimals would be noise.
    pub fn whole_percent(&self, percent: f64) -> String {
        self.fill("fmt.percent", &[("n", &fixed(percent, 0, 0))])
    }

    /// "36 months", with the plural form this language needs for `n`.
    pub fn months(&self, n: u32) -> String {
        let key = format!("unit.months.{}", plural(self.lang, n));
        self.fill(&key, &[("n", &n.to_string())])
    }
}

/// `value × 10^shift` with `digits` decimals and a `.` point, rounded as
/// `Intl.NumberFormat` rounds the decimal a reader sees, half away from
/// zero (see [`crate::decimal::shifted`]). Rust's `{:.1}` rounds the binary
/// value instead, so `0.25` gives "0.2" there and "0.3" in the browser.
fn fixed(value: f64, digits: usize, shift: usize) -> String {
    crate::decimal::shifted(value, digits, shift)
}

/// The CLDR plural category of a whole number: English, French and German
/// need `one` and `other`; Ukrainian and Russian also `few` and `many`.
pub fn plural(lang: Lang, n: u32) -> &'static str {
    match lang {
        Lang::Uk | Lang::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => "one",
            (2..=4, r) if !(12..=14).contains(&r) => "few",
            _ => "many",
        },
        Lang::Fr if n <= 1 => "one",
        Lang::En | Lang::De if n == 1 => "one",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_sort_orders_by_key() {
        let mut entries: Vec<(String, String)> = (0..2_000)
            .map(|k| (format!("key.{}", (k * 7_919) % 2_003), k.to_string()))
            .collect();
        let mut expected = entries.clone();
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        sort_by_key(&mut entries);
        let keys = |e: &[(String, String)]| e.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&entries), keys(&expected));
    }

    #[test]
    fn tags_are_read_leniently() {
        assert_eq!(Lang::from_code("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_code(" DE "), Some(Lang::De));
        assert_eq!(Lang::from_code("fr_CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("pl"), None);
        assert_eq!(Lang::from_code("<script>"), None);
        assert_eq!(Lang::preferred(["pl", "ru-RU", "en"]), Lang::Ru);
        assert_eq!(Lang::preferred(["pl"]), Lang::En);
    }

    #[test]
    fn numbers_follow_the_language() {
        let en = Catalog::english();
        assert_eq!(en.percent(0.384), "38%");
        assert_eq!(en.percent(0.0123), "1.2%");
        assert_eq!(en.percent(0.0), "0.0%");
        assert_eq!(en.percent(0.0004), "under 0.1%");
        assert_eq!(en.percent(f64::NAN), "0.0%");
        assert_eq!(en.percent(1.7), "100%");
        assert_eq!(en.whole_percent(50.0), "50%");
        let fr = Catalog::translated(
            Lang::Fr,
            "fmt.decimal = ,\nfmt.percent = {n}\u{a0}%\nfmt.under_tenth = moins de {n}",
        );
        assert_eq!(fr.percent(0.0123), "1,2\u{a0}%");
        assert_eq!(fr.percent(0.0004), "moins de 0,1\u{a0}%");
        assert_eq!(fr.decimal(0.55, 2), "0,55");
    }

    /// Rounding as `Intl.NumberFormat` does it (checked in Chromium):
    /// from the shortest decimal, half away from zero.
    #[test]
    fn rounding_matches_the_browser() {
        assert_eq!(fixed(0.25, 1, 0), "0.3");
        assert_eq!(fixed(2.5, 0, 0), "3");
        assert_eq!(fixed(0.125, 2, 0), "0.13");
        assert_eq!(fixed(1.005, 2, 0), "1.01");
        assert_eq!(fixed(0.8, 2, 0), "0.80");
        assert_eq!(fixed(9.96, 1, 0), "10.0");
        assert_eq!(fixed(99.5, 0, 0), "100");
        assert_eq!(fixed(0.0, 1, 0), "0.0");
        assert_eq!(fixed(0.04, 0, 0), "0");
        assert_eq!(fixed(0.6, 0, 0), "1");
        assert_eq!(fixed(1234.5678, 2, 0), "1234.57");
        assert_eq!(fixed(-1.25, 1, 0), "-1.3");
        assert_eq!(fixed(f64::NAN, 1, 0), "0.0");
        // Percent: scaled in decimal, 0.0435 is 4.35% exactly.
        assert_eq!(fixed(0.0435, 1, 2), "4.4");
        assert_eq!(fixed(0.125, 0, 2), "13");
        assert_eq!(fixed(0.432, 1, 2), "43.2");
        assert_eq!(fixed(1.0, 0, 2), "100");
        assert_eq!(fixed(0.001, 1, 2), "0.1");
        let en = Catalog::english();
        assert_eq!(en.percent(0.0435), "4.4%");
        assert_eq!(en.percent(0.125), "13%");
    }

    #[test]
    fn plurals_follow_cldr() {
        let forms = |lang| [1, 2, 5, 11, 21, 22, 36].map(|n| plural(lang, n));
        assert_eq!(
            forms(Lang::Uk),
            ["one", "few", "many", "many", "one", "few", "many"]
        );
        assert_eq!(forms(Lang::En)[..2], ["one", "other"]);
        assert_eq!(plural(Lang::Fr, 0), "one");
    }

    #[test]
    fn a_damaged_translation_falls_back_to_english() {
        let t = Catalog::translated(
            Lang::De,
            "no equals sign\n= orphan\nfmt.decimal = ,\nnot.a.key = x",
        );
        assert_eq!(t.get("fmt.decimal"), ",");
        assert_eq!(t.find("orphan"), None);
        assert_eq!(t.get("fmt.percent"), Catalog::english().get("fmt.percent"));
    }
}
