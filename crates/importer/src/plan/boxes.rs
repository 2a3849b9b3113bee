//! 专栏 boxes: `专栏N—M title entry entry … |`, flattened onto one line (a one-cell
//! table), entries separated by a space. An entry is a numbered item (`1.…`), a dash
//! item (`——…`), or an unnumbered paragraph (the box's introduction or closing note).

use super::tables::numbered_label;
use crate::prose::{ends_paragraph, SourceLine};
use crate::text::{arabic_numbered, cn_numbered};
use planboard_model::{PlanBox, SourceSpan};

/// `专栏3—1 …` → the number as printed (`专栏3—1`).
pub(super) fn box_number(text: &str) -> Option<&str> {
    numbered_label(text, "专栏").map(|(number, _)| number)
}

/// Whether `text` opens a list item (`1.`, `（1）`, `一、`, `——`).
pub(super) fn starts_entry(text: &str) -> bool {
    text.starts_with("——") || arabic_numbered(text).is_some() || cn_numbered(text).is_some()
}

/// A box before numbers lost in print are inferred.
#[derive(Debug, Clone)]
pub(super) struct BoxDraft {
    number: Option<String>,
    title: String,
    entries: Vec<String>,
    source: SourceSpan,
}

impl BoxDraft {
    /// A box from its lines: number, title (up to the first space), entries.
    pub fn labelled(lines: &[SourceLine<'_>], path: Vec<String>) -> Option<Self> {
        let first = lines.first()?;
        let (number, rest) = numbered_label(first.text, "专栏")?;
        let joined: Vec<&str> = std::iter::once(rest)
            .chain(lines[1..].iter().map(|line| line.text))
            .collect();
        let body = without_border(&joined.join(" "));
        let (title, entries) = match body.split_once(char::is_whitespace) {
            Some((title, entries)) => (title.to_string(), split_entries(entries)),
            None => (body.clone(), Vec::new()),
        };
        Some(BoxDraft {
            number: Some(number.to_string()),
            title,
            entries,
            source: span(path, lines.first()?.number, lines.last()?.number),
        })
    }

    /// A box whose number and title were lost: only its entries remain.
    pub fn unlabelled(cell: &str, line: u32, path: Vec<String>) -> Self {
        BoxDraft {
            number: None,
            title: String::new(),
            entries: split_entries(&without_border(cell)),
            source: span(path, line, line),
        }
    }
}

fn span(path: Vec<String>, first_line: u32, last_line: u32) -> SourceSpan {
    SourceSpan {
        path,
        first_line,
        last_line,
    }
}

fn without_border(text: &str) -> String {
    text.trim().trim_end_matches(['|', ' ']).trim().to_string()
}

/// Splits a box body into entries at the spaces that separate them: after a sentence
/// end, or before a list marker. Other spaces (inside a Latin name) stay.
fn split_entries(body: &str) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for token in body.split_whitespace() {
        let starts_new = match entries.last() {
            None => true,
            Some(last) => {
                last.chars().next_back().is_some_and(ends_paragraph) || starts_entry(token)
            }
        };
        match entries.last_mut() {
            Some(last) if !starts_new => {
                last.push(' ');
                last.push_str(token);
            }
            _ => entries.push(token.to_string()),
        }
    }
    entries
}

/// Final boxes with ids in document order. A box whose number was lost gets the one
/// its neighbours imply: just before `专栏N—M` (M > 1) and after a box other than
/// `专栏N—(M-1)`, it can only be `专栏N—(M-1)`. Otherwise its number stays empty.
pub(super) fn finish(drafts: Vec<BoxDraft>, document: &str) -> Vec<PlanBox> {
    let inferred: Vec<Option<String>> = (0..drafts.len())
        .map(|index| {
            if drafts[index].number.is_some() {
                return None;
            }
            let next = drafts.get(index + 1)?.number.as_deref()?;
            let (chapter, dash, minor) = split_number(next)?;
            let wanted = format!(
                "专栏{chapter}{dash}{}",
                minor.checked_sub(1).filter(|m| *m > 0)?
            );
            let previous = index
                .checked_sub(1)
                .and_then(|p| drafts[p].number.as_deref());
            (previous != Some(wanted.as_str())).then_some(wanted)
        })
        .collect();
    drafts
        .into_iter()
        .zip(inferred)
        .enumerate()
        .map(|(index, (draft, inferred))| PlanBox {
            id: format!("{document}/b{:02}", index + 1),
            kind: "plan-box".to_string(),
            document: document.to_string(),
            number: draft.number.or(inferred).unwrap_or_default(),
            title: draft.title,
            entries: draft.entries,
            source: draft.source,
        })
        .collect()
}

/// `专栏9—2` → (`9`, `—`, 2).
fn split_number(number: &str) -> Option<(&str, char, u32)> {
    let digits = number.strip_prefix("专栏")?.trim_start();
    let major_end = digits.find(|c: char| !c.is_ascii_digit())?;
    let dash = digits[major_end..].chars().next()?;
    let minor = digits[major_end + dash.len_utf8()..].parse().ok()?;
    Some((&digits[..major_end], dash, minor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_split_at_item_boundaries() {
        assert_eq!(
            split_entries("引言。 1.甲项目。 2.乙 Alpha 实验室。 收尾。"),
            vec!["引言。", "1.甲项目。", "2.乙 Alpha 实验室。", "收尾。"]
        );
        assert_eq!(
            split_entries("——一张名片。 ——两张名片。"),
            vec!["——一张名片。", "——两张名片。"]
        );
    }

    #[test]
    fn lost_numbers_are_inferred_from_neighbours() {
        let draft = |number: Option<&str>| BoxDraft {
            number: number.map(String::from),
            title: String::new(),
            entries: Vec::new(),
            source: SourceSpan::default(),
        };
        let boxes = finish(
            vec![
                draft(Some("专栏6—1")),
                draft(None),
                draft(Some("专栏9—2")),
                draft(None),
            ],
            "d",
        );
        let numbers: Vec<&str> = boxes.iter().map(|b| b.number.as_str()).collect();
        assert_eq!(numbers, vec!["专栏6—1", "专栏9—1", "专栏9—2", ""]);
    }
}
