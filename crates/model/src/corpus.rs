//! The folded search text of every entry, in one buffer.
//!
//! Folding happens once, when the index is built; a query then scans the buffer once
//! per term with a precompiled substring finder instead of folding or allocating per
//! entry. Fields and entries are separated by `\n`, which never occurs inside a term
//! (terms are split on whitespace), so no match can straddle two fields.

use memchr::memmem::Finder;

use crate::search::fold_into;

#[derive(Debug, Default)]
pub(crate) struct Corpus {
    text: String,
    /// Entry `i` occupies `text[starts[i]..starts[i + 1]]`; one more than entries.
    starts: Vec<usize>,
}

impl Corpus {
    pub(crate) fn new() -> Corpus {
        Corpus {
            text: String::new(),
            starts: vec![0],
        }
    }

    /// Appends the next entry's texts.
    pub(crate) fn push<'t>(&mut self, texts: impl IntoIterator<Item = &'t str>) {
        for text in texts {
            fold_into(text, &mut self.text);
            self.text.push('\n');
        }
        if self.text.len() == *self.starts.last().unwrap_or(&0) {
            // Keeps every entry non-empty so `entry_at` stays unambiguous.
            self.text.push('\n');
        }
        self.starts.push(self.text.len());
    }

    fn len(&self) -> usize {
        self.starts.len() - 1
    }

    fn entry_text(&self, entry: usize) -> &[u8] {
        &self.text.as_bytes()[self.starts[entry]..self.starts[entry + 1]]
    }

    /// Entries containing every term (already folded), ascending. `None` when there
    /// are no terms, meaning "no constraint" without listing every entry.
    pub(crate) fn matching(&self, terms: &[String]) -> Option<Vec<usize>> {
        if terms.is_empty() {
            return None;
        }
        // Longer terms tend to be rarer: scanning with one first leaves fewer
        // candidates for the others to check one by one.
        let mut ordered: Vec<&String> = terms.iter().collect();
        ordered.sort_by_key(|term| std::cmp::Reverse(term.len()));

        let mut candidates: Option<Vec<usize>> = None;
        for term in ordered {
            let finder = Finder::new(term.as_bytes());
            candidates = Some(match candidates {
                None => self.scan(&finder),
                Some(mut list) => {
                    list.retain(|&entry| finder.find(self.entry_text(entry)).is_some());
                    list
                }
            });
        }
        candidates
    }

    /// One pass over the whole buffer, skipping to the next entry after each hit.
    fn scan(&self, finder: &Finder) -> Vec<usize> {
        let bytes = self.text.as_bytes();
        let mut found = Vec::new();
        let mut entry = 0;
        let mut from = 0;
        while let Some(hit) = finder.find(&bytes[from..]) {
            // Hits only move forward, so walking the entry starts costs at most one
            // step per entry over the whole scan.
            while self.starts[entry + 1] <= from + hit {
                entry += 1;
            }
            found.push(entry);
            entry += 1;
            if entry >= self.len() {
                break;
            }
            from = self.starts[entry];
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(entries: &[&[&str]]) -> Corpus {
        let mut corpus = Corpus::new();
        for texts in entries {
            corpus.push(texts.iter().copied());
        }
        corpus
    }

    #[test]
    fn finds_each_entry_once_and_never_across_fields() {
        let corpus = corpus(&[&["高铁", "高铁站"], &[], &["高", "铁"], &["ＧＤＰ增长"]]);
        assert_eq!(corpus.matching(&["高铁".into()]), Some(vec![0]));
        assert_eq!(corpus.matching(&["gdp".into()]), Some(vec![3]));
        assert_eq!(
            corpus.matching(&["高".into(), "铁".into()]),
            Some(vec![0, 2])
        );
        assert_eq!(corpus.matching(&[]), None);
        assert_eq!(corpus.matching(&["轻轨".into()]), Some(vec![]));
    }
}
