//! End-to-end test harness: serves the built app (`dist/`) under `/planboard/` on
//! 127.0.0.1, starts chromedriver and a headless Chromium, and gives the tests short
//! helpers that fail with a clear message (and a screenshot) instead of hanging.
//!
//! ```no_run
//! # async fn example() {
//! let app = planboard_browser_tests::App::start().await;
//! app.open("index.html#/tasks?q=高铁").await;
//! app.wait_for_app().await;
//! let count = app.text("[data-testid=\"result-count\"]").await;
//! # }
//! ```
//!
//! Each [`App`] owns its own server, chromedriver and browser profile, so tests run in
//! parallel without sharing state.

mod chrome;
mod fixture;
mod server;

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::Value;

pub use chrome::{Browser, ConsoleMessage, Viewport};
pub use fixture::{built_dist, target_dir, workspace_root, DistCopy};
pub use server::{Served, Site};

/// The sub-path the app is served at, so that every test proves the build works away
/// from the server root.
pub const BASE_PATH: &str = "/planboard/";

/// The DOM contract with the views (see README.md): present once the data has loaded.
pub const APP_ROOT: &str = "[data-testid=\"app\"]";
/// The DOM contract with the views: the page shown when a data file cannot be used.
pub const LOAD_ERROR: &str = "[data-testid=\"load-error\"]";

/// How long a wait may take before the test fails; `PLANBOARD_TEST_TIMEOUT_SECS` overrides.
fn wait_timeout() -> Duration {
    let seconds = std::env::var("PLANBOARD_TEST_TIMEOUT_SECS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(seconds)
}

const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// What to start: which files to serve and in which window.
#[derive(Default)]
pub struct Launch {
    copy: Option<DistCopy>,
    phone: bool,
}

impl Launch {
    /// The built `dist/` in a desktop window.
    pub fn new() -> Launch {
        Launch::default()
    }

    /// Serves a (modified) copy of the build instead of `dist/` itself.
    pub fn serving(mut self, copy: DistCopy) -> Launch {
        self.copy = Some(copy);
        self
    }

    /// A phone-sized window (390×844, touch) instead of a desktop one.
    pub fn phone(mut self) -> Launch {
        self.phone = true;
        self
    }
}

/// The app served on 127.0.0.1 and a browser to drive it.
pub struct App {
    // Declared first so the browser quits before the server and the files go away.
    browser: Browser,
    site: Site,
    console: Mutex<Vec<ConsoleMessage>>,
    _copy: Option<DistCopy>,
}

impl App {
    /// Serves the built `dist/` and opens a desktop browser (nothing loaded yet).
    pub async fn start() -> App {
        App::launch(Launch::new()).await
    }

    /// Starts what `launch` describes.
    pub async fn launch(launch: Launch) -> App {
        let root = match &launch.copy {
            Some(copy) => copy.path().to_path_buf(),
            None => built_dist(),
        };
        let site = Site::start(&root, BASE_PATH)
            .await
            .unwrap_or_else(|error| panic!("serve {}: {error}", root.display()));
        let viewport = if launch.phone {
            Viewport::Phone
        } else {
            Viewport::Desktop
        };
        let browser = Browser::start(viewport).await;
        App {
            browser,
            site,
            console: Mutex::new(Vec::new()),
            _copy: launch.copy,
        }
    }

    /// The static server (to stop it, or to see which files were requested).
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// The static server, mutably: [`Site::stop`] and [`Site::resume`].
    pub fn site_mut(&mut self) -> &mut Site {
        &mut self.site
    }

    /// The WebDriver client, for what these helpers do not cover.
    pub fn client(&self) -> &Client {
        self.browser.client()
    }

    /// Navigates to `path_and_hash` below the base, e.g. `""`, `"index.html#/tasks?q=高铁"`.
    pub async fn open(&self, path_and_hash: &str) {
        let url = self.site.url(path_and_hash);
        if let Err(error) = self.client().goto(&url).await {
            self.fail(&format!("open {url}: {error}")).await;
        }
    }

    /// Reloads the current page, as the browser's reload button does.
    pub async fn reload(&self) {
        if let Err(error) = self.client().refresh().await {
            self.fail(&format!("reload: {error}")).await;
        }
    }

    /// The address bar, exactly as the browser reports it (percent-encoded).
    pub async fn current_url(&self) -> String {
        match self.client().current_url().await {
            Ok(url) => url.to_string(),
            Err(error) => panic!("read the current URL: {error}"),
        }
    }

    /// The decoded part after `#`, e.g. `/tasks?q=高铁` (empty when there is none).
    pub async fn current_route(&self) -> String {
        let url = self.current_url().await;
        let fragment = url
            .split_once('#')
            .map(|(_, fragment)| fragment)
            .unwrap_or("");
        percent_encoding::percent_decode_str(fragment)
            .decode_utf8_lossy()
            .into_owned()
    }

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

    /// Runs JavaScript in the page (`arguments[0]`… are `args`) and returns its result.
    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Value {
        match self.client().execute(script, args).await {
            Ok(value) => value,
            Err(error) => self.fail(&format!("run script: {error}")).await,
        }
    }

    /// Saves a PNG of the window as `target/screenshots/<test>-<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self
            .client()
            .screenshot()
            .await
            .unwrap_or_else(|error| panic!("take a screenshot: {error}"));
        let directory = target_dir().join("screenshots");
        std::fs::create_dir_all(&directory)
            .unwrap_or_else(|error| panic!("create {}: {error}", directory.display()));
        let path = directory.join(format!("{}-{name}.png", current_test_name()));
        std::fs::write(&path, png)
            .unwrap_or_else(|error| panic!("write {}: {error}", path.display()));
        path
    }

    /// Every console message so far (errors, warnings, logs).
    pub async fn console_messages(&self) -> Vec<ConsoleMessage> {
        let fresh = self.browser.take_console_log().await;
        let mut console = self
            .console
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        console.extend(fresh);
        console.clone()
    }

    /// The console errors so far: console.error, uncaught exceptions, failed loads.
    pub async fn console_errors(&self) -> Vec<String> {
        let messages = self.console_messages().await;
        let errors = messages.into_iter().filter(ConsoleMessage::is_error);
        errors.map(|message| message.message).collect()
    }

    /// Fails the test, listing them, if the console shows any error.
    pub async fn assert_no_console_errors(&self) {
        let errors = self.console_errors().await;
        if !errors.is_empty() {
            let message = format!("the console shows errors:\n  {}", errors.join("\n  "));
            self.fail(&message).await;
        }
    }

    /// Fails the test if the console shows a Rust panic or a wasm trap.
    pub async fn assert_no_panic(&self) {
        let errors = self.console_errors().await;
        let panics: Vec<&String> = errors
            .iter()
            .filter(|message| message.contains("panicked") || message.contains("RuntimeError"))
            .collect();
        if !panics.is_empty() {
            let listed: Vec<&str> = panics.iter().map(|message| message.as_str()).collect();
            let message = format!("the app panicked:\n  {}", listed.join("\n  "));
            self.fail(&message).await;
        }
    }

    async fn find_all(&self, css: &str) -> Vec<Element> {
        match self.client().find_all(Locator::Css(css)).await {
            Ok(elements) => elements,
            Err(error) => self.fail(&format!("find `{css}`: {error}")).await,
        }
    }

    /// Panics with `message` plus what a reader needs to see why: the URL, the start of
    /// the page text, the console errors and a screenshot.
    async fn fail(&self, message: &str) -> ! {
        let url = self.client().current_url().await.map(|url| url.to_string());
        let body = match self.client().find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        let excerpt: String = body.chars().take(600).collect();
        let console = self.browser.take_console_log().await;
        let mut known = self
            .console
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        known.extend(console);
        let console_lines: Vec<String> = known
            .iter()
            .map(|message| format!("{} {}", message.level, message.message))
            .collect();
        let screenshot = match self.client().screenshot().await {
            Ok(png) => {
                let directory = target_dir().join("screenshots");
                let path = directory.join(format!("{}-failure.png", current_test_name()));
                let written =
                    std::fs::create_dir_all(&directory).and_then(|_| std::fs::write(&path, png));
                match written {
                    Ok(()) => path.display().to_string(),
                    Err(error) => format!("(not saved: {error})"),
                }
            }
            Err(error) => format!("(not taken: {error})"),
        };
        panic!(
            "{message}\n--- url: {}\n--- page text (start):\n{excerpt}\n--- console:\n  {}\n--- screenshot: {screenshot}",
            url.unwrap_or_else(|error| format!("(unknown: {error})")),
            console_lines.join("\n  "),
        );
    }
}

/// The running test's name (libtest names the thread after it), for file names.
fn current_test_name() -> String {
    let thread = std::thread::current();
    let name = thread.name().unwrap_or("test");
    name.rsplit("::")
        .next()
        .unwrap_or(name)
        .chars()
        .map(|character| {
            if character.is_alphanumeric() || character == '_' {
                character
            } else {
                '-'
            }
        })
        .collect()
}
