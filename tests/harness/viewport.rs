//! What the page's viewport is, and whether anything sticks out of it sideways.
//!
//! The reference is the layout viewport (`document.documentElement.clientWidth`), not
//! `window.innerWidth`: on a phone, content wider than the screen makes the browser zoom
//! out, and `innerWidth` then grows with the content — the overflow would measure itself
//! and always fit.

use serde_json::{json, Value};

use crate::chrome::{PHONE_HEIGHT, PHONE_WIDTH};
use crate::App;

impl App {
    /// The width of the layout viewport in CSS pixels (what `width=device-width` and the
    /// media queries see).
    pub async fn viewport_width(&self) -> u64 {
        let width = self
            .eval("return document.documentElement.clientWidth;", vec![])
            .await;
        width.as_u64().unwrap_or(0)
    }

    /// Fails unless the page sees the emulated phone: a 390 px layout viewport on a
    /// 390×844 screen, a coarse pointer. The message names every figure that differs,
    /// so a browser build that treats emulation differently is recognisable at once.
    pub async fn assert_phone_viewport(&self) {
        let seen = self
            .eval(
                "return { layout: document.documentElement.clientWidth, \
                          inner: window.innerWidth, \
                          screen: [screen.width, screen.height], \
                          pixelRatio: window.devicePixelRatio, \
                          coarse: matchMedia('(pointer: coarse)').matches, \
                          browser: navigator.userAgent };",
                vec![],
            )
            .await;
        let expected = json!({
            "layout": PHONE_WIDTH,
            "screen": [PHONE_WIDTH, PHONE_HEIGHT],
            "coarse": true,
        });
        let differs: Vec<String> = ["layout", "screen", "coarse"]
            .into_iter()
            .filter(|key| seen[key] != expected[key])
            .map(|key| {
                format!(
                    "{key}: expected {}, the page sees {}",
                    expected[key], seen[key]
                )
            })
            .collect();
        if !differs.is_empty() {
            self.fail(&format!(
                "the page does not see the emulated {PHONE_WIDTH}×{PHONE_HEIGHT} phone ({}); \
                 all it reports: {seen}",
                differs.join("; ")
            ))
            .await;
        }
    }

    /// Whether the page is wider than its viewport (a sideways scroll), with the
    /// rightmost element named for the failure message.
    pub async fn sideways_overflow(&self) -> Option<String> {
        let found = self
            .eval(
                "const width = document.documentElement.clientWidth; \
                 const scroll = document.scrollingElement.scrollWidth; \
                 if (scroll <= width) { return null; } \
                 const clipped = (element) => { \
                   for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) { \
                     if (getComputedStyle(up).overflowX !== 'visible') { return true; } \
                   } \
                   return false; }; \
                 let widest = null; let right = 0; \
                 for (const element of document.querySelectorAll('body *')) { \
                   const box = element.getBoundingClientRect(); \
                   if (box.right + window.scrollX > right && box.width > 0 && !clipped(element)) { \
                     right = box.right + window.scrollX; widest = element; } \
                 } \
                 const name = widest ? widest.tagName.toLowerCase() + (widest.className ? '.' + \
                   String(widest.className).trim().replace(/\\s+/g, '.') : '') : '?'; \
                 return `page ${scroll} px wide in a ${width} px viewport; rightmost element not inside a scroll box: ${name}, ends at ${Math.round(right)}`;",
                vec![],
            )
            .await;
        found.as_str().map(str::to_owned)
    }

    /// The charts (`figure[data-chart]`) whose drawing is cut at a side of the viewport.
    pub async fn charts_cut_by_the_viewport(&self) -> Vec<String> {
        let cut: Value = self
            .eval(
                "const width = document.documentElement.clientWidth; \
                 return Array.from(document.querySelectorAll('figure[data-chart] svg'), (svg) => \
                   [svg.closest('figure').getAttribute('data-chart'), svg.getBoundingClientRect()]) \
                 .filter(([, box]) => box.left < -0.5 || box.right > width + 0.5) \
                 .map(([chart, box]) => `${chart}: ${Math.round(box.left)}..${Math.round(box.right)} in ${width} px`);",
                vec![],
            )
            .await;
        cut.as_array()
            .map(|cut| {
                cut.iter()
                    .filter_map(|line| line.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }
}
