//! A small Markdown-to-HTML converter for the methods page: just what
//! docs/MODEL.md uses (headings, paragraphs, lists, tables, fenced code,
//! block quotes, inline code, bold, italics, links and images). Educators get a readable page in
//! the site's own style, and docs/MODEL.md stays the single source.

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Inline markup: `code`, **bold**, *italic* and [text](url), on escaped text.
pub fn inline(text: &str) -> String {
    let mut out = String::new();
    // Code spans first: nothing inside them is markup.
    for (k, part) in text.split('`').enumerate() {
        if k % 2 == 1 {
            out.push_str(&format!("<code>{}</code>", escape(part)));
        } else {
            out.push_str(&emphasis(&links(&escape(part))));
        }
    }
    out
}

/// `[text](url)` to a link and `![alt](url)` to an image; other brackets
/// are left as they are.
fn links(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(close) = rest[mid..].find(')').map(|i| mid + i) else {
            break;
        };
        let label = &rest[open + 1..mid];
        let url = rest[mid + 2..close].replace('"', "%22");
        match rest[..open].strip_suffix('!') {
            Some(before) => {
                out.push_str(before);
                out.push_str(&format!(
                    "<img src=\"{url}\" alt=\"{}\">",
                    label.replace('"', "&quot;")
                ));
            }
            None => {
                out.push_str(&rest[..open]);
                out.push_str(&format!("<a href=\"{url}\">{label}</a>"));
            }
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `**bold**` and `*italic*`: a marker opens only before a non-space and
/// closes only after one, so arithmetic like `a * b` stays as it is.
fn emphasis(text: &str) -> String {
    let mut out = text.to_owned();
    for (marker, tag) in [("**", "strong"), ("*", "em")] {
        let mut result = String::new();
        let mut rest = out.as_str();
        while let Some(open) = rest.find(marker) {
            let after = &rest[open + marker.len()..];
            let opens = after.chars().next().is_some_and(|c| !c.is_whitespace());
            let close = after
                .find(marker)
                .filter(|&i| i > 0 && !after[..i].ends_with(char::is_whitespace));
            match (opens, close) {
                (true, Some(close)) => {
                    result.push_str(&rest[..open]);
                    result.push_str(&format!("<{tag}>{}</{tag}>", &after[..close]));
                    rest = &after[close + marker.len()..];
                }
                _ => {
                    result.push_str(&rest[..open + marker.len()]);
                    rest = after;
                }
            }
        }
        result.push_str(rest);
        out = result;
    }
    out
}

fn table_row(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|cell| inline(cell.trim()))
        .collect()
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        return Some((false, rest));
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(rest) = t[digits..].strip_prefix(". ") {
            return Some((true, rest));
        }
    }
    None
}

/// Converts a Markdown document to an HTML fragment.
pub fn to_html(markdown: &str) -> String {
    let lines: Vec<&str> = markdown.lines().collect();
    let mut html = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            i += 1;
        } else if trimmed.starts_with("```") {
            let mut code = Vec::new();
            i += 1;
            while i < lines.len() && !lines[i].trim_start().starts_with("```") {
                code.push(lines[i]);
                i += 1;
            }
            i += 1;
            html.push_str(&format!(
                "<pre><code>{}</code></pre>\n",
                escape(&code.join("\n"))
            ));
        } else if let Some(level) =
            (1..=6).find(|&n| trimmed.starts_with(&"#".repeat(n)) && trimmed[n..].starts_with(' '))
        {
            let text = trimmed[level + 1..].trim();
            let id: String = text
                .to_lowercase()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            html.push_str(&format!(
                "<h{level} id=\"{}\">{}</h{level}>\n",
                id.trim_matches('-'),
                inline(text)
            ));
            i += 1;
        } else if trimmed.starts_with('|') && lines.get(i + 1).is_some_and(|l| is_rule(l)) {
            html.push_str("<div class=\"table-wrap\"><table><thead><tr>");
            for cell in table_row(trimmed) {
                html.push_str(&format!("<th scope=\"col\">{cell}</th>"));
            }
            html.push_str("</tr></thead><tbody>");
            i += 2;
            while i < lines.len() && lines[i].trim().starts_with('|') {
                html.push_str("<tr>");
                for cell in table_row(lines[i]) {
                    html.push_str(&format!("<td>{cell}</td>"));
                }
                html.push_str("</tr>");
                i += 1;
            }
            html.push_str("</tbody></table></div>\n");
        } else if let Some(first) = trimmed.strip_prefix("> ") {
            let mut quote = vec![first];
            i += 1;
            while let Some(next) = lines.get(i).and_then(|l| l.trim().strip_prefix("> ")) {
                quote.push(next);
                i += 1;
            }
            html.push_str(&format!(
                "<blockquote><p>{}</p></blockquote>\n",
                inline(&quote.join(" "))
            ));
        } else if let Some((ordered, _)) = list_item(line) {
            let tag = if ordered { "ol" } else { "ul" };
            html.push_str(&format!("<{tag}>"));
            while i < lines.len() {
                match list_item(lines[i]) {
                    Some((o, text)) if o == ordered => {
                        let mut item = text.to_owned();
                        i += 1;
                        // Continuation lines are indented under the item.
                        while i < lines.len()
                            && lines[i].starts_with("  ")
                            && list_item(lines[i]).is_none()
                        {
                            item.push(' ');
                            item.push_str(lines[i].trim());
                            i += 1;
                        }
                        html.push_str(&format!("<li>{}</li>", inline(&item)));
                    }
                    _ => break,
                }
            }
            html.push_str(&format!("</{tag}>\n"));
        } else {
            let mut paragraph = vec![trimmed];
            i += 1;
            while i < lines.len() {
                let next = lines[i].trim();
                if next.is_empty()
                    || next.starts_with('#')
                    || next.starts_with("```")
                    || next.starts_with('|')
                    || list_item(lines[i]).is_some()
                {
                    break;
                }
                paragraph.push(next);
                i += 1;
            }
            html.push_str(&format!("<p>{}</p>\n", inline(&paragraph.join(" "))));
        }
    }
    html
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
        assert!(html.contains("<ul><li>one</li><li>two continued</li></ul>"));
        assert!(html.contains("<ol><li>first</li><li>second</li></ol>"));
        assert!(html.contains("<th scope=\"col\">a</th>") && html.contains("<td>2</td>"));
        assert!(html.contains("<pre><code>x &lt; y</code></pre>"));
    }

    #[test]
    fn images_and_quotes() {
        let html = to_html("![A \"chart\"](c.svg)\n\n> Cite\n> this.\n");
        assert!(
            html.contains("<img src=\"c.svg\" alt=\"A &quot;chart&quot;\">"),
            "{html}"
        );
        assert!(
            html.contains("<blockquote><p>Cite this.</p></blockquote>"),
            "{html}"
        );
    }

    #[test]
    fn arithmetic_is_not_emphasis() {
        assert_eq!(inline("a * b * c"), "a * b * c");
        assert_eq!(inline("2 < 3"), "2 &lt; 3");
    }
}
