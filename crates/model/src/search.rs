//! Text folding, query terms and match highlighting.
//!
//! Users type half-width Latin letters and digits where the documents print full-width
//! ones (`ＧＤＰ`, `５Ｇ`) and the other way round, so both sides of a comparison are
//! folded with [`fold`] first. Folding works char by char, which is what lets
//! [`highlight`] map a match in the folded text back onto the original.

use memchr::memmem;

/// Folds text for matching: full-width ASCII variants (U+FF01–U+FF5E) become their
/// half-width forms, the ideographic space (U+3000) a plain space, and letters are
/// lowercased. Chinese characters are unchanged.
///
/// ```
/// use planboard_model::fold;
/// assert_eq!(fold("ＡＢＣ１２３（）"), "abc123()");
/// assert_eq!(fold("全市ＧＤＰ增长　6.5%"), "全市gdp增长 6.5%");
/// ```
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// [`fold`], appending to `out` instead of allocating (the index folds every record
/// into one buffer).
pub fn fold_into(text: &str, out: &mut String) {
    // Most of the text folds to itself: copy it in runs, not char by char.
    let mut unchanged_from = 0;
    for (at, c) in text.char_indices() {
        if !folds_to_itself(c) {
            out.push_str(&text[unchanged_from..at]);
            fold_char_into(c, out);
            unchanged_from = at + c.len_utf8();
        }
    }
    out.push_str(&text[unchanged_from..]);
}

/// A cheap test that is true for most chars that `fold_char_into` leaves alone (false
/// for some that it also leaves alone, which only costs time).
fn folds_to_itself(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_uppercase()
    } else {
        is_caseless(c) && !matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}')
    }
}

fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let code = u32::from(c);
    if (0xFF01..=0xFF5E).contains(&code) {
        // The full-width block mirrors printable ASCII at a fixed distance.
        let ascii = char::from((code - 0xFEE0) as u8);
        out.push(ascii.to_ascii_lowercase());
    } else if c == '\u{3000}' {
        out.push(' ');
    } else if is_caseless(c) {
        // Skips the case-table lookup for the bulk of the text, which is Chinese.
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Blocks known to have no case: general punctuation (the curly quotes), CJK radicals
/// to CJK ideographs (incl. CJK punctuation), Hangul, compatibility ideographs, CJK
/// compatibility forms, half/full-width forms and the supplementary ideograph planes.
fn is_caseless(c: char) -> bool {
    matches!(c,
        '\u{2000}'..='\u{206F}'
        | '\u{2E80}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// The folded, distinct terms of a search query; whitespace (including the ideographic
/// space) separates terms, and every term must match (AND).
///
/// ```
/// use planboard_model::search_terms;
/// assert_eq!(search_terms("  高铁　ＧＤＰ 高铁 "), vec!["高铁", "gdp"]);
/// assert!(search_terms(" ").is_empty());
/// ```
pub fn search_terms(query: &str) -> Vec<String> {
    let folded = fold(query);
    let mut terms: Vec<String> = Vec::new();
    for term in folded.split_whitespace() {
        if !terms.iter().any(|known| known == term) {
            terms.push(term.to_owned());
        }
    }
    terms
}

/// Whether `text` contains every term of `query` (after folding); an empty query
/// matches everything. For one record; the index searches all records at once.
pub fn matches_query(text: &str, query: &str) -> bool {
    let folded = fold(text);
    search_terms(query)
        .iter()
        .all(|term| memmem::find(folded.as_bytes(), term.as_bytes()).is_some())
}

/// Splits `text` into `(segment, is_match)` runs for highlighting the terms of `query`
/// (folded, each term highlighted wherever it occurs). Segments are slices of the
/// ORIGINAL text, even where folding changed byte lengths (`ＧＤＰ` is 9 bytes, `gdp` 3),
/// and concatenated they give `text` back. An empty query gives one unmatched run.
///
/// ```
/// use planboard_model::highlight;
/// assert_eq!(
///     highlight("全市ＧＤＰ增长6.5%", "gdp"),
///     vec![("全市", false), ("ＧＤＰ", true), ("增长6.5%", false)]
/// );
/// assert_eq!(highlight("高铁", ""), vec![("高铁", false)]);
/// ```
pub fn highlight<'a>(text: &'a str, query: &str) -> Vec<(&'a str, bool)> {
    highlight_terms(text, &search_terms(query))
}

/// Whether any of `terms` (from [`search_terms`]) occurs in `text` after folding: the
/// test for "would [`highlight_terms`] mark something", without building the runs.
///
/// ```
/// use planboard_model::{mentions_any, search_terms};
/// assert!(mentions_any("全市ＧＤＰ增长", &search_terms("gdp 轻轨")));
/// assert!(!mentions_any("全市ＧＤＰ增长", &search_terms("")));
/// ```
pub fn mentions_any(text: &str, terms: &[String]) -> bool {
    if terms.is_empty() {
        return false;
    }
    let folded = fold(text);
    terms
        .iter()
        .any(|term| memmem::find(folded.as_bytes(), term.as_bytes()).is_some())
}

/// [`highlight`] for a query already split into folded terms by [`search_terms`], so a
/// list that marks many texts for one query splits it once.
pub fn highlight_terms<'a>(text: &'a str, terms: &[String]) -> Vec<(&'a str, bool)> {
    if terms.is_empty() || text.is_empty() {
        return vec![(text, false)];
    }

    // For every byte of the folded text, where its source char starts in `text`.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    for (position, c) in text.char_indices() {
        let before = folded.len();
        fold_char_into(c, &mut folded);
        origin.resize(origin.len() + (folded.len() - before), position);
    }

    let mut marked: Vec<(usize, usize)> = Vec::new();
    for term in terms {
        for hit in memmem::find_iter(folded.as_bytes(), term.as_bytes()) {
            let start = origin[hit];
            let last_char = origin[hit + term.len() - 1];
            let end = last_char + text[last_char..].chars().next().map_or(0, char::len_utf8);
            marked.push((start, end));
        }
    }
    if marked.is_empty() {
        return vec![(text, false)];
    }
    marked.sort_unstable();

    let mut runs = Vec::new();
    let mut cursor = 0;
    let mut current: Option<(usize, usize)> = None;
    for (start, end) in marked {
        match current {
            Some((_, open_end)) if start <= open_end => {
                if let Some(span) = current.as_mut() {
                    span.1 = span.1.max(end);
                }
            }
            _ => {
                if let Some((open_start, open_end)) = current.take() {
                    push_runs(text, &mut runs, &mut cursor, open_start, open_end);
                }
                current = Some((start, end));
            }
        }
    }
    if let Some((open_start, open_end)) = current {
        push_runs(text, &mut runs, &mut cursor, open_start, open_end);
    }
    if cursor < text.len() {
        runs.push((&text[cursor..], false));
    }
    runs
}

fn push_runs<'a>(
    text: &'a str,
    runs: &mut Vec<(&'a str, bool)>,
    cursor: &mut usize,
    start: usize,
    end: usize,
) {
    if *cursor < start {
        runs.push((&text[*cursor..start], false));
    }
    runs.push((&text[start..end], true));
    *cursor = end;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_maps_full_width_and_case() {
        assert_eq!(fold("ＡＢＣ１２３（）"), "abc123()");
        assert_eq!(fold("Ｇ６０科创走廊"), "g60科创走廊");
        assert_eq!(fold("a\u{3000}b"), "a b");
        assert_eq!(fold("ÄÖÜ Straße"), "äöü straße");
        assert_eq!(fold("～！"), "~!");
    }

    #[test]
    fn highlight_overlapping_terms_merge() {
        assert_eq!(
            highlight("沪苏湖高铁", "苏湖 湖高"),
            vec![("沪", false), ("苏湖高", true), ("铁", false)]
        );
    }

    #[test]
    fn highlight_several_terms_and_occurrences() {
        assert_eq!(
            highlight("高铁站、高铁新城和轻轨", "高铁 轻轨"),
            vec![
                ("高铁", true),
                ("站、", false),
                ("高铁", true),
                ("新城和", false),
                ("轻轨", true)
            ]
        );
    }

    #[test]
    fn highlight_without_match_is_one_run() {
        assert_eq!(highlight("高铁", "轻轨"), vec![("高铁", false)]);
        assert_eq!(highlight("", "轻轨"), vec![("", false)]);
    }

    #[test]
    fn highlight_char_whose_lowercase_is_longer() {
        // 'İ' lowercases to two chars; the whole original char is highlighted.
        assert_eq!(
            highlight("xİy", "i"),
            vec![("x", false), ("İ", true), ("y", false)]
        );
    }

    #[test]
    fn mentions_any_needs_one_term_and_agrees_with_highlight() {
        let terms = search_terms("高铁 轻轨");
        for text in ["高铁站", "建设轻轨", "沪苏湖", ""] {
            let marked = highlight_terms(text, &terms).iter().any(|(_, hit)| *hit);
            assert_eq!(mentions_any(text, &terms), marked, "{text}");
        }
        assert!(mentions_any("Ｇ６０科创走廊", &search_terms("g60")));
    }

    #[test]
    fn matches_query_needs_every_term() {
        assert!(matches_query("推进沪苏湖高铁建设", "高铁 沪苏湖"));
        assert!(!matches_query("推进沪苏湖高铁建设", "高铁 轻轨"));
        assert!(matches_query("anything", "  "));
    }
}
