//! The screen widths the Rust code shares with the style sheet.
//!
//! The layout itself lives in style/main.css. Where code has to act on the
//! same widths (scrolling a story step into view only in the one-column
//! layout, drawing the chasm map no wider than it is shown), it takes them
//! from here, never from a number of its own, and the tests below read the
//! CSS and fail if a rule and its constant drift apart. Change both
//! together.

/// The narrowest window that shows two columns, the levers beside the
/// results; below it the page is one column.
/// Mirrors `@media (min-width: 900px)` (the `.layout` grid) in style/main.css.
pub const TWO_COLUMNS_MIN_WIDTH: f64 = 900.0;

/// The widest the square chasm map is shown, in CSS pixels: drawing it
/// wider would only shrink its text.
/// Mirrors `#fig-chasm .chart svg { max-width: 560px }` in style/main.css.
pub const CHASM_MAX_WIDTH: u32 = 560;

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = include_str!("../style/main.css");

    /// The body of the first block that `opening` (a selector or an
    /// at-rule, up to its `{`) opens, up to the brace that closes it.
    fn block<'a>(css: &'a str, opening: &str) -> Option<&'a str> {
        let start = css.find(&format!("{opening} {{"))? + opening.len() + 2;
        let mut depth = 1;
        for (i, c) in css[start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(&css[start..start + i]);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The pixel value of `property` in a declaration block.
    fn px(body: &str, property: &str) -> Option<f64> {
        let after = body.split(&format!("{property}:")).nth(1)?;
        after.trim_start().split("px").next()?.trim().parse().ok()
    }

    #[test]
    fn two_columns_start_where_the_style_sheet_says() {
        let query = format!("@media (min-width: {TWO_COLUMNS_MIN_WIDTH}px)");
        let body = block(CSS, &query).unwrap_or_else(|| {
            panic!("style/main.css has no `{query}`: update layout::TWO_COLUMNS_MIN_WIDTH")
        });
        assert!(
            block(body, ".layout").is_some_and(|l| l.contains("grid-template-columns")),
            "`{query}` no longer lays out `.layout` in columns: {body}"
        );
        // And no other width query sets the columns.
        let layouts = CSS
            .match_indices("@media (min-width:")
            .filter(|(i, _)| {
                let rest = &CSS[*i..];
                let opening = &rest[..rest.find('{').unwrap_or(0)];
                block(rest, opening.trim_end()).is_some_and(|b| b.contains(".layout"))
            })
            .count();
        assert_eq!(layouts, 1, "more than one width query lays out the columns");
    }

    #[test]
    fn the_chasm_map_is_drawn_as_wide_as_it_is_shown() {
        let body = block(CSS, "#fig-chasm .chart svg").unwrap_or_default();
        assert_eq!(
            px(body, "max-width"),
            Some(f64::from(CHASM_MAX_WIDTH)),
            "style/main.css: #fig-chasm .chart svg {{{body}}}"
        );
    }

    #[test]
    fn the_css_reader_finds_blocks_and_pixels() {
        let css = "@media (min-width: 10px) { .a { b: 1px; } .c { d: 2px } }";
        let media = block(css, "@media (min-width: 10px)").unwrap_or_default();
        assert_eq!(px(block(media, ".c").unwrap_or_default(), "d"), Some(2.0));
        assert_eq!(block(css, ".x"), None);
    }
}
