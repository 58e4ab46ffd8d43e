//! The share panel and the embed's way out, as HTML, and the embed code
//! the panel hands out: an iframe plus a few lines of script that size it
//! to the page inside. Plain strings, so they are tested natively; the
//! page sets them as HTML, which costs far less download than view code.
//! The escaping and the iframe come from [`crate::html`].

use super::Part;
use crate::html::{escape, iframe};
use crate::i18n::Catalog;

/// Rough heights of each part in px at a column's width, in page order,
/// and of the link at the foot: the iframe's height until the page inside
/// reports its own (or for good, where a host strips the script).
const HEIGHTS: [u32; 6] = [420, 520, 1600, 720, 780, 720];
const FOOT: u32 = 60;

/// The iframe's starting height for an embed of `show` (empty: every part).
pub fn height(show: &[Part]) -> u32 {
    Part::ALL
        .iter()
        .zip(HEIGHTS)
        .filter(|(p, _)| show.is_empty() || show.contains(p))
        .map(|(_, h)| h)
        .sum::<u32>()
        + FOOT
}

/// Adds `part` to `show` or takes it out, keeping page order.
pub fn toggle(show: &mut Vec<Part>, part: Part) {
    if let Some(i) = show.iter().position(|p| *p == part) {
        show.remove(i);
    } else {
        show.push(part);
        *show = Part::ALL.into_iter().filter(|p| show.contains(p)).collect();
    }
}

/// The embed code for the page at `src` (an embed link), served from
/// `origin`: a lazy iframe, and a script that sets its height from the
/// page's pym.js-format height messages. The script takes only messages
/// from `origin`, sent by one of the host's own iframes, in exactly that
/// format, and clamps the height; it reads nothing else.
pub fn embed_code(src: &str, origin: &str, title: &str, height: u32) -> String {
    // The origin is scheme, host and port: nothing that needs escaping in
    // a script, but Debug quoting keeps a surprise from breaking out.
    let origin: String = format!("{origin:?}").replace('<', "\\u003c");
    format!(
        "{}\n\
         <script>addEventListener(\"message\",function(e){{var m=e.origin=={origin}&&typeof e.data==\"string\"&&\
         /^pymxPYMx[\\w.:-]+xPYMxheightxPYMx(\\d{{1,6}})$/.exec(e.data),f=document.getElementsByTagName(\"iframe\"),i=0;\
         for(;m&&i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.min(Math.max(m[1],50),2e4)+\"px\"}})</script>",
        iframe(src, title, height),
    )
}

/// The share panel's content (inside its `<details>`): the link and the
/// embed code in read-only fields with their copy buttons (`data-copy`),
/// the parts to embed as checkboxes (`data-part`), and an empty status
/// line (`share-status`).
pub fn panel_html(t: &Catalog, url: &str, code: &str, parts: &[Part]) -> String {
    let e = |key: &str| escape(t.get(key));
    let boxes: String = Part::ALL
        .iter()
        .map(|p| {
            format!(
                "<label class=\"toggle\"><input type=\"checkbox\" data-part=\"{}\"{}>{}</label>",
                p.id(),
                if parts.contains(p) { " checked" } else { "" },
                e(&format!("share.part.{}", p.id())),
            )
        })
        .collect();
    format!(
        "<label for=\"share-link\">{}</label><input id=\"share-link\" readonly value=\"{}\">\
         <button type=\"button\" data-copy=\"link\">{}</button>\
         <fieldset class=\"toggles\"><legend>{}</legend>{boxes}</fieldset>\
         <label for=\"share-code\">{}</label><textarea id=\"share-code\" readonly rows=\"5\">{}</textarea>\
         <button type=\"button\" data-copy=\"code\">{}</button>\
         <p class=\"hint\" id=\"share-status\" aria-live=\"polite\"></p><p>{}</p>",
        e("share.link"),
        escape(url),
        e("share.copy_link"),
        e("share.parts"),
        e("share.code"),
        escape(code),
        e("share.copy_code"),
        // Catalogue HTML: a link to the teacher guide in the page's language.
        t.fill("share.teach", &[("lang", t.lang().code())]),
    )
}

/// The embed's way out: a link to `href` (the same state in the full
/// explorer), in a new tab.
pub fn full_link_html(t: &Catalog, href: &str) -> String {
    format!(
        "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{} <span class=\"visually-hidden\">{}</span></a>",
        escape(href),
        escape(t.get("embed.open")),
        escape(t.get("embed.new_tab")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_code_is_an_iframe_and_a_guarded_script() {
        let code = embed_code(
            "https://example.org/rl/?mo=-0.2&embed=1",
            "https://example.org",
            "Red \"Lines\" <b>",
            1200,
        );
        assert!(code.starts_with(
            "<iframe src=\"https://example.org/rl/?mo=-0.2&amp;embed=1\" \
             title=\"Red &quot;Lines&quot; &lt;b&gt;\" width=\"100%\" height=\"1200\" \
             loading=\"lazy\" style=\"border:0\"></iframe>\n<script>"
        ));
        assert!(code.ends_with("</script>"));
        assert!(code.contains("e.origin==\"https://example.org\""), "{code}");
        assert!(code.contains("contentWindow===e.source"));
        assert!(code.contains("(\\d{1,6})$/"), "{code}");
        assert_eq!(code.matches("<script").count(), 1);
        let hostile = embed_code("x", "\"</script><script>alert(1)//", "t", 1);
        assert_eq!(hostile.matches("<script").count(), 1, "{hostile}");
    }

    #[test]
    fn panel_and_link_are_escaped_html() {
        let t = Catalog::english();
        let html = panel_html(
            &t,
            "https://x.org/?a=1&b=\"2\"",
            "<iframe src=\"a&amp;b\"></iframe>",
            &[Part::Chasm],
        );
        assert!(
            html.starts_with("<label for=\"share-link\">Link to this view</label>"),
            "{html}"
        );
        assert!(
            html.ends_with(
                "<p>Teaching with this page: <a href=\"teach-en.html\">the teacher guide</a>.</p>"
            ),
            "{html}"
        );
        assert!(
            html.contains("value=\"https://x.org/?a=1&amp;b=&quot;2&quot;\""),
            "{html}"
        );
        assert!(
            html.contains(">&lt;iframe src=&quot;a&amp;amp;b&quot;&gt;&lt;/iframe&gt;</textarea>"),
            "{html}"
        );
        assert!(
            html.contains("data-part=\"chasm\" checked>The chasm map<"),
            "{html}"
        );
        assert!(html.contains("data-part=\"levers\">The levers<"), "{html}");
        assert!(html.contains("aria-live=\"polite\"></p>"), "{html}");
        // Every catalogue key it uses exists.
        assert!(!html.contains("share."), "{html}");
        let link = full_link_html(&t, "https://x.org/?a=1&b=2");
        assert_eq!(
            link,
            "<a href=\"https://x.org/?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener\">\
             Open the full explorer <span class=\"visually-hidden\">(opens in a new tab)</span></a>"
        );
    }

    #[test]
    fn heights_and_parts() {
        assert_eq!(height(&[]), 4820);
        assert_eq!(height(&[Part::Headline]), 480);
        let mut show = vec![Part::Chasm];
        toggle(&mut show, Part::Headline);
        assert_eq!(show, [Part::Headline, Part::Chasm]);
        toggle(&mut show, Part::Chasm);
        assert_eq!(show, [Part::Headline]);
    }
}
