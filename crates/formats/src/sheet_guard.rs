//! Checks before a workbook is given to calamine, which sizes some allocations from
//! what the file claims: the used range of a sheet (every cell between the first and the
//! last is allocated), the count of shared strings, the DIMENSIONS record of an .xls. A
//! hostile or damaged file claiming billions of cells would make the allocation fail,
//! which aborts the process (natively and in wasm) instead of returning an error.

use crate::xml::attr;
use crate::zipped::Archive;
use crate::FormatError;
use quick_xml::events::Event;
use quick_xml::Reader;

/// More cells than this in one sheet's used range is no task table: refused before
/// calamine allocates them (2 million cells, e.g. 20 000 rows × 100 columns).
pub(crate) const MAX_SHEET_CELLS: u64 = 2_000_000;

fn too_large(file: &str, place: String, rows: u64, columns: u64) -> FormatError {
    FormatError::at(
        file,
        place,
        format!(
            "工作表的使用范围有 {rows} 行 × {columns} 列,远超任务表格的大小(文件可能已损坏,或在很远的单元格里有内容);请在 WPS 或 Excel 中删除多余的行列后另存为 .xlsx 再导入"
        ),
    )
}

/// `AB12` → (row 12, column 28), both 1-based.
fn cell_reference(reference: &str) -> Option<(u64, u64)> {
    let letters = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .count();
    let (column_part, row_part) = reference.split_at(letters);
    let mut column = 0u64;
    for c in column_part.chars() {
        column = column
            .checked_mul(26)?
            .checked_add(u64::from(c.to_ascii_uppercase() as u8 - b'A' + 1))?;
    }
    let row = row_part.parse().ok()?;
    Some((row, column))
}

/// Used range and shared-string count of every worksheet part of an .xlsx.
pub(crate) fn check_xlsx(archive: &mut Archive<'_>, file: &str) -> Result<(), FormatError> {
    if let Some(strings) = archive.read("xl/sharedStrings.xml")? {
        let head = String::from_utf8_lossy(&strings[..strings.len().min(4096)]).into_owned();
        let count = head
            .split("uniqueCount=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|n| n.trim().parse::<u64>().ok());
        // Each string takes at least `<si><t/></si>` in the part.
        if count.is_some_and(|n| n > strings.len() as u64 / 10 + 1_000) {
            return Err(FormatError::at(
                file,
                "xl/sharedStrings.xml",
                "共享字符串的数量与内容不符,文件已损坏;请用 WPS 或 Excel 打开后另存为 .xlsx 再导入",
            ));
        }
    }
    let sheets: Vec<String> = archive
        .names()
        .iter()
        .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
        .cloned()
        .collect();
    for sheet in sheets {
        let Some(bytes) = archive.read(&sheet)? else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let mut reader = Reader::from_str(&text);
        let (mut low, mut high) = ((u64::MAX, u64::MAX), (0u64, 0u64));
        loop {
            let event = match reader.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(event) => event,
            };
            let (Event::Start(e) | Event::Empty(e)) = event else {
                continue;
            };
            let position = match e.local_name().as_ref() {
                "c" => attr(&e, "r").and_then(|r| cell_reference(&r)),
                "row" => attr(&e, "r")
                    .and_then(|r| r.parse().ok())
                    .map(|row| (row, 1)),
                _ => None,
            };
            if let Some((row, column)) = position {
                low = (low.0.min(row), low.1.min(column));
                high = (high.0.max(row), high.1.max(column));
            }
        }
        if high.0 >= low.0 && high.1 >= low.1 {
            let (rows, columns) = (high.0 - low.0 + 1, high.1 - low.1 + 1);
            if rows.saturating_mul(columns) > MAX_SHEET_CELLS {
                return Err(too_large(file, sheet, rows, columns));
            }
        }
    }
    Ok(())
}

/// The DIMENSIONS records of an .xls (type 0x0200; BIFF8: 14 bytes, BIFF5: 10 bytes),
/// read by walking the records that follow each BOF record (0x0809) in the file's bytes:
/// the workbook stream of a file this size lies in consecutive sectors, so its records
/// can be walked in place. A walk stops at EOF (0x000A) or at a length no record has.
pub(crate) fn check_xls(bytes: &[u8], file: &str) -> Result<(), FormatError> {
    let u16_at = |at: usize| u64::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    let u32_at = |at: usize| {
        u64::from(u32::from_le_bytes([
            bytes[at],
            bytes[at + 1],
            bytes[at + 2],
            bytes[at + 3],
        ]))
    };
    /// The longest record BIFF8 writes (8224 bytes of data).
    const MAX_RECORD: usize = 8224;
    let starts = (0..bytes.len().saturating_sub(4)).filter(|&at| {
        bytes[at] == 0x09 && bytes[at + 1] == 0x08 && matches!(bytes[at + 2], 8 | 16)
    });
    for start in starts {
        let mut at = start;
        while at + 4 <= bytes.len() {
            let typ = u16_at(at);
            let len = u16_at(at + 2) as usize;
            let body = at + 4;
            if len > MAX_RECORD || body + len > bytes.len() {
                break;
            }
            if typ == 0x0200 {
                let (rows, columns) = match len {
                    14 => (
                        u32_at(body + 4).saturating_sub(u32_at(body)),
                        u16_at(body + 10).saturating_sub(u16_at(body + 8)),
                    ),
                    10 => (
                        u16_at(body + 2).saturating_sub(u16_at(body)),
                        u16_at(body + 6).saturating_sub(u16_at(body + 4)),
                    ),
                    _ => (0, 0),
                };
                if (rows + 1).saturating_mul(columns + 1) > MAX_SHEET_CELLS {
                    return Err(too_large(
                        file,
                        "DIMENSIONS 记录".into(),
                        rows + 1,
                        columns + 1,
                    ));
                }
            }
            if typ == 0x000A {
                break;
            }
            at = body + len;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(cell_reference("A1"), Some((1, 1)));
        assert_eq!(cell_reference("AB12"), Some((12, 28)));
        assert_eq!(cell_reference("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_reference("1"), Some((1, 0)));
        assert_eq!(cell_reference("A"), None);
    }

    #[test]
    fn an_xls_claiming_a_huge_range_is_refused() {
        // BOF, then DIMENSIONS: rows 0..1 000 000, columns 0..200.
        let mut bytes = vec![0u8; 64];
        bytes.extend([0x09, 0x08, 16, 0x00]);
        bytes.extend([0u8; 16]);
        bytes.extend([0x00, 0x02, 14, 0x00]);
        bytes.extend(0u32.to_le_bytes());
        bytes.extend(1_000_000u32.to_le_bytes());
        bytes.extend(0u16.to_le_bytes());
        bytes.extend(200u16.to_le_bytes());
        bytes.extend([0, 0]);
        assert!(check_xls(&bytes, "a.xls").is_err());
        let ordinary: Vec<u8> = [0x09, 0x08, 16, 0x00]
            .into_iter()
            .chain([0u8; 16])
            .chain([0x00, 0x02, 14, 0x00])
            .chain(0u32.to_le_bytes())
            .chain(12u32.to_le_bytes())
            .chain(0u16.to_le_bytes())
            .chain(5u16.to_le_bytes())
            .chain([0, 0])
            .collect();
        assert!(check_xls(&ordinary, "a.xls").is_ok());
    }
}
