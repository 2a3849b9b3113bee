//! HTML text for the long lists: a list row is written as one string of markup and set
//! on its element in one step, because building it node by node from wasm costs a
//! boundary crossing per node and per attribute, and the 任务 list rebuilds up to a
//! hundred rows on a keystroke.
//!
//! Everything taken from the data goes through [`push_text`] (or [`push_marked`]),
//! which escapes it, so a document's `<` or `&` is shown, never interpreted.

use crate::search::highlight_terms;

/// Appends `text` escaped for use inside an element or a double-quoted attribute.
///
/// ```
/// let mut html = String::new();
/// planboard_model::markup::push_text(&mut html, r#"<b>"A&B"</b>"#);
/// assert_eq!(html, "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
/// ```
pub fn push_text(out: &mut String, text: &str) {
    // Most text has nothing to escape: copy it in runs between the special chars. They
    // are ASCII, and UTF-8 never uses an ASCII byte inside a longer char, so a byte scan
    // finds them and every cut falls on a char boundary.
    let mut plain_from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[plain_from..at]);
        out.push_str(escaped);
        plain_from = at + 1;
    }
    out.push_str(&text[plain_from..]);
}

/// Appends `text` escaped, with every occurrence of the search `terms` (from
/// [`crate::search_terms`]) wrapped in `<mark>`; see [`crate::highlight`] for the folding.
///
/// ```
/// use planboard_model::{markup::push_marked, search_terms};
/// let mut html = String::new();
/// push_marked(&mut html, "全市ＧＤＰ<增长>", &search_terms("gdp"));
/// assert_eq!(html, "全市<mark>ＧＤＰ</mark>&lt;增长&gt;");
/// ```
pub fn push_marked(out: &mut String, text: &str, terms: &[String]) {
    for (segment, matched) in highlight_terms(text, terms) {
        if matched {
            out.push_str("<mark>");
            push_text(out, segment);
            out.push_str("</mark>");
        } else {
            push_text(out, segment);
        }
    }
}

/// Appends an element that holds only text, `<tag attributes>text</tag>`, the text
/// escaped and marked. `attributes` is written as given: pass only fixed markup.
pub fn push_element(out: &mut String, tag: &str, attributes: &str, text: &str, terms: &[String]) {
    out.push('<');
    out.push_str(tag);
    if !attributes.is_empty() {
        out.push(' ');
        out.push_str(attributes);
    }
    out.push('>');
    push_marked(out, text, terms);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search_terms;

    #[test]
    fn text_without_special_chars_is_copied() {
        let mut html = String::from("x");
        push_text(&mut html, "推进沪苏湖高铁建设（2024年）");
        assert_eq!(html, "x推进沪苏湖高铁建设（2024年）");
    }

    #[test]
    fn every_special_char_is_escaped_wherever_it_stands() {
        let mut html = String::new();
        push_text(&mut html, "&a<'b'>&");
        assert_eq!(html, "&amp;a&lt;&#39;b&#39;&gt;&amp;");
    }

    #[test]
    fn marked_text_escapes_inside_and_outside_the_marks() {
        let mut html = String::new();
        push_marked(&mut html, "A&B 高铁<站>高铁", &search_terms("高铁 a&b"));
        assert_eq!(
            html,
            "<mark>A&amp;B</mark> <mark>高铁</mark>&lt;站&gt;<mark>高铁</mark>"
        );
    }

    #[test]
    fn no_terms_means_no_marks() {
        let mut html = String::new();
        push_marked(&mut html, "<高铁>", &[]);
        assert_eq!(html, "&lt;高铁&gt;");
    }

    #[test]
    fn an_element_wraps_its_marked_text() {
        let mut html = String::new();
        push_element(
            &mut html,
            "p",
            r#"lang="zh-CN""#,
            "高铁<",
            &search_terms("铁"),
        );
        assert_eq!(html, r#"<p lang="zh-CN">高<mark>铁</mark>&lt;</p>"#);
        html.clear();
        push_element(&mut html, "span", "", "x", &[]);
        assert_eq!(html, "<span>x</span>");
    }
}
