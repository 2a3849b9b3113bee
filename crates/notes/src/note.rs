//! One private note on one item, and the limits every note respects.

use serde::{Deserialize, Serialize};

/// Longest note text, in characters. Far above anything typed by hand; it exists so a
/// hostile import cannot fill the browser's storage with one note.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Most tags on one note.
pub const MAX_TAGS: usize = 20;
/// Longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 32;
/// Longest item id, in characters (real ids are ~30).
pub const MAX_ITEM_ID_CHARS: usize = 200;
/// Longest device/tab id, in characters.
pub const MAX_DEVICE_CHARS: usize = 64;

/// A personal mark on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mark {
    /// 关注: worth keeping an eye on.
    Attention,
    /// 存疑: something about it looks doubtful.
    Doubtful,
    /// 已核实: checked by the reader.
    Verified,
}

impl Mark {
    /// Every mark, in the order a menu lists them.
    pub const ALL: [Mark; 3] = [Mark::Attention, Mark::Doubtful, Mark::Verified];

    /// The word the interface shows in `lang`.
    pub fn label(self, lang: planboard_model::Lang) -> &'static str {
        match self {
            Mark::Attention => lang.pick("关注", "Watch"),
            Mark::Doubtful => lang.pick("存疑", "Doubtful"),
            Mark::Verified => lang.pick("已核实", "Verified"),
        }
    }

    /// The Chinese word, which the CSV export writes whatever the interface language.
    pub fn label_zh(self) -> &'static str {
        match self {
            Mark::Attention => "关注",
            Mark::Doubtful => "存疑",
            Mark::Verified => "已核实",
        }
    }

    /// Inverse of [`Mark::label_zh`].
    pub fn from_label_zh(label: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|mark| mark.label_zh() == label)
    }

    /// Kebab-case name, as in the JSON (and usable as a form value).
    pub fn code(self) -> &'static str {
        match self {
            Mark::Attention => "attention",
            Mark::Doubtful => "doubtful",
            Mark::Verified => "verified",
        }
    }

    /// Inverse of [`Mark::code`].
    pub fn from_code(code: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|mark| mark.code() == code)
    }
}

/// A reader's private note on one item (task, project, plan section, indicator …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The item's stable id from the dataset (`huzhou-2024-progress/t13`). The note
    /// outlives the item: a dataset update that drops the id makes the note an orphan.
    pub item_id: String,
    /// Free text, kept and shown as plain text (never interpreted as HTML).
    pub text: String,
    /// Normalised with [`normalize_tags`]: trimmed, non-empty, unique, in entry order.
    pub tags: Vec<String>,
    /// The watch star.
    pub watched: bool,
    /// Follow-up date, `YYYY-MM-DD`.
    pub follow_up: Option<String>,
    pub mark: Option<Mark>,
    /// Milliseconds since the Unix epoch of the last change; the newer edit wins a merge.
    pub updated_at_ms: i64,
    /// Which browser tab (or device) made the last change; shown beside a conflict and
    /// used to break timestamp ties the same way in every tab.
    pub device: String,
}

impl Note {
    /// An empty note on `item_id`, as if never written.
    pub fn empty(item_id: impl Into<String>) -> Note {
        Note {
            item_id: item_id.into(),
            text: String::new(),
            tags: Vec::new(),
            watched: false,
            follow_up: None,
            mark: None,
            updated_at_ms: 0,
            device: String::new(),
        }
    }

    /// True when the reader wrote nothing (or cleared everything). A blank note stays in
    /// the book so that clearing a note in one tab wins over the old text in another,
    /// but lists, filters and exports leave it out.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
            && self.tags.is_empty()
            && !self.watched
            && self.follow_up.is_none()
            && self.mark.is_none()
    }

    /// Same words, tags, star, date and mark — ignoring when and where it was edited.
    pub fn same_content(&self, other: &Note) -> bool {
        self.content_key() == other.content_key()
    }

    /// The content as one comparable value, so ties between equally recent edits break
    /// the same way in every tab.
    pub(crate) fn content_key(&self) -> (&str, &[String], bool, Option<&str>, Option<Mark>) {
        (
            &self.text,
            &self.tags,
            self.watched,
            self.follow_up.as_deref(),
            self.mark,
        )
    }
}

/// Splits what a reader typed into tags: separated by commas (`,` `，`), `、`,
/// semicolons or whitespace; trimmed; empty ones and repeats dropped; first spelling
/// kept. Tags longer than [`MAX_TAG_CHARS`] are cut, and at most [`MAX_TAGS`] kept, so
/// typing can never produce a note that an import would later reject.
pub fn normalize_tags(input: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for raw in input.split(is_tag_separator) {
        let tag: String = raw.trim().chars().take(MAX_TAG_CHARS).collect();
        if tag.is_empty() || tags.contains(&tag) {
            continue;
        }
        if tags.len() == MAX_TAGS {
            break;
        }
        tags.push(tag);
    }
    tags
}

/// The characters [`normalize_tags`] splits on.
pub fn is_tag_separator(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace() || c.is_control()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_split_trimmed_and_deduplicated() {
        assert_eq!(
            normalize_tags(" 交通，高铁、 交通 ,民生;;  "),
            vec!["交通", "高铁", "民生"]
        );
        assert!(normalize_tags(" ，、 ").is_empty());
    }

    #[test]
    fn tags_are_capped_in_length_and_number() {
        let long = "长".repeat(MAX_TAG_CHARS + 5);
        assert_eq!(normalize_tags(&long)[0].chars().count(), MAX_TAG_CHARS);
        let many: Vec<String> = (0..MAX_TAGS + 5).map(|n| format!("t{n}")).collect();
        assert_eq!(normalize_tags(&many.join(",")).len(), MAX_TAGS);
    }

    #[test]
    fn marks_have_distinct_words_in_each_language() {
        use planboard_model::Lang;
        for lang in Lang::ALL {
            let mut words: Vec<&str> = Mark::ALL.iter().map(|mark| mark.label(lang)).collect();
            words.dedup();
            assert_eq!(words.len(), Mark::ALL.len());
        }
        assert_eq!(Mark::Doubtful.label(Lang::Zh), Mark::Doubtful.label_zh());
        assert_eq!(Mark::Doubtful.label(Lang::En), "Doubtful");
    }

    #[test]
    fn blank_means_nothing_written() {
        let mut note = Note::empty("a");
        assert!(note.is_blank());
        note.text = "  \n".into();
        assert!(note.is_blank());
        note.watched = true;
        assert!(!note.is_blank());
    }

    #[test]
    fn same_content_ignores_time_and_device() {
        let mut a = Note::empty("a");
        a.text = "x".into();
        let mut b = a.clone();
        b.updated_at_ms = 99;
        b.device = "other".into();
        assert!(a.same_content(&b));
        b.mark = Some(Mark::Verified);
        assert!(!a.same_content(&b));
    }

    #[test]
    fn mark_labels_and_codes_round_trip() {
        for mark in Mark::ALL {
            assert_eq!(Mark::from_label_zh(mark.label_zh()), Some(mark));
            assert_eq!(Mark::from_code(mark.code()), Some(mark));
        }
        assert_eq!(Mark::from_label_zh("别的"), None);
    }
}
