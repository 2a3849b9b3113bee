//! A small static file server for the built app: HTTP/1.1, GET and HEAD only, one
//! request per connection, files served under a base path such as `/planboard/`.
//!
//! It exists (rather than `python3 -m http.server`) because the tests must serve the app
//! at a sub-path, stop serving on demand to prove offline use, and see which files the
//! app asked for.

use std::io;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use percent_encoding::percent_decode_str;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

/// Requests larger than this are not from a browser loading a static app.
const MAX_REQUEST_HEAD: usize = 16 * 1024;
/// A connection that sends nothing for this long is dropped.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// One request the server answered, for tests that check what the app fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// The request target's path, still percent-encoded, without the query.
    pub path: String,
    /// The HTTP status code sent back.
    pub status: u16,
}

/// A running (or stopped) static server for one directory.
pub struct Site {
    address: SocketAddr,
    context: Arc<Context>,
    running: Option<Running>,
}

struct Running {
    shutdown: watch::Sender<bool>,
    accept_loop: JoinHandle<()>,
}

struct Context {
    root: PathBuf,
    base: String,
    log: Mutex<Vec<Served>>,
}

impl Site {
    /// Serves `root` under `base` (e.g. `/planboard/`) on 127.0.0.1 at a free port.
    pub async fn start(root: impl Into<PathBuf>, base: &str) -> io::Result<Site> {
        Site::start_on(root, base, 0).await
    }

    /// Serves `root` under `base` on 127.0.0.1 at `port` (0 picks a free one).
    pub async fn start_on(root: impl Into<PathBuf>, base: &str, port: u16) -> io::Result<Site> {
        let root = root.into().canonicalize()?;
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let address = listener.local_addr()?;
        let context = Arc::new(Context {
            root,
            base: normalise_base(base),
            log: Mutex::new(Vec::new()),
        });
        let running = Some(spawn_accept_loop(listener, Arc::clone(&context)));
        Ok(Site {
            address,
            context,
            running,
        })
    }

    /// `http://127.0.0.1:<port>/planboard/` followed by `path_and_hash` (relative to the base,
    /// e.g. `index.html#/tasks?q=高铁`, or empty for the base itself).
    pub fn url(&self, path_and_hash: &str) -> String {
        format!(
            "http://{}{}{}",
            self.address,
            self.context.base,
            path_and_hash.trim_start_matches('/')
        )
    }

    /// The address the server listens on (and listens on again after [`Site::resume`]).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The directory being served.
    pub fn root(&self) -> &Path {
        &self.context.root
    }

    /// Every request answered so far, oldest first.
    pub fn requests(&self) -> Vec<Served> {
        lock(&self.context.log).clone()
    }

    /// Whether the server is currently accepting connections.
    pub fn is_serving(&self) -> bool {
        self.running.is_some()
    }

    /// Stops serving: the port is closed (connections are refused) and connections in
    /// flight are dropped. Returns once the port no longer accepts connections.
    pub async fn stop(&mut self) {
        if let Some(running) = self.running.take() {
            // The accept loop may already have ended; then there is nothing to tell.
            let _ = running.shutdown.send(true);
            // Waiting for the loop guarantees the listener is dropped before we return.
            let _ = running.accept_loop.await;
        }
    }

    /// Serves again on the same address after [`Site::stop`].
    pub async fn resume(&mut self) -> io::Result<()> {
        if self.running.is_none() {
            let listener = TcpListener::bind(self.address).await?;
            self.running = Some(spawn_accept_loop(listener, Arc::clone(&self.context)));
        }
        Ok(())
    }

    /// Serves until the accept loop ends (it does not on its own): for the serve binary.
    pub async fn serve_forever(mut self) {
        if let Some(running) = self.running.take() {
            let _ = running.accept_loop.await;
        }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            let _ = running.shutdown.send(true);
            running.accept_loop.abort();
        }
    }
}

fn spawn_accept_loop(listener: TcpListener, context: Arc<Context>) -> Running {
    let (shutdown, mut stop_requested) = watch::channel(false);
    let accept_loop = tokio::spawn(async move {
        let mut connections = JoinSet::new();
        loop {
            tokio::select! {
                _ = stop_requested.changed() => break,
                accepted = listener.accept() => {
                    // A failed accept (e.g. the peer reset) concerns that connection only.
                    if let Ok((stream, _)) = accepted {
                        connections.spawn(answer(stream, Arc::clone(&context)));
                    }
                }
            }
            while connections.try_join_next().is_some() {}
        }
        drop(listener);
        connections.shutdown().await;
    });
    Running {
        shutdown,
        accept_loop,
    }
}

async fn answer(mut stream: TcpStream, context: Arc<Context>) {
    let Ok(Some(head)) = tokio::time::timeout(READ_TIMEOUT, read_head(&mut stream))
        .await
        .unwrap_or(Ok(None))
    else {
        return;
    };
    let response = respond(&context, &head).await;
    lock(&context.log).push(Served {
        path: request_path(&head).to_owned(),
        status: response.status,
    });
    // The browser may have gone away; nothing to do about a failed write.
    let _ = stream.write_all(&response.head()).await;
    if response.send_body {
        let _ = stream.write_all(&response.body).await;
    }
    let _ = stream.shutdown().await;
}

/// Reads up to the blank line ending the request head; `None` if the peer sent nothing
/// usable.
async fn read_head(stream: &mut TcpStream) -> io::Result<Option<String>> {
    let mut buffer = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buffer.windows(4).any(|window| window == b"\r\n\r\n") {
        if buffer.len() > MAX_REQUEST_HEAD {
            return Ok(None);
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Ok(None);
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
    Ok(String::from_utf8(buffer).ok())
}

fn request_path(head: &str) -> &str {
    let target = head.split_whitespace().nth(1).unwrap_or("");
    target.split(['?', '#']).next().unwrap_or("")
}

struct Response {
    status: u16,
    content_type: &'static str,
    location: Option<String>,
    body: Vec<u8>,
    send_body: bool,
}

impl Response {
    fn error(status: u16, message: &str) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            location: None,
            body: format!("{status} {message}\n").into_bytes(),
            send_body: true,
        }
    }

    fn redirect(location: String) -> Response {
        Response {
            location: Some(location),
            ..Response::error(301, "Moved Permanently")
        }
    }

    fn head(&self) -> Vec<u8> {
        let reason = match self.status {
            200 => "OK",
            301 => "Moved Permanently",
            400 => "Bad Request",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            _ => "Internal Server Error",
        };
        let mut head = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
             Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
            self.status,
            self.content_type,
            self.body.len()
        );
        if let Some(location) = &self.location {
            head.push_str(&format!("Location: {location}\r\n"));
        }
        if self.status == 405 {
            head.push_str("Allow: GET, HEAD\r\n");
        }
        head.push_str("\r\n");
        head.into_bytes()
    }
}

async fn respond(context: &Context, head: &str) -> Response {
    let mut request_line = head.lines().next().unwrap_or("").split_whitespace();
    let (Some(method), Some(_target), Some(version)) = (
        request_line.next(),
        request_line.next(),
        request_line.next(),
    ) else {
        return Response::error(400, "Bad Request");
    };
    if !version.starts_with("HTTP/1.") {
        return Response::error(400, "Bad Request");
    }
    if method != "GET" && method != "HEAD" {
        return Response::error(405, "Method Not Allowed");
    }
    let mut response = respond_to_get(context, request_path(head)).await;
    // HEAD is GET without the body (tools such as `curl -I` ask it).
    response.send_body = method == "GET";
    response
}

async fn respond_to_get(context: &Context, path: &str) -> Response {
    if path == context.base.trim_end_matches('/') {
        return Response::redirect(context.base.clone());
    }
    let Some(relative) = path.strip_prefix(&context.base) else {
        return Response::error(404, "Not Found");
    };
    let file = match resolve(&context.root, relative) {
        Ok(file) => file,
        Err(refusal) => return refusal,
    };
    let Some(content_type) = content_type(&file) else {
        return Response::error(404, "Not Found");
    };
    match tokio::fs::read(&file).await {
        Ok(body) => Response {
            status: 200,
            content_type,
            location: None,
            body,
            send_body: true,
        },
        Err(_) => Response::error(404, "Not Found"),
    }
}

/// Maps the percent-encoded path below the base to a file inside `root`, refusing any
/// path that could leave it.
fn resolve(root: &Path, relative: &str) -> Result<PathBuf, Response> {
    let decoded = percent_decode_str(relative)
        .decode_utf8()
        .map_err(|_| Response::error(400, "Bad Request"))?;
    if decoded.contains(['\\', '\0']) {
        return Err(Response::error(403, "Forbidden"));
    }
    let mut file = root.to_path_buf();
    for segment in decoded.split('/').filter(|segment| !segment.is_empty()) {
        // Only plain names: `..`, `.` and anything the OS would read as a root are refused.
        let mut components = Path::new(segment).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(name)), None) => file.push(name),
            _ => return Err(Response::error(403, "Forbidden")),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    // A symbolic link inside the served folder must not lead out of it either.
    match file.canonicalize() {
        Ok(real) if real.starts_with(root) && real.is_file() => Ok(real),
        Ok(_) => Err(Response::error(403, "Forbidden")),
        Err(_) => Err(Response::error(404, "Not Found")),
    }
}

/// The types a static Leptos app is made of; anything else is not served.
fn content_type(file: &Path) -> Option<&'static str> {
    let extension = file.extension()?.to_str()?.to_ascii_lowercase();
    Some(match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        // Required by WebAssembly.instantiateStreaming.
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        // pdf.js's packed CMaps (dist/pdfjs/cmaps/), fetched when a PDF is imported.
        "bcmap" => "application/octet-stream",
        _ => return None,
    })
}

fn normalise_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

/// The log is only ever pushed to and copied, so a panic elsewhere cannot leave it
/// half-written; a poisoned lock is still usable.
fn lock(log: &Mutex<Vec<Served>>) -> std::sync::MutexGuard<'_, Vec<Served>> {
    log.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
