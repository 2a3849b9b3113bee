//! The harness's static server on its own (no browser): it must serve exactly what a
//! static host would, refuse what it should, and really stop when told to.

use std::fs;
use std::net::SocketAddr;

use planboard_browser_tests::Site;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends one raw request and returns (status code, head, body).
async fn request(address: SocketAddr, request_line: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(address)
        .await
        .expect("connect to the server");
    let request = format!("{request_line}\r\nHost: {address}\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .await
        .expect("send the request");
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .await
        .expect("read the response");
    let split = response
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8(response[..split].to_vec()).expect("an ASCII head");
    let body = response[split + 4..].to_vec();
    let status = head
        .split_whitespace()
        .nth(1)
        .expect("a status")
        .parse()
        .expect("a number");
    (status, head, body)
}

fn content_type(head: &str) -> &str {
    head.lines()
        .find_map(|line| line.strip_prefix("Content-Type: "))
        .unwrap_or("")
}

/// A folder shaped like a build, plus a secret file beside it that must stay unreachable.
fn sample_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let outer = tempfile::tempdir().expect("a temporary folder");
    fs::write(outer.path().join("secret.txt"), "not for the web").expect("write secret");
    let root = outer.path().join("dist");
    fs::create_dir_all(root.join("data")).expect("create dist/data");
    for (name, contents) in [
        ("index.html", "<!DOCTYPE html><title>t</title>"),
        ("app-1234.js", "export default 1;"),
        ("app-1234_bg.wasm", "\0asm"),
        ("main-5678.css", "body{}"),
        ("data/tasks.json", "{\"format_version\":1}"),
        ("icon.svg", "<svg/>"),
        ("icon.png", "png"),
        ("manifest.webmanifest", "{}"),
        ("notes.unknownext", "?"),
        ("数据.json", "[]"),
    ] {
        fs::write(root.join(name), contents).expect("write a sample file");
    }
    (outer, root)
}

#[tokio::test]
async fn serves_each_file_type_with_its_content_type_under_the_base_path() {
    let (_outer, root) = sample_site();
    let site = Site::start(&root, "/planboard/")
        .await
        .expect("start the server");
    let address = site.address();
    for (path, expected_type) in [
        ("/planboard/", "text/html; charset=utf-8"),
        ("/planboard/index.html", "text/html; charset=utf-8"),
        ("/planboard/app-1234.js", "text/javascript; charset=utf-8"),
        ("/planboard/app-1234_bg.wasm", "application/wasm"),
        ("/planboard/main-5678.css", "text/css; charset=utf-8"),
        ("/planboard/data/tasks.json?v=2", "application/json"),
        ("/planboard/icon.svg", "image/svg+xml"),
        ("/planboard/icon.png", "image/png"),
        (
            "/planboard/manifest.webmanifest",
            "application/manifest+json",
        ),
        ("/planboard/%E6%95%B0%E6%8D%AE.json", "application/json"),
    ] {
        let (status, head, _) = request(address, &format!("GET {path} HTTP/1.1")).await;
        assert_eq!(status, 200, "GET {path}: {head}");
        assert_eq!(content_type(&head), expected_type, "GET {path}");
    }
    let (_, _, body) = request(address, "GET /planboard/data/tasks.json HTTP/1.1").await;
    assert_eq!(body, b"{\"format_version\":1}");
}

#[tokio::test]
async fn answers_head_404_405_and_redirects_like_a_static_host() {
    let (_outer, root) = sample_site();
    let site = Site::start(&root, "/planboard/")
        .await
        .expect("start the server");
    let address = site.address();
    for (request_line, expected) in [
        ("GET /planboard/data/missing.json HTTP/1.1", 404),
        ("GET /planboard/notes.unknownext HTTP/1.1", 404),
        ("GET /index.html HTTP/1.1", 404),
        ("GET /planboardX/index.html HTTP/1.1", 404),
        ("POST /planboard/index.html HTTP/1.1", 405),
        ("GET /planboard HTTP/1.1", 301),
        ("nonsense", 400),
    ] {
        let (status, head, _) = request(address, request_line).await;
        assert_eq!(status, expected, "{request_line}: {head}");
    }
    let (_, head, _) = request(address, "GET /planboard HTTP/1.1").await;
    assert!(head.contains("Location: /planboard/"), "{head}");
    let (status, head, body) = request(address, "HEAD /planboard/data/tasks.json HTTP/1.1").await;
    assert_eq!(status, 200, "{head}");
    assert!(
        head.contains("Content-Length: 20"),
        "HEAD must give GET's length: {head}"
    );
    assert!(body.is_empty(), "HEAD answered with a body");
}

#[tokio::test]
async fn refuses_paths_that_leave_the_served_folder() {
    let (_outer, root) = sample_site();
    let site = Site::start(&root, "/planboard/")
        .await
        .expect("start the server");
    let address = site.address();
    for path in [
        "/planboard/../secret.txt",
        "/planboard/%2e%2e/secret.txt",
        "/planboard/data/%2E%2E/%2E%2E/secret.txt",
        "/planboard/..%2fsecret.txt",
        "/planboard/..%5csecret.txt",
        "/planboard/%00",
    ] {
        let (status, _, body) = request(address, &format!("GET {path} HTTP/1.1")).await;
        assert!(
            status == 403 || status == 400,
            "GET {path} answered {status}"
        );
        assert!(
            !String::from_utf8_lossy(&body).contains("not for the web"),
            "GET {path} leaked the file"
        );
    }
}

#[tokio::test]
async fn stop_closes_the_port_and_resume_serves_again_on_the_same_address() {
    let (_outer, root) = sample_site();
    let mut site = Site::start(&root, "/planboard/")
        .await
        .expect("start the server");
    let address = site.address();
    let (status, _, _) = request(address, "GET /planboard/ HTTP/1.1").await;
    assert_eq!(status, 200);

    site.stop().await;
    assert!(!site.is_serving());
    assert!(
        TcpStream::connect(address).await.is_err(),
        "the port still accepts connections after stop()"
    );

    site.resume().await.expect("serve again");
    let (status, _, _) = request(address, "GET /planboard/index.html HTTP/1.1").await;
    assert_eq!(status, 200);
    let logged: Vec<(String, u16)> = site
        .requests()
        .into_iter()
        .map(|served| (served.path, served.status))
        .collect();
    assert_eq!(
        logged,
        [
            ("/planboard/".to_owned(), 200),
            ("/planboard/index.html".to_owned(), 200)
        ]
    );
}

#[tokio::test]
async fn serves_at_the_root_when_the_base_is_slash() {
    let (_outer, root) = sample_site();
    let site = Site::start(&root, "/").await.expect("start the server");
    assert_eq!(site.url(""), format!("http://{}/", site.address()));
    let (status, head, _) = request(site.address(), "GET /app-1234_bg.wasm HTTP/1.1").await;
    assert_eq!(status, 200);
    assert_eq!(content_type(&head), "application/wasm");
}
