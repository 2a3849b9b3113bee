//! CSV export for spreadsheets. (The JSON export is [`crate::to_export_json`].)

use crate::book::NoteBook;
use crate::date::local_date_time;
use planboard_model::csv::{push_row, BOM};

/// What the CSV says about the item a note is on, looked up by the caller in the
/// current dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemLabel {
    /// Task text, project title, plan-section lead sentence …
    pub title: String,
    /// The source document's title.
    pub document: String,
}

/// The CSV header, in Chinese (what the reader sees in Excel).
pub const CSV_HEADER: [&str; 10] = [
    "条目编号",
    "条目标题",
    "所属文件",
    "笔记",
    "标签",
    "关注",
    "跟进日期",
    "标记",
    "最后修改",
    "备注",
];

/// Written in the last column of a note whose item is no longer in the dataset.
pub const ORPHAN_REMARK: &str = "条目已不在当前数据中";

/// All written notes as CSV: UTF-8 with a byte-order mark (without it Excel reads the
/// Chinese as mojibake), CRLF line ends, RFC 4180 quoting. `lookup` gives an item's
/// title and document (`None` = orphaned note); times are written in the zone
/// `utc_offset_minutes` east of UTC.
pub fn to_csv(
    book: &NoteBook,
    lookup: impl Fn(&str) -> Option<ItemLabel>,
    utc_offset_minutes: i32,
) -> String {
    let mut csv = String::from(BOM);
    push_row(&mut csv, CSV_HEADER.iter().copied());
    for note in book.written() {
        let label = lookup(&note.item_id);
        let (title, document, remark) = match &label {
            Some(label) => (label.title.as_str(), label.document.as_str(), ""),
            None => ("", "", ORPHAN_REMARK),
        };
        let tags = note.tags.join("、");
        let updated = local_date_time(note.updated_at_ms, utc_offset_minutes);
        push_row(
            &mut csv,
            [
                note.item_id.as_str(),
                title,
                document,
                note.text.as_str(),
                tags.as_str(),
                if note.watched { "是" } else { "" },
                note.follow_up.as_deref().unwrap_or(""),
                note.mark.map_or("", |mark| mark.label_zh()),
                updated.as_str(),
                remark,
            ],
        );
    }
    csv
}
