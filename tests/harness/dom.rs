//! Waiting for and acting on the page: the helpers most tests are written with.

use fantoccini::elements::Element;
use fantoccini::Locator;
use serde_json::Value;

use crate::{wait_timeout, App, APP_ROOT, BUSY, LOAD_ERROR, POLL_INTERVAL};

impl App {
    /// Waits until an element matches `css` (a selector list `a, b` waits for either).
    pub async fn wait_for(&self, css: &str) -> Element {
        let found = self
            .client()
            .wait()
            .at_most(wait_timeout())
            .every(POLL_INTERVAL)
            .for_element(Locator::Css(css))
            .await;
        match found {
            Ok(element) => element,
            Err(error) => {
                let message = format!("waited {:?} for `{css}`: {error}", wait_timeout());
                self.fail(&message).await
            }
        }
    }

    /// Waits until the data has loaded and the app shows its root element.
    ///
    /// # Panics
    /// With the error page's text when the app shows the load-error page instead.
    pub async fn wait_for_app(&self) {
        self.wait_for(&format!("{APP_ROOT}, {LOAD_ERROR}")).await;
        if self.count(LOAD_ERROR).await > 0 {
            let text = self.text(LOAD_ERROR).await;
            self.fail(&format!("the app shows its load-error page: {text}"))
                .await;
        }
    }

    /// Waits for the load-error page and returns its text.
    ///
    /// # Panics
    /// When the app shows its root element (data loaded) instead.
    pub async fn wait_for_load_error(&self) -> String {
        self.wait_for(&format!("{APP_ROOT}, {LOAD_ERROR}")).await;
        if self.count(LOAD_ERROR).await == 0 {
            self.fail("expected the load-error page, but the app loaded its data")
                .await;
        }
        self.text(LOAD_ERROR).await
    }

    /// Waits until the text of the first element matching `css` satisfies `condition`,
    /// and returns that text.
    pub async fn wait_for_text(&self, css: &str, condition: impl Fn(&str) -> bool) -> String {
        let deadline = tokio::time::Instant::now() + wait_timeout();
        let mut last = String::new();
        while tokio::time::Instant::now() < deadline {
            if let Ok(element) = self.client().find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if condition(&last) {
                    return last;
                }
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
        let message = format!(
            "waited {:?} for the text of `{css}` to change as expected; last text: {last:?}",
            wait_timeout()
        );
        self.fail(&message).await
    }

    /// The visible text of the first element matching `css` (waiting for it to appear).
    pub async fn text(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        match element.text().await {
            Ok(text) => text,
            Err(error) => {
                self.fail(&format!("read the text of `{css}`: {error}"))
                    .await
            }
        }
    }

    /// The visible texts of every element matching `css` now (no waiting).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.find_all(css).await {
            texts.push(element.text().await.unwrap_or_default());
        }
        texts
    }

    /// How many elements match `css` now (no waiting).
    pub async fn count(&self, css: &str) -> usize {
        self.find_all(css).await.len()
    }

    /// An attribute of the first element matching `css` (waiting for it to appear).
    pub async fn attr(&self, css: &str, attribute: &str) -> Option<String> {
        let element = self.wait_for(css).await;
        match element.attr(attribute).await {
            Ok(value) => value,
            Err(error) => {
                self.fail(&format!("read `{attribute}` of `{css}`: {error}"))
                    .await
            }
        }
    }

    /// Clicks the first element matching `css` (waiting for it to appear).
    pub async fn click(&self, css: &str) {
        let element = self.wait_for(css).await;
        if let Err(error) = element.click().await {
            self.fail(&format!("click `{css}`: {error}")).await;
        }
    }

    /// Types `text` into the first element matching `css`, key by key, as a person would
    /// (so input events fire); what the field held before stays.
    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self.wait_for(css).await;
        if let Err(error) = element.send_keys(text).await {
            self.fail(&format!("type into `{css}`: {error}")).await;
        }
    }

    /// Empties the input matching `css`.
    pub async fn clear(&self, css: &str) {
        let element = self.wait_for(css).await;
        if let Err(error) = element.clear().await {
            self.fail(&format!("clear `{css}`: {error}")).await;
        }
    }

    /// Runs JavaScript in the page (`arguments[0]`… are `args`) and returns its result,
    /// once the task list has all its rows (see `wait_for_settled_list`).
    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Value {
        self.wait_for_settled_list().await;
        match self.client().execute(script, args).await {
            Ok(value) => value,
            Err(error) => self.fail(&format!("run script: {error}")).await,
        }
    }

    /// Waits until a service worker controls the page: from then on the build is cached
    /// and the page works with the server stopped.
    pub async fn wait_until_controlled(&self) {
        let deadline = tokio::time::Instant::now() + wait_timeout();
        while tokio::time::Instant::now() < deadline {
            let controlled = self
                .eval(
                    "return navigator.serviceWorker.controller !== null;",
                    vec![],
                )
                .await;
            if controlled == Value::Bool(true) {
                return;
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
        let message = format!(
            "no service worker took control of the page within {:?}",
            wait_timeout()
        );
        self.fail(&message).await
    }

    pub(crate) async fn find_all(&self, css: &str) -> Vec<Element> {
        self.wait_for_settled_list().await;
        match self.client().find_all(Locator::Css(css)).await {
            Ok(elements) => elements,
            Err(error) => self.fail(&format!("find `{css}`: {error}")).await,
        }
    }

    /// Waits until no task list has rows still to come and no facet panel counts still
    /// to update. The list draws the rows that fit the window in the frame of a change
    /// and the rest when the browser is idle; the facet panel catches up right after
    /// that frame; both say `aria-busy="true"` meanwhile (src/components/entry_list.rs,
    /// src/components/facets.rs). Reading in between would see part of the change. Every
    /// read of several elements and every script waits for this, so no test depends on
    /// how fast the rest comes.
    pub async fn wait_for_settled_list(&self) {
        let deadline = tokio::time::Instant::now() + wait_timeout();
        loop {
            let busy = self
                .client()
                .execute(
                    &format!("return document.querySelector('{BUSY}') !== null;"),
                    Vec::new(),
                )
                .await;
            match busy {
                Ok(Value::Bool(false)) => return,
                Ok(_) if tokio::time::Instant::now() < deadline => {
                    tokio::time::sleep(POLL_INTERVAL / 5).await;
                }
                Ok(_) => {
                    let message = format!(
                        "waited {:?} for the task list to draw all its rows and the facets to follow",
                        wait_timeout()
                    );
                    self.fail(&message).await
                }
                Err(error) => {
                    self.fail(&format!("check whether the list is complete: {error}"))
                        .await
                }
            }
        }
    }
}
