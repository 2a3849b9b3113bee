//! A table as a person reads it, whatever file it came from: merged cells filled into
//! every row they cover, spans keeping columns aligned with the header, then written in
//! the importer's `| cell | cell |` form.

use crate::Lines;

/// One cell as a file states it, before merges are resolved.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawCell {
    pub text: String,
    /// Grid columns it covers (Word `gridSpan`, HTML `colspan`); at least 1.
    pub col_span: usize,
    /// Rows it covers downwards (HTML `rowspan`); 1 for a plain cell.
    pub row_span: usize,
    /// Word's `vMerge` continuation: this cell shows the value of the cell above.
    pub continues_above: bool,
}

impl RawCell {
    pub(crate) fn new(text: String) -> Self {
        RawCell {
            text,
            col_span: 1,
            row_span: 1,
            continues_above: false,
        }
    }
}

/// Most grid columns a table may claim: a `colspan="100000"` must not allocate a
/// hundred thousand cells per row.
const MAX_COLUMNS: usize = 256;
/// Most rows one `rowspan` may reach down.
const MAX_ROW_SPAN: usize = 10_000;

/// Rows of resolved cells: `rows[r][c]` is the text a reader sees at row r, column c.
/// Rows are kept with their position so places name the row as the file counts it.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    rows: Vec<Vec<String>>,
}

impl Grid {
    /// Resolves `raw` rows: spans widen a row (the text in the first column it covers,
    /// the others empty so later columns stay under their header), `rowspan` and
    /// `vMerge` repeat the text in each row they cover (a leader merged down over five
    /// rows is the leader of all five).
    pub(crate) fn resolve(raw: Vec<Vec<RawCell>>) -> Grid {
        let mut rows: Vec<Vec<String>> = Vec::with_capacity(raw.len());
        // Cells still reaching down from a rowspan above: column → (text, rows left).
        let mut pending: Vec<Option<(String, usize)>> = Vec::new();
        for raw_row in raw {
            let mut row: Vec<String> = Vec::new();
            let mut column = 0usize;
            let mut cells = raw_row.into_iter().peekable();
            loop {
                // A rowspan from above occupies this column first.
                if let Some(Some((text, left))) = pending.get_mut(column) {
                    row.push(text.clone());
                    *left -= 1;
                    if *left == 0 {
                        pending[column] = None;
                    }
                    column += 1;
                    continue;
                }
                let Some(cell) = cells.next() else { break };
                if column >= MAX_COLUMNS {
                    break;
                }
                let span = cell.col_span.clamp(1, MAX_COLUMNS - column);
                let text = if cell.continues_above {
                    rows.last()
                        .and_then(|above| above.get(column))
                        .cloned()
                        .unwrap_or_default()
                } else {
                    cell.text
                };
                let reach = cell.row_span.clamp(1, MAX_ROW_SPAN);
                if reach > 1 {
                    if pending.len() < column + span {
                        pending.resize(column + span, None);
                    }
                    pending[column] = Some((text.clone(), reach - 1));
                    for slot in &mut pending[column + 1..column + span] {
                        *slot = Some((String::new(), reach - 1));
                    }
                }
                row.push(text);
                row.extend(std::iter::repeat_n(String::new(), span - 1));
                column += span;
            }
            rows.push(row);
        }
        Grid { rows }
    }

    /// A grid from already resolved rows (a sheet whose merges were filled in place).
    pub(crate) fn from_rows(rows: Vec<Vec<String>>) -> Grid {
        Grid { rows }
    }

    #[cfg(test)]
    pub(crate) fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    /// Writes the table into `lines`. `place_of(i)` names row `i` (0-based) as the file
    /// counts it. Leading rows holding one text (a merged title above the header) become
    /// paragraphs, since they are the table's title, not a row of it; empty rows carry no
    /// text and write nothing.
    pub(crate) fn write(&self, lines: &mut Lines, place_of: impl Fn(usize) -> String) {
        let width = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .rposition(|cell| !cell.trim().is_empty())
                    .map_or(0, |last| last + 1)
            })
            .max()
            .unwrap_or(0);
        let mut in_title = true;
        for (index, row) in self.rows.iter().enumerate() {
            let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
            if filled.is_empty() {
                continue;
            }
            if in_title && filled.len() == 1 && width > 1 {
                lines.push(place_of(index), &clean_cell(filled[0]));
                continue;
            }
            in_title = false;
            let mut line = String::from("|");
            for column in 0..width {
                let cell = row.get(column).map(|c| clean_cell(c)).unwrap_or_default();
                line.push(' ');
                line.push_str(&cell);
                if !cell.is_empty() {
                    line.push(' ');
                }
                line.push('|');
            }
            lines.push(place_of(index), &line);
        }
    }
}

/// A cell's text on one line: a `|` inside would split the cell in two, line breaks
/// would split the row, runs of spaces are layout.
pub(crate) fn clean_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().chars() {
        let c = match c {
            '|' | '｜' => '/',
            c if c.is_whitespace() && c != '\u{3000}' => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> RawCell {
        RawCell::new(text.to_string())
    }

    #[test]
    fn rowspan_fills_down_and_colspan_keeps_columns() {
        let mut leader = cell("王市长");
        leader.row_span = 3;
        let mut wide = cell("一、目标");
        wide.col_span = 3;
        let grid = Grid::resolve(vec![
            vec![cell("序号"), cell("领导"), cell("单位")],
            vec![wide],
            vec![cell("1"), leader, cell("发改局")],
            vec![cell("2"), cell("财政局")],
            vec![cell("3"), cell("税务局")],
        ]);
        assert_eq!(grid.rows()[1], vec!["一、目标", "", ""]);
        assert_eq!(grid.rows()[3], vec!["2", "王市长", "财政局"]);
        assert_eq!(grid.rows()[4], vec!["3", "王市长", "税务局"]);
    }

    #[test]
    fn vmerge_continuation_takes_the_value_above() {
        let mut continued = cell("");
        continued.continues_above = true;
        let grid = Grid::resolve(vec![
            vec![cell("1"), cell("张副市长")],
            vec![cell("2"), continued.clone()],
            vec![cell("3"), continued],
        ]);
        assert_eq!(grid.rows()[2], vec!["3", "张副市长"]);
    }

    #[test]
    fn title_rows_become_paragraphs_and_rows_get_borders() {
        let grid = Grid::from_rows(vec![
            vec!["2024年任务分解表".into(), "".into()],
            vec!["序号".into(), "任务".into()],
            vec!["1".into(), "a|b".into()],
        ]);
        let mut lines = Lines::default();
        grid.write(&mut lines, |i| format!("第 {} 行", i + 1));
        let out = lines.finish(crate::Format::Xlsx, None, Vec::new());
        assert_eq!(out.text, "2024年任务分解表\n| 序号 | 任务 |\n| 1 | a/b |");
        assert_eq!(out.places, vec!["第 1 行", "第 2 行", "第 3 行"]);
    }

    #[test]
    fn huge_spans_are_bounded() {
        let mut wide = cell("x");
        wide.col_span = usize::MAX;
        wide.row_span = usize::MAX;
        let grid = Grid::resolve(vec![vec![wide], vec![cell("y")]]);
        assert_eq!(grid.rows()[0].len(), MAX_COLUMNS);
    }
}
