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
mod devtools;
mod dom;
mod fixture;
mod language;
mod report;
mod server;
mod viewport;

use std::sync::Mutex;
use std::time::Duration;

use fantoccini::Client;

pub use chrome::{
    Browser, ConsoleMessage, Viewport, DESKTOP_HEIGHT, DESKTOP_WIDTH, PHONE_HEIGHT, PHONE_WIDTH,
};
pub use devtools::OldChromium;
pub use fixture::{built_dist, target_dir, workspace_root, DistCopy};
pub use server::{Served, Site};

/// The sub-path the app is served at, so that every test proves the build works away
/// from the server root.
pub const BASE_PATH: &str = "/planboard/";

/// The DOM contract with the views (see README.md): present once the data has loaded.
pub const APP_ROOT: &str = "[data-testid=\"app\"]";
/// The DOM contract with the views: the page shown when a data file cannot be used.
pub const LOAD_ERROR: &str = "[data-testid=\"load-error\"]";
/// The DOM contract with the 任务 view: a part still catching up with the last change
/// (rows below the window, facet counts). Reads wait until nothing matches.
pub const BUSY: &str = ".entry-list[aria-busy=\"true\"], .facet-panel[aria-busy=\"true\"]";

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

    /// A phone (390×844 CSS pixels, mobile, touch; emulated by the DevTools protocol)
    /// instead of a desktop window.
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

    /// One DevTools protocol command in the app's tab (`Browser.setDownloadBehavior` …).
    pub async fn devtools(
        &self,
        command: &str,
        parameters: serde_json::Value,
    ) -> serde_json::Value {
        self.browser.devtools(command, parameters).await
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
}
