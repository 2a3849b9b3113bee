//! Which reader a file needs, judged from its first bytes (and, for a zip, the parts
//! inside). The file name only words messages and catches a file saved under another
//! format's extension.

use crate::sheet::{self, Kind};
use crate::zipped::Archive;
use crate::{docx, html, ole, text, Extracted, FormatError};

pub(crate) fn read_detected(bytes: &[u8], file: &str) -> Result<Extracted, FormatError> {
    let extension = extension(file);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read_zip(bytes, file, &extension);
    }
    if bytes.starts_with(&ole::MAGIC) {
        return ole::read(bytes, file, &extension);
    }
    let start = after_bom_and_space(bytes);
    if start.starts_with(b"%PDF")
        || bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Err(FormatError::new(
            file,
            "这是 PDF 文件。命令行导入不读 PDF;请在浏览器的导入页导入(尽力从文字层还原表格,扫描件无法读取),或在 WPS/Word 中打开后另存为 .docx 再导入",
        ));
    }
    if start.starts_with(b"{\\rtf") {
        return Err(FormatError::new(
            file,
            "这是 RTF 格式文档,不能直接导入;请在 WPS 或 Word 中打开,选择“另存为”→“Word 文档(*.docx)”后再导入",
        ));
    }
    if looks_like_markup(start) {
        return html::read(bytes, file);
    }
    // UTF-16 markup shows its `<` only after decoding.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        if let Some(decoded) = text::decode(bytes, None) {
            let head: Vec<u8> = decoded
                .text
                .trim_start_matches('\u{FEFF}')
                .trim_start()
                .bytes()
                .take(512)
                .collect();
            if looks_like_markup(&head) {
                return html::read(bytes, file);
            }
        }
    }
    if bytes.starts_with(b"\x1F\x8B")
        || bytes.starts_with(b"Rar!")
        || bytes.starts_with(b"7z\xBC\xAF")
    {
        return Err(FormatError::new(
            file,
            "这是压缩包(gzip/rar/7z),不是文档;请先解压,再导入其中的 Word、Excel 或网页文件",
        ));
    }
    text::read(bytes, file)
}

/// The lower-case extension of `file`, empty when there is none.
pub(crate) fn extension(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => extension.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn after_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// `<html`, `<!DOCTYPE html`, `<table`, `<meta`, `<head`, `<body`, `<?xml … <html` or a
/// comment before any of them.
fn looks_like_markup(start: &[u8]) -> bool {
    let head: Vec<u8> = start
        .iter()
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    if !head.starts_with(b"<") {
        return false;
    }
    [
        b"<html".as_slice(),
        b"<!doctype html",
        b"<table",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<div",
        b"<p>",
        b"<p ",
    ]
    .iter()
    .any(|tag| head.windows(tag.len()).any(|w| w == *tag))
}

fn read_zip(bytes: &[u8], file: &str, extension: &str) -> Result<Extracted, FormatError> {
    let mut archive = Archive::open(bytes, file)?;
    let is_word = archive.has("word/document.xml");
    let is_workbook = archive.has("xl/workbook.xml");
    if is_word {
        if matches!(extension, "xlsx" | "xls" | "et") {
            return Err(FormatError::new(
                file,
                format!("文件名是 .{extension},但内容是 Word 文档(.docx);请改名为 .docx 后再导入"),
            ));
        }
        return docx::read(archive, file);
    }
    if is_workbook {
        if matches!(extension, "docx" | "doc" | "wps") {
            return Err(FormatError::new(
                file,
                format!(
                    "文件名是 .{extension},但内容是 Excel 工作簿(.xlsx);请改名为 .xlsx 后再导入"
                ),
            ));
        }
        archive.check_all_parts()?;
        return sheet::read(bytes, file, Kind::Xlsx);
    }
    let names = archive.names();
    let what = if names.iter().any(|n| n == "ppt/presentation.xml") {
        "PowerPoint 演示文稿(.pptx),不是任务表格或报告;请导入 Word 或 Excel 文件".to_string()
    } else if names.iter().any(|n| n == "content.xml") {
        "OpenDocument 文档(.odt/.ods);请在 WPS 或 LibreOffice 中另存为 .docx 或 .xlsx 后再导入"
            .to_string()
    } else if names
        .iter()
        .any(|n| n.starts_with("xl/") || n.starts_with("word/"))
    {
        "Office 文件,但缺少主体部分(word/document.xml 或 xl/workbook.xml),文件不完整;请用 WPS 或 Office 重新打开并另存后再导入".to_string()
    } else {
        format!(
            "zip 压缩包({} 个文件),不是 Word 或 Excel 文件;请先解压,再导入其中的文档",
            names.len()
        )
    };
    Err(FormatError::new(file, format!("这是 {what}")))
}
