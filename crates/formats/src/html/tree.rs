//! A small element tree from html5gum's tokens: enough structure to tell a site's
//! navigation from its article and a layout table from a data table, without a browser
//! DOM. End tags close the nearest open element of their name; the end tags old pages
//! leave out (`</td>`, `</tr>`, `</p>`, `</li>`) are implied where the next one starts.

use html5gum::{DefaultEmitter, Token, Tokenizer};

#[derive(Debug)]
pub(crate) enum Kind {
    Element {
        name: String,
        attributes: Vec<(String, String)>,
    },
    Text(String),
}

#[derive(Debug)]
pub(crate) struct Node {
    pub kind: Kind,
    pub children: Vec<usize>,
}

/// Deeper nesting is flattened into its ancestor: the walk over the tree recurses, and a
/// page of ten thousand nested `<div>`s must not overflow the stack.
const MAX_DEPTH: usize = 200;

/// Elements that never have content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Attributes the walk reads; the rest are dropped to keep the tree small.
const KEPT_ATTRIBUTES: [&str; 7] = [
    "class", "id", "role", "rowspan", "colspan", "style", "hidden",
];

pub(crate) struct Tree {
    pub nodes: Vec<Node>,
}

impl Tree {
    pub(crate) fn parse(html: &str) -> Tree {
        let mut nodes = vec![Node {
            kind: Kind::Element {
                name: "#document".into(),
                attributes: Vec::new(),
            },
            children: Vec::new(),
        }];
        let mut open: Vec<usize> = vec![0];
        let mut emitter = DefaultEmitter::default();
        // Script and style bodies are raw text, not markup.
        emitter.naively_switch_states(true);
        for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    close_implied(&mut open, &nodes, &name);
                    let attributes = tag
                        .attributes
                        .iter()
                        .filter_map(|(key, value)| {
                            let key = String::from_utf8_lossy(key).to_ascii_lowercase();
                            KEPT_ATTRIBUTES
                                .contains(&key.as_str())
                                .then(|| (key, String::from_utf8_lossy(value).into_owned()))
                        })
                        .collect();
                    let is_void = VOID.contains(&name.as_str()) || tag.self_closing;
                    let index = nodes.len();
                    nodes.push(Node {
                        kind: Kind::Element { name, attributes },
                        children: Vec::new(),
                    });
                    let parent = *open.last().unwrap_or(&0);
                    nodes[parent].children.push(index);
                    if !is_void && open.len() < MAX_DEPTH {
                        open.push(index);
                    }
                }
                Token::EndTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    if let Some(position) = open
                        .iter()
                        .rposition(|&index| element_name(&nodes[index]) == Some(name.as_str()))
                    {
                        if position > 0 {
                            open.truncate(position);
                        }
                    }
                }
                Token::String(text) => {
                    let text = String::from_utf8_lossy(&text).into_owned();
                    let parent = *open.last().unwrap_or(&0);
                    // Adjacent strings (split around a character reference) join.
                    if let Some(&last) = nodes[parent].children.last() {
                        if let Kind::Text(existing) = &mut nodes[last].kind {
                            existing.push_str(&text);
                            continue;
                        }
                    }
                    let index = nodes.len();
                    nodes.push(Node {
                        kind: Kind::Text(text),
                        children: Vec::new(),
                    });
                    nodes[parent].children.push(index);
                }
                _ => {}
            }
        }
        Tree { nodes }
    }
}

pub(crate) fn element_name(node: &Node) -> Option<&str> {
    match &node.kind {
        Kind::Element { name, .. } => Some(name),
        Kind::Text(_) => None,
    }
}

/// Closes what a start tag `name` implies is finished: a new cell ends the open cell,
/// a new row the open row, a new paragraph or block an open `<p>`, a new item the open
/// item. Never past the table or list the new element belongs to.
fn close_implied(open: &mut Vec<usize>, nodes: &[Node], name: &str) {
    let (closes, stop_at): (&[&str], &[&str]) = match name {
        "td" | "th" => (&["td", "th"], &["tr", "table"]),
        "tr" => (&["tr", "td", "th"], &["table", "tbody", "thead", "tfoot"]),
        "tbody" | "thead" | "tfoot" => (&["tbody", "thead", "tfoot", "tr", "td", "th"], &["table"]),
        "li" => (&["li"], &["ul", "ol"]),
        "p" | "div" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" => {
            (&["p"], &["td", "th", "div", "li", "body"])
        }
        _ => return,
    };
    for position in (1..open.len()).rev() {
        let Some(open_name) = element_name(&nodes[open[position]]) else {
            return;
        };
        if closes.contains(&open_name) {
            open.truncate(position);
            return;
        }
        if stop_at.contains(&open_name) {
            return;
        }
    }
}
