//! Plain text in the encodings offices' tools save: UTF-8 with or without a BOM, UTF-16
//! with a BOM (Notepad's "Unicode"), and GB18030/GBK from older Windows tools. The
//! encoding used is reported, and each line keeps its number.

use crate::{Extracted, Format, FormatError, Lines};
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// Text and the name of the encoding it was decoded from.
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: String,
}

/// Decodes `bytes`: a BOM decides first, then `declared` (a web page's own charset),
/// then UTF-8 if the bytes are valid UTF-8, else GB18030 (which covers GBK and GB2312).
/// `None` when the result is not text (binary data, or bytes valid in no encoding tried).
pub(crate) fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Option<Decoded> {
    let (encoding, name, body): (&'static Encoding, String, &[u8]) =
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            (UTF_8, "UTF-8 (BOM)".into(), rest)
        } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
            (UTF_16LE, "UTF-16LE".into(), rest)
        } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
            (UTF_16BE, "UTF-16BE".into(), rest)
        } else if let Some(declared) = declared {
            (declared, declared.name().into(), bytes)
        } else if std::str::from_utf8(bytes).is_ok() {
            (UTF_8, "UTF-8".into(), bytes)
        } else if let Some(utf16) = utf16_without_bom(bytes) {
            (utf16, format!("{} (无 BOM)", utf16.name()), bytes)
        } else {
            (GB18030, "GB18030".into(), bytes)
        };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let text = text.into_owned();
    if looks_binary(&text, had_errors) {
        return None;
    }
    Some(Decoded {
        text,
        encoding: name,
    })
}

/// UTF-16 saved without a BOM shows as a NUL in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let odd_zero = sample.chunks(2).filter(|p| p[1] == 0).count();
    let even_zero = sample.chunks(2).filter(|p| p[0] == 0).count();
    if odd_zero * 3 > pairs && even_zero * 20 < pairs {
        Some(UTF_16LE)
    } else if even_zero * 3 > pairs && odd_zero * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Control characters and replacement characters in more than 1 in 50 characters (or
/// any NUL) mean the bytes were not text in this encoding.
fn looks_binary(text: &str, had_errors: bool) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            bad += 1;
        }
    }
    if had_errors && bad * 200 > total.max(1) {
        return true;
    }
    bad * 50 > total.max(1)
}

pub(crate) fn not_text(file: &str) -> FormatError {
    FormatError::new(
        file,
        "认不出文件格式:既不是文本(UTF-8、GBK/GB18030、UTF-16),也不是 Word(.docx)、Excel(.xlsx/.xls)或网页(.html);请确认选对了文件,或在 WPS/Office 中另存为 .docx/.xlsx 后再导入",
    )
}

/// [`not_text`], at the line where the text stops being UTF-8 when it starts as text: a
/// text file with a stretch of binary data in it, or cut from another file.
fn not_text_at(bytes: &[u8], file: &str) -> FormatError {
    let Err(error) = std::str::from_utf8(bytes) else {
        return not_text(file);
    };
    let good = &bytes[..error.valid_up_to()];
    if good.iter().filter(|b| !b.is_ascii_whitespace()).count() < 2 {
        return not_text(file);
    }
    let line = good.iter().filter(|b| **b == b'\n').count() + 1;
    let column = good.len() - good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
    FormatError::at(
        file,
        format!("第 {line} 行"),
        format!(
            "不是文本:从第 {column} 个字节(文件偏移 {})起既不是 UTF-8,也不是 GBK/GB18030 或 UTF-16 文字;请确认选对了文件,或用记事本/WPS 另存为 UTF-8 文本、.docx 或 .xlsx 后再导入",
            error.valid_up_to()
        ),
    )
}

pub(crate) fn read(bytes: &[u8], file: &str) -> Result<Extracted, FormatError> {
    let decoded = decode(bytes, None).ok_or_else(|| not_text_at(bytes, file))?;
    Ok(from_decoded(decoded, file)?.finish_text())
}

struct TextLines(Lines, String);

impl TextLines {
    fn finish_text(self) -> Extracted {
        self.0.finish(Format::Text, Some(self.1), Vec::new())
    }
}

fn from_decoded(decoded: Decoded, file: &str) -> Result<TextLines, FormatError> {
    let text = decoded
        .text
        .strip_prefix('\u{FEFF}')
        .unwrap_or(&decoded.text);
    if text.trim().is_empty() {
        return Err(FormatError::new(file, "文件为空(没有任何文字)"));
    }
    let mut lines = Lines::default();
    for (index, line) in text.lines().enumerate() {
        lines.push(format!("第 {} 行", index + 1), line);
    }
    Ok(TextLines(lines, decoded.encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_named() {
        let (gbk, _, _) = encoding_rs::GBK.encode("一、主要预期目标\n1.生产总值增长6%");
        let decoded = decode(&gbk, None).map(|d| (d.text, d.encoding));
        assert_eq!(
            decoded,
            Some((
                "一、主要预期目标\n1.生产总值增长6%".to_string(),
                "GB18030".to_string()
            ))
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("任务".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(&utf16, None).map(|d| d.encoding).as_deref(),
            Some("UTF-16LE")
        );
        assert_eq!(
            decode("序号".as_bytes(), None)
                .map(|d| d.encoding)
                .as_deref(),
            Some("UTF-8")
        );
    }

    #[test]
    fn binary_is_not_text() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
        assert!(decode(&bytes, None).is_none());
    }

    #[test]
    fn lines_keep_their_numbers() {
        let read = read("标题\r\n\r\n序号 | 任务 |\r\n".as_bytes(), "a.txt");
        let read = read.map(|e| (e.text, e.places));
        assert_eq!(
            read,
            Ok((
                "标题\n\n序号 | 任务 |".to_string(),
                vec!["第 1 行".to_string(), "第 2 行".into(), "第 3 行".into()]
            ))
        );
    }
}
