//! The numbers behind each chart as a table: the "show as table" view for
//! readers who cannot or prefer not to read a chart, as escaped HTML.

use super::escape;

/// A table whose first column holds row headers.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn to_html(&self) -> String {
        let mut html = format!(
            "<table><caption>{}</caption><thead><tr>",
            escape(&self.caption)
        );
        for h in &self.head {
            html.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
        }
        html.push_str("</tr></thead><tbody>");
        for row in &self.rows {
            html.push_str("<tr>");
            for (k, cell) in row.iter().enumerate() {
                if k == 0 {
                    html.push_str(&format!("<th scope=\"row\">{}</th>", escape(cell)));
                } else {
                    html.push_str(&format!("<td>{}</td>", escape(cell)));
                }
            }
            html.push_str("</tr>");
        }
        html.push_str("</tbody></table>");
        html
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
