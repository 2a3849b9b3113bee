//! The five-year plan outline (五年规划纲要), as the city publishes it: a notice
//! header (`…关于印发…的通知`, signature, date), the outline's title, then prose
//! paragraphs that open with a lead sentence, 专栏 boxes, the tables 表1—1 (results of
//! the previous plan) and 表2—1 (key indicators), figure captions, and the odd chapter
//! heading that survived the loss of layout.
//!
//! See [`parse`]; the body is read in [`body`], tables in [`tables`], boxes in [`boxes`].

mod body;
mod boxes;
mod results;
mod tables;

use crate::accounting::Accounting;
use crate::error::ImportError;
use crate::parsed::ParsedDocument;
use crate::prose::{government_place, source_lines, SourceLine};
use crate::reference::jurisdiction_slug;
use crate::text::cn_date;
use planboard_model::{DocumentKind, SourceDocument};

/// The notice header ends within this many lines, or the text is not a plan notice.
const HEADER_MAX_LINES: usize = 40;
/// Longest line that may still be part of the outline's title (it wraps onto 2-3 lines).
const TITLE_LINE_MAX_CHARS: usize = 40;
/// A five-year plan covers its first year and the four after it.
const PLAN_YEARS: u16 = 5;

/// Parses a plan outline. Every line is claimed in the returned accounting under
/// `header`, `section`, `heading`, `box`, `figure`, `indicator-table`, `indicator`,
/// `indicator-note`, `result-table`, `result` or `result-note`; lines of a table the
/// importer does not know stay unclaimed, so `inspect` lists them.
///
/// Errors (`file:line: …`) when the text has no notice header with a signature date, no
/// plan title after it, or no prose body.
pub fn parse(text: &str, file: &str) -> Result<ParsedDocument, ImportError> {
    let lines = source_lines(text);
    if lines.iter().all(|line| line.text.is_empty()) {
        return Err(ImportError::new(file, 0, "empty document"));
    }
    let header = read_header(&lines, file)?;
    let mut accounting = Accounting::new(text);
    for line in &lines[..header.end] {
        if !line.text.is_empty() {
            accounting.claim(line.number, "header");
        }
    }
    let id = format!(
        "{}-{}-plan",
        jurisdiction_slug(&header.jurisdiction),
        header.year
    );
    let body = body::read(&lines[header.end..], &id, &mut accounting);
    if body.parts.sections.is_empty() {
        let line = lines.get(header.end).map_or(0, |line| line.number);
        return Err(ImportError::new(
            file,
            line,
            "not a plan outline: no prose paragraphs after the title",
        ));
    }
    // The indicator table's columns name the base year and the target year; the first
    // year of the plan follows the base year. Without the table, the year of issue is
    // the first year, as for every outline adopted in the spring of its first year.
    let (first, last) = body
        .indicator_years
        .filter(|(base, target)| target > base)
        .map_or(
            (header.year, header.year + PLAN_YEARS - 1),
            |(base, target)| (base + 1, target),
        );
    let title = match &header.document_number {
        Some(number) => format!("{}（{number}）", header.title),
        None => header.title.clone(),
    };
    let document = SourceDocument {
        id,
        kind: DocumentKind::FiveYearPlan,
        title,
        issuer: header.issuer,
        jurisdiction: header.jurisdiction,
        date: header.date,
        period: format!("{first}—{last}年"),
        year: first,
        source_file: file.to_string(),
        line_count: accounting.line_count(),
        imported_locally: None,
        former_ids: Vec::new(),
    };
    Ok(ParsedDocument {
        document,
        tasks: Vec::new(),
        projects: Vec::new(),
        plan: Some(body.parts),
        report: None,
        accounting,
    })
}

/// What the notice header says about the outline.
#[derive(Debug)]
struct NoticeHeader {
    title: String,
    document_number: Option<String>,
    issuer: String,
    jurisdiction: String,
    date: String,
    year: u16,
    /// Index into the lines just past the header (the outline's title included).
    end: usize,
}

/// The header is: a metadata table, the notice's title, its addressees and body, the
/// signing government, the date on a line of its own, then the outline's title wrapped
/// over a few short unpunctuated lines.
fn read_header(lines: &[SourceLine<'_>], file: &str) -> Result<NoticeHeader, ImportError> {
    let first_line = lines
        .iter()
        .find(|line| !line.text.is_empty())
        .map_or(1, |line| line.number);
    let (date_index, date) = lines
        .iter()
        .take(HEADER_MAX_LINES)
        .enumerate()
        .find_map(|(index, line)| cn_date(line.text).map(|date| (index, date)))
        .ok_or_else(|| {
            ImportError::new(
                file,
                first_line,
                "not a plan outline: no signature date line (YYYY年M月D日) in the notice header",
            )
        })?;
    let date_line = lines[date_index].number;
    let year: u16 = date
        .get(..4)
        .and_then(|year| year.parse().ok())
        .ok_or_else(|| ImportError::new(file, date_line, "unreadable year in the date"))?;
    let signer = lines[..date_index]
        .iter()
        .rev()
        .find(|line| !line.text.is_empty())
        .ok_or_else(|| ImportError::new(file, date_line, "no signing government above the date"))?;
    let jurisdiction = government_place(signer.text).ok_or_else(|| {
        ImportError::new(
            file,
            signer.number,
            format!(
                "the signature `{}` names no government (…人民政府)",
                signer.text
            ),
        )
    })?;
    let mut title = String::new();
    let mut end = date_index + 1;
    for (index, line) in lines.iter().enumerate().skip(date_index + 1) {
        if line.text.is_empty() {
            continue;
        }
        if !is_title_line(line.text) {
            break;
        }
        title.push_str(line.text);
        end = index + 1;
    }
    if !title.contains("规划") {
        let line = lines
            .get(date_index + 1)
            .map_or(date_line, |line| line.number);
        return Err(ImportError::new(
            file,
            line,
            "not a plan outline: no title containing 规划 after the signature date",
        ));
    }
    let document_number = lines[..end]
        .iter()
        .find_map(|line| document_number(line.text));
    Ok(NoticeHeader {
        title,
        document_number,
        issuer: signer.text.to_string(),
        jurisdiction,
        date,
        year,
        end,
    })
}

/// A wrapped piece of the title: short, no punctuation, not a table row.
fn is_title_line(text: &str) -> bool {
    text.chars().count() <= TITLE_LINE_MAX_CHARS
        && !text.contains(['。', '，', ',', '：', ':', '；', ';', '|', '！', '!'])
}

/// A document number such as `湖政发〔2021〕6号` anywhere in `text` (any bracket style
/// for the year: `〔〕`, `[]`, `［］`, `()`).
fn document_number(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|open| {
        let close = match chars[open] {
            '〔' => '〕',
            '[' => ']',
            '［' => '］',
            '(' => ')',
            '（' => '）',
            _ => return None,
        };
        let year = chars.get(open + 1..open + 5)?;
        if !year.iter().all(char::is_ascii_digit) || chars.get(open + 5) != Some(&close) {
            return None;
        }
        let digits = chars[open + 6..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits == 0 || chars.get(open + 6 + digits) != Some(&'号') {
            return None;
        }
        let prefix_len = chars[..open]
            .iter()
            .rev()
            .take_while(|c| crate::prose::is_cjk(**c))
            .count();
        if prefix_len == 0 {
            return None;
        }
        Some(chars[open - prefix_len..open + 7 + digits].iter().collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers() {
        assert_eq!(
            document_number("文件编号: | 湖政发〔2021〕6号 | 发布机构:").as_deref(),
            Some("湖政发〔2021〕6号")
        );
        assert_eq!(
            document_number("平政发[2023]12号").as_deref(),
            Some("平政发[2023]12号")
        );
        assert_eq!(document_number("〔2021〕6号"), None);
        assert_eq!(document_number("湖政发〔2021〕号"), None);
    }

    #[test]
    fn not_a_plan() {
        let error = parse("各位代表：\n现在，我代表市人民政府报告工作。\n", "x.txt");
        assert_eq!(
            error.map(|_| ()).map_err(|e| (e.line, e.file)),
            Err((1, "x.txt".into()))
        );
        assert_eq!(
            parse(" \n\n", "x.txt").map(|_| ()).map_err(|e| e.line),
            Err(0)
        );
    }
}
