//! Old Chromium builds driven over the DevTools protocol. Offices still run domestic
//! browsers on old cores (360 安全浏览器 13 is Chromium 86); there is no chromedriver for
//! the headless builds that npm packages bundle, so the tests speak the protocol itself:
//! JSON commands and events over one websocket to the page.
//!
//! scripts/setup.sh installs the builds into `.tools/chromium-<major>/`;
//! `PLANBOARD_CHROMIUM_<major>` names another binary.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::prelude::{Engine, BASE64_STANDARD};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message;

use crate::{target_dir, workspace_root, BUSY};

/// Flags as for the Debian Chromium (shared/TOOLCHAIN.md), in the old `--headless` mode
/// these builds have; port 0 lets the browser pick a free port and write it to the
/// profile's `DevToolsActivePort`.
const FLAGS: [&str; 11] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1280,900",
];

/// How long the browser may take to start, a command to answer, a wait to come true.
const START_TIMEOUT: Duration = Duration::from_secs(30);
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
const WAIT_TIMEOUT: Duration = Duration::from_secs(30);
const POLL_INTERVAL: Duration = Duration::from_millis(100);

type Pending = Arc<Mutex<HashMap<u64, oneshot::Sender<Result<Value, String>>>>>;

/// One old headless Chromium with one page, ended when dropped.
pub struct OldChromium {
    major: u32,
    outgoing: mpsc::UnboundedSender<Message>,
    pending: Pending,
    events: Arc<Mutex<Vec<Value>>>,
    next_id: AtomicU64,
    reader: JoinHandle<()>,
    writer: JoinHandle<()>,
    process: Child,
    // Dropped after the process has ended (fields drop after `Drop::drop`).
    _profile: TempDir,
}

/// Where the Chromium of `major` is installed.
fn binary(major: u32) -> PathBuf {
    let variable = format!("PLANBOARD_CHROMIUM_{major}");
    let path = match std::env::var_os(&variable) {
        Some(path) => PathBuf::from(path),
        None => workspace_root().join(format!(".tools/chromium-{major}/chromium")),
    };
    if !path.is_file() {
        panic!(
            "Chromium {major} is not installed at {}: run `bash scripts/setup.sh`, or set {variable}",
            path.display()
        );
    }
    path
}

impl OldChromium {
    /// Starts Chromium `major` (86, 92…) on about:blank, with the DevTools domains the
    /// helpers read (Runtime, Log, Page) enabled.
    pub async fn start(major: u32) -> OldChromium {
        OldChromium::start_with(major, &[]).await
    }

    /// As [`OldChromium::start`], with more command-line flags.
    pub async fn start_with(major: u32, extra_flags: &[&str]) -> OldChromium {
        let binary = binary(major);
        let directory = binary.parent().unwrap_or(Path::new("."));
        let profile = tempfile::Builder::new()
            .prefix(&format!("planboard-chromium-{major}-"))
            .tempdir()
            .expect("create a temporary Chromium profile folder");
        let log = std::fs::File::create(profile.path().join("chromium.log"))
            .expect("create the browser's log file");
        let process = Command::new(&binary)
            .args(FLAGS)
            .args(extra_flags)
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            // The bundled libraries (nss…) and the swiftshader folder sit beside the binary.
            .env(
                "LD_LIBRARY_PATH",
                format!("{0}/lib:{0}", directory.display()),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {}: {error}", binary.display()));
        let port = devtools_port(profile.path(), major).await;
        let socket_url = page_socket_url(port, major).await;
        let (socket, _) = tokio_tungstenite::connect_async(socket_url.as_str())
            .await
            .unwrap_or_else(|error| panic!("connect to Chromium {major} at {socket_url}: {error}"));
        let (mut sink, mut stream) = socket.split();

        let (outgoing, mut queue) = mpsc::unbounded_channel::<Message>();
        let writer = tokio::spawn(async move {
            while let Some(message) = queue.recv().await {
                if sink.send(message).await.is_err() {
                    break;
                }
            }
        });
        let pending: Pending = Arc::default();
        let events: Arc<Mutex<Vec<Value>>> = Arc::default();
        let reader = {
            let pending = Arc::clone(&pending);
            let events = Arc::clone(&events);
            tokio::spawn(async move {
                while let Some(Ok(message)) = stream.next().await {
                    let Ok(text) = message.to_text() else {
                        continue;
                    };
                    let Ok(value) = serde_json::from_str::<Value>(text) else {
                        continue;
                    };
                    match value["id"].as_u64() {
                        Some(id) => {
                            let answer = match value.get("error") {
                                Some(error) => Err(error.to_string()),
                                None => Ok(value["result"].clone()),
                            };
                            if let Some(waiting) = lock(&pending).remove(&id) {
                                let _ = waiting.send(answer);
                            }
                        }
                        None => lock(&events).push(value),
                    }
                }
            })
        };
        let browser = OldChromium {
            major,
            outgoing,
            pending,
            events,
            next_id: AtomicU64::new(1),
            reader,
            writer,
            process,
            _profile: profile,
        };
        for domain in ["Runtime.enable", "Log.enable", "Page.enable"] {
            browser.call(domain, json!({})).await;
        }
        browser
    }

    /// The major version this browser was started as.
    pub fn major(&self) -> u32 {
        self.major
    }

    /// Sends a DevTools command and returns its result; fails the test on an error.
    pub async fn call(&self, method: &str, params: Value) -> Value {
        match self.try_call(method, params).await {
            Ok(result) => result,
            Err(error) => panic!("Chromium {}: {method}: {error}", self.major),
        }
    }

    /// Sends a DevTools command; the protocol's error as text.
    pub async fn try_call(&self, method: &str, params: Value) -> Result<Value, String> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (answer, answered) = oneshot::channel();
        lock(&self.pending).insert(id, answer);
        let command = json!({ "id": id, "method": method, "params": params });
        self.outgoing
            .send(Message::text(command.to_string()))
            .map_err(|_| "the connection to the browser is closed".to_owned())?;
        match tokio::time::timeout(COMMAND_TIMEOUT, answered).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err("the browser closed the connection".to_owned()),
            Err(_) => Err(format!("no answer within {COMMAND_TIMEOUT:?}")),
        }
    }

    /// Opens `url` and waits for its load event, or for the hash change when only the
    /// part after `#` differs from the page shown.
    pub async fn open(&self, url: &str) {
        let before = self.events_seen();
        self.call("Page.navigate", json!({ "url": url })).await;
        self.wait_for_event(
            &["Page.loadEventFired", "Page.navigatedWithinDocument"],
            before,
        )
        .await;
    }

    /// Reloads the page, as the reload button does, and waits for its load event.
    pub async fn reload(&self) {
        let before = self.events_seen();
        self.call("Page.reload", json!({})).await;
        self.wait_for_event(&["Page.loadEventFired"], before).await;
    }

    /// The value of a JavaScript expression (a promise is awaited); fails the test when
    /// it throws.
    pub async fn eval(&self, expression: &str) -> Value {
        // As `App::eval`: the task list draws its rows past the first screen when idle.
        self.wait_until(
            &format!("document.querySelector('{BUSY}') === null"),
            "the task list to draw all its rows and the facets to follow",
        )
        .await;
        let result = self
            .call(
                "Runtime.evaluate",
                json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
            )
            .await;
        if let Some(exception) = result.get("exceptionDetails") {
            self.fail(&format!("`{expression}` threw: {exception}"))
                .await;
        }
        result["result"]["value"].clone()
    }

    /// Polls until `expression` is truthy, and returns its value; fails the test with a
    /// screenshot after a while.
    pub async fn wait_until(&self, expression: &str, what: &str) -> Value {
        let deadline = tokio::time::Instant::now() + WAIT_TIMEOUT;
        loop {
            let result = self
                .call(
                    "Runtime.evaluate",
                    json!({ "expression": expression, "returnByValue": true }),
                )
                .await;
            let value = result["result"]["value"].clone();
            let truthy = match &value {
                Value::Null => false,
                Value::Bool(flag) => *flag,
                Value::Number(number) => number.as_f64().is_some_and(|n| n != 0.0),
                Value::String(text) => !text.is_empty(),
                _ => true,
            };
            if truthy && result.get("exceptionDetails").is_none() {
                return value;
            }
            if tokio::time::Instant::now() > deadline {
                self.fail(&format!(
                    "waited {WAIT_TIMEOUT:?} for {what} (`{expression}`)"
                ))
                .await;
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// The text of the first element matching `css`, once there is one.
    pub async fn text(&self, css: &str) -> String {
        let expression = format!(
            "(() => {{ const element = document.querySelector({}); \
               return element ? element.innerText : null; }})()",
            json!(css)
        );
        let value = self.wait_until(&expression, css).await;
        value.as_str().unwrap_or_default().to_owned()
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> u64 {
        let expression = format!("document.querySelectorAll({}).length", json!(css));
        self.eval(&expression).await.as_u64().unwrap_or(0)
    }

    /// Clicks the first element matching `css`, once there is one.
    pub async fn click(&self, css: &str) {
        let expression = format!(
            "(() => {{ const element = document.querySelector({}); \
               if (!element) return false; element.click(); return true; }})()",
            json!(css)
        );
        self.wait_until(&expression, &format!("{css} to click"))
            .await;
    }

    /// Types `text` into the field matching `css` as a keyboard would (focus, then the
    /// browser's own text insertion, which fires the input events).
    pub async fn type_into(&self, css: &str, text: &str) {
        let focus = format!(
            "(() => {{ const element = document.querySelector({}); \
               if (!element) return false; element.focus(); \
               return document.activeElement === element; }})()",
            json!(css)
        );
        self.wait_until(&focus, &format!("{css} to take the focus"))
            .await;
        self.call("Input.insertText", json!({ "text": text })).await;
    }

    /// Chooses `file` in the file input matching `css`, as the file dialog would.
    pub async fn choose_file(&self, css: &str, file: &Path) {
        self.wait_until(
            &format!("document.querySelector({}) !== null", json!(css)),
            css,
        )
        .await;
        let document = self.call("DOM.getDocument", json!({})).await;
        let node = self
            .call(
                "DOM.querySelector",
                json!({ "nodeId": document["root"]["nodeId"], "selector": css }),
            )
            .await;
        self.call(
            "DOM.setFileInputFiles",
            json!({ "nodeId": node["nodeId"], "files": [file.display().to_string()] }),
        )
        .await;
    }

    /// The uncaught exceptions of the page so far, as the console would print them.
    pub fn exceptions(&self) -> Vec<String> {
        lock(&self.events)
            .iter()
            .filter(|event| event["method"] == "Runtime.exceptionThrown")
            .map(|event| {
                let details = &event["params"]["exceptionDetails"];
                details["exception"]["description"]
                    .as_str()
                    .or(details["text"].as_str())
                    .unwrap_or("an exception")
                    .to_owned()
            })
            .collect()
    }

    /// The console's errors but those the policy probe of src/start.js causes on purpose
    /// in a browser without 'wasm-unsafe-eval': its blank frame's policy names a keyword
    /// unknown there, and the wasm compile it tries is refused.
    pub fn unexpected_console_errors(&self) -> Vec<String> {
        self.console_errors()
            .into_iter()
            .filter(|error| {
                let probe_keyword = error.contains("invalid source: ''wasm-unsafe-eval''");
                let probe_refusal =
                    error.contains("WebAssembly") && error.contains("Content Security Policy");
                !probe_keyword && !probe_refusal
            })
            .collect()
    }

    /// The console's errors so far: console.error calls and the browser's own errors
    /// (failed loads, refused policies), each as its text.
    pub fn console_errors(&self) -> Vec<String> {
        lock(&self.events)
            .iter()
            .filter_map(|event| match event["method"].as_str() {
                Some("Log.entryAdded") if event["params"]["entry"]["level"] == "error" => {
                    event["params"]["entry"]["text"].as_str().map(str::to_owned)
                }
                Some("Runtime.consoleAPICalled") if event["params"]["type"] == "error" => {
                    Some(event["params"]["args"].to_string())
                }
                _ => None,
            })
            .collect()
    }

    /// Saves a PNG of the page as `target/screenshots/chromium-<major>-<name>.png`.
    pub async fn screenshot(&self, name: &str) -> Option<PathBuf> {
        let shot = self
            .try_call("Page.captureScreenshot", json!({ "format": "png" }))
            .await
            .ok()?;
        let png = BASE64_STANDARD.decode(shot["data"].as_str()?).ok()?;
        let directory = target_dir().join("screenshots");
        std::fs::create_dir_all(&directory).ok()?;
        let path = directory.join(format!("chromium-{}-{name}.png", self.major));
        std::fs::write(&path, png).ok()?;
        Some(path)
    }

    /// Fails the test with `message`, the page's exceptions and a screenshot.
    pub async fn fail(&self, message: &str) -> ! {
        let screenshot = self.screenshot("failure").await;
        let page = self
            .try_call(
                "Runtime.evaluate",
                json!({ "expression": "location.href + ' (' + document.readyState + ')'" }),
            )
            .await
            .map(|result| result["result"]["value"].to_string());
        let recent: Vec<String> = {
            let events = lock(&self.events);
            let skip = events.len().saturating_sub(12);
            events
                .iter()
                .skip(skip)
                .filter_map(|event| event["method"].as_str().map(str::to_owned))
                .collect()
        };
        panic!(
            "Chromium {}: {message}\n  page: {page:?}\n  exceptions: {:?}\n  console errors: {:?}\n  \
             last events: {recent:?}\n  screenshot: {screenshot:?}",
            self.major,
            self.exceptions(),
            self.console_errors()
        );
    }

    fn events_seen(&self) -> usize {
        lock(&self.events).len()
    }

    async fn wait_for_event(&self, methods: &[&str], after: usize) {
        let deadline = tokio::time::Instant::now() + WAIT_TIMEOUT;
        loop {
            let seen = lock(&self.events).iter().skip(after).any(|event| {
                methods
                    .iter()
                    .any(|method| event["method"].as_str() == Some(method))
            });
            if seen {
                return;
            }
            if tokio::time::Instant::now() > deadline {
                self.fail(&format!("none of {methods:?} within {WAIT_TIMEOUT:?}"))
                    .await;
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }
}

impl Drop for OldChromium {
    fn drop(&mut self) {
        self.reader.abort();
        self.writer.abort();
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The port the browser chose, from the `DevToolsActivePort` file it writes.
async fn devtools_port(profile: &Path, major: u32) -> u16 {
    let file = profile.join("DevToolsActivePort");
    let deadline = tokio::time::Instant::now() + START_TIMEOUT;
    loop {
        let port = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| text.lines().next().and_then(|line| line.parse().ok()));
        if let Some(port) = port {
            return port;
        }
        if tokio::time::Instant::now() > deadline {
            let log = std::fs::read_to_string(profile.join("chromium.log")).unwrap_or_default();
            panic!("Chromium {major} did not open its DevTools port within {START_TIMEOUT:?}; its log:\n{log}");
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// The websocket of the browser's first page, from its `/json/list` endpoint.
async fn page_socket_url(port: u16, major: u32) -> String {
    let deadline = tokio::time::Instant::now() + START_TIMEOUT;
    loop {
        if let Ok(targets) = http_get_json(port, "/json/list").await {
            let page = targets
                .as_array()
                .into_iter()
                .flatten()
                .find(|target| target["type"] == "page");
            if let Some(url) = page.and_then(|page| page["webSocketDebuggerUrl"].as_str()) {
                return url.to_owned();
            }
        }
        if tokio::time::Instant::now() > deadline {
            panic!("Chromium {major} lists no page to drive on port {port}");
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// A GET on the browser's own HTTP endpoint. It keeps the connection open after
/// answering, so the body is read to its Content-Length, not to the end of the stream.
async fn http_get_json(port: u16, path: &str) -> Result<Value, String> {
    let exchange = async {
        let mut stream = TcpStream::connect(("127.0.0.1", port))
            .await
            .map_err(|error| error.to_string())?;
        let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
        stream
            .write_all(request.as_bytes())
            .await
            .map_err(|error| error.to_string())?;
        let mut response = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            let read = stream
                .read(&mut chunk)
                .await
                .map_err(|error| error.to_string())?;
            if read == 0 {
                return Err("the connection closed before the whole answer".to_owned());
            }
            response.extend_from_slice(&chunk[..read]);
            let text = String::from_utf8_lossy(&response);
            let Some((head, body)) = text.split_once("\r\n\r\n") else {
                continue;
            };
            let length = head
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())
                        .flatten()
                })
                .ok_or("no Content-Length")?;
            if body.len() >= length {
                return serde_json::from_str(body).map_err(|error| error.to_string());
            }
        }
    };
    tokio::time::timeout(COMMAND_TIMEOUT, exchange)
        .await
        .map_err(|_| format!("no answer to GET {path} within {COMMAND_TIMEOUT:?}"))?
}
