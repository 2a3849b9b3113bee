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
                viewport,
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
        Browser {
            client,
            session_id,
            driver,
            driver_port,
            _profile: profile,
        }
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

fn capabilities(chromium: &Path, profile: &Path, viewport: Viewport) -> Capabilities {
    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|flag| flag.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    // The users read Chinese; the app should see the browser a Chinese reader has.
    args.push("--lang=zh-CN".to_owned());
    let mut chrome_options = json!({
        "binary": chromium,
        "args": args,
        "prefs": { "intl.accept_languages": "zh-CN,zh" },
    });
    match viewport {
        Viewport::Desktop => {
            chrome_options["args"]
                .as_array_mut()
                .expect("args is an array")
                .push(json!("--window-size=1280,900"));
        }
        Viewport::Phone => {
            chrome_options["mobileEmulation"] = json!({
                "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 3.0, "touch": true, "mobile": true },
            });
        }
    }
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
