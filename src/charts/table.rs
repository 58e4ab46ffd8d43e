//! The numbers behind each chart as a table: the "show as table" view for
//! readers who cannot or prefer not to read a chart, as escaped HTML
//! ([`crate::html::table`] writes it).

/// A table whose first column holds row headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn to_html(&self) -> String {
        crate::html::table(&self.caption, &self.head, &self.rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped_and_rows_have_headers() {
        let table = Table {
            caption: "A & B".into(),
            head: vec!["Month".into(), "Value".into()],
            rows: vec![vec!["0".into(), "<1%".into()]],
        };
        let html = table.to_html();
        assert!(html.contains("<caption>A &amp; B</caption>"));
        assert!(html.contains("<th scope=\"row\">0</th><td>&lt;1%</td>"));
    }
}
