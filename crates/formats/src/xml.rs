//! Small helpers over quick-xml shared by the Office readers: part text, attributes by
//! local name, entity references, and the message for XML that does not parse.

use crate::FormatError;
use quick_xml::events::{BytesRef, BytesStart};
use std::borrow::Cow;

/// A part's bytes as text. Office writes UTF-8; a UTF-16 part (with its BOM) is legal
/// XML too.
pub(crate) fn part_text<'a>(
    bytes: &'a [u8],
    file: &str,
    part: &str,
) -> Result<Cow<'a, str>, FormatError> {
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        if !had_errors {
            return Ok(text);
        }
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    Err(FormatError::at(
        file,
        part,
        "XML 部件不是有效的 UTF-8/UTF-16 文本,文件已损坏;请用 WPS 或 Office 重新打开并另存后再导入",
    ))
}

/// The value of the attribute whose local name is `local` (`w:val` → `val`).
pub(crate) fn attr(element: &BytesStart<'_>, local: &str) -> Option<String> {
    element.attributes().flatten().find_map(|attribute| {
        if attribute.key.local_name().as_ref() == local {
            Some(
                attribute
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(Cow::into_owned)
                    .unwrap_or_else(|_| attribute.value.into_owned()),
            )
        } else {
            None
        }
    })
}

/// The text of `&amp;`, `&#20013;` …; unknown entities are kept as written.
pub(crate) fn reference_text(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.xml10_content();
    match name.as_ref() {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => format!("&{other};"),
    }
}

/// XML that does not parse: the part, the line and byte it broke at, and what to do.
pub(crate) fn malformed(
    file: &str,
    part: &str,
    text: &str,
    position: u64,
    error: &dyn std::fmt::Display,
) -> FormatError {
    let position = (position as usize).min(text.len());
    let line = text.as_bytes()[..position]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1;
    FormatError::at(
        file,
        format!("{part} 第 {line} 行第 {position} 字节附近"),
        format!(
            "XML 格式错误({error}),文件已损坏或被不规范的工具改写;请用 WPS 或 Office 打开后另存为新文件再导入"
        ),
    )
}
