#!/usr/bin/env python3
"""Save → served latency of a running `renda serve`.

For each edit it saves a file with a unique marker, then asks the server for the page until the
marker is in it, and reports the time from just before the save to the response that has it.
Between edits it waits until the server has written every queued page, so each edit starts from
a quiet server (the next save would otherwise compete with the background writer).

Usage: serve_latency.py --port P --root ROOT --item content/news/x.md --page /news/x/
                        --template themes/default/templates/single.mustache --edits N
"""
import argparse, http.client, json, statistics, sys, time


class Client:
    def __init__(self, port):
        self.port = port
        self.connection = None

    def get(self, path):
        for attempt in range(2):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.connection.request("GET", path)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, OSError):
                self.connection = None
                if attempt:
                    raise


def wait_until_quiet(client, deadline=300):
    """Until the server has no page left to write."""
    end = time.time() + deadline
    while time.time() < end:
        status, body = client.get("/__renda/status")
        if status == 200 and json.loads(body).get("queued", 1) == 0:
            return
        time.sleep(0.05)
    sys.exit("the server did not finish writing in time")


def measure(client, page, save, marker):
    started = time.perf_counter()
    save()
    while True:
        _, body = client.get(page)
        if marker in body:
            return (time.perf_counter() - started) * 1000
        time.sleep(0.001)
        if time.perf_counter() - started > 60:
            sys.exit(f"{marker.decode()} never appeared on {page}")


def append_marker(path, marker):
    def save():
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\n\n{marker}\n")
    return save


def template_marker(path, original, marker):
    def save():
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.replace("</article>", f"</article><p>{marker}</p>", 1))
    return save


def summary(name, values):
    values = sorted(values)
    return (f"{name}: median {statistics.median(values):.1f} ms, min {values[0]:.1f} ms, "
            f"max {values[-1]:.1f} ms over {len(values)} saves")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--item", required=True)
    parser.add_argument("--page", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()

    client = Client(args.port)
    wait_until_quiet(client)
    item = f"{args.root}/{args.item}"
    results = {"news item": [], "template": []}
    for n in range(args.edits):
        marker = f"测量标记{n}乙{time.time_ns()}"
        results["news item"].append(measure(client, args.page, append_marker(item, marker), marker.encode()))
        wait_until_quiet(client)
    template = f"{args.root}/{args.template}"
    with open(template, encoding="utf-8") as f:
        original = f.read()
    try:
        for n in range(args.edits):
            marker = f"模板标记{n}丙{time.time_ns()}"
            results["template"].append(measure(client, args.page, template_marker(template, original, marker), marker.encode()))
            wait_until_quiet(client)
    finally:
        with open(template, "w", encoding="utf-8") as f:
            f.write(original)
    for name, values in results.items():
        print(summary(f"save → served, {name}", values))
        print(f"  each: {', '.join(f'{v:.1f}' for v in values)}")


if __name__ == "__main__":
    main()
