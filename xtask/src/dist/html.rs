//! Which files a page loads, read from its HTML: the `src` of scripts and
//! images and the `href` of links. A small tag and attribute reader rather
//! than an HTML parser: xtask stays quick to build, and Trunk's output,
//! minified or not, is all it reads.

/// The URLs in `src` of `<script>` and `<img>` and in `href` of `<link>`
/// (except icons), in document order. Handles quoted and unquoted
/// attribute values, as minified HTML has both.
pub(super) fn references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let name_end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let tag = rest[..name_end].to_ascii_lowercase();
        let wanted = match tag.as_str() {
            "script" | "img" => "src",
            "link" => "href",
            _ => continue,
        };
        let (attrs, after) = attributes(&rest[name_end..]);
        rest = after;
        if tag == "link" {
            let rel = attrs
                .iter()
                .find(|(k, _)| k == "rel")
                .map(|(_, v)| v.to_ascii_lowercase())
                .unwrap_or_default();
            if rel.split_whitespace().any(|r| r.contains("icon")) {
                continue;
            }
        }
        if let Some((_, value)) = attrs.iter().find(|(k, _)| k == wanted) {
            if !value.is_empty() && !value.starts_with("data:") {
                found.push(value.clone());
            }
        }
    }
    found
}

/// Parses `name=value` pairs up to the end of a tag; returns them (names
/// lower-cased) and the text after the tag's `>`.
fn attributes(text: &str) -> (Vec<(String, String)>, &str) {
    let mut attrs = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return (attrs, rest);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (attrs, after);
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len())
            .max(1);
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, remaining) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = v.to_owned();
            rest = remaining;
        }
        attrs.push((name, value));
    }
}

/// `./app.js?v=1#x` -> `app.js`; `None` for a URL on another host.
pub(super) fn local_name(reference: &str) -> Option<String> {
    if reference.contains("://") || reference.starts_with("//") {
        return None;
    }
    let path = reference.split(['?', '#']).next().unwrap_or("");
    let path = path.trim_start_matches("./").trim_start_matches('/');
    Some(path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_page_loads_in_quoted_and_minified_html() {
        let quoted = r#"<html><head><meta http-equiv="Content-Security-Policy" content="a">
<script type="module" src="./boot-1.js"></script>
<link rel="stylesheet" href="./main-2.css" integrity="sha384-x"/>
<link rel="icon" href="public/favicon.svg" type="image/svg+xml">
<link rel="modulepreload" href="./app-3.js" crossorigin="anonymous">
<link rel="preload" href="./app-3_bg.wasm" as="fetch"></head><body><img src="data:image/png;base64,x"></body></html>"#;
        assert_eq!(
            references(quoted),
            [
                "./boot-1.js",
                "./main-2.css",
                "./app-3.js",
                "./app-3_bg.wasm"
            ]
        );
        let minified = "<!doctype html><html lang=en><script type=module src=./boot-1.js></script>\
<link href=./main-2.css integrity=sha384-x rel=stylesheet><link href=public/favicon.svg rel=icon>\
<link crossorigin href=./app-3.js rel=modulepreload><link as=fetch href='./app-3_bg.wasm?v=2' rel=preload>";
        assert_eq!(
            references(minified),
            [
                "./boot-1.js",
                "./main-2.css",
                "./app-3.js",
                "./app-3_bg.wasm?v=2"
            ]
        );
        assert_eq!(
            local_name("./app-3_bg.wasm?v=2").as_deref(),
            Some("app-3_bg.wasm")
        );
        assert_eq!(local_name("https://cdn.example/x.js"), None);
    }
}
