//! The one CSV writer of planboard (the 任务 export here, the notes export in
//! planboard-notes): RFC 4180 quoting, CRLF line ends, and a guard against spreadsheet
//! formulas. Hand-written because quoting and the guard are the whole writer, and a
//! crate would add wasm size for nothing.

/// The byte-order mark a spreadsheet file starts with: without it Excel reads UTF-8
/// Chinese as mojibake.
pub const BOM: char = '\u{feff}';

/// Appends one row: cells separated by commas, ended by CRLF.
pub fn push_row<'a>(csv: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (index, cell) in cells.into_iter().enumerate() {
        if index > 0 {
            csv.push(',');
        }
        push_cell(csv, cell);
    }
    csv.push_str("\r\n");
}

/// One cell. Quoted when it holds a comma, quote or line break (quotes doubled). A cell
/// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets
/// a leading `'`, so text stays text in Excel too — the OWASP advice against CSV
/// injection.
pub fn push_cell(csv: &mut String, cell: &str) {
    let formula_like = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = formula_like || cell.contains([',', '"', '\n', '\r']);
    if needs_quotes {
        csv.push('"');
    }
    if formula_like {
        csv.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            csv.push('"');
        }
        csv.push(c);
    }
    if needs_quotes {
        csv.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it_and_guards_formulas() {
        let mut csv = String::new();
        push_row(
            &mut csv,
            ["plain", "a,b", "say \"hi\"", "two\nlines", "=1+1"],
        );
        assert_eq!(
            csv,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"'=1+1\"\r\n"
        );
    }
}
