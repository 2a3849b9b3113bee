//! The comparison page: plain HTML listing the same tasks the app shows in its first
//! list, with the app's style sheets, and a few lines of plain JavaScript that filter
//! those items on a keystroke or a document click — what the same page costs without
//! Leptos, wasm or data files.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

const SCRIPT: &str = r#"const items = [...document.querySelectorAll(".static-item")];
const count = document.getElementById("static-count");
let query = "";
let documentId = null;
function apply() {
  let shown = 0;
  for (const item of items) {
    const show = (!query || item.textContent.includes(query)) &&
      (!documentId || item.dataset.document === documentId);
    item.hidden = !show;
    if (show) shown++;
  }
  count.textContent = shown + " 项";
}
document.getElementById("static-search").addEventListener("input", (event) => {
  query = event.target.value.trim();
  apply();
});
for (const link of document.querySelectorAll(".static-facet")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    documentId = documentId === link.dataset.document ? null : link.dataset.document;
    for (const other of document.querySelectorAll(".static-facet")) {
      other.classList.toggle("selected", other.dataset.document === documentId);
    }
    apply();
  });
}
"#;

/// Writes `static.html` and `static.js` into `served`, listing the tasks `ids` names.
pub fn write(served: &Path, tasks: &[Value], ids: &[String]) -> std::io::Result<()> {
    let by_id: HashMap<&str, &Value> = tasks
        .iter()
        .filter_map(|task| Some((task["id"].as_str()?, task)))
        .collect();
    let mut styles = Vec::new();
    for entry in std::fs::read_dir(served)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(".css") {
            styles.push(format!("<link rel=\"stylesheet\" href=\"./{name}\" />"));
        }
    }
    styles.sort();
    // Every task has a document (not every task has units), so the facet is the document.
    let mut documents_seen = Vec::new();
    let mut rows = String::new();
    for task in ids.iter().filter_map(|id| by_id.get(id.as_str())) {
        let units: Vec<&str> = task["units"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|unit| unit["name"].as_str())
            .collect();
        let document = task["document"].as_str().unwrap_or_default();
        if !documents_seen.contains(&document) {
            documents_seen.push(document);
        }
        rows.push_str(&format!(
            "<li class=\"static-item entry\" data-document=\"{}\"><div class=\"entry-meta\">\
             <a class=\"entry-link\" href=\"#\">{}</a> <span class=\"entry-leader\">{}</span></div>\
             <p class=\"entry-text\">{}</p><p class=\"entry-units\">{}</p></li>\n",
            escape(document),
            escape(task["id"].as_str().unwrap_or_default()),
            escape(task["leader"].as_str().unwrap_or_default()),
            escape(task["text"].as_str().unwrap_or_default()),
            escape(&units.join("、")),
        ));
    }
    let facets: String = documents_seen
        .iter()
        .map(|document| {
            format!(
                "<li><a class=\"static-facet facet-value\" href=\"#\" data-document=\"{0}\">{0}</a></li>",
                escape(document)
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <title>static comparison · planboard bench</title>\n{}\n</head>\n<body>\n<main>\n\
         <h1>任务</h1>\n<input id=\"static-search\" type=\"search\" />\n\
         <p id=\"static-count\">{} 项</p>\n<ul class=\"facet-values\">{facets}</ul>\n\
         <ul class=\"entry-list\">\n{rows}</ul>\n</main>\n\
         <script src=\"./static.js\" defer></script>\n</body>\n</html>\n",
        styles.join("\n"),
        ids.len()
    );
    std::fs::write(served.join("static.html"), html)?;
    std::fs::write(served.join("static.js"), SCRIPT)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
