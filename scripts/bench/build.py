#!/usr/bin/env python3
"""Build benchmark: renda against Hugo on the shared generated corpora, in the same run.

For each corpus size it generates the corpus in /dev/shm with the shared generator, builds it
with `renda build` (release) and with Hugo (the shared wrapper site) several times, taking
turns, and prints the median wall time (each tool starting from an empty output folder; renda
also replacing its previous output, as a second build does), pages per second, peak RSS (of the
build process and its children, from wait4), output files and bytes, and the renda/Hugo ratios.
Then it does one size again with corpus and output on disk, beside a plain `cp -r` of the corpus.

Usage: build.py --renda .build/release/renda --shared ../shared [--sizes 1000,10000,50000]
                [--runs 5] [--disk-size 10000] [--disk-dir .build-bench]
Prints a Markdown table for the README at the end.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date

SHM = "/dev/shm"


def run(argv, cwd=None):
    """Runs argv with output discarded; returns (seconds, peak RSS in KiB)."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            sys.exit(f"failed ({process.returncode}): {' '.join(argv)}\n{log.read()[-2000:].decode('utf-8', 'replace')}")
    return seconds, usage.ru_maxrss


def tree_size(folder):
    files = total = 0
    for base, _, names in os.walk(folder):
        for name in names:
            files += 1
            total += os.lstat(os.path.join(base, name)).st_size
    return files, total


def corpus(shared, pages, parent, themes):
    """The shared generator's corpus (made once, reused), with the theme linked in."""
    folder = os.path.join(parent, f"renda-bench-{pages}")
    if not os.path.exists(os.path.join(folder, "content", "site.yml")):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(shared, "bench", "gen_corpus.py"),
                        "--pages", str(pages), "--out", folder], check=True, stdout=subprocess.DEVNULL)
    link = os.path.join(folder, "themes")
    # A corpus made from another checkout points at that checkout's themes: use this one's.
    if os.path.islink(link) and os.readlink(link) != themes:
        os.remove(link)
    if not os.path.islink(link):
        os.symlink(themes, link)
    return folder


def hugo_argv(shared, folder, work):
    config = subprocess.run([os.path.join(shared, "bench", "hugo", "mkconfig.sh"), folder, work],
                            check=True, capture_output=True, text=True).stdout.strip()
    return lambda out: ["hugo", "--source", os.path.join(shared, "bench", "hugo"), "--config", config,
                        "--destination", out, "--cacheDir", os.path.join(work, "cache")]


def measure(builds, runs):
    """Median seconds and peak RSS of each (build, out) over `runs` rounds. The builds take turns
    within each round, so a machine that speeds up or slows down during the run (a shared host
    does) moves every tool's figures alike and the ratios stay fair."""
    times = [[] for _ in builds]
    peaks = [0 for _ in builds]
    for _ in range(runs):
        for position, (build, out) in enumerate(builds):
            seconds, peak = build(out)
            times[position].append(seconds)
            peaks[position] = max(peaks[position], peak)
    return [(statistics.median(series), peak) for series, peak in zip(times, peaks)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--renda", required=True)
    parser.add_argument("--shared", required=True)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--disk-size", type=int, default=10000)
    parser.add_argument("--disk-dir", default=".build-bench")
    args = parser.parse_args()
    renda = os.path.abspath(args.renda)
    shared = os.path.abspath(args.shared)
    themes = os.path.abspath("themes")
    if not shutil.which("hugo"):
        sys.exit("hugo not found (make bench installs Debian's hugo)")

    def renda_build(folder, fresh=True):
        # Like Hugo below, each build starts from an empty output folder (deleted outside the
        # timing); with fresh=False it replaces the previous build's output, as a staff member's
        # second build does, which adds deleting the old files to renda's time.
        def build(out):
            if fresh:
                shutil.rmtree(out, ignore_errors=True)
            return run([renda, "build", "--root", folder, "--output", out])
        return build

    def hugo_build(folder, work):
        argv = hugo_argv(shared, folder, work)

        def build(out):
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(os.path.join(work, "cache"), ignore_errors=True)
            return run(argv(out))
        return build

    rows = []
    for pages in [int(size) for size in args.sizes.split(",")]:
        folder = corpus(shared, pages, SHM, themes)
        work = tempfile.mkdtemp(prefix="renda-bench-hugo-", dir=SHM)
        renda_out, hugo_out = os.path.join(work, "renda-site"), os.path.join(work, "hugo-site")
        replace_out = os.path.join(work, "renda-site-replaced")
        (r_time, r_rss), (r_replace, _), (h_time, h_rss) = measure(
            [(renda_build(folder), renda_out), (renda_build(folder, fresh=False), replace_out),
             (hugo_build(folder, work), hugo_out)], args.runs)
        r_files, r_bytes = tree_size(renda_out)
        h_files, h_bytes = tree_size(hugo_out)
        rows.append((pages, r_time, r_rss, r_files, r_bytes, h_time, h_rss, h_files, h_bytes, r_replace))
        print(f"{pages:>6} pages  renda {r_time:6.2f} s ({r_replace:.2f} s replacing) {r_rss / 1024:7.0f} MiB {r_files} files {r_bytes / 1e6:.0f} MB"
              f"  |  hugo {h_time:6.2f} s {h_rss / 1024:7.0f} MiB {h_files} files {h_bytes / 1e6:.0f} MB"
              f"  |  ratio time {r_time / h_time:.2f} memory {r_rss / h_rss:.2f}", flush=True)
        shutil.rmtree(work)

    # On disk: corpus copied from memory, then renda, Hugo and cp -r of the corpus itself.
    disk_row = None
    if args.disk_size:
        disk = os.path.abspath(args.disk_dir)
        os.makedirs(disk, exist_ok=True)
        source = corpus(shared, args.disk_size, SHM, themes)
        folder = os.path.join(disk, f"corpus-{args.disk_size}")
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(source, folder, symlinks=True)
        work = tempfile.mkdtemp(prefix="hugo-", dir=disk)
        runs = max(3, args.runs // 2)

        def copy(out):
            shutil.rmtree(out, ignore_errors=True)
            return run(["cp", "-r", os.path.join(folder, "content"), out])
        (c_time, _), (r_time, _), (h_time, _) = measure(
            [(copy, os.path.join(work, "copy")), (renda_build(folder), os.path.join(work, "renda-site")),
             (hugo_build(folder, work), os.path.join(work, "hugo-site"))], runs)
        disk_row = (args.disk_size, r_time, h_time, c_time)
        print(f"disk {args.disk_size} pages  renda {r_time:.2f} s  hugo {h_time:.2f} s  cp -r {c_time:.2f} s", flush=True)
        shutil.rmtree(work)
        shutil.rmtree(folder)

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print()
    print(f"Measured {date.today().isoformat()} on {os.cpu_count()} × {cpu}, {platform.system()} "
          f"{platform.release()}; Hugo {hugo_version}; median of {args.runs} runs, corpus and output in /dev/shm.")
    print()
    print("| pages | renda | replacing | pages/s | peak RSS | files | output | Hugo | Hugo RSS | time ratio | memory ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for pages, r_time, r_rss, r_files, r_bytes, h_time, h_rss, _, _, r_replace in rows:
        print(f"| {pages:,} | {r_time:.2f} s | {r_replace:.2f} s | {pages / r_time:,.0f} | {r_rss / 1024:,.0f} MiB | {r_files:,} "
              f"| {r_bytes / 1e6:,.0f} MB | {h_time:.2f} s | {h_rss / 1024:,.0f} MiB "
              f"| {r_time / h_time:.2f}× | {r_rss / h_rss:.2f}× |")
    if disk_row:
        pages, r_time, h_time, c_time = disk_row
        print()
        print(f"On disk ({pages:,} pages, median of {max(3, args.runs // 2)}): renda {r_time:.2f} s, "
              f"Hugo {h_time:.2f} s, `cp -r` of the corpus {c_time:.2f} s "
              f"(renda = {r_time / h_time:.2f}× Hugo, {r_time / c_time:.2f}× cp -r).")
    if len(rows) >= 2:
        small = {row[0]: row[1] for row in rows}
        if 10000 in small and 50000 in small:
            print(f"50k / 10k build time: {small[50000] / small[10000]:.2f}× (linear would be 5×).")


if __name__ == "__main__":
    main()
