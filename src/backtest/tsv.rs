//! Reading the project's data tables: tab-separated text, one record a
//! line, whose first line names the columns. Any editor or spreadsheet
//! can open and extend them, and no crate is needed to read them.
//!
//! Plain std with no crate paths, so that `build.rs` can use it too.

/// The records of a table: every line after the first (the column names)
/// that is not blank.
pub fn records(table: &'static str) -> impl Iterator<Item = &'static str> {
    table.lines().skip(1).filter(|l| !l.trim().is_empty())
}

/// One record's `N` cells, each trimmed, or how many it has instead.
pub fn cells<const N: usize>(line: &'static str) -> Result<[&'static str; N], String> {
    let cells: Vec<&'static str> = line.split('\t').map(str::trim).collect();
    let found = cells.len();
    cells
        .try_into()
        .map_err(|_| format!("{found} cells, not {N}"))
}
