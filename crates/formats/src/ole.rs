//! OLE compound files (`D0 CF 11 E0`): Excel 97-2003 workbooks (and WPS .et) are read;
//! Word 97-2003 .doc, WPS .wps and password-protected Office files are named and
//! refused with how to save them in a readable format.

use crate::sheet::{self, Kind};
use crate::{Extracted, FormatError};

pub(crate) const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether the compound file's directory names a stream `name`. Directory entries hold
/// their names in UTF-16LE; looking for the encoded name is enough to tell the kinds
/// apart without parsing the sector chains.
fn has_stream(bytes: &[u8], name: &str) -> bool {
    let mut encoded: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    // The name ends with a UTF-16 NUL: `Book` must not match `Bookmarks`.
    encoded.extend([0, 0]);
    // Directory entry names start at a 128-byte boundary.
    bytes
        .chunks(128)
        .any(|entry| entry.len() >= encoded.len() && entry.starts_with(&encoded))
}

pub(crate) fn read(bytes: &[u8], file: &str, extension: &str) -> Result<Extracted, FormatError> {
    if has_stream(bytes, "EncryptedPackage") || has_stream(bytes, "EncryptionInfo") {
        let kind = match extension {
            "xlsx" | "xls" | "et" => "Excel 工作簿",
            "docx" | "doc" | "wps" => "Word 文档",
            _ => "Office 文件",
        };
        return Err(FormatError::new(
            file,
            format!(
                "这个 {kind} 设了打开密码(已加密),无法读取;请在 WPS 或 Office 中打开,清除密码(文件 → 信息 → 保护/文档加密)后另存为 .docx 或 .xlsx 再导入"
            ),
        ));
    }
    if has_stream(bytes, "Workbook") || has_stream(bytes, "Book") {
        return sheet::read(bytes, file, Kind::Xls);
    }
    if has_stream(bytes, "WordDocument") {
        let named = if extension == "wps" {
            "WPS 文字文档(.wps)"
        } else {
            "Word 97-2003 文档(.doc)"
        };
        return Err(FormatError::new(
            file,
            format!(
                "这是 {named},旧格式不能直接导入;请在 WPS 或 Word 中打开,选择“另存为”→“Word 文档(*.docx)”,再导入 .docx 文件"
            ),
        ));
    }
    if has_stream(bytes, "PowerPoint Document") {
        return Err(FormatError::new(
            file,
            "这是 PowerPoint 演示文稿(.ppt),不是任务表格或报告;请导入 Word 或 Excel 文件",
        ));
    }
    if extension == "wps" {
        return Err(FormatError::new(
            file,
            "这是 WPS 文字文档(.wps),不能直接导入;请在 WPS 中打开,选择“另存为”→“Word 文档(*.docx)”,再导入 .docx 文件",
        ));
    }
    Err(FormatError::new(
        file,
        "这是旧版 Office/WPS 复合文档,但认不出是哪一种;请在 WPS 或 Office 中打开后另存为 .docx(文档)或 .xlsx(表格)再导入",
    ))
}
