//! Markdown to HTML for the static pages (the methods page, the forecast
//! table, the guides), with pulldown-cmark, a CommonMark parser kept by
//! others, rather than a converter of our own that knew only what the
//! documents happened to use.
//!
//! Equations are written in docs/MODEL.md as LaTeX (`$…$` inline, `$$…$$`
//! on their own) and typeset here, at build time, as MathML Core with
//! pulldown-latex. Every current engine draws MathML Core and screen
//! readers read it, so the page needs no script (its Content-Security-Policy
//! allows none inline) and no web font, and adds nothing to the app.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use pulldown_latex::config::DisplayMode;
use pulldown_latex::{push_mathml, RenderConfig, Storage};

use crate::html::escape;

/// What the documents use: GitHub's tables and CommonMark's math. Not
/// strikethrough, whose `~` would eat text, nor smart punctuation, which
/// would change the quotes the documents chose.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_MATH
}

/// Converts a Markdown document to an HTML fragment. An equation that does
/// not parse is still shown (as MathML's error element) and named on
/// stderr; the unit tests hold every page in docs/ to [`try_to_html`].
pub fn to_html(markdown: &str) -> String {
    render(markdown, &mut |tex, error| {
        eprintln!("warning: an equation does not parse ({error}): {tex}");
    })
}

/// [`to_html`], or the first equation that does not parse and why.
#[cfg_attr(not(test), allow(dead_code))]
pub fn try_to_html(markdown: &str) -> crate::Result<String> {
    let mut first = None;
    let html = render(markdown, &mut |tex, error| {
        first.get_or_insert_with(|| format!("{error}: {tex}"));
    });
    first.map_or(Ok(html), Err)
}

/// Renders `markdown`, telling `bad` of each equation that does not parse.
fn render(markdown: &str, bad: &mut dyn FnMut(&str, String)) -> String {
    let mut events = Vec::new();
    let mut in_head = false;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            // The id comes from the heading as written, as the old converter
            // made it, so links to a section keep working.
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let raw = markdown[range].trim().trim_start_matches('#').trim();
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(slug(raw))),
                    classes,
                    attrs,
                }));
            }
            // Wide tables scroll inside their own box, not the page.
            // Alignments are dropped: pulldown-cmark writes them as style
            // attributes, which the policy (`style-src 'self'`) refuses.
            Event::Start(Tag::Table(_)) => {
                events.push(Event::Html("<div class=\"table-wrap\">".into()));
                events.push(Event::Start(Tag::Table(Vec::new())));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>\n".into()));
            }
            // Header cells say what they head, for screen readers.
            Event::Start(Tag::TableHead) => {
                in_head = true;
                events.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                events.push(event);
            }
            Event::Start(Tag::TableCell) if in_head => {
                events.push(Event::InlineHtml("<th scope=\"col\">".into()));
            }
            Event::End(TagEnd::TableCell) if in_head => {
                events.push(Event::InlineHtml("</th>".into()));
            }
            Event::InlineMath(tex) => {
                events.push(Event::InlineHtml(
                    math(&tex, DisplayMode::Inline, bad).into(),
                ));
            }
            Event::DisplayMath(tex) => {
                events.push(Event::InlineHtml(
                    math(&tex, DisplayMode::Block, bad).into(),
                ));
            }
            other => events.push(other),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// One equation as MathML. The `<math>` element carries the LaTeX source
/// as its `alttext` (what a reader without MathML support, or a copy of
/// the text, gets) and in an `<annotation>`, the MathML way of keeping a
/// formula's source beside its presentation.
fn math(tex: &str, display: DisplayMode, bad: &mut dyn FnMut(&str, String)) -> String {
    let tex = tex.trim();
    let storage = Storage::new();
    let events: Vec<_> = pulldown_latex::Parser::new(tex, &storage).collect();
    if let Some(Err(error)) = events.iter().find(|e| e.is_err()) {
        bad(tex, error.to_string());
    }
    let source = escape(tex);
    let config = RenderConfig {
        display_mode: display,
        annotation: Some(&source),
        ..RenderConfig::default()
    };
    let mut mathml = String::new();
    if let Err(error) = push_mathml(&mut mathml, events.into_iter(), config) {
        bad(tex, error.to_string());
        return format!("<code>{}</code>", escape(tex));
    }
    // pulldown-latex 0.8 writes `\bigl(` as `stretchy="true"minsize=…`;
    // browsers recover, but the HTML is invalid without the space.
    let mathml = escape_stray_lt(&mathml.replace("\"minsize=", "\" minsize="));
    match mathml.strip_prefix("<math") {
        Some(rest) => format!("<math alttext=\"{source}\"{rest}"),
        None => mathml,
    }
}

/// pulldown-latex 0.8 writes the operator `<` as it is (`<mo><</mo>`),
/// which HTML reads as the start of a tag (browsers recover; the Nu HTML
/// checker reports it). Every `<` that does not open or close an element
/// becomes `&lt;`.
fn escape_stray_lt(mathml: &str) -> String {
    let mut parts = mathml.split('<');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let opens_tag = part.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        out.push_str(if opens_tag { "<" } else { "&lt;" });
        out.push_str(part);
    }
    out
}

/// A heading's id: lower case, every other character a hyphen, no hyphen
/// at either end (`4.1 Ripeness` -> `4-1-ripeness`).
fn slug(text: &str) -> String {
    let id: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    id.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_html() {
        let md = "# Title\n\nSome *fine* and **bold** text with `a * b` and a [link](x.html).\n\n- one\n- two\n  continued\n\n1. first\n2. second\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n```\nx < y\n```\n";
        let html = to_html(md);
        assert!(html.contains("<h1 id=\"title\">Title</h1>"), "{html}");
        assert!(html.contains("<em>fine</em>") && html.contains("<strong>bold</strong>"));
        assert!(html.contains("<code>a * b</code>"));
        assert!(html.contains("<a href=\"x.html\">link</a>"));
        assert!(
            html.contains("<ul>\n<li>one</li>\n<li>two\ncontinued</li>\n</ul>"),
            "{html}"
        );
        assert!(html.contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>"));
        assert!(
            html.contains("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">a</th>"),
            "{html}"
        );
        assert!(html.contains("<td>2</td>") && html.contains("</table>\n</div>"));
        assert!(
            html.contains("<pre><code>x &lt; y\n</code></pre>"),
            "{html}"
        );
    }

    #[test]
    fn images_and_quotes() {
        let html = to_html("![A \"chart\"](c.svg)\n\n> Cite\n> this.\n");
        assert!(
            html.contains("<img src=\"c.svg\" alt=\"A &quot;chart&quot;\" />"),
            "{html}"
        );
        assert!(
            html.contains("<blockquote>\n<p>Cite\nthis.</p>\n</blockquote>"),
            "{html}"
        );
    }

    #[test]
    fn arithmetic_is_not_emphasis() {
        assert_eq!(to_html("a * b * c"), "<p>a * b * c</p>\n");
        assert_eq!(to_html("2 < 3"), "<p>2 &lt; 3</p>\n");
        // Dollar amounts are not math: a closing `$` is never followed by
        // a digit.
        assert!(!to_html("$100 billion and $400 million").contains("<math"));
    }

    #[test]
    fn headings_keep_the_ids_of_the_old_converter() {
        let html = to_html("## 4.1 Ripeness: the mutually hurting stalemate\n");
        assert!(
            html.contains("<h2 id=\"4-1-ripeness--the-mutually-hurting-stalemate\">"),
            "{html}"
        );
    }

    #[test]
    fn equations_become_mathml_with_their_source() {
        let html = try_to_html("Let $\\tilde m$ be\n\n$$h(x) = \\frac{x}{2} < 1$$\n").unwrap();
        assert!(
            html.contains("<math alttext=\"\\tilde m\" display=\"inline\">"),
            "{html}"
        );
        assert!(
            html.contains("<math alttext=\"h(x) = \\frac{x}{2} &lt; 1\" display=\"block\">"),
            "{html}"
        );
        assert!(html.contains("<mfrac>"), "{html}");
        assert!(html.contains("<mo>&lt;</mo>"), "{html}");
        assert!(!html.contains("><<"), "{html}");
        assert!(
            html.contains("<annotation encoding=\"application/x-tex\">h(x) = \\frac{x}{2} &lt; 1</annotation>"),
            "{html}"
        );
        assert!(try_to_html("$\\frac{1}$").is_err());
    }

    /// Every page rendered from docs/: its equations parse, and nothing in
    /// it needs what the pages' policy forbids (inline styles or scripts).
    #[test]
    fn every_page_in_docs_renders_within_the_policy() {
        let docs = crate::workspace::root().join("docs");
        let mut pages = vec![docs.join("MODEL.md"), docs.join("forecasts.md")];
        for kind in crate::pages::GUIDES {
            for lang in crate::pages::LANGS {
                pages.push(docs.join(kind).join(format!("{lang}.md")));
            }
        }
        for page in pages {
            let text = std::fs::read_to_string(&page).unwrap();
            let html = try_to_html(&text).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
            // `&amp;nbsp;`: pulldown-latex 0.8 writes `\ ` so; use `\;`.
            for forbidden in [" style=", "<script", "<merror", "&amp;nbsp;"] {
                assert!(
                    !html.contains(forbidden),
                    "{} renders `{forbidden}`",
                    page.display()
                );
            }
            // `- 11. März` opens a list numbered from 11 in CommonMark; a
            // date that starts an item is written `- 11\. März`.
            assert!(
                !html.contains("<ol start="),
                "{}: a date became a numbered list",
                page.display()
            );
            let has_math = html.contains("<math");
            assert_eq!(
                has_math,
                page.ends_with("MODEL.md"),
                "{}: only the methods page has equations",
                page.display()
            );
        }
    }

    #[test]
    fn the_methods_page_has_its_equations_as_display_math() {
        let docs = crate::workspace::root().join("docs");
        let html = to_html(&std::fs::read_to_string(docs.join("MODEL.md")).unwrap());
        // A report printed by the code is a `text` block on purpose
        // (§12's calibration report); any other block is an equation left
        // as code.
        assert_eq!(
            html.matches("<pre>").count(),
            html.matches("<pre><code class=\"language-text\">").count(),
            "an equation is left as code"
        );
        assert!(html.matches("<math alttext=").count() >= 100);
        assert!(html.matches("display=\"block\"").count() >= 20);
        assert!(
            html.contains("<h2 id=\"4--the-ceasefire-hazard\">"),
            "{html}"
        );
    }
}
