#!/usr/bin/env python3
"""Bytes a browser downloads to show the first page of results: renda's /search/ page against
Pagefind's JavaScript API, both run by headless Chromium against one loopback server that
logs every response. Only search files count (the host page, CSS and site.js are the same for
both): renda's search.js, search/ index files and the pages it fetches for excerpts; everything
under /pagefind/.

Usage: search_download.py --site SITE --pagefind PAGEFIND_BUNDLE --queries 预算,民生实事
Prints one line per query and tool: results shown, requests, bytes as stored, bytes with gzip on
the server, and how many pages the tool found in all.
"""
import argparse
import gzip
import http.server
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse

# Ten results, as renda's page shows; Pagefind's API loads a result's fragment on data().
# Pagefind searches in a Web Worker, which Chromium's virtual time does not wait for: requests to
# /pagefind-bench/tick (answered after 20 ms, not counted) keep the page busy until it is done.
HARNESS = """<!DOCTYPE html><meta charset="utf-8"><title>pagefind</title><ol id="results"></ol>
<script type="module">
let done = false;
(async () => { while (!done) await fetch("/pagefind-bench/tick"); })();
try {
  const query = new URLSearchParams(location.search).get("q");
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init();
  const search = await pagefind.search(query);
  const shown = await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
  document.getElementById("results").innerHTML =
    shown.map((page) => `<li>${page.meta.title}: ${page.excerpt}</li>`).join("");
  document.body.setAttribute("data-shown", String(shown.length));
  document.body.setAttribute("data-total", String(search.results.length));
} catch (error) {
  document.body.setAttribute("data-error", String(error));
}
done = true;
</script>
"""
TEXT_TYPES = (".js", ".json", ".txt", ".html", ".css")


class Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []

    def add(self, path, data):
        with self.lock:
            self.entries.append((path, data))

    def take(self):
        with self.lock:
            entries, self.entries = self.entries, []
        return entries


def handler(site, bundle, log):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urllib.parse.unquote(urllib.parse.urlparse(path).path)
            if path.startswith("/pagefind/"):
                return os.path.join(bundle, path[len("/pagefind/"):])
            return os.path.join(site, path.lstrip("/"))

        def do_GET(self):
            path = urllib.parse.urlparse(self.path).path
            if path == "/pagefind-bench/tick":
                time.sleep(0.02)
                self.send_response(204)
                self.end_headers()
                return
            if path == "/pagefind-bench/":
                data = HARNESS.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            file = self.translate_path(self.path)
            if os.path.isdir(file):
                file = os.path.join(file, "index.html")
            if os.path.isfile(file):
                with open(file, "rb") as handle:
                    log.add(path, handle.read())
            super().do_GET()

        def log_message(self, *args):
            pass

    Handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".js": "text/javascript", ".wasm": "application/wasm", ".pagefind": "application/wasm"}
    return Handler


def dump_dom(url):
    profile = tempfile.mkdtemp(prefix="search-bench-chromium-")
    try:
        result = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={profile}", "--virtual-time-budget=60000", "--dump-dom", url],
            capture_output=True, text=True, timeout=300)
        return result.stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def transferred(entries):
    raw = sum(len(data) for _, data in entries)
    zipped = sum(len(gzip.compress(data, 6)) if path.endswith(TEXT_TYPES) else len(data) for path, data in entries)
    return len(entries), raw, zipped


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--pagefind", required=True)
    parser.add_argument("--queries", default="预算,民生实事")
    args = parser.parse_args()
    log = Log()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler(args.site, args.pagefind, log))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    for query in args.queries.split(","):
        encoded = urllib.parse.quote(query)
        for tool, url, counts in (
            # Everything but the host page and what every page loads (style.css, site.js): search.js,
            # the index files, and the pages whose text gives a body-only result its excerpt.
            ("renda", f"{origin}/search/?q={encoded}", lambda p: p != "/search/" and not p.endswith(".css")
             and not re.match(r"/assets/site\.[0-9a-f]+\.js$", p)),
            ("pagefind", f"{origin}/pagefind-bench/?q={encoded}", lambda p: p.startswith("/pagefind/")),
        ):
            log.take()
            dom = dump_dom(url)
            count = re.search(r'data-shown="(\d+)"', dom)
            shown = int(count.group(1)) if count else dom.count('class="card-item"')
            total = re.search(r'data-total="(\d+)"', dom) or re.search(r"找到(\d+)条", dom)
            requests, raw, zipped = transferred([(p, d) for p, d in log.take() if counts(p)])
            print(f"{query}\t{tool}\t{shown} results shown\t{requests} requests\t{raw} bytes\t{zipped} bytes gzip"
                  f"\t{total.group(1) if total else '?'} found", flush=True)
    server.shutdown()


if __name__ == "__main__":
    main()
