//! HTML (and SVG) text, and the escaping it needs, in one place.
//!
//! Several parts of the page are set as HTML strings rather than built as
//! view code (the share panel, the tables behind the charts, the embed
//! code, the presence ladder), because a string costs far less download
//! than the view code for it (ARCHITECTURE.md, "Size"). The charts are SVG
//! text for the same reason. Anything in such a string that comes from a
//! reader, a URL or a catalogue passes through [`escape`] here, so there is
//! one function to get right and one set of tests that shows it is.
//!
//! The contract: text goes between tags or inside a double-quoted
//! attribute value, never in an unquoted or single-quoted one, and never in
//! a `<script>` or `<style>` body. The builders below write only
//! double-quoted attributes, which is why a single quote needs no escape.

/// Escapes `text` for an element's content or a double-quoted attribute
/// value, in HTML and in SVG (XML): `&`, `<`, `>` and `"` become entities.
/// A `'` is left as it is: it cannot end a double-quoted value, and the
/// catalogues' apostrophes then stay readable in the exported SVG files.
pub fn escape(text: &str) -> String {
    // `&` first, so the entities the others make are not escaped again.
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One attribute, with its leading space: ` name="value"`, the value
/// escaped. `name` is the code's own, never a reader's.
pub fn attr(name: &str, value: &str) -> String {
    format!(" {name}=\"{}\"", escape(value))
}

/// A table whose first column holds row headers, with a caption and a
/// header row; every cell is text, escaped.
pub fn table(caption: &str, head: &[String], rows: &[Vec<String>]) -> String {
    let mut html = format!("<table><caption>{}</caption><thead><tr>", escape(caption));
    for h in head {
        html.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        push_row(&mut html, row);
    }
    html.push_str("</tbody></table>");
    html
}

/// One body row: the first cell a row header, the others data cells.
pub fn table_row(cells: &[String]) -> String {
    let mut html = String::new();
    push_row(&mut html, cells);
    html
}

/// Appends one body row to `html`, without a string of its own.
fn push_row(html: &mut String, cells: &[String]) {
    html.push_str("<tr>");
    for (k, cell) in cells.iter().enumerate() {
        if k == 0 {
            html.push_str(&format!("<th scope=\"row\">{}</th>", escape(cell)));
        } else {
            html.push_str(&format!("<td>{}</td>", escape(cell)));
        }
    }
    html.push_str("</tr>");
}

/// A borderless, lazily loaded iframe of `src` at full width and `height`
/// pixels, named by `title` for screen readers: the visible half of the
/// embed code (`state::share::embed_code`).
pub fn iframe(src: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0\"></iframe>",
        escape(src),
        escape(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inverse of [`escape`], for the round trips: what a browser reads
    /// back from the escaped text.
    fn unescape(html: &str) -> String {
        html.replace("&quot;", "\"")
            .replace("&gt;", ">")
            .replace("&lt;", "<")
            .replace("&amp;", "&")
    }

    /// The value of attribute `name` in the first tag of `html`, as a
    /// browser would read it.
    fn attr_value(html: &str, name: &str) -> Option<String> {
        let tag = &html[..html.find('>')?];
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let len = tag[start..].find('"')?;
        Some(unescape(&tag[start..start + len]))
    }

    #[test]
    fn the_four_special_characters_become_entities() {
        assert_eq!(escape("&"), "&amp;");
        assert_eq!(escape("<"), "&lt;");
        assert_eq!(escape(">"), "&gt;");
        assert_eq!(escape("\""), "&quot;");
        assert_eq!(escape("'"), "'");
        assert_eq!(
            escape("a < b && c > \"d\" 'e'"),
            "a &lt; b &amp;&amp; c &gt; &quot;d&quot; 'e'"
        );
        // Already escaped text is escaped again: it is text, not markup.
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("Ukraïna — 50 % ✓"), "Ukraïna — 50 % ✓");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn text_cannot_open_a_tag() {
        let hostile = "</td><script>alert(1)</script>";
        let row = table_row(&["x".into(), hostile.into()]);
        assert_eq!(row.matches('<').count(), 6, "{row}");
        assert!(!row.contains("<script"), "{row}");
        assert_eq!(
            row,
            "<tr><th scope=\"row\">x</th><td>&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>"
        );
    }

    #[test]
    fn an_attribute_value_cannot_end_its_quotes() {
        let value = "a\" onload=\"alert(1)";
        let a = attr("title", value);
        assert_eq!(a, " title=\"a&quot; onload=&quot;alert(1)\"");
        assert_eq!(a.matches('"').count(), 2);
        // A single quote is harmless inside double quotes and round-trips.
        let html = format!("<p{}>", attr("title", "Moscow's 'red' lines"));
        assert_eq!(
            attr_value(&html, "title").as_deref(),
            Some("Moscow's 'red' lines")
        );
    }

    #[test]
    fn a_table_has_a_caption_headers_and_row_headers() {
        let html = table(
            "A & B",
            &["Month".into(), "Value".into()],
            &[
                vec!["0".into(), "<1%".into()],
                vec!["1".into(), "2%".into()],
            ],
        );
        assert_eq!(
            html,
            "<table><caption>A &amp; B</caption><thead><tr><th scope=\"col\">Month</th>\
             <th scope=\"col\">Value</th></tr></thead><tbody>\
             <tr><th scope=\"row\">0</th><td>&lt;1%</td></tr>\
             <tr><th scope=\"row\">1</th><td>2%</td></tr></tbody></table>"
        );
    }

    #[test]
    fn an_embed_code_gives_back_its_link_and_title() {
        let src = "https://example.org/rl/?mo=-0.2&embed=1&show=chasm\"><script>";
        let title = "Red \"Lines\" <b> & Moscow's";
        let html = iframe(src, title, 1200);
        assert!(html.starts_with("<iframe src=\""), "{html}");
        assert!(html.ends_with("></iframe>"), "{html}");
        assert_eq!(html.matches('<').count(), 2, "{html}");
        assert_eq!(attr_value(&html, "src").as_deref(), Some(src));
        assert_eq!(attr_value(&html, "title").as_deref(), Some(title));
        assert_eq!(attr_value(&html, "height").as_deref(), Some("1200"));
    }
}
