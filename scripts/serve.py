#!/usr/bin/env python3
"""Serves a built planboard (default dist/) on 127.0.0.1 for a person to open.

Python's own http.server, so `scripts/run.sh` needs nothing compiled to serve the app on
a fresh machine. It sends the pre-compressed `.br` / `.gz` copy that the build writes
beside each file when the browser accepts it, as a static host would, and asks the
browser to revalidate every file so that a rebuild is seen at the next reload.

Usage: python3 scripts/serve.py [DIR] [--port N]     (port 0, the default, picks a free one)
"""

import argparse
import functools
import http.server
import os
import sys

TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".txt": "text/plain; charset=utf-8",
    ".zip": "application/zip",
    ".bcmap": "application/octet-stream",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.isfile(path + suffix):
                try:
                    body = open(path + suffix, "rb")
                except OSError:
                    break
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
                self.end_headers()
                return body
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description="Serve a built planboard on 127.0.0.1.")
    parser.add_argument("dir", nargs="?", default="dist")
    parser.add_argument("--port", type=int, default=0)
    options = parser.parse_args()
    if not os.path.isfile(os.path.join(options.dir, "index.html")):
        sys.exit(f"serve: {options.dir}/index.html not found: build the app first")
    handler = functools.partial(Handler, directory=options.dir)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), handler)
    except OSError as error:
        sys.exit(f"serve: cannot listen on 127.0.0.1:{options.port}: {error}")
    print(f"planboard is served at http://127.0.0.1:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
