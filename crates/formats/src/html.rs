//! Web pages saved from government sites: the article's paragraphs and tables, with
//! `rowspan`/`colspan` filled like merged cells. The site's navigation, header, footer,
//! share bars, scripts and styles are left out and accounted for. The charset comes from
//! the BOM or the page's `<meta>`, else from decoding (UTF-8 if valid, else GB18030).

mod tree;

use crate::grid::{clean_cell, Grid, RawCell};
use crate::text::{decode, not_text};
use crate::{Extracted, Format, FormatError, Lines, Skipped};
use tree::{element_name, Kind, Node, Tree};

pub(crate) fn read(bytes: &[u8], file: &str) -> Result<Extracted, FormatError> {
    let declared = declared_charset(bytes);
    let decoded = decode(bytes, declared).ok_or_else(|| not_text(file))?;
    let tree = Tree::parse(&decoded.text);
    let mut walk = Walk {
        tree: &tree,
        lines: Lines::default(),
        skipped: Vec::new(),
        paragraph: String::new(),
        paragraphs: 0,
        tables: 0,
        scripts: 0,
        styles: 0,
    };
    walk.node(0);
    walk.flush();
    let Walk {
        lines,
        mut skipped,
        scripts,
        styles,
        tables,
        ..
    } = walk;
    if scripts > 0 {
        skipped.push(Skipped {
            place: "<script>".into(),
            what: format!("网页脚本 {scripts} 段"),
        });
    }
    if styles > 0 {
        skipped.push(Skipped {
            place: "<style>".into(),
            what: format!("网页样式 {styles} 段"),
        });
    }
    if lines.is_empty() {
        return Err(FormatError::new(
            file,
            "网页中没有表格,也没有正文段落(只有网站导航、页眉页脚或脚本);请确认保存的是文件正文所在的页面,或改存为 .docx/.xlsx 后再导入",
        ));
    }
    let mut extracted = lines.finish(Format::Html, Some(decoded.encoding), skipped);
    if tables == 0 {
        extracted.skipped.insert(
            0,
            Skipped {
                place: "全文".into(),
                what: "网页中没有表格,只读了正文段落".into(),
            },
        );
    }
    Ok(extracted)
}

/// The charset a page declares in its first 4 KB: `<meta charset="gb2312">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"charset") {
        let mut at = from + found + b"charset".len();
        from = at;
        while at < lower.len() && matches!(lower[at], b' ' | b'=' | b'"' | b'\'') {
            at += 1;
        }
        let end = lower[at..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
            .map_or(lower.len(), |p| at + p);
        if let Some(encoding) = encoding_rs::Encoding::for_label(&lower[at..end]) {
            // A page cannot declare itself UTF-16 in ASCII; browsers read it as UTF-8.
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                return Some(encoding_rs::UTF_8);
            }
            return Some(encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Elements whose text is not content.
const NOT_CONTENT: [&str; 11] = [
    "script", "style", "noscript", "template", "head", "select", "button", "iframe", "object",
    "svg", "textarea",
];
/// Site furniture by element name.
const FURNITURE: [&str; 4] = ["nav", "header", "footer", "aside"];
/// Site furniture by a whole class or id (gov sites: `nav`, `dqwz` 当前位置, `bdsharebuttonbox` …).
const FURNITURE_NAMES: [&str; 16] = [
    "header",
    "head",
    "top",
    "topbar",
    "bottom",
    "foot",
    "search",
    "login",
    "location",
    "position",
    "dqwz",
    "wzdh",
    "sidebar",
    "links",
    "friendlink",
    "toolbar",
];
/// … and by the start of one.
const FURNITURE_PREFIXES: [&str; 9] = [
    "nav",
    "menu",
    "footer",
    "breadcrumb",
    "crumb",
    "share",
    "bdshare",
    "copyright",
    "sidebar",
];
/// Elements that end a paragraph.
const BLOCKS: [&str; 27] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "center",
    "form",
    "hr",
    "address",
    "body",
    "caption",
    "figure",
];

struct Walk<'t> {
    tree: &'t Tree,
    lines: Lines,
    skipped: Vec<Skipped>,
    paragraph: String,
    paragraphs: usize,
    tables: usize,
    scripts: usize,
    styles: usize,
}

fn attribute<'n>(node: &'n Node, key: &str) -> Option<&'n str> {
    match &node.kind {
        Kind::Element { attributes, .. } => attributes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str()),
        Kind::Text(_) => None,
    }
}

/// Why an element is site furniture, if it is: `导航 <nav>`, `页脚 <div class="footer">`.
fn furniture(node: &Node) -> Option<String> {
    let name = element_name(node)?;
    if FURNITURE.contains(&name) {
        return Some(format!("<{name}>"));
    }
    if let Some(role) = attribute(node, "role") {
        if matches!(role, "navigation" | "banner" | "contentinfo" | "search") {
            return Some(format!("<{name} role=\"{role}\">"));
        }
    }
    if attribute(node, "hidden").is_some() {
        return Some(format!("<{name} hidden>"));
    }
    if let Some(style) = attribute(node, "style") {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.to_ascii_lowercase().contains("display:none") {
            return Some(format!("<{name} style=\"display:none\">"));
        }
    }
    for key in ["class", "id"] {
        let Some(value) = attribute(node, key) else {
            continue;
        };
        for word in value.split_whitespace() {
            let lower = word.to_ascii_lowercase();
            if FURNITURE_NAMES.contains(&lower.as_str())
                || FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
            {
                return Some(format!("<{name} {key}=\"{value}\">"));
            }
        }
    }
    None
}

impl Walk<'_> {
    fn node(&mut self, index: usize) {
        let tree = self.tree;
        let node = &tree.nodes[index];
        let name = match &node.kind {
            Kind::Text(text) => {
                self.paragraph.push_str(text);
                return;
            }
            Kind::Element { name, .. } => name.as_str(),
        };
        if NOT_CONTENT.contains(&name) {
            match name {
                "script" => self.scripts += 1,
                "style" => self.styles += 1,
                "head" => self.account_title(index),
                _ => {}
            }
            return;
        }
        if let Some(what) = furniture(node) {
            self.flush();
            let text = preview(&text_of(tree, index));
            if !text.is_empty() {
                self.skipped.push(Skipped {
                    place: what,
                    what: format!("网站导航、页眉页脚等:{text}"),
                });
            }
            return;
        }
        if name == "img" {
            self.skipped.push(Skipped {
                place: format!("第 {} 段之后", self.paragraphs),
                what: "图片未导入".into(),
            });
            return;
        }
        if name == "table" {
            self.flush();
            self.table(index);
            return;
        }
        let block = BLOCKS.contains(&name);
        if block {
            self.flush();
        }
        for &child in &node.children {
            self.node(child);
        }
        if block {
            self.flush();
        }
    }

    /// The head holds no content: its title, scripts and styles are accounted for.
    fn account_title(&mut self, head: usize) {
        let tree = self.tree;
        for &child in &tree.nodes[head].children {
            match element_name(&tree.nodes[child]) {
                Some("script") => self.scripts += 1,
                Some("style") => self.styles += 1,
                _ => {}
            }
            if element_name(&tree.nodes[child]) == Some("title") {
                let title = preview(&text_of(tree, child));
                if !title.is_empty() {
                    self.skipped.push(Skipped {
                        place: "<title>".into(),
                        what: format!("网页标题(标签页上的文字):{title}"),
                    });
                }
            }
        }
    }

    fn flush(&mut self) {
        let text = clean_cell(&self.paragraph);
        self.paragraph.clear();
        if !text.is_empty() {
            self.paragraphs += 1;
            let place = format!("第 {} 段", self.paragraphs);
            self.lines.push(place, &text);
        }
    }

    /// A data table becomes rows; a layout table (one holding other tables, or a single
    /// column) is read as the blocks in its cells.
    fn table(&mut self, index: usize) {
        let tree = self.tree;
        let rows = table_rows(tree, index);
        let nested = rows
            .iter()
            .flatten()
            .any(|&cell| contains_table(tree, cell));
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let header_like = rows.iter().take(5).any(|row| {
            row.iter()
                .filter(|&&cell| {
                    let text = text_of(tree, cell);
                    text.chars().count() <= 12
                        && ["序号", "任务", "工作", "单位", "领导", "完成", "进展"]
                            .iter()
                            .any(|w| text.contains(w))
                })
                .count()
                >= 2
        });
        if width <= 1 || (nested && !header_like) {
            for row in rows {
                for cell in row {
                    for &child in &tree.nodes[cell].children {
                        self.node(child);
                    }
                    self.flush();
                }
            }
            return;
        }
        self.tables += 1;
        let raw: Vec<Vec<RawCell>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&cell| {
                        let node = &tree.nodes[cell];
                        let span = |key| {
                            attribute(node, key)
                                .and_then(|v| v.trim().parse::<usize>().ok())
                                .unwrap_or(1)
                                .max(1)
                        };
                        let mut raw = RawCell::new(text_of(tree, cell));
                        raw.col_span = span("colspan");
                        raw.row_span = span("rowspan");
                        raw
                    })
                    .collect()
            })
            .collect();
        let number = self.tables;
        Grid::resolve(raw).write(&mut self.lines, |row| {
            format!("表格 {number} 第 {} 行", row + 1)
        });
    }
}

/// The cells of each row of a table, its own rows only (not those of nested tables).
fn table_rows(tree: &Tree, table: usize) -> Vec<Vec<usize>> {
    let mut rows = Vec::new();
    let mut stack: Vec<usize> = tree.nodes[table].children.iter().rev().copied().collect();
    while let Some(index) = stack.pop() {
        match element_name(&tree.nodes[index]) {
            Some("tr") => rows.push(
                tree.nodes[index]
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| matches!(element_name(&tree.nodes[c]), Some("td" | "th")))
                    .collect(),
            ),
            Some("tbody" | "thead" | "tfoot") => {
                stack.extend(tree.nodes[index].children.iter().rev().copied())
            }
            _ => {}
        }
    }
    rows
}

fn contains_table(tree: &Tree, index: usize) -> bool {
    let mut stack = vec![index];
    while let Some(i) = stack.pop() {
        if i != index && element_name(&tree.nodes[i]) == Some("table") {
            return true;
        }
        stack.extend(tree.nodes[i].children.iter().copied());
    }
    false
}

/// All text under `index` (scripts and styles left out), block boundaries as spaces:
/// a cell's paragraphs, or a nested table's cells, read as one line.
fn text_of(tree: &Tree, index: usize) -> String {
    let mut out = String::new();
    let mut stack = vec![index];
    while let Some(i) = stack.pop() {
        match &tree.nodes[i].kind {
            Kind::Text(text) => out.push_str(text),
            Kind::Element { name, .. } => {
                if NOT_CONTENT.contains(&name.as_str()) {
                    continue;
                }
                if BLOCKS.contains(&name.as_str()) || matches!(name.as_str(), "td" | "th" | "tr") {
                    out.push(' ');
                }
                stack.extend(tree.nodes[i].children.iter().rev().copied());
            }
        }
    }
    clean_cell(&out)
}

fn preview(text: &str) -> String {
    let text = clean_cell(text);
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}
