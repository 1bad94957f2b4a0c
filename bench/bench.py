"""tintuc beside newsboat on one synthetic portal, in one run. Started by bench/run.sh, which
builds the binaries first. Prints every figure side by side, the ratio, and the budgets.

Usage: bench.py TARGET_DIR [--feeds N] [--items M] [--fulltext-feeds F] [--fulltext-items K]
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time

from pty_probe import Pty, percentile

KEYS = 200


class Portal:
    """The bench_portal example: base URL, and its request/byte counters over stdin."""

    def __init__(self, exe, feeds, items):
        self.proc = subprocess.Popen([exe, "--feeds", str(feeds), "--items", str(items)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.base = self.proc.stdout.readline().strip()
        self.feeds = feeds

    def urls(self, n=None):
        return [f"{self.base}/f{i}/rss.xml" for i in range(n or self.feeds)]

    def stats(self):
        self.proc.stdin.write("stats\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def reset(self):
        self.proc.stdin.write("reset\n")
        self.proc.stdin.flush()

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def timed_run(argv, env):
    """Runs argv under /usr/bin/time -v: (seconds, peak RSS in kB, exit status, output)."""
    t = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-v"] + argv, env=env, capture_output=True, text=True)
    secs = time.monotonic() - t
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return secs, int(rss.group(1)) if rss else None, p.returncode, p.stdout + p.stderr


def sync_figures(portal, argv, env):
    portal.reset()
    secs, rss, status, out = timed_run(argv, env)
    s = portal.stats()
    if status not in (0, 2):
        print(out[-2000:])
    return {"secs": secs, "rss_mb": rss / 1024 if rss else None, "requests": s["requests"],
            "bytes": s["bytes"], "not_modified": s["not_modified"], "status": status}


def dir_mb(path):
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total / 1e6


def keypresses(pty, keys):
    """Latency of each key (ms), by key."""
    pty.quiet(0.3)
    out = {}
    for i in range(KEYS):
        k = keys[i % len(keys)]
        ms = pty.key(k)
        if ms is not None:
            out.setdefault(k, []).append(ms)
    return out


def tintuc_config(path, urls, full_text, max_items=1000):
    with open(path, "w") as f:
        # One host serves every benchmark feed; the per-host bound (2 by default, polite to a
        # real portal) would otherwise make 100 portals look like one.
        f.write(f"[sync]\nfull_text = {'true' if full_text else 'false'}\n"
                f"concurrency = 8\nper_host_concurrency = 8\nmax_items = {max_items}\n")
        for i, u in enumerate(urls):
            f.write(f'\n[[source]]\nname = "Cổng {i:03}"\nurl = "{u}"\n')


def run_tintuc(bins, portal, work, env, args):
    exe = os.path.join(bins, "tintuc")
    conf, data = os.path.join(work, "tintuc.toml"), os.path.join(work, "tintuc-data")
    tintuc_config(conf, portal.urls(), full_text=False)
    base = [exe, "--config", conf, "--data-dir", data]
    r = {"cold": sync_figures(portal, base + ["sync", "--quiet"], env)}
    found = subprocess.run(base + ["search", "khoai chau", "--limit", "1"], env=env,
                           capture_output=True, text=True).stdout.strip()
    r["searchable"] = bool(found)
    r["again"] = sync_figures(portal, base + ["sync", "--quiet"], env)
    r["cache_mb"] = dir_mb(data)
    r["store"] = json.loads(subprocess.run(
        [os.path.join(bins, "examples", "bench_search"), data], env=env,
        capture_output=True, text=True, check=True).stdout)
    t = time.monotonic()
    for q in ["dang uy", "khoai chau", "nong thon moi"]:
        subprocess.run(base + ["search", q, "--limit", "20"], env=env, capture_output=True)
    r["cli_search_ms"] = (time.monotonic() - t) * 1000 / 3
    newest = json.loads(subprocess.run(base + ["list", "--limit", "1", "--json"], env=env,
                                       capture_output=True, text=True).stdout)[0]["title"]
    pty = Pty(base + ["--offline"], env)
    r["first_frame_ms"] = (pty.wait_for(newest[:12].encode(), 60) or float("nan")) * 1000
    keys = keypresses(pty, [b"j", b"j", b"j", b"\r", b"\x1b[Z"])
    r["keys"] = keys
    r["reader_rss_mb"] = pty.peak_rss_kb() / 1024
    pty.close()
    r["fulltext"] = fulltext(exe, portal, work, env, args)
    return r


def fulltext(exe, portal, work, env, args):
    """Pages fetched and extracted per second, on a few feeds with full_text on."""
    conf, data = os.path.join(work, "full.toml"), os.path.join(work, "full-data")
    tintuc_config(conf, portal.urls(args.fulltext_feeds), True, args.fulltext_items)
    f = sync_figures(portal, [exe, "--config", conf, "--data-dir", data, "sync", "--quiet"], env)
    f["pages"] = f["requests"] - args.fulltext_feeds
    f["pages_per_s"] = f["pages"] / f["secs"]
    return f


def run_newsboat(portal, work, env):
    home = os.path.join(work, "nb-home")
    os.makedirs(home)
    env = dict(env, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
    urls, conf, cache = (os.path.join(home, n) for n in ("urls", "config", "cache.db"))
    with open(urls, "w") as f:
        f.write("\n".join(portal.urls()) + "\n")
    with open(conf, "w") as f:
        f.write("reload-threads 8\nshow-read-feeds yes\n")  # the same 8 fetches at once
    argv = ["newsboat", "-u", urls, "-c", cache, "-C", conf]
    r = {"cold": sync_figures(portal, argv + ["-x", "reload"], env)}
    r["again"] = sync_figures(portal, argv + ["-x", "reload"], env)
    r["cache_mb"] = os.path.getsize(cache) / 1e6
    r["search"] = newsboat_search(cache)
    pty = Pty(argv, dict(env, TERM="xterm-256color"))
    r["first_frame_ms"] = (pty.wait_for("thông tin số".encode(), 300) or float("nan")) * 1000
    r["keys"] = keypresses(pty, [b"j", b"k"])
    r["reader_rss_mb"] = pty.peak_rss_kb() / 1024
    pty.close()
    return r


def newsboat_search(cache):
    """newsboat's search is SQL LIKE over its cache (title or content); the same statement,
    timed here through Python's sqlite3, for the bench queries (diacritic-free, so LIKE finds
    only what is spelled that way)."""
    db = sqlite3.connect(cache)
    times = []
    for q in ["dang uy", "nong thon moi", "khoai chau", "tinh", "can bo", "vai thieu",
              "hop tac xa", "song luoc", "dinh lang", "tiem chung", "bao hiem", "lang nghe",
              "thien ung", "nhan dan", "chuyen doi so", "san pham ocop", "giai phong mat bang",
              "cai cach hanh chinh", "phong chay chua chay", "ha tang giao th"]:
        t = time.monotonic()
        db.execute("SELECT guid FROM rss_item WHERE (title LIKE ?1 OR content LIKE ?1) "
                   "AND deleted = 0 ORDER BY pubDate DESC", (f"%{q}%",)).fetchall()
        times.append((time.monotonic() - t) * 1000)
    return {"p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95)}


def fmt(v, unit):
    if v is None or v != v:
        return "—"
    return f"{v:,.0f} {unit}" if abs(v) >= 100 else f"{v:.2f} {unit}".replace(".00 ", " ")


def report(t, n, args):
    keys_j = t["keys"].get(b"j", [])
    keys_open = t["keys"].get(b"\r", [])
    keys_all = sum(t["keys"].values(), [])
    nb_keys = sum(n["keys"].values(), []) if n else []
    cold_b = t["cold"]["bytes"]
    rows = [
        # (figure, tintuc, newsboat, unit, budget, met)
        ("cold sync (feeds only)", t["cold"]["secs"], n and n["cold"]["secs"], "s", "≤ 8 s",
         t["cold"]["secs"] <= 8 and t["searchable"]),
        ("  requests", t["cold"]["requests"], n and n["cold"]["requests"], "", "", None),
        ("  bytes received", cold_b / 1e6, n and n["cold"]["bytes"] / 1e6, "MB", "", None),
        ("  peak RSS of the sync", t["cold"]["rss_mb"], n and n["cold"]["rss_mb"], "MB", "", None),
        ("sync, nothing changed", t["again"]["secs"], n and n["again"]["secs"], "s", "≤ 0.5 s",
         t["again"]["secs"] <= 0.5),
        ("  requests", t["again"]["requests"], n and n["again"]["requests"], "", "", None),
        ("  bytes received", t["again"]["bytes"] / 1e3, n and n["again"]["bytes"] / 1e3, "kB",
         "≤ 1% of cold", t["again"]["bytes"] <= cold_b / 100),
        ("first frame with the list", t["first_frame_ms"], n and n["first_frame_ms"], "ms",
         "≤ 100 ms", t["first_frame_ms"] <= 100),
        ("search p50", t["store"]["search_p50_ms"], n and n["search"]["p50_ms"], "ms", "", None),
        ("search p95", t["store"]["search_p95_ms"], n and n["search"]["p95_ms"], "ms", "≤ 30 ms",
         t["store"]["search_p95_ms"] <= 30),
        ("key→frame p50 (all keys)", percentile(keys_all, .5), percentile(nb_keys, .5), "ms", "",
         None),
        ("key→frame p99 (all keys)", percentile(keys_all, .99), percentile(nb_keys, .99), "ms",
         "≤ 16 ms", (percentile(keys_all, .99) or 1e9) <= 16),
        ("  p99 moving (j)", percentile(keys_j, .99), None, "ms", "", None),
        ("  p99 opening (Enter)", percentile(keys_open, .99), None, "ms", "", None),
        ("reader peak RSS", t["reader_rss_mb"], n and n["reader_rss_mb"], "MB", "≤ 60 MB",
         t["reader_rss_mb"] <= 60),
        ("cache size", t["cache_mb"], n and n["cache_mb"], "MB", "", None),
        ("full text: pages/s", t["fulltext"]["pages_per_s"], None, "/s", "≥ 200/s",
         t["fulltext"]["pages_per_s"] >= 200),
    ]
    print(f"\n{'':28} {'tintuc':>12} {'newsboat':>12} {'ratio':>8}  budget")
    for name, a, b, unit, budget, met in rows:
        ratio = f"{b / a:.1f}×" if a and b else ""
        mark = "" if met is None else ("met" if met else "NOT MET")
        print(f"{name:28} {fmt(a, unit):>12} {fmt(b, unit):>12} {ratio:>8}  {budget} {mark}")
    s = t["store"]
    print(f"\ntintuc store calls: counts {s['counts_ms']:.1f} ms, window at top "
          f"{s['window_top_ms']:.1f} ms, at the end {s['window_end_ms']:.1f} ms, article "
          f"{s['article_ms']:.2f} ms, similar {s['similar_ms']:.1f} ms, slowest search "
          f"{s['search_max_ms']:.1f} ms; `tintuc search` end to end {t['cli_search_ms']:.0f} ms")
    f = t["fulltext"]
    print(f"full text: {f['pages']} pages from {args.fulltext_feeds} feeds in {f['secs']:.2f} s")
    print(f"searchable right after the cold sync: {t['searchable']}")
    print("ratio = newsboat / tintuc (higher: tintuc is faster or smaller)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("target")
    ap.add_argument("--feeds", type=int, default=100)
    ap.add_argument("--items", type=int, default=1000)
    ap.add_argument("--fulltext-feeds", type=int, default=10)
    ap.add_argument("--fulltext-items", type=int, default=200)
    ap.add_argument("--no-newsboat", action="store_true")
    args = ap.parse_args()
    env = dict(os.environ, NO_PROXY="127.0.0.1", no_proxy="127.0.0.1", TERM="xterm-256color")
    work = tempfile.mkdtemp(prefix="tintuc-bench-")
    portal = Portal(os.path.join(args.target, "examples", "bench_portal"), args.feeds, args.items)
    print(f"portal {portal.base}: {args.feeds} feeds × {args.items} items; work dir {work}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    try:
        t = run_tintuc(args.target, portal, work, env, args)
        n = None if args.no_newsboat else run_newsboat(portal, work, env)
    finally:
        portal.stop()
    report(t, n, args)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
