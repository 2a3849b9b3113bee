//! The check behind the English interface: in English, Chinese may appear only inside an
//! element marked `lang="zh-CN"` (the documents' own words and the reader's).

use serde_json::{json, Value};

use crate::App;

/// Text nodes and readable attributes with Chinese characters whose closest `[lang]` is
/// not Chinese, within the elements `arguments[0]` selects; each reported with where it
/// sits and its first 40 characters.
const UNMARKED_CHINESE: &str = r#"
const cjk = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
const isChinese = (element) => {
  const marked = element && element.closest('[lang]');
  // getAttribute, not .lang: SVG elements (a chart's <text>) have no lang property.
  return !!marked && (marked.getAttribute('lang') || '').toLowerCase().startsWith('zh');
};
const where = (element) => {
  const parts = [];
  for (let node = element; node && node !== document.body && parts.length < 4; node = node.parentElement) {
    let part = node.tagName.toLowerCase();
    const classes = node.getAttribute('class');
    if (classes) part += '.' + classes.trim().split(/\s+/).join('.');
    parts.unshift(part);
  }
  return parts.join(' > ');
};
const found = [];
for (const root of document.querySelectorAll(arguments[0])) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // Not shown while script runs, or not text at all.
    if (!parent || parent.closest('script, style, template, noscript')) continue;
    if (cjk.test(node.data) && !isChinese(parent)) {
      found.push(where(parent) + ' — “' + node.data.trim().slice(0, 40) + '”');
    }
  }
  for (const element of [root, ...root.querySelectorAll('[title], [aria-label], [placeholder], [alt]')]) {
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value && cjk.test(value) && !isChinese(element)) {
        found.push(where(element) + ' @' + name + ' — “' + value.slice(0, 40) + '”');
      }
    }
  }
}
return found;
"#;

impl App {
    /// Chinese outside a `lang="zh-CN"` element within `roots` (a selector; `"body"` for
    /// the whole page): empty when everything the interface says is in the page's
    /// language and every Chinese text is marked.
    pub async fn unmarked_chinese(&self, roots: &str) -> Vec<String> {
        let found = self.eval(UNMARKED_CHINESE, vec![json!(roots)]).await;
        found
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}
