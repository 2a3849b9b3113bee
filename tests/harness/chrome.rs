//! chromedriver and headless Chromium: finding them, starting them, ending them.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use tempfile::TempDir;

/// The window the app is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewport {
    /// A laptop screen, 1280×900.
    Desktop,
    /// A phone held upright, 390×844 CSS pixels, touch, mobile layout.
    Phone,
}

/// The phone every phone-width test sees: an upright 390×844 screen at 3 device pixels
/// per CSS pixel, with touch — the size of the phones most readers hold.
pub const PHONE_WIDTH: u32 = 390;
pub const PHONE_HEIGHT: u32 = 844;
const PHONE_PIXEL_RATIO: f64 = 3.0;
/// The desktop: a laptop screen.
pub const DESKTOP_WIDTH: u32 = 1280;
pub const DESKTOP_HEIGHT: u32 = 900;

/// Flags measured on this machine kind (shared/TOOLCHAIN.md): `--no-sandbox` because the
/// tests run as root, the rest keep Chromium from calling out on a closed network.
const CHROMIUM_FLAGS: [&str; 9] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(15);

/// A chromedriver process with one browser session; both end when this is dropped.
pub struct Browser {
    client: Client,
    session_id: String,
    driver: Child,
    driver_port: u16,
    /// The browser's product and version as it reports itself, e.g.
    /// `HeadlessChrome/156.0.8078.114`: named in every failure, since behaviour that
    /// differs between builds is what a failure on a new machine most often is.
    version: String,
    viewport: Viewport,
    // Dropped after the browser has quit (fields drop after `Drop::drop`).
    _profile: TempDir,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a fresh headless Chromium in it.
    ///
    /// # Panics
    /// When Chromium or chromedriver is missing or does not start: a browser test must
    /// fail loudly, never skip.
    pub async fn start(viewport: Viewport) -> Browser {
        let chromium = find_program(
            "CHROMIUM",
            &["chromium", "chromium-browser", "google-chrome"],
        );
        let chromedriver = find_program("CHROMEDRIVER", &["chromedriver"]);
        let profile = tempfile::Builder::new()
            .prefix("planboard-chromium-")
            .tempdir()
            .expect("create a temporary Chromium profile folder");
        // The free port is found by binding and releasing it, so another test's server
        // can take it before chromedriver binds; chromedriver can also die while the
        // machine is loaded. Either way a fresh driver on a fresh port is the cure, so
        // starting is tried a few times before the test fails.
        let mut attempt = 1;
        let (client, driver, driver_port) = loop {
            let driver_port = free_port();
            let mut driver = Command::new(&chromedriver)
                .arg(format!("--port={driver_port}"))
                .arg(format!(
                    "--log-path={}",
                    profile.path().join("chromedriver.log").display()
                ))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|error| panic!("cannot start {}: {error}", chromedriver.display()));
            wait_until_listening(&mut driver, driver_port);

            let capabilities = capabilities(
                &chromium,
                &profile.path().join(format!("profile-{attempt}")),
            );
            let connected =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(capabilities)
                    .connect(&format!("http://127.0.0.1:{driver_port}"))
                    .await;
            match connected {
                Ok(client) => break (client, driver, driver_port),
                Err(error) => {
                    let _ = driver.kill();
                    let _ = driver.wait();
                    if attempt >= DRIVER_START_ATTEMPTS {
                        panic!(
                            "chromedriver could not start {} ({attempt} attempts): {error}\n(chromedriver's log: {})",
                            chromium.display(),
                            profile.path().join("chromedriver.log").display()
                        );
                    }
                    eprintln!(
                        "chromedriver attempt {attempt} failed ({error}); starting a fresh one"
                    );
                    attempt += 1;
                }
            }
        };
        let session_id = client
            .session_id()
            .await
            .ok()
            .flatten()
            .expect("a new WebDriver session has an id");
        let mut browser = Browser {
            client,
            session_id,
            driver,
            driver_port,
            version: String::new(),
            viewport,
            _profile: profile,
        };
        let version = browser.devtools("Browser.getVersion", json!({})).await;
        browser.version = version["product"]
            .as_str()
            .unwrap_or("an unknown Chromium")
            .to_owned();
        browser.emulate(viewport).await;
        browser
    }

    /// The screen the page is given, in words for a failure message.
    pub fn viewport_description(&self) -> String {
        match self.viewport {
            Viewport::Desktop => format!("desktop {DESKTOP_WIDTH}×{DESKTOP_HEIGHT} (emulated)"),
            Viewport::Phone => format!(
                "phone {PHONE_WIDTH}×{PHONE_HEIGHT} at {PHONE_PIXEL_RATIO}× (emulated, mobile, touch)"
            ),
        }
    }

    /// The browser's product and version, e.g. `HeadlessChrome/156.0.8078.114`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Gives the page its screen by the DevTools protocol's device emulation, as the
    /// browser's own device toolbar does, so that no test depends on how large or small
    /// a window a Chromium build allows. The phone is mobile (`width=device-width` and
    /// the page's zoom limits apply), 3 device pixels per CSS pixel, with touch events;
    /// the desktop is a 1280×900 window at 1:1. It lasts for the tab, across navigations.
    async fn emulate(&self, viewport: Viewport) {
        let (width, height, pixel_ratio, mobile) = match viewport {
            Viewport::Desktop => (DESKTOP_WIDTH, DESKTOP_HEIGHT, 1.0, false),
            Viewport::Phone => (PHONE_WIDTH, PHONE_HEIGHT, PHONE_PIXEL_RATIO, true),
        };
        let orientation = if mobile {
            json!({ "type": "portraitPrimary", "angle": 0 })
        } else {
            json!({ "type": "landscapePrimary", "angle": 0 })
        };
        self.devtools(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": width,
                "height": height,
                "deviceScaleFactor": pixel_ratio,
                "mobile": mobile,
                "screenWidth": width,
                "screenHeight": height,
                "screenOrientation": orientation,
            }),
        )
        .await;
        if mobile {
            self.devtools(
                "Emulation.setTouchEmulationEnabled",
                json!({ "enabled": true, "maxTouchPoints": 5 }),
            )
            .await;
        }
    }

    /// Runs one DevTools protocol command in the session's tab (chromedriver's
    /// `goog/cdp/execute`) and returns its result.
    ///
    /// # Panics
    /// When the browser refuses the command, naming it and the browser's answer.
    pub async fn devtools(&self, command: &str, parameters: Value) -> Value {
        self.client
            .issue_cmd(DevtoolsCommand {
                command: command.to_owned(),
                parameters,
            })
            .await
            .unwrap_or_else(|error| {
                panic!("the browser refused the DevTools command {command}: {error}")
            })
    }

    /// The WebDriver client, for what the [`crate::App`] helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Takes the browser's console messages logged since the last call.
    pub async fn take_console_log(&self) -> Vec<ConsoleMessage> {
        let entries = self
            .client
            .issue_cmd(ReadBrowserLog)
            .await
            .unwrap_or_else(|error| panic!("read the browser's console log: {error}"));
        entries
            .as_array()
            .map(|entries| entries.iter().map(ConsoleMessage::from_log_entry).collect())
            .unwrap_or_default()
    }
}

impl Drop for Browser {
    /// Ends the session synchronously (a test may be unwinding, with no runtime to await
    /// on), so that chromedriver quits Chromium before chromedriver itself is killed.
    fn drop(&mut self) {
        delete_session(self.driver_port, &self.session_id);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// One line of the browser's console (or a page error the browser logged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleMessage {
    /// `SEVERE` (console.error, uncaught errors, failed loads), `WARNING`, `INFO`, `DEBUG`.
    pub level: String,
    pub message: String,
}

impl ConsoleMessage {
    fn from_log_entry(entry: &Value) -> ConsoleMessage {
        let field = |name: &str| entry[name].as_str().unwrap_or_default().to_owned();
        ConsoleMessage {
            level: field("level"),
            message: field("message"),
        }
    }

    /// console.error, an uncaught exception or a failed resource load.
    pub fn is_error(&self) -> bool {
        self.level == "SEVERE"
    }
}

/// chromedriver's log endpoint (fantoccini has no command for it); it returns and clears
/// what the `goog:loggingPrefs` capability asked to collect.
#[derive(Debug)]
struct ReadBrowserLog;

impl WebDriverCompatibleCommand for ReadBrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// chromedriver's endpoint for a DevTools protocol command in the session's tab.
#[derive(Debug)]
struct DevtoolsCommand {
    command: String,
    parameters: Value,
}

impl WebDriverCompatibleCommand for DevtoolsCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.command, "params": self.parameters }).to_string()),
        )
    }
}

fn capabilities(chromium: &Path, profile: &Path) -> Capabilities {
    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|flag| flag.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    // The users read Chinese; the app should see the browser a Chinese reader has.
    args.push("--lang=zh-CN".to_owned());
    // Only the window that holds the page: what the page sees (a phone or a desktop) is
    // set by device emulation (`Browser::emulate`), never by the window's size, which
    // each Chromium build may round up to a minimum of its own.
    args.push(format!("--window-size={DESKTOP_WIDTH},{DESKTOP_HEIGHT}"));
    let chrome_options = json!({
        "binary": chromium,
        "args": args,
        "prefs": { "intl.accept_languages": "zh-CN,zh" },
    });
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": chrome_options,
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    match capabilities {
        Value::Object(map) => map,
        _ => unreachable!("built from an object literal"),
    }
}

/// `$VARIABLE` if set, else the first of `names` found on PATH.
fn find_program(variable: &str, names: &[&str]) -> PathBuf {
    if let Some(path) = std::env::var_os(variable) {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for directory in std::env::split_paths(&path) {
        for name in names {
            let candidate = directory.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "{} is not installed (looked for {} on PATH; or set ${variable}).\n\
         Install it with `bash scripts/setup.sh` (Debian packages chromium and chromium-driver).",
        names[0],
        names.join(", ")
    );
}

/// How many times a chromedriver is started before a test gives up on the browser.
const DRIVER_START_ATTEMPTS: u32 = 3;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("find a free port on 127.0.0.1")
}

fn wait_until_listening(driver: &mut Child, port: u16) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = driver.try_wait() {
            panic!("chromedriver exited at start ({status})");
        }
        if started.elapsed() > DRIVER_START_TIMEOUT {
            let _ = driver.kill();
            panic!("chromedriver did not listen on port {port} within {DRIVER_START_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// A plain blocking `DELETE /session/{id}`; errors are ignored because the driver is
/// killed right after anyway.
fn delete_session(port: u16, session_id: &str) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = format!(
        "DELETE /session/{session_id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    if stream.write_all(request.as_bytes()).is_ok() {
        // chromedriver keeps the connection open despite `Connection: close`, so read
        // exactly one response (its head and Content-Length bytes) instead of to the end.
        let mut response = Vec::new();
        let mut chunk = [0u8; 4096];
        while !is_complete_response(&response) {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(read) => response.extend_from_slice(&chunk[..read]),
            }
        }
    }
}

fn is_complete_response(response: &[u8]) -> bool {
    let Some(head_end) = response.windows(4).position(|window| window == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&response[..head_end]).to_ascii_lowercase();
    let body_length = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|value| value.trim().parse::<usize>().ok())
        .unwrap_or(0);
    response.len() >= head_end + 4 + body_length
}
