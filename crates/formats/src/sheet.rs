//! Excel workbooks (.xlsx, .xls, and WPS's .et, which is one of the two inside) through
//! calamine: the sheet holding the table, merged cells filled as they are read, numbers
//! and dates as a person sees them.

use crate::grid::Grid;
use crate::{Extracted, Format, FormatError, Lines, Skipped};
use calamine::{Data, Dimensions, Range, Reader, Xls, XlsError, Xlsx, XlsxError};
use std::io::Cursor;

/// Which workbook format to open.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Xlsx,
    Xls,
}

/// Words that announce a task table's header row.
const HEADER_WORDS: [&str; 10] = [
    "序号", "任务", "工作", "单位", "领导", "完成", "进展", "措施", "目标", "责任",
];

/// Rows past this in one sheet are not read: a table of tasks is not a ledger.
const MAX_ROWS: u32 = 20_000;
const MAX_COLUMNS: u32 = 256;

struct SheetRows {
    name: String,
    /// Excel's own 1-based number of the first grid row.
    first_row: u32,
    grid: Grid,
    filled_rows: usize,
    has_header: bool,
}

pub(crate) fn read(bytes: &[u8], file: &str, kind: Kind) -> Result<Extracted, FormatError> {
    let sheets = match kind {
        Kind::Xlsx => read_xlsx(bytes, file)?,
        Kind::Xls => read_xls(bytes, file)?,
    };
    let format = match kind {
        Kind::Xlsx => Format::Xlsx,
        Kind::Xls => Format::Xls,
    };
    choose(sheets, file, format)
}

fn read_xlsx(bytes: &[u8], file: &str) -> Result<Vec<SheetRows>, FormatError> {
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| xlsx_error(file, e))?;
    let names = visible_sheets(workbook.sheets_metadata());
    let mut sheets = Vec::new();
    for name in names {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| sheet_error(file, &name, &e))?;
        let merges = workbook
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| sheet_error(file, &name, &e))?;
        sheets.push(sheet_rows(name, &range, &merges));
    }
    Ok(sheets)
}

fn read_xls(bytes: &[u8], file: &str) -> Result<Vec<SheetRows>, FormatError> {
    let mut workbook: Xls<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| xls_error(file, e))?;
    let names = visible_sheets(workbook.sheets_metadata());
    let mut sheets = Vec::new();
    for name in names {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| sheet_error(file, &name, &e))?;
        let merges = workbook
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default();
        sheets.push(sheet_rows(name, &range, &merges));
    }
    Ok(sheets)
}

fn visible_sheets(metadata: &[calamine::Sheet]) -> Vec<String> {
    metadata
        .iter()
        .filter(|sheet| sheet.typ == calamine::SheetType::WorkSheet)
        .map(|sheet| sheet.name.clone())
        .collect()
}

/// The table's sheet is the one with a header row of task-table words; failing that,
/// the one with the most filled rows. The others are accounted as not read.
fn choose(sheets: Vec<SheetRows>, file: &str, format: Format) -> Result<Extracted, FormatError> {
    let best = sheets
        .iter()
        .enumerate()
        .filter(|(_, sheet)| sheet.filled_rows > 0)
        .max_by_key(|(index, sheet)| (sheet.has_header, sheet.filled_rows, usize::MAX - index))
        .map(|(index, _)| index);
    let Some(best) = best else {
        return Err(FormatError::new(
            file,
            "工作簿的每张工作表都是空的,没有可导入的内容",
        ));
    };
    let mut skipped = Vec::new();
    let mut lines = Lines::default();
    for (index, sheet) in sheets.into_iter().enumerate() {
        let place = format!("工作表“{}”", sheet.name);
        if index == best {
            let first_row = sheet.first_row;
            sheet.grid.write(&mut lines, |row| {
                format!("{place}第 {} 行", first_row as usize + row)
            });
        } else if sheet.filled_rows == 0 {
            skipped.push(Skipped {
                place,
                what: "空工作表".into(),
            });
        } else {
            skipped.push(Skipped {
                place,
                what: format!(
                    "另一张工作表,{} 行未导入(只导入放任务表格的那张;如需导入请另存为单独的文件)",
                    sheet.filled_rows
                ),
            });
        }
    }
    Ok(lines.finish(format, None, skipped))
}

/// The sheet's cells with merged areas filled: the text of a merge down over rows is
/// repeated in each row (a leader merged over five tasks leads all five); a merge across
/// columns keeps its text in the first column so the others stay under their headers.
fn sheet_rows(name: String, range: &Range<Data>, merges: &[Dimensions]) -> SheetRows {
    let (Some(start), Some(end)) = (range.start(), range.end()) else {
        return SheetRows {
            name,
            first_row: 1,
            grid: Grid::default(),
            filled_rows: 0,
            has_header: false,
        };
    };
    let last_row = end.0.min(start.0.saturating_add(MAX_ROWS));
    let last_column = end.1.min(start.1.saturating_add(MAX_COLUMNS));
    let mut rows: Vec<Vec<String>> = (start.0..=last_row)
        .map(|row| {
            (start.1..=last_column)
                .map(|column| {
                    range
                        .get_value((row, column))
                        .map(shown)
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    for merge in merges {
        let (top, left) = merge.start;
        if top < start.0 || left < start.1 || top > last_row || left > last_column {
            continue;
        }
        let column = (left - start.1) as usize;
        let text = rows[(top - start.0) as usize][column].clone();
        for row in top + 1..=merge.end.0.min(last_row) {
            if let Some(cell) = rows[(row - start.0) as usize].get_mut(column) {
                if cell.is_empty() {
                    *cell = text.clone();
                }
            }
        }
    }
    let filled_rows = rows
        .iter()
        .filter(|row| row.iter().any(|cell| !cell.trim().is_empty()))
        .count();
    let has_header = rows.iter().take(10).any(|row| {
        let words = row
            .iter()
            .filter(|cell| cell.chars().count() <= 12)
            .filter(|cell| HEADER_WORDS.iter().any(|word| cell.contains(word)))
            .count();
        words >= 2
    });
    SheetRows {
        name,
        first_row: start.0 + 1,
        grid: Grid::from_rows(rows),
        filled_rows,
        has_header,
    }
}

/// A cell as Excel shows it: whole numbers without `.0`, dates as dates.
fn shown(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => float_text(*number),
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        Data::DateTime(date) if date.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year}年{month}月{day}日")
            } else {
                format!("{year}年{month}月{day}日 {hour:02}:{minute:02}")
            }
        }
        Data::DateTime(duration) => float_text(duration.as_f64()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
    }
}

fn float_text(number: f64) -> String {
    if number.is_finite() && number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        // Binary floats print as 0.30000000000000004; Excel shows 15 significant digits.
        let text = format!("{number:.10}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        text.to_string()
    }
}

const RESAVE: &str = "请用 WPS 或 Excel 打开后另存为 .xlsx 再导入";

fn password(file: &str) -> FormatError {
    FormatError::new(
        file,
        "这个 Excel 文件设了打开密码(已加密),无法读取;请在 WPS 或 Excel 中打开,取消密码(文件 → 信息/文档加密 → 清除密码)后另存为 .xlsx 再导入",
    )
}

fn xlsx_error(file: &str, error: XlsxError) -> FormatError {
    match error {
        XlsxError::Password => password(file),
        XlsxError::Xml(e) => {
            FormatError::new(file, format!("工作簿中的 XML 格式错误({e});{RESAVE}"))
        }
        other => FormatError::new(file, format!("无法读取这个 Excel 工作簿({other});{RESAVE}")),
    }
}

fn xls_error(file: &str, error: XlsError) -> FormatError {
    match error {
        XlsError::Password => password(file),
        other => FormatError::new(
            file,
            format!("无法读取这个 Excel 97-2003 工作簿(.xls/.et)({other});{RESAVE}"),
        ),
    }
}

fn sheet_error(file: &str, sheet: &str, error: &dyn std::fmt::Display) -> FormatError {
    FormatError::at(
        file,
        format!("工作表“{sheet}”"),
        format!("无法读取这张工作表({error});{RESAVE}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_shown() {
        assert_eq!(float_text(1.0), "1");
        assert_eq!(float_text(6.3), "6.3");
        assert_eq!(float_text(0.1 + 0.2), "0.3");
        assert_eq!(float_text(f64::NAN), "NaN");
    }
}
