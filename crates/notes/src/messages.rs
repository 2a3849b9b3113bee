//! Why a notes file or a stored value cannot be read, and why a single note of it is
//! refused — as values, so the app words them in the reader's interface language
//! (`message(lang)`). `Display` gives the Chinese, the interface's first language.

use std::fmt;

use planboard_model::Lang;

use crate::format::{CURRENT_VERSION, OLDEST_VERSION};
use crate::note::{MAX_TAGS, MAX_TAG_CHARS, MAX_TEXT_CHARS};

/// Why a text is not a notes envelope this code can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// An import file above [`crate::MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// Not JSON at all: where serde_json stopped, and its (English) message.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not a planboard notes envelope (another app's value, another file).
    Foreign,
    /// A planboard notes envelope of a version this code cannot read.
    UnsupportedVersion { version: String },
    /// The envelope's own fields have the wrong shape.
    BadShape { problem: ShapeProblem },
    /// An import file with more notes than [`crate::MAX_IMPORT_NOTES`].
    TooManyNotes { count: usize, limit: usize },
}

/// Which field of the envelope has the wrong shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeProblem {
    VersionNotNumber,
    VersionMissing,
    NotesNotObject,
    NotesMissing,
}

impl ShapeProblem {
    /// The words for the reader (field names stay as they are in the file).
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            ShapeProblem::VersionNotNumber => {
                lang.pick("version 应为数字", "version is not a number")
            }
            ShapeProblem::VersionMissing => lang.pick("缺少 version", "version is missing"),
            ShapeProblem::NotesNotObject => lang.pick(
                "notes 应为对象（条目编号 → 笔记）",
                "notes is not an object (item id → note)",
            ),
            ShapeProblem::NotesMissing => lang.pick("缺少 notes", "notes is missing"),
        }
    }
}

impl FormatError {
    /// What went wrong, worded for the reader in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FormatError::TooLarge { bytes, limit } => {
                let megabytes = *bytes as f64 / 1_048_576.0;
                let limit = limit / 1_048_576;
                lang.pick(
                    format!("文件过大（{megabytes:.1} MB），笔记文件最大 {limit} MB"),
                    format!("the file is too large ({megabytes:.1} MB; a notes file may have at most {limit} MB)"),
                )
            }
            FormatError::NotJson {
                line,
                column,
                detail,
            } => lang.pick(
                format!("不是有效的 JSON（第 {line} 行第 {column} 列：{detail}）"),
                format!("not valid JSON (line {line}, column {column}: {detail})"),
            ),
            FormatError::Foreign => lang
                .pick("不是 planboard 的笔记数据", "not planboard notes")
                .to_owned(),
            FormatError::UnsupportedVersion { version } => lang.pick(
                format!(
                    "笔记数据版本为 {version}，本程序只能读取版本 {OLDEST_VERSION}–{CURRENT_VERSION}"
                ),
                format!(
                    "the notes are in version {version}; this app reads versions {OLDEST_VERSION}–{CURRENT_VERSION}"
                ),
            ),
            FormatError::BadShape { problem } => lang.pick(
                format!("笔记数据结构不符：{}", problem.message(lang)),
                format!("the notes data have the wrong structure: {}", problem.message(lang)),
            ),
            FormatError::TooManyNotes { count, limit } => lang.pick(
                format!("文件含 {count} 条笔记，超过上限 {limit} 条"),
                format!("the file holds {count} notes, more than the limit of {limit}"),
            ),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

impl std::error::Error for FormatError {}

/// Why one note of a file or of storage could not be taken. (The English quotes the
/// file's values with ASCII quotes: the CJK font draws “” full-width.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectReason {
    /// A version-1 envelope whose `saved_at_ms` is not an integer.
    SavedAtNotInteger,
    /// A version-1 note that is not a string.
    V1NotText,
    /// A version-2 record of the wrong shape (serde_json's English message).
    BadRecord {
        detail: String,
    },
    EmptyItemId,
    /// Too long, or with control characters.
    BadItemId,
    /// A follow-up date that is not `YYYY-MM-DD` (the value, clipped).
    BadDate {
        value: String,
    },
    TextTooLong {
        chars: usize,
    },
    TooManyTags {
        count: usize,
    },
    /// A tag that is empty, too long or holds a separator (the tag, clipped).
    BadTag {
        tag: String,
    },
    DuplicateTags,
    BadDevice,
    BeforeEpoch,
    InFuture,
}

impl RejectReason {
    /// The file's own value that [`RejectReason::message`] quotes word for word (a
    /// date, a tag), so the app can mark its language apart from the sentence's.
    pub fn quoted_value(&self) -> Option<&str> {
        match self {
            RejectReason::BadDate { value } => Some(value),
            RejectReason::BadTag { tag } => Some(tag),
            _ => None,
        }
    }

    /// The reason, worded for the reader in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let fixed = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
        match self {
            RejectReason::SavedAtNotInteger => {
                fixed("saved_at_ms 应为整数", "saved_at_ms is not an integer")
            }
            RejectReason::V1NotText => fixed(
                "版本 1 的笔记应为文字",
                "a version 1 note must be text",
            ),
            RejectReason::BadRecord { detail } => lang.pick(
                format!("笔记结构不符：{detail}"),
                format!("the note has the wrong structure: {detail}"),
            ),
            RejectReason::EmptyItemId => fixed("条目编号为空", "the item id is empty"),
            RejectReason::BadItemId => fixed(
                "条目编号不合格式（过长或含控制字符）",
                "the item id is malformed (too long, or with control characters)",
            ),
            RejectReason::BadDate { value } => lang.pick(
                format!("跟进日期“{value}”不是有效日期（应为 YYYY-MM-DD）"),
                format!("the follow-up date \"{value}\" is not a valid date (YYYY-MM-DD)"),
            ),
            RejectReason::TextTooLong { chars } => lang.pick(
                format!("笔记过长（{chars} 字，上限 {MAX_TEXT_CHARS} 字）"),
                format!("the note is too long ({chars} characters; at most {MAX_TEXT_CHARS})"),
            ),
            RejectReason::TooManyTags { count } => lang.pick(
                format!("标签过多（{count} 个，上限 {MAX_TAGS} 个）"),
                format!("too many tags ({count}; at most {MAX_TAGS})"),
            ),
            RejectReason::BadTag { tag } => lang.pick(
                format!("标签“{tag}”不合格式（应为 1–{MAX_TAG_CHARS} 字，不含空格和逗号）"),
                format!(
                    "the tag \"{tag}\" is malformed (1–{MAX_TAG_CHARS} characters, no spaces or commas)"
                ),
            ),
            RejectReason::DuplicateTags => fixed("标签重复", "a tag appears twice"),
            RejectReason::BadDevice => fixed("设备标识不合格式", "the device id is malformed"),
            RejectReason::BeforeEpoch => fixed(
                "修改时间早于 1970 年",
                "the edit time is before 1970",
            ),
            RejectReason::InFuture => fixed("修改时间在未来", "the edit time is in the future"),
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Zh))
    }
}

/// One note that could not be taken, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub item_id: String,
    pub reason: RejectReason,
}

/// What went wrong with the notes stored in the browser, kept as a value (the notes
/// outlive a language switch) and worded when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// Some stored notes were damaged and left out; the rest loaded.
    DamagedNotes { count: usize },
    /// The stored value could not be read at start; the page began with no notes.
    UnreadableAtStart(FormatError),
    /// Another tab or program replaced the stored value with something unreadable.
    ReplacedByUnreadable(FormatError),
}

impl StorageProblem {
    /// The sentence for the reader, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StorageProblem::DamagedNotes { count } => lang.pick(
                format!("本机保存的笔记中有 {count} 条已损坏，无法读取；其余笔记照常可用。"),
                if *count == 1 {
                    "One note saved on this device is damaged and cannot be read; the other notes work as usual.".to_owned()
                } else {
                    format!("{count} notes saved on this device are damaged and cannot be read; the other notes work as usual.")
                },
            ),
            StorageProblem::UnreadableAtStart(error) => lang.pick(
                format!(
                    "本机存储中的笔记数据无法读取（{}），已从空白笔记开始。",
                    error.message(lang)
                ),
                format!(
                    "The notes stored on this device cannot be read ({}); starting with no notes.",
                    error.message(lang)
                ),
            ),
            StorageProblem::ReplacedByUnreadable(error) => lang.pick(
                format!(
                    "本机存储中的笔记数据被改为无法读取的内容（{}）；本页的笔记仍完整，已重新保存。",
                    error.message(lang)
                ),
                format!(
                    "The notes stored on this device were replaced with something unreadable ({}); the notes in this page are complete and have been saved again.",
                    error.message(lang)
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_problems_count_in_both_languages() {
        let one = StorageProblem::DamagedNotes { count: 1 };
        let three = StorageProblem::DamagedNotes { count: 3 };
        assert!(one
            .message(Lang::En)
            .starts_with("One note saved on this device is damaged"));
        assert!(three
            .message(Lang::En)
            .starts_with("3 notes saved on this device are damaged"));
        assert!(three
            .message(Lang::Zh)
            .starts_with("本机保存的笔记中有 3 条已损坏"));
        let unreadable = StorageProblem::UnreadableAtStart(FormatError::Foreign);
        assert_eq!(
            unreadable.message(Lang::En),
            "The notes stored on this device cannot be read (not planboard notes); starting with no notes."
        );
        assert!(unreadable
            .message(Lang::Zh)
            .contains("（不是 planboard 的笔记数据）"));
    }
}
