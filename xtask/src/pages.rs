//! The static pages rendered from Markdown at build time: the methods
//! page and the forecast table (English), and in every language the
//! teacher guide, the model in one page and the sides' stated positions.
//! They share the site's stylesheet, keep the strict policy, and add
//! nothing to the app's download.

use std::fs;
use std::path::Path;

use crate::finalize::CSP;
use crate::html::escape;
use crate::workspace::{file_names, read, write};
use crate::Result;

/// The languages of the printable pages, in the page's order.
pub const LANGS: [&str; 5] = ["en", "uk", "ru", "fr", "de"];

/// The printable pages rendered from docs/<kind>/<lang>.md (copied in by
/// index.html as folders): the teacher guide, the model in one page, and
/// the sides' stated positions with a background timeline. They are static
/// pages, not app text, so they add nothing to the WebAssembly download.
pub const GUIDES: [&str; 3] = ["teach", "summary", "positions"];

/// The words of the link back to the explorer, in `LANGS` order.
const BACK: [&str; 5] = [
    "Back to the explorer",
    "Назад до моделі",
    "Назад к модели",
    "Retour au modèle",
    "Zurück zum Modell",
];

/// The English reference pages (copied in by index.html): the Markdown,
/// the page it becomes, its title and description. The forecast table is
/// a page of its own, not app text, so it adds nothing to the first visit.
const PAGES: [(&str, &str, &str, &str); 2] = [
    (
        "MODEL.md",
        "methods.html",
        "How the Red Lines model works",
        "The equations, parameters, sources, calibration and limitations of the Red Lines model.",
    ),
    (
        "forecasts.md",
        "forecasts.html",
        "Public forecasts beside the Red Lines model",
        "Dated, sourced public forecasts of a Russia–Ukraine ceasefire and of a NATO–Russia clash, and how their questions differ from the model's.",
    ),
];

/// Renders the reference pages (`PAGES`), and each guide as
/// `<kind>-<lang>.html`: readable pages in the site's own stylesheet for
/// readers and educators. The guides' Markdown copies are
/// removed once rendered, so the service worker does not cache them twice.
pub fn write_pages(dir: &Path, strict: bool) -> Result {
    let css = stylesheets(dir)?;
    for (markdown, html, title, description) in PAGES {
        let source = dir.join(markdown);
        if !source.exists() {
            continue;
        }
        let page = Page {
            lang: "en",
            title,
            description,
            back: ("./", BACK[0]),
            class: "methods",
        };
        write(&dir.join(html), page.render(&read(&source)?, &css, strict))?;
    }
    for kind in GUIDES {
        let folder = dir.join(kind);
        if !folder.exists() {
            continue;
        }
        for (k, lang) in LANGS.iter().enumerate() {
            let markdown = read(&folder.join(format!("{lang}.md")))?;
            let (title, description) = title_and_lede(&markdown);
            let home = if *lang == "en" {
                "./".to_owned()
            } else {
                format!("./?lang={lang}")
            };
            let page = Page {
                lang,
                title: &title,
                description: &description,
                back: (&home, BACK[k]),
                class: &format!("methods guide {kind}"),
            };
            write(
                &dir.join(format!("{kind}-{lang}.html")),
                page.render(&markdown, &css, strict),
            )?;
        }
        fs::remove_dir_all(&folder)
            .map_err(|e| format!("cannot remove {}: {e}", folder.display()))?;
    }
    Ok(())
}

/// The `<link>` tags for the bundle's stylesheets.
fn stylesheets(dir: &Path) -> Result<String> {
    let mut css = Vec::new();
    for name in file_names(dir)? {
        if name.ends_with(".css") {
            css.push(format!("<link rel=\"stylesheet\" href=\"./{name}\">"));
        }
    }
    css.sort();
    Ok(css.concat())
}

/// A static page made from Markdown.
struct Page<'a> {
    lang: &'a str,
    title: &'a str,
    description: &'a str,
    /// The link back to the explorer: its address and its words.
    back: (&'a str, &'a str),
    /// The class of `<main>`.
    class: &'a str,
}

impl Page<'_> {
    fn render(&self, markdown: &str, css: &str, strict: bool) -> String {
        let body = crate::markdown::to_html(markdown);
        let policy = if strict {
            format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">")
        } else {
            String::new()
        };
        let back = format!(
            "<p class=\"back\"><a href=\"{}\">{}</a></p>",
            escape(self.back.0),
            escape(self.back.1)
        );
        format!(
            "<!doctype html><html lang=\"{}\"><head>{policy}<meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"color-scheme\" content=\"light dark\">\
             <title>{}</title><meta name=\"description\" content=\"{}\">\
             {css}<link rel=\"icon\" href=\"public/favicon.svg\" type=\"image/svg+xml\"></head>\
             <body><main class=\"{}\">{back}{body}{back}</main></body></html>\n",
            self.lang,
            escape(self.title),
            escape(self.description),
            self.class,
        )
    }
}

/// A guide's title (its `# ` heading) and its first paragraph as plain
/// text, for the page's `<title>` and description.
fn title_and_lede(markdown: &str) -> (String, String) {
    let mut lines = markdown.lines().skip_while(|l| !l.starts_with("# "));
    let title = lines
        .next()
        .map(|l| l[2..].trim().to_owned())
        .unwrap_or_default();
    let lede: Vec<&str> = lines
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let plain = lede.join(" ").replace(['*', '`'], "");
    (title, plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_guide_with_a_title_and_a_lede() {
        let docs = crate::workspace::root().join("docs");
        for kind in GUIDES {
            for lang in LANGS {
                let path = docs.join(kind).join(format!("{lang}.md"));
                let text = fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{} is missing: {e}", path.display()));
                let (title, lede) = title_and_lede(&text);
                assert!(!title.is_empty(), "{} has no # title", path.display());
                assert!(lede.len() > 40, "{} has no first paragraph", path.display());
            }
        }
    }

    #[test]
    fn guides_become_pages_in_their_language_and_their_sources_go() {
        let dir = std::env::temp_dir().join(format!("finalize-guides-{}", std::process::id()));
        for kind in GUIDES {
            fs::create_dir_all(dir.join(kind)).unwrap();
            for lang in LANGS {
                fs::write(
                    dir.join(kind).join(format!("{lang}.md")),
                    format!(
                        "# {kind} {lang}\n\nA \"first\" paragraph\nin *two* lines.\n\n## Next\n"
                    ),
                )
                .unwrap();
            }
        }
        fs::write(dir.join("main-1.css"), "").unwrap();
        write_pages(&dir, true).unwrap();
        let uk = fs::read_to_string(dir.join("teach-uk.html")).unwrap();
        assert!(uk.starts_with("<!doctype html><html lang=\"uk\"><head><meta http-equiv=\"Content-Security-Policy\""), "{uk}");
        assert!(uk.contains("<title>teach uk</title>"), "{uk}");
        assert!(
            uk.contains("content=\"A &quot;first&quot; paragraph in two lines.\""),
            "{uk}"
        );
        assert!(
            uk.contains("<link rel=\"stylesheet\" href=\"./main-1.css\">"),
            "{uk}"
        );
        assert_eq!(
            uk.matches("<a href=\"./?lang=uk\">Назад до моделі</a>")
                .count(),
            2,
            "{uk}"
        );
        let en = fs::read_to_string(dir.join("summary-en.html")).unwrap();
        assert!(
            en.contains("<html lang=\"en\">") && en.contains("<a href=\"./\">"),
            "{en}"
        );
        let positions = fs::read_to_string(dir.join("positions-de.html")).unwrap();
        assert!(
            positions.contains("<title>positions de</title>")
                && positions.contains("class=\"methods guide positions\""),
            "{positions}"
        );
        for kind in GUIDES {
            assert!(!dir.join(kind).exists(), "{kind}/ is left behind");
        }
        fs::remove_dir_all(&dir).unwrap();
    }
}
