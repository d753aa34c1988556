#!/usr/bin/env python3
"""Measurement and report steps of bench/run-all (standard library only).

measure: runs wrk against the variants, reads /metrics, records JFR profiles, writes results.json.
report:  turns results.json (+ JMH json, JFR files) into docs/performance.md.

Loopback only; every load run is bounded by wrk's -d and a subprocess timeout. The test PAN lives
only in generated Lua files inside the temporary work directory and is never printed.
"""
import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import threading
import sys
import time
import urllib.request
from collections import Counter, defaultdict

# the JVM options bench/run-all starts cardvault with (docs/operations.md's recommendation)
JVM_OPTS = os.environ.get("CV_JVM_OPTS", "-Xmx256m")
TEST_PAN = "4111111111111111"  # standard test card
VARIANTS = ["direct", "nginx", "forward", "tokens"]
LABELS = {
    "direct": "direct to the sandbox PSP",
    "nginx": "nginx → sandbox PSP",
    "forward": "`POST /api/v1/forward` → sandbox PSP",
    "tokens": "`POST /api/v1/tokens` (sk)",
}
CLIENTS = [1, 16]
ROUNDS = 2
MEMORY_WORKLOAD = int(os.environ.get("BENCH_MEMORY_COUNT", "100000"))  # tokens and forwards each, target 6
MEMORY_MAX_SECONDS = 600  # per wrk run of the memory workload


def log(msg):
    print(f"bench/run-all: {msg}", flush=True)


def http(method, url, body=None, headers=None, timeout=10):
    assert url.startswith("http://127.0.0.1:"), "loopback only"
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def http_headers(url, headers):
    """GET; returns (status, headers as a lower-case dict, body length)."""
    assert url.startswith("http://127.0.0.1:"), "loopback only"
    req = urllib.request.Request(url, method="GET", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, len(r.read())
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, len(e.read())


ASSETS = ["/js/cardvault.js", "/fields/field.js", "/fields/field.en.js", "/fields/field.css", "/fields/warm.html"]


def check_assets(port):
    """Compression and caching of the browser assets: gzip when accepted, ETag and a 304 on revalidation."""
    rows = []
    for path in ASSETS:
        url = f"http://127.0.0.1:{port}{path}"
        st, h, n = http_headers(url, {"Accept-Encoding": "gzip"})
        st2, _, _ = http_headers(url, {"Accept-Encoding": "gzip", "If-None-Match": h["etag"]}) \
            if h.get("etag") else (None, None, None)
        _, _, identity = http_headers(url, {})
        rows.append({"path": path, "status": st, "encoding": h.get("content-encoding", ""), "bytes": n,
                     "identity_bytes": identity, "cache_control": h.get("cache-control", ""),
                     "etag": bool(h.get("etag")), "revalidated": st2})
    return rows


def load_env(path):
    env = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if "=" in line and not line.startswith("#"):
                k, v = line.split("=", 1)
                env[k] = v.strip("'\"")
    return env


def lua_string(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


DONE_LUA = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,' ..
    '"timeout":%d,"p50_us":%.1f,"p90_us":%.1f,"p99_us":%.1f,"mean_us":%.1f,"max_us":%.1f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))
end
"""


def write_lua(path, body, headers):
    lines = ['wrk.method = "POST"', f"wrk.body = {lua_string(body)}"]
    for k, v in headers.items():
        lines.append(f"wrk.headers[{lua_string(k)}] = {lua_string(v)}")
    with open(path, "w") as f:
        os.chmod(path, 0o600)
        f.write("\n".join(lines) + "\n" + DONE_LUA)


STOP_AFTER_LUA = r"""
local answered = 0
response = function(status, headers, body)
  answered = answered + 1
  if answered >= LIMIT then wrk.thread:stop() end
end
"""


def write_counted_lua(path, body, headers, limit):
    """A wrk script that stops after `limit` responses (one thread)."""
    write_lua(path, body, headers)
    with open(path, "a") as f:
        f.write(STOP_AFTER_LUA.replace("LIMIT", str(int(limit))))


def prepare_scripts(lua, targets, prefix, what):
    """One wrk script per variant, and one request each, to fail early with a clear message."""
    scripts = {}
    for v, (url, body, headers) in targets.items():
        scripts[v] = os.path.join(lua, prefix + v + ".lua")
        write_lua(scripts[v], body, headers)
        st, _ = http("POST", url, body.encode(), headers)
        if st != 201:
            raise SystemExit(f"{what} {v}: first request answered HTTP {st}, expected 201")
    return scripts


def run_wrk(script, url, clients, duration):
    cmd = ["wrk", "-t1", f"-c{clients}", f"-d{duration}s", "--timeout", "10s", "-s", script, url]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60)
    m = re.search(r"^WRKJSON (\{.*\})$", p.stdout, re.M)
    if not m:
        raise RuntimeError(f"wrk gave no result (exit {p.returncode}): {p.stderr.strip()[:300]}")
    r = json.loads(m.group(1))
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    r["errors"] = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
    return r


# Until the JIT has settled: rounds of 16-client load on the cardvault variants (the deep paths,
# ~17,000 classes) until two rounds in a row leave fewer than SETTLED_PER_S compilations a second,
# or --warmup-cap seconds (BENCH_WARMUP_CAP) have passed. Measured on this machine: a forward keeps
# C2 busy for 4-5 minutes of load, and throughput rises by half over that time (900 -> 1,400/s).
SETTLE_ROUND_S = 15
DB_IDLE_SECONDS = 30
DB_POLL_SECONDS = 5
DB_SETTLED_POLLS = 3
DB_SETTLE_CAP_SECONDS = 210
SETTLED_PER_S = 5
PROFILE_MIN_S = 20  # each JFR-profiled run, at least


def settle_jit(a, scripts, targets, variants, cap_s):
    """Alternates 16-client runs of `variants` until the compilation rate is low; returns a summary."""
    rounds, quiet, spent = [], 0, 0
    last = jit_compiles(a.jdk_bin, a.cv_pid)
    if last is None:
        return {"settled": False, "seconds": 0, "rounds": [], "note": "jcmd gave no compile counter"}
    while spent < cap_s and quiet < 2:
        for v in variants:
            run_wrk(scripts[v], targets[v][0], 16, SETTLE_ROUND_S)
            spent += SETTLE_ROUND_S
        now = jit_compiles(a.jdk_bin, a.cv_pid)
        if now is None:
            break
        rounds.append(now - last)
        quiet = quiet + 1 if now - last < SETTLED_PER_S * SETTLE_ROUND_S * len(variants) else 0
        log(f"JIT settling: {now - last} compilations in the last {SETTLE_ROUND_S * len(variants)} s "
            f"({spent} s so far)")
        last = now
    return {"settled": quiet >= 2, "seconds": spent, "rounds": rounds,
            "round_s": SETTLE_ROUND_S * len(variants),
            "threshold": SETTLED_PER_S * SETTLE_ROUND_S * len(variants)}


def prime_jfr(a):
    """A throw-away JFR recording. A JVM's first recording instruments the JDK's socket and file
    classes, and that redefinition throws away the compiled code: started on a warm server, the
    profiled forwards ran at 3-10 % of their rate for a minute or more (the interpreter, and C2
    recompiling), so the recordings profiled that. Later recordings reuse the instrumented classes
    (a second one costs no recompilation). The caller lets the JIT settle again before recording.
    Not done before the measured runs: JFR's buffers and classes would count in target 6's RSS."""
    jcmd = os.path.join(a.jdk_bin, "jcmd")
    start = time.monotonic()
    subprocess.run([jcmd, str(a.cv_pid), "JFR.start", "name=bench-primer", "settings=profile"],
                   capture_output=True, text=True, timeout=60, check=True)
    subprocess.run([jcmd, str(a.cv_pid), "JFR.stop", "name=bench-primer"],
                   capture_output=True, text=True, timeout=60, check=True)
    log(f"JFR primer recording started and stopped ({time.monotonic() - start:.1f} s)")
    return {"seconds": round(time.monotonic() - start, 1)}


def jit_compiles(jdk_bin, pid):
    """The JIT's compilations so far (HotSpot's sun.ci.totalCompiles counter), or None."""
    try:
        p = subprocess.run([os.path.join(jdk_bin, "jcmd"), str(pid), "PerfCounter.print"],
                           capture_output=True, text=True, timeout=30)
        m = re.search(r"^sun\.ci\.totalCompiles=(\d+)", p.stdout, re.M)
        return int(m.group(1)) if m else None
    except (OSError, subprocess.SubprocessError):
        return None


def scrape_metrics(port):
    status, body = http("GET", f"http://127.0.0.1:{port}/metrics", headers={"Accept": "text/plain"})
    values = {}
    if status != 200:
        return values
    for line in body.decode("utf-8", "replace").splitlines():
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^([A-Za-z_:][A-Za-z0-9_:]*)(\{[^}]*\})?\s+(\S+)", line)
        if m:
            try:
                values[m.group(1) + (m.group(2) or "")] = float(m.group(3))
            except ValueError:
                pass
    return values


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


# ------------------------------------------------------------------------------------------------
def _proc_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12]), int(fields[1])  # utime + stime, ppid
    except (OSError, IndexError, ValueError):
        return 0, -1


def cpu_snapshot(roots):
    """Machine-wide CPU ticks (busy, steal, all) and the ticks of this benchmark's own processes: the
    process trees under `roots` (cardvault, nginx) and this script with its finished children (wrk)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = v
    ticks, children = {}, {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            t, ppid = _proc_ticks(int(d))
            ticks[int(d)] = t
            children.setdefault(ppid, []).append(int(d))
    ours, todo, seen = 0, [r for r in roots if r], set()
    todo.append(os.getpid())
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        ours += ticks.get(pid, 0)
        todo.extend(children.get(pid, []))
    t = os.times()
    ours += round((t.children_user + t.children_system) * os.sysconf("SC_CLK_TCK"))  # wrk, once reaped
    return {"busy": user + nice + system + irq + softirq, "steal": steal, "all": sum(v), "ours": ours}


def cpu_window(start, end):
    """Shares of the machine's CPU time between two snapshots: used by other processes, and taken by
    the hypervisor (steal)."""
    span = max(1, end["all"] - start["all"])
    others = max(0, (end["busy"] - start["busy"]) - (end["ours"] - start["ours"]))
    return {"others_pct": 100.0 * others / span, "steal_pct": 100.0 * (end["steal"] - start["steal"]) / span,
            "seconds": span / os.sysconf("SC_CLK_TCK") / (os.cpu_count() or 1)}


# ------------------------------------------------------------------------------------------------
def measure(a):
    work, port, nport, duration = a.work, a.cv_port, a.nginx_port, a.duration
    base = f"http://127.0.0.1:{port}"
    env = load_env(os.path.join(work, "cv", "data", "demo.env"))
    sk = env["CARDVAULT_DEMO_SK"]
    results = {"ready_ms": a.ready_ms, "jvm_opts": JVM_OPTS, "duration_s": duration, "runs": [], "profile_runs": {},
               "load_at_start": os.getloadavg()[0], "started_at": time.time()}

    # console at start
    with open(os.path.join(work, "console-at-start.log"), encoding="utf-8", errors="replace") as f:
        console = f.read()
    lines = console.splitlines()
    records = [r for r in re.split(r"\n(?=\[\d{4}-\d\d-\d\dT)", console) if r.strip()]
    results["console_lines"] = len(lines)
    results["console_records"] = len(records)
    results["banner_last"] = bool(records) and "cardvault is running" in records[-1]
    results["banner_seen"] = "cardvault is running" in console

    # a token for the forward variant (no CVC: the sandbox does not need one)
    status, body = http("POST", base + "/api/v1/tokens",
                        json.dumps({"number": TEST_PAN, "expiryMonth": 12, "expiryYear": 2030}).encode(),
                        {"x-api-key": sk, "Content-Type": "application/json"})
    if status != 201:
        raise SystemExit(f"tokenize failed with HTTP {status}")
    token = json.loads(body)["id"]

    direct_body = json.dumps({"amount": 1999, "currency": "EUR",
                              "card": {"number": TEST_PAN, "expMonth": 12, "expYear": 2030}})
    forward_body = ('{"amount": 1999, "currency": "EUR", "card": {"number": "{{ number }}", '
                    '"expMonth": "{{ expiryMonth | unwrap }}", "expYear": "{{ expiryYear | unwrap }}"}}')
    token_body = json.dumps({"number": TEST_PAN, "expiryMonth": 12, "expiryYear": 2030})
    lua = os.path.join(work, "lua")
    os.makedirs(lua, mode=0o700, exist_ok=True)
    json_ct = {"Content-Type": "application/json"}
    targets = {
        "direct": (base + "/sandbox/psp/v1/payments", direct_body, json_ct),
        "nginx": (f"http://127.0.0.1:{nport}/sandbox/psp/v1/payments", direct_body, json_ct),
        "forward": (base + "/api/v1/forward", forward_body,
                    {**json_ct, "x-api-key": sk, "x-token-id": token,
                     "x-forward-url": base + "/sandbox/psp/v1/payments"}),
        "tokens": (base + "/api/v1/tokens", token_body, {**json_ct, "x-api-key": sk}),
    }
    scripts = prepare_scripts(lua, targets, "", "variant")

    # A warm JVM: this server has ~17,000 classes, and C2 keeps compiling for minutes under load;
    # the compilations during the measured runs are reported to show how warm it was
    warm = a.warmup
    log(f"warm-up ({warm} s per variant, 16 clients, then 1 client for {max(2, warm // 6)} s)")
    results["jit_compiles"] = {"start": jit_compiles(a.jdk_bin, a.cv_pid)}
    for v in VARIANTS:
        run_wrk(scripts[v], targets[v][0], 16, warm)
        run_wrk(scripts[v], targets[v][0], 1, max(2, warm // 6))
    results["jit_settle"] = settle_jit(a, scripts, targets, ("forward", "tokens"), a.warmup_cap)
    for v in VARIANTS:
        # the variants outside the settling rounds, warm again before the measured runs
        run_wrk(scripts[v], targets[v][0], 16, 5)
        run_wrk(scripts[v], targets[v][0], 1, 2)
    results["jit_compiles"]["measured_from"] = jit_compiles(a.jdk_bin, a.cv_pid)
    results["warmup_s"] = warm
    nginx_pid = None
    try:
        with open(os.path.join(work, "nginx", "nginx.pid")) as f:
            nginx_pid = int(f.read().strip())
    except (OSError, ValueError):
        pass
    cpu_roots = (a.cv_pid, nginx_pid)
    cpu_start = cpu_snapshot(cpu_roots)

    total = ROUNDS * len(CLIENTS) * len(VARIANTS)
    n = 0
    for rnd in range(1, ROUNDS + 1):
        for clients in CLIENTS:
            for v in VARIANTS:
                n += 1
                # the timers are read around every run: at 16 clients (saturated) and at 1
                before = scrape_metrics(port) if v in ("forward", "tokens") else None
                r = run_wrk(scripts[v], targets[v][0], clients, duration)
                if before is not None:
                    after = scrape_metrics(port)
                    r["metrics_delta"] = {k: after[k] - before.get(k, 0.0) for k in after
                                          if k.startswith("cardvault") and after[k] != before.get(k, 0.0)}
                    r["metrics_quantiles"] = {k: after[k] for k in after
                                              if k.startswith("cardvault") and "quantile=" in k}
                r.update(variant=v, clients=clients, round=rnd)
                results["runs"].append(r)
                log(f"[{n}/{total}] {v:8s} c={clients:2d}: {r['rps']:8.0f} req/s  p50 {r['p50_us']/1000:.2f} ms"
                    f"  p99 {r['p99_us']/1000:.2f} ms  errors {r['errors']}")

    results["cpu_during_runs"] = cpu_window(cpu_start, cpu_snapshot(cpu_roots))
    results["jit_compiles"]["measured_to"] = jit_compiles(a.jdk_bin, a.cv_pid)
    m = scrape_metrics(port)
    results["metrics_names"] = sorted({re.sub(r"\{.*", "", k) for k in m if k.startswith("cardvault")})
    results["metrics_histograms"] = sorted({re.sub(r"_(bucket|count|sum)(\{.*)?$", "", k)
                                            for k in m if k.startswith("cardvault")
                                            and re.search(r"_(bucket|count|sum)(\{|$)", k)})
    results["rss_kb_after_load"] = rss_kb(a.cv_pid)
    results["assets"] = check_assets(port)

    # target 6: 100,000 tokens and 100,000 forwards in all, then the RSS (bounded: count and time);
    # before the JFR recordings, whose buffers and classes would count in the RSS
    if os.environ.get("BENCH_SKIP_MEMORY", "0") != "1":
        done = {v: sum(r["requests"] for r in results["runs"] if r["variant"] == v)
                for v in ("tokens", "forward")}
        memory = {"target": MEMORY_WORKLOAD, "before": dict(done), "runs": [], "errors": 0}
        for v in ("tokens", "forward"):
            left = MEMORY_WORKLOAD - done[v]
            while left > 0 and len(memory["runs"]) < 20:
                script = os.path.join(lua, v + "-counted.lua")
                write_counted_lua(script, targets[v][1], targets[v][2], left)
                # wrk's threads stop at the count, but wrk itself waits out -d: size it from this
                # variant's measured rate, with 10 % to spare
                rps = [r["rps"] for r in results["runs"] if r["variant"] == v and r["clients"] == 16]
                seconds = min(MEMORY_MAX_SECONDS, int(left / max(1.0, min(rps)) * 1.1) + 2)
                r = run_wrk(script, targets[v][0], 16, seconds)
                memory["runs"].append({"variant": v, "requests": r["requests"], "rps": r["rps"],
                                       "errors": r["errors"]})
                memory["errors"] += r["errors"]
                done[v] += r["requests"]
                left = MEMORY_WORKLOAD - done[v]
                log(f"memory workload {v}: {done[v]:,} in all, RSS {rss_kb(a.cv_pid) / 1024:,.0f} MB")
                if r["requests"] == 0:
                    break
        memory["done"] = done
        memory["rss_kb"] = rss_kb(a.cv_pid)
        # the embedded database file: right after the workload, after 30 s without load (the
        # housekeeping gives superseded chunks back and shrinks the file when idle), and once it has
        # stopped changing (the same size for DB_SETTLED_POLLS polls DB_POLL_SECONDS apart, at most
        # DB_SETTLE_CAP_SECONDS)
        db = os.path.join(work, "cv", "data", "cardvault.mv.db")
        if os.path.exists(db):
            memory["db_bytes"] = os.path.getsize(db)
            time.sleep(DB_IDLE_SECONDS)
            memory["db_bytes_idle"] = os.path.getsize(db)
            waited, same, last = DB_IDLE_SECONDS, 0, memory["db_bytes_idle"]
            while waited < DB_SETTLE_CAP_SECONDS and same < DB_SETTLED_POLLS:
                time.sleep(DB_POLL_SECONDS)
                waited += DB_POLL_SECONDS
                size = os.path.getsize(db)
                same = same + 1 if size == last else 0
                last = size
            memory["db_bytes_settled"] = last
            memory["db_settled_s"] = waited if same >= DB_SETTLED_POLLS else None
            log(f"embedded database file: {memory['db_bytes'] / 1e6:,.0f} MB after the workload, "
                f"{memory['db_bytes_idle'] / 1e6:,.0f} MB after {DB_IDLE_SECONDS} s, {last / 1e6:,.0f} MB after {waited} s")
        results["memory"] = memory
        log(f"memory workload: tokens {done['tokens']:,}, forwards {done['forward']:,}, "
            f"RSS {memory['rss_kb'] / 1024:,.0f} MB, errors {memory['errors']}")

    # JFR profiles of the 16-client forward and tokenize runs (separate runs, not in the table;
    # longer than a measured run: JFR samples at most a few running threads every 10 ms), after a
    # primer recording and the JIT's recompilation (see prime_jfr)
    results["jfr_primer"] = prime_jfr(a)
    results["jfr_primer"]["settle"] = settle_jit(a, scripts, targets, ("forward", "tokens"), a.warmup_cap)
    log(f"JFR primer: the JIT {'settled' if results['jfr_primer']['settle']['settled'] else 'did not settle'} "
        f"after {results['jfr_primer']['settle']['seconds']} s")
    jcmd = os.path.join(a.jdk_bin, "jcmd")
    profile_s = results["profile_s"] = max(duration, PROFILE_MIN_S)
    for v in ("forward", "tokens"):
        jfr = os.path.join(work, f"{v}.jfr")
        subprocess.run([jcmd, str(a.cv_pid), "JFR.start", f"name=bench-{v}", "settings=profile",
                        f"filename={jfr}"], capture_output=True, text=True, timeout=60, check=True)
        try:
            r = run_wrk(scripts[v], targets[v][0], 16, profile_s)
        finally:
            subprocess.run([jcmd, str(a.cv_pid), "JFR.stop", f"name=bench-{v}"],
                           capture_output=True, text=True, timeout=120)
        results["profile_runs"][v] = {"rps": r["rps"], "p50_us": r["p50_us"], "requests": r["requests"],
                                      "errors": r["errors"], "jfr": os.path.basename(jfr)}
        log(f"JFR {v}: {r['rps']:.0f} req/s while recording")
    results["rss_kb_end"] = rss_kb(a.cv_pid)

    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


def measure_pg(a):
    """Target 3 on PostgreSQL: tokens and the direct sandbox at 1 and 16 clients, interleaved, twice."""
    work, port, duration = a.work, a.cv_port, a.duration
    base = f"http://127.0.0.1:{port}"
    env = load_env(os.path.join(work, "cv-pg", "data", "demo.env"))
    sk = env["CARDVAULT_DEMO_SK"]
    json_ct = {"Content-Type": "application/json"}
    token_body = json.dumps({"number": TEST_PAN, "expiryMonth": 12, "expiryYear": 2030})
    direct_body = json.dumps({"amount": 1999, "currency": "EUR",
                              "card": {"number": TEST_PAN, "expMonth": 12, "expYear": 2030}})
    targets = {"direct": (base + "/sandbox/psp/v1/payments", direct_body, json_ct),
               "tokens": (base + "/api/v1/tokens", token_body, {**json_ct, "x-api-key": sk})}
    lua = os.path.join(work, "lua")
    os.makedirs(lua, mode=0o700, exist_ok=True)
    scripts = prepare_scripts(lua, targets, "pg-", "PostgreSQL variant")
    log(f"PostgreSQL: warm-up ({a.warmup} s per variant, 16 clients, then until the JIT settles)")
    for v in targets:
        run_wrk(scripts[v], targets[v][0], 16, a.warmup)
    pg_settle = settle_jit(a, scripts, targets, ("tokens",), a.warmup_cap)
    run_wrk(scripts["direct"], targets["direct"][0], 16, 5)
    runs = []
    for rnd in range(1, ROUNDS + 1):
        for clients in CLIENTS:
            for v in targets:
                r = run_wrk(scripts[v], targets[v][0], clients, duration)
                r.update(variant=v, clients=clients, round=rnd)
                runs.append(r)
                log(f"PostgreSQL {v:7s} c={clients:2d}: {r['rps']:8.0f} req/s  p50 {r['p50_us']/1000:.2f} ms"
                    f"  p99 {r['p99_us']/1000:.2f} ms  errors {r['errors']}")
    with open(os.path.join(work, "results-pg.json"), "w") as f:
        json.dump({"runs": runs, "jit_settle": pg_settle}, f, indent=1)


def pg_section(w, work):
    path = os.path.join(work, "results-pg.json")
    if not os.path.exists(path):
        w("PostgreSQL: not measured in this run (set `CARDVAULT_TEST_PG_URL` to a loopback PostgreSQL, "
          "as `.ci/run` does, to include it).")
        return
    with open(path) as f:
        pg = json.load(f)
    runs, settle = pg["runs"], pg.get("jit_settle") or {}

    def mean(v, c, key):
        xs = [r[key] for r in runs if r["variant"] == v and r["clients"] == c]
        return sum(xs) / len(xs)
    t16, d16 = mean("tokens", 16, "rps"), mean("direct", 16, "rps")
    w("PostgreSQL (the same server restarted on `CARDVAULT_TEST_PG_URL`, `synchronous_commit` as configured "
      "there; 16-client tokenize rounds until the JIT settled"
      + (f" ({'settled' if settle.get('settled') else 'not settled'} after {settle.get('seconds', 0)} s)"
         if settle else "")
      + "; tokens and the direct sandbox interleaved, 2 rounds):")
    w("")
    w("| database | tokens c16 | direct c16 | ratio | tokens c1 p50 | direct c1 p50 | target | |")
    w("|---|---|---|---|---|---|---|---|")
    w(f"| PostgreSQL | {t16:,.0f} req/s | {d16:,.0f} req/s | {t16 / d16:.0%} | "
      f"{mean('tokens', 1, 'p50_us') / 1000:.2f} ms | {mean('direct', 1, 'p50_us') / 1000:.2f} ms | ≥ 60 % | "
      f"{verdict(t16 / d16 >= 0.60)} |")


# ------------------------------------------------------------------------------------------------
CATEGORIES = [
    ("JSON-P provider lookup (ServiceLoader in Json.createXxx)", r"^jakarta\.json\.spi\.JsonProvider\.provider$"),
    ("placeholder engine (parse + render)",
     r"io\.cardvault\.forwarding\.placeholder\."),
    ("forward audit (AuditLog insert)", r"io\.cardvault\.forwarding\.control\.AuditLog"),
    ("forward replays (ForwardReplays)", r"io\.cardvault\.forwarding\.control\.ForwardReplays"),
    ("outgoing call (java.net.http)", r"^jdk\.internal\.net\.http\.|^java\.net\.http\."),
    ("tenant and key lookup (io.cardvault.tenants)", r"^io\.cardvault\.tenants\."),
    ("token vault (io.cardvault.tokens)", r"^io\.cardvault\.tokens\."),
    ("sandbox PSP (the destination itself)", r"^io\.cardvault\.sandbox\."),
    ("H2 database (org.h2)", r"^org\.h2\."),
    ("JDBC pool / JTA (Payara)", r"^com\.sun\.gjc\.|^com\.sun\.enterprise\.resource\.|^com\.sun\.jts\.|^com\.sun\.enterprise\.transaction\."),
    ("crypto (Tink, JCE, SHA-256/HMAC)", r"^com\.google\.crypto\.tink\.|^javax\.crypto\.|^com\.sun\.crypto\.|^sun\.security\.provider\."),
    ("JSON (Parsson, Yasson)", r"^org\.eclipse\.parsson\.|^org\.eclipse\.yasson\.|^jakarta\.json\."),
    ("JAX-RS (Jersey)", r"^org\.glassfish\.jersey\."),
    ("CDI (Weld) / interceptors", r"^org\.jboss\.weld\."),
    ("servlet container + Grizzly", r"^org\.apache\.catalina\.|^org\.glassfish\.grizzly\.|^com\.sun\.enterprise\.web\."),
    ("logging (java.util.logging)", r"^java\.util\.logging\.|^com\.sun\.enterprise\.server\.logging\."),
    ("Payara metrics / telemetry / request tracing", r"^fish\.payara\.microprofile\.|^io\.opentelemetry\.|^fish\.payara\.notification|^fish\.payara\.nucleus\.requesttracing"),
]


def jfr_events(jdk_bin, path, types, depth):
    """`jfr print`'s text output, one event at a time: (type, fields, frames). Streamed: the JSON
    form of a 20-s recording (16,000 park events with deep stacks) took 11 GB to load in Python."""
    p = subprocess.Popen([os.path.join(jdk_bin, "jfr"), "print", "--stack-depth", str(depth),
                          "--events", ",".join(types), path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")
    killer = threading.Timer(600, p.kill)
    killer.start()
    try:
        etype, fields, frames, in_stack = None, {}, [], False
        for line in p.stdout:
            s = line.rstrip("\n")
            if etype is None:
                m = re.match(r"^(jdk\.\w+) \{$", s)
                if m:
                    etype, fields, frames, in_stack = m.group(1), {}, [], False
                continue
            if in_stack:
                t = s.strip()
                if t == "]":
                    in_stack = False
                elif t and t != "...":
                    frames.append(t.split("(", 1)[0])
                continue
            if s == "}":
                yield etype, fields, frames
                etype = None
                continue
            m = re.match(r"^  (\w+) = (.*)$", s)
            if m:
                if m.group(1) == "stackTrace" and m.group(2) == "[":
                    in_stack = True
                else:
                    fields[m.group(1)] = m.group(2)
        err = p.stderr.read()
        if p.wait() != 0:
            raise RuntimeError(err.strip()[:300] or f"jfr print exited with {p.returncode}")
    finally:
        killer.cancel()
        if p.poll() is None:
            p.kill()


_UNITS = {"ns": 1e-6, "us": 1e-3, "µs": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


def duration_ms(text):
    """`jfr print`'s durations: "850 ns", "10.9 ms", "1 m 0 s"."""
    parts = re.findall(r"([\d.]+) (ns|us|µs|ms|s|m|h)\b", text or "")
    return sum(float(n) * _UNITS[u] for n, u in parts)


def bytes_of(text):
    m = re.match(r"^([\d.]+) (bytes|byte|kB|MB|GB)", text or "")
    if not m:
        return 0.0
    return float(m.group(1)) * {"byte": 1, "bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[m.group(2)]


def class_of(text):
    """`char[] (classLoader = bootstrap)` -> `char[]`."""
    return (text or "?").split(" (", 1)[0]


def analyse_jfr(jdk_bin, path):
    samples, self_c, cat, cv_incl, threads = 0, Counter(), Counter(), Counter(), Counter()
    alloc, alloc_site = Counter(), Counter()
    waits = defaultdict(lambda: [0, 0.0])
    ff, gcs = [], []
    try:
        for etype, v, fr in jfr_events(jdk_bin, path, (
                "jdk.ExecutionSample", "jdk.ObjectAllocationSample", "jdk.JavaMonitorEnter",
                "jdk.ThreadPark", "jdk.FileForce", "jdk.GarbageCollection"), 96):
            if etype == "jdk.ExecutionSample":
                samples += 1
                if fr:
                    self_c[fr[0]] += 1
                seen = set()
                for name, rx in CATEGORIES:
                    if any(re.search(rx, f) for f in fr):
                        seen.add(name)
                cat.update(seen)
                cv_incl.update({f for f in fr if f.startswith("io.cardvault.")})
                m = re.match(r'^"(.*)"', v.get("sampledThread") or "")
                t = m.group(1) if m else "?"
                threads[re.sub(r"[-(]?\d+\)?$", "", re.sub(r"\(\d+\)", "", t))] += 1
            elif etype == "jdk.ObjectAllocationSample":
                w = bytes_of(v.get("weight"))
                alloc[class_of(v.get("objectClass"))] += w
                site = next((f for f in fr if f.startswith("io.cardvault.")), None)
                alloc_site[site or "(no cardvault frame)"] += w
            elif etype in ("jdk.JavaMonitorEnter", "jdk.ThreadPark"):
                cls = class_of(v.get("monitorClass" if etype == "jdk.JavaMonitorEnter" else "parkedClass"))
                site = next((f for f in fr if f.startswith("io.cardvault.") or f.startswith("org.h2.")), None)
                if site is None or "Executor" in site:
                    continue
                k = f"{etype.split('.')[-1]} {cls} at {site}"
                waits[k][0] += 1
                waits[k][1] += duration_ms(v.get("duration"))
            elif etype == "jdk.FileForce":
                ff.append(duration_ms(v.get("duration")))
            elif etype == "jdk.GarbageCollection":
                # the pauses, not the duration (a concurrent cycle's spans its whole marking)
                gcs.append((duration_ms(v.get("sumOfPauses")), duration_ms(v.get("longestPause"))))
    except (OSError, RuntimeError) as e:
        return {"error": str(e)[:300]}
    n = samples or 1
    out = {"samples": samples}
    out["self_top"] = [(k, c * 100.0 / n) for k, c in self_c.most_common(15)]
    out["categories"] = [(name, cat[name] * 100.0 / n) for name, _ in CATEGORIES]
    out["cardvault_inclusive"] = [(k, c * 100.0 / n) for k, c in cv_incl.most_common(20)]
    out["threads"] = [(k, c * 100.0 / n) for k, c in threads.most_common(6)]
    total_alloc = sum(alloc.values()) or 1
    out["alloc_total_mb"] = total_alloc / 1e6
    out["alloc_classes"] = [(k, w * 100.0 / total_alloc) for k, w in alloc.most_common(8)]
    out["alloc_sites"] = [(k, w * 100.0 / total_alloc) for k, w in alloc_site.most_common(10)]
    out["waits"] = sorted(((k, c, ms) for k, (c, ms) in waits.items()), key=lambda x: -x[2])[:8]
    out["file_force"] = (len(ff), sum(ff))
    out["gc"] = (len(gcs), sum(p for p, _ in gcs), max((m for _, m in gcs), default=0.0))
    return out


def fmt_ms(us):
    return f"{us / 1000:.2f} ms"


def rng(values, fmt):
    lo, hi = min(values), max(values)
    return fmt(lo) if fmt(lo) == fmt(hi) else f"{fmt(lo)}–{fmt(hi)}"


def summary(res, jmh):
    """The headline figures of one run, for the before/after table."""
    runs = res["runs"]

    def m(v, c, key):
        xs = [r[key] for r in runs if r["variant"] == v and r["clients"] == c]
        return statistics.mean(xs) if xs else float("nan")

    out = {
        "forward16_vs_nginx": m("forward", 16, "rps") / m("nginx", 16, "rps"),
        "forward16_rps": m("forward", 16, "rps"),
        "nginx16_rps": m("nginx", 16, "rps"),
        "forward1_added_ms": (m("forward", 1, "p50_us") - m("direct", 1, "p50_us")) / 1000,
        "forward1_p50_ms": m("forward", 1, "p50_us") / 1000,
        "tokens16_vs_direct": m("tokens", 16, "rps") / m("direct", 16, "rps"),
        "tokens16_rps": m("tokens", 16, "rps"),
        "direct16_rps": m("direct", 16, "rps"),
        "tails": {v: max(r["p99_us"] / r["p50_us"] for r in runs if r["variant"] == v and r["clients"] == 16)
                  for v in VARIANTS},
        "rss_mb": ((res.get("memory") or {}).get("rss_kb") or res.get("rss_kb_end") or 0) / 1024,
        "ready_s": res["ready_ms"] / 1000,
        "console_lines": res["console_lines"],
        "load": res.get("load_at_start"),
    }
    for b in jmh or []:
        key = f"jmh_{b['params']['format']}_{b['benchmark'].rsplit('.', 1)[1]}"
        sec = b.get("secondaryMetrics", {})
        alloc = sec.get("·gc.alloc.rate.norm") or sec.get("gc.alloc.rate.norm") or {}
        raw = [x for it in (b["primaryMetric"].get("rawData") or []) for x in it]
        out[key] = {"mean": b["primaryMetric"]["score"], "best": min(raw) if raw else None,
                    "alloc": alloc.get("score")}
    return out


def before_after(w, before, after, before_label):
    w("## Before / after")
    w("")
    w(f"Before: {before_label}. After: this run. Both runs are `bench/run-all` on a 2-core machine of this "
      f"project, not necessarily the same one (this run's is described above; load average at the "
      f"start: before {before.get('load') or 0:.1f}, after "
      f"{after.get('load') or 0:.1f} on {os.cpu_count()} cores); only ratios measured within one run are "
      f"comparable between the two.")
    w("")
    w("| target | before | after | target |")
    w("|---|---|---|---|")
    w(f"| 1. forward c16 / nginx c16 req/s | {before['forward16_vs_nginx']:.0%} ({before['forward16_rps']:,.0f} / "
      f"{before['nginx16_rps']:,.0f}) | {after['forward16_vs_nginx']:.0%} ({after['forward16_rps']:,.0f} / "
      f"{after['nginx16_rps']:,.0f}) | ≥ 70 % |")
    w(f"| 2. forward c1 p50 − direct c1 p50 | +{before['forward1_added_ms']:.2f} ms (p50 {before['forward1_p50_ms']:.2f} ms) | "
      f"+{after['forward1_added_ms']:.2f} ms (p50 {after['forward1_p50_ms']:.2f} ms) | ≤ +1 ms |")
    w(f"| 3. tokens c16 / direct c16 req/s | {before['tokens16_vs_direct']:.0%} ({before['tokens16_rps']:,.0f} / "
      f"{before['direct16_rps']:,.0f}) | {after['tokens16_vs_direct']:.0%} ({after['tokens16_rps']:,.0f} / "
      f"{after['direct16_rps']:,.0f}) | ≥ 60 % |")
    for v in VARIANTS:
        w(f"| 4. p99/p50 c16, {LABELS[v]} | {before['tails'][v]:.1f}× | {after['tails'][v]:.1f}× | ≤ 4× |")
    for fmt_ in ("json", "form", "xml"):
        for name in ("render", "forwardPath"):
            k = f"jmh_{fmt_}_{name}"
            b, a = before.get(k), after.get(k)

            def cell(x):
                if not x:
                    return "not run"
                best = f", best {x['best']:.2f}" if x.get("best") is not None else ""
                al = f", {x['alloc']:,.0f} B/op" if x.get("alloc") is not None else ""
                return f"{x['mean']:.2f} µs{best}{al}"
            w(f"| 5. JMH {fmt_} `{name}` | {cell(b)} | {cell(a)} | {'≤ 10 µs' if fmt_ == 'json' and name == 'render' else '—'} |")
    w(f"| 6. RSS at the end (before: partial workload; after: see section 6) | {before['rss_mb']:,.0f} MB | {after['rss_mb']:,.0f} MB | ≤ 512 MB |")
    w(f"| 6. ready | {before['ready_s']:.1f} s | {after['ready_s']:.1f} s | ≤ 8 s |")
    w(f"| 6. console lines at start | {before['console_lines']} | {after['console_lines']} | ≤ 30 |")
    w("")


def verdict(ok):
    return "**met**" if ok else "**missed**"


def report(a):
    work = a.work
    with open(os.path.join(work, "results.json")) as f:
        res = json.load(f)
    runs = res["runs"]
    jvm_opts = res.get("jvm_opts", "-Xmx256m")

    def sel(v, c):
        return [r for r in runs if r["variant"] == v and r["clients"] == c]

    def mean(v, c, key):
        return statistics.mean(r[key] for r in sel(v, c))

    jv = subprocess.run([os.path.join(a.jdk_bin, "java"), "-version"], capture_output=True, text=True).stderr
    jdk = (jv.splitlines() or ["?"])[0] + (" — " + jv.splitlines()[1] if len(jv.splitlines()) > 1 else "")
    mem_gib = "?"
    cpu = platform.processor() or "?"
    try:
        with open("/proc/meminfo") as f:
            mem_gib = f"{int(f.readline().split()[1]) / 1048576:.1f} GiB"
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), cpu)
    except OSError:
        pass
    load = os.getloadavg()
    wrk_v = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    wrk_v = ((wrk_v.stdout or wrk_v.stderr).splitlines() or ["?"])[0].split(" [")[0]
    ngx_v = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().replace("nginx version: ", "")

    L = []
    w = L.append
    w("# Performance")
    w("")
    w("Written by `bench/run-all` (do not edit by hand: edit `bench/profile-notes.md` or the script).")
    w("Figures are ratios of variants measured side by side in one run on one machine, never absolute")
    w("promises. Targets: issue 12.")
    w("")
    # the measurements' start (older results: when results.json was last written, at their end);
    # a report re-written later from the kept work directory keeps the date of its measurements
    started = res.get("started_at") or os.path.getmtime(os.path.join(work, "results.json"))
    utc = datetime.timezone.utc
    w(f"- **Date:** {datetime.datetime.fromtimestamp(started, utc).strftime('%Y-%m-%d %H:%M UTC')}"
      f" (measurements; report written {datetime.datetime.now(utc).strftime('%H:%M UTC')})")
    w(f"- **Machine:** {os.cpu_count()} cores ({cpu}), {mem_gib} memory, load average "
      f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min) when the report was written")
    w(f"- **JDK:** {jdk}")
    w(f"- **Tools:** {wrk_v}, nginx {ngx_v} (1 worker, keep-alive upstream), Payara Micro bundle `war/target/cardvault.jar`")
    warm = res.get("warmup_s", 4)
    w(f"- **Setup:** cardvault `{jvm_opts}` (the recommended options of `docs/operations.md`), embedded H2 (`WRITE_DELAY=0`), demo mode, rate limits off, "
      f"127.0.0.1 only. `wrk -t1`, keep-alive; warm-up {warm} s per variant at 16 clients and "
      f"{max(2, warm // 6)} s at 1, then every variant at 1 and 16 "
      f"clients, {res['duration_s']} s per run, interleaved, {ROUNDS} rounds. Ranges are the two rounds; "
      f"ratios use their mean. Destination of every variant: the built-in sandbox PSP in the same server.")
    settle = res.get("jit_settle")
    if settle and "round_s" in settle:
        w(f"- **JIT settling** (after that warm-up): alternating 16-client forward and tokenize runs until two "
          f"rounds of {settle['round_s']} s in a row left fewer than {settle['threshold']} compilations each: "
          f"{'settled' if settle.get('settled') else '**not settled**'} after {settle['seconds']} s "
          f"(compilations per round: {', '.join(str(n) for n in settle['rounds']) or 'none'}); then 5 s at 16 "
          f"clients and 2 s at 1 per variant.")
    jit = res.get("jit_compiles") or {}
    if all(isinstance(jit.get(k), int) for k in ("start", "measured_from", "measured_to")):
        w(f"- **JIT:** {jit['measured_from'] - jit['start']:,} compilations during the warm-up, "
          f"{jit['measured_to'] - jit['measured_from']:,} more during the measured runs "
          f"(`sun.ci.totalCompiles`; the server loads ~17,000 classes, and C2 compiles for minutes under "
          f"load, taking CPU from the requests while it does).")
    cpu = res.get("cpu_during_runs")
    if cpu:
        # the load average says little here: cardvault's own request threads count in it, and it
        # is still high from the start-up and the warm-up when the measured runs begin
        w(f"- **Other load during the measured runs** ({cpu['seconds']:.0f} s, `/proc/stat` against "
          f"the CPU time of cardvault, nginx, wrk and this script): other processes "
          f"{cpu['others_pct']:.1f} % of the machine's CPU time, the hypervisor (steal) "
          f"{cpu['steal_pct']:.1f} %.")
        if cpu["others_pct"] > 5 or cpu["steal_pct"] > 5:
            w("")
            w(f"> **The machine was not quiet** (other processes {cpu['others_pct']:.1f} %, steal "
              f"{cpu['steal_pct']:.1f} % of its CPU time during the measured runs): absolute figures "
              f"are inflated and noisy; compare ratios only, and re-run on a quiet machine before "
              f"drawing conclusions.")
    else:
        busy = res.get("load_at_start", 0)
        if busy > (os.cpu_count() or 1):
            w("")
            w(f"> **The machine was busy** (load average {busy:.1f} on {os.cpu_count()} cores when the "
              f"measurements started, other processes included): absolute figures are inflated and noisy; "
              f"compare ratios only, and re-run on a quiet machine before drawing conclusions.")
    w("")
    w("## Measured")
    w("")
    w("| variant | 1 client: p50 | 16 clients: req/s | 16 clients: p50 | 16 clients: p99 | errors |")
    w("|---|---|---|---|---|---|")
    for v in VARIANTS:
        one, six = sel(v, 1), sel(v, 16)
        errs = sum(r["errors"] for r in one + six)
        w(f"| {LABELS[v]} | {rng([r['p50_us'] for r in one], fmt_ms)} | "
          f"{rng([r['rps'] for r in six], lambda x: f'{x:,.0f}')} | {rng([r['p50_us'] for r in six], fmt_ms)} | "
          f"{rng([r['p99_us'] for r in six], fmt_ms)} | {errs} |")
    w("")

    jmh_now = None
    if os.path.exists(os.path.join(work, "jmh.json")):
        with open(os.path.join(work, "jmh.json")) as f:
            jmh_now = json.load(f)
    if a.before and os.path.exists(a.before):
        with open(a.before) as f:
            b = json.load(f)
        before_after(w, summary(b["results"], b.get("jmh")), summary(res, jmh_now), b.get("label", "an earlier run"))

    w("## Targets")
    w("")
    w("### 1. Forward, 16 clients: at least 70 % of nginx's req/s")
    f16, n16 = mean("forward", 16, "rps"), mean("nginx", 16, "rps")
    w("")
    w("| measured (forward) | nginx | ratio | target | |")
    w("|---|---|---|---|---|")
    w(f"| {f16:,.0f} req/s | {n16:,.0f} req/s | {f16 / n16:.0%} | ≥ 70 % | {verdict(f16 / n16 >= 0.70)} |")
    w("")
    w("### 2. Forward, 1 client: p50 at most direct + 1 ms")
    f1, d1 = mean("forward", 1, "p50_us"), mean("direct", 1, "p50_us")
    w("")
    w("| measured (forward p50) | direct p50 | added | ratio | target | |")
    w("|---|---|---|---|---|---|")
    w(f"| {fmt_ms(f1)} | {fmt_ms(d1)} | +{fmt_ms(f1 - d1)} | {f1 / d1:.1f}× | ≤ direct + 1 ms ({fmt_ms(d1 + 1000)}) | "
      f"{verdict(f1 <= d1 + 1000)} |")
    w("")
    w("### 3. Tokenize, 16 clients: at least 60 % of the direct sandbox servlet's req/s")
    t16, d16 = mean("tokens", 16, "rps"), mean("direct", 16, "rps")
    w("")
    w("| measured (tokens) | direct sandbox | ratio | target | |")
    w("|---|---|---|---|---|")
    w(f"| {t16:,.0f} req/s | {d16:,.0f} req/s | {t16 / d16:.0%} | ≥ 60 % | {verdict(t16 / d16 >= 0.60)} |")
    w("")
    w("Embedded H2 with its durability setting (`WRITE_DELAY=0`, group `fsync` before every `201`).")
    w("")
    pg_section(w, a.work)
    w("")
    w("### 4. Tails: p99 at most 4 × p50 at 16 clients, 0 errors")
    w("")
    w("| variant | p99 / p50 (worst round) | errors (all runs) | |")
    w("|---|---|---|---|")
    for v in VARIANTS:
        rs = [r for r in runs if r["variant"] == v]
        worst = max(r["p99_us"] / r["p50_us"] for r in sel(v, 16))
        errs = sum(r["errors"] for r in rs)
        w(f"| {LABELS[v]} | {worst:.1f}× | {errs} | {verdict(worst <= 4 and errs == 0)} |")
    w("")

    w("### 5. Placeholder engine (JMH): 2 KB JSON with 4 placeholders in at most 10 µs/op")
    w("")
    jmh_path = os.path.join(work, "jmh.json")
    if os.path.exists(jmh_path):
        with open(jmh_path) as f:
            jmh = json.load(f)
        w("| body (≈ 2 KB, 4 placeholders) | benchmark | time/op (mean) | ± (99.9 %) | best iteration | allocation/op | target | |")
        w("|---|---|---|---|---|---|---|---|")
        for b in jmh:
            fmt_ = b["params"]["format"]
            name = b["benchmark"].rsplit(".", 1)[1]
            pm = b["primaryMetric"]
            sec = b.get("secondaryMetrics", {})
            alloc = sec.get("·gc.alloc.rate.norm") or sec.get("gc.alloc.rate.norm") or {}
            a_s = f"{alloc['score']:,.0f} B" if alloc else "?"
            tgt = "≤ 10 µs" if fmt_ == "json" and name == "render" else "—"
            ok = verdict(pm["score"] <= 10) if tgt != "—" else ""
            err = pm.get("scoreError")
            err_s = f"{err:.2f}" if isinstance(err, (int, float)) and err == err else "?"
            raw = [x for it in (pm.get("rawData") or []) for x in it]
            best = f"{min(raw):.2f} µs" if raw else "?"
            w(f"| {fmt_} | `{name}` | {pm['score']:.2f} µs | {err_s} | {best} | {a_s} | {tgt} | {ok} |")
        w("")
        w("`render` is `PlaceholderEngine.renderBody` alone; `forwardPath` is what the forward endpoint does "
          "(one parse, the CVC check on the parsed template, the rendering; before the change it parsed twice). "
          "On a shared machine the mean carries the iterations another process preempted; the best iteration "
          "shows the engine's own cost. JMH 1.37, 1 fork, "
          "3 × 1 s warm-up, 5 × 1 s measurement, `-prof gc`, `-Xmx256m`. Re-run alone:")
        w("")
        w("```bash")
        w("java -cp \"bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)\" org.openjdk.jmh.Main "
          "PlaceholderEngineBenchmark -prof gc")
        w("```")
    else:
        w("Not run (`BENCH_SKIP_JMH=1`).")
    w("")

    w("### 6. Memory and start")
    w("")
    rss = res.get("rss_kb_end")
    w("| what | measured | target | |")
    w("|---|---|---|---|")
    mem = res.get("memory")
    if mem and mem.get("rss_kb"):
        full = all(mem["done"][v] >= mem["target"] for v in ("tokens", "forward"))
        w(f"| RSS with `{jvm_opts}` after {mem['done']['tokens']:,} tokens and {mem['done']['forward']:,} forwards "
          f"(16 clients; {mem['errors']} errors in the workload) | {mem['rss_kb'] / 1024:,.0f} MB | ≤ 512 MB | "
          f"{verdict(mem['rss_kb'] / 1024 <= 512 and full and mem['errors'] == 0)}"
          f"{'' if full else ' (workload cut short)'} |")
        if mem.get("db_bytes"):
            w(f"| embedded database file (`cardvault.mv.db`) right after that workload, then after "
              f"{DB_IDLE_SECONDS} s without load | {mem['db_bytes'] / 1e6:,.0f} MB, then "
              f"{mem['db_bytes_idle'] / 1e6:,.0f} MB | — | |")
            if "db_bytes_settled" in mem:
                settled = (f"settled after {mem['db_settled_s']} s (the same size for {DB_SETTLED_POLLS} polls "
                           f"{DB_POLL_SECONDS} s apart)" if mem.get("db_settled_s")
                           else f"still changing after {DB_SETTLE_CAP_SECONDS} s, size then")
                w(f"| embedded database file once idle, {settled} | {mem['db_bytes_settled'] / 1e6:,.0f} MB | — | |")
    else:
        n_req = sum(r["requests"] for r in runs) + sum(p["requests"] for p in res["profile_runs"].values())
        w(f"| RSS with `{jvm_opts}` after this run's load ({n_req:,} requests in all; memory workload skipped "
          f"with `BENCH_SKIP_MEMORY=1`) | {rss / 1024:,.0f} MB | ≤ 512 MB | {verdict(rss / 1024 <= 512)} (partial workload) |"
          if rss else "| RSS | not read | ≤ 512 MB | |")
    w(f"| ready (process start → `/health/ready` 200), first start with a new data directory | "
      f"{res['ready_ms'] / 1000:.1f} s | ≤ 8 s | {verdict(res['ready_ms'] <= 8000)} |")
    w(f"| console lines at start (ready + 2 s) | {res['console_lines']} | ≤ 30 | {verdict(res['console_lines'] <= 30)} |")
    w(f"| banner last | {'yes' if res['banner_last'] else ('no' if res['banner_seen'] else 'banner not found')} | "
      f"yes | {verdict(res['banner_last'])} |")
    w("")
    w(f"Start-up options here: `--port`, a pre-boot command binding the listener to 127.0.0.1, `{jvm_opts}`; "
      "logging as shipped in the bundle (`war/src/main/payara-micro/logging.properties`). "
      "The ready time depends heavily on the machine's load at that moment (see the load average above).")
    w("")
    w("### 7. Browser")
    w("")
    mount_json = os.path.join(work, "mount.json")
    mount_skipped = os.path.join(work, "mount-skipped.txt")
    if os.path.exists(mount_json):
        with open(mount_json) as f:
            mt = json.load(f)
        ok = mt["median_ms"] <= 200
        w("| what | measured | target | |")
        w("|---|---|---|---|")
        w(f"| `mount()` → `ready` of 3 fields (number, expiry, cvc), {mt['runs']} fresh headless Chromium contexts: "
          f"median | {mt['median_ms']:.0f} ms (p90 {mt['p90_ms']:.0f} ms, min {mt['min_ms']:.0f}, max {mt['max_ms']:.0f}) "
          f"| ≤ 200 ms | {verdict(ok)} |")
        w("")
        w(f"`bench/mount-timing` (re-run alone against any running demo server): a merchant page on "
          f"`localhost` framing the fields from `127.0.0.1` (cross-site, as on a shop), loaded first (with "
          f"cardvault.js and its hidden warm-up frame), then `mount()` timed on the page until the third `ready`. "
          f"Requests to cardvault per mount: {mt['requests_per_mount']} (the last run: "
          + ", ".join(f"`{q['url'].split('?')[0]}`{' (cache)' if q['fromCache'] else ''}" for q in mt["requests"])
          + ").")
        settle = os.path.join(work, "mount-settle.txt")
        if os.path.exists(settle):
            with open(settle) as f:
                waited = f.read().strip()
            w("")
            w(f"Measured once cardvault was idle again (below 10 % of a core over 3 s; reached after {waited} s, "
              f"at most 180): the load and the JFR recordings before it can leave C2 compiling "
              f"on the cores Chromium needs.")
        if mt.get("disabled_features"):
            w("")
            w(f"Browser: {mt.get('browser', 'Chromium')}, started with `--disable-features="
              f"{','.join(mt['disabled_features'])}`: its headless mode opens a window per context and builds "
              f"that window's omnibox popup (a `chrome://` WebUI renderer) in the background, work a shopper's "
              f"browser did when its window opened, long before the checkout (see the profile notes, target 7).")
    else:
        reason = "not run"
        if os.path.exists(mount_skipped):
            with open(mount_skipped) as f:
                reason = f.read().strip()
        w(f"`mount()` timing not measured: {reason}")
    w("")
    assets = res.get("assets") or []
    if assets:
        w("Compression and caching of the browser assets (`Accept-Encoding: gzip`, then the same request with "
          "`If-None-Match`):")
        w("")
        w("| asset | encoding | bytes sent (identity) | Cache-Control | ETag → revalidation | |")
        w("|---|---|---|---|---|---|")
        for r in assets:
            html = r["path"].endswith(".html")
            ok = r["status"] == 200 and "max-age" in r["cache_control"] and (
                html or (r["encoding"] == "gzip" and r["etag"] and r["revalidated"] == 304))
            w(f"| `{r['path']}` | {r['encoding'] or 'identity'} | {r['bytes']:,} ({r['identity_bytes']:,}) | "
              f"`{r['cache_control']}` | {'304' if r['revalidated'] == 304 else (r['revalidated'] or 'no ETag')} | "
              f"{verdict(ok)} |")
        w("")
    w("### 8. Observability")
    w("")
    hist = res.get("metrics_histograms") or []
    names = res.get("metrics_names") or []
    if hist:
        w("cardvault latency histograms at `/metrics`: " + ", ".join(f"`{h}`" for h in hist) + ".")
    else:
        w("`/metrics` has **no cardvault latency histogram** yet, so `wrk` cannot be cross-checked against it. "
          "cardvault metrics present: " + (", ".join(f"`{n}`" for n in names) or "none") + ".")
    w("")
    timers = {"forward": "cardvault_forwards_seconds", "tokens": "cardvault_tokenizations_seconds"}
    rows = []
    for clients in (1, 16):
        for r in runs:
            if r["clients"] != clients or r["variant"] not in timers or "metrics_delta" not in r:
                continue
            name, d = timers[r["variant"]], r.get("metrics_delta", {})
            cnt = sum(v for k, v in d.items() if k.startswith(name + "_count"))
            tot = sum(v for k, v in d.items() if k.startswith(name + "_sum"))
            q = r.get("metrics_quantiles", {})
            p50 = [v for k, v in q.items() if k.startswith(name + "{") and 'quantile="0.5"' in k and 'status="2xx"' in k]
            # wrk's connections are never idle: each one's requests follow one another, so the mean
            # time from sending a request to reading its answer is at most connections x run time /
            # requests (that bound also holds wrk's own work between an answer and the next request)
            cycle = clients * r["duration_us"] / r["requests"] if r["requests"] else None
            rows.append((LABELS[r["variant"]], clients, r["round"], r["requests"], cnt, r["mean_us"], cycle,
                         tot / cnt * 1e6 if cnt else None, r["p50_us"], max(p50) / 1000 if p50 else None))
    if rows:
        w("Each run against the timers' change over the run (`_count`, `_sum`: exact for the run), at 1 client "
          "(the server idle between requests) and at 16 (both cores saturated). The timers measure inside the "
          "server, from the moment the connection's selector found the request's head readable (`ReadReadyProbe`, "
          "read by `ArrivalTimeFilter`, the bundle's edge filter) until the response is complete "
          "(`RequestTimingFilter`: when the filter chain returns, or at the async completion for a body that did "
          "not come with its head), wrk from the client: what remains outside is the TCP stack, the selector's "
          "own wake-up, the re-arming of a kept-alive connection after each answer, and wrk itself. At 1 client that is a fixed fraction of a millisecond; at 16 clients on 2 cores every "
          "step of it also waits its turn for a core, so the gap grows with the share of CPU spent outside the "
          "chain. The quantile column is Payara's decaying reservoir read after the run (it also holds earlier "
          "runs; Payara prints it in nanoseconds under the `_seconds` name, converted here).")
        w("")
        over = [(wm - cyc) / cyc for (_, _, _, _, _, wm, cyc, _, _, _) in rows if cyc]
        w("The client's mean is taken from wrk's counts, not from its latency statistics: with wrk's "
          "connections never idle, the mean time from a request to its answer is at most connections × run "
          "time / requests (the *cycle* column, which also holds wrk's own work between an answer and the next "
          "request)."
          + (f" The mean wrk reports is {min(over):+.0%} to {max(over):+.0%} off that bound in these runs, "
             "so where it is above, its latency statistics hold time that is not the request's (see the "
             "profile notes)." if over else ""))
        w("")
        w("| run | clients | round | wrk requests | Δ `_count` | diff | wrk's mean (reported) | cycle: connections × time / requests | `/metrics` mean (Δsum/Δcount) | diff to cycle | "
          "wrk p50 | `/metrics` p50 (2xx) | |")
        w("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for lab, clients, rnd, req, cnt, wm, cyc, mm, wp50, mp50 in rows:
            dc = abs(cnt - req) / max(req, 1)
            dm = abs(mm - cyc) / cyc if mm and cyc else None
            ok = dc <= 0.10 and dm is not None and dm <= 0.10
            w(f"| {lab} | {clients} | {rnd} | {req:,} | {cnt:,.0f} | {dc:.1%} | {fmt_ms(wm)} | "
              f"{fmt_ms(cyc) if cyc else '—'} | "
              f"{fmt_ms(mm) if mm else '—'} | {f'{dm:.1%}' if dm is not None else '—'} | {fmt_ms(wp50)} | "
              f"{fmt_ms(mp50) if mp50 else '—'} | {verdict(ok)} |")
        w("")
        w("Target: count and mean within 10 % of the client (the count also includes the requests wrk had in "
          "flight when it stopped; the mean is compared with the cycle, which is an upper bound of the client's "
          "true mean).")
        w("")
    else:
        checks = []
        for r in runs:
            if r["clients"] == 16 and r["variant"] == "tokens":
                d = r.get("metrics_delta", {})
                c = next((val for k, val in d.items() if k.startswith("cardvault_tokens_created_total")), None)
                if c is not None:
                    checks.append((r["round"], r["requests"], c))
        if checks:
            w("| 16-client tokenize run | wrk requests | Δ `cardvault_tokens_created_total` | difference |")
            w("|---|---|---|---|")
            for rnd, req, c in checks:
                w(f"| round {rnd} | {req:,} | {c:,.0f} | {abs(c - req) / max(req, 1):.1%} |")
            w("")

    w("## Profile notes")
    w("")
    if a.notes and os.path.exists(a.notes):
        with open(a.notes) as f:
            w(f.read().rstrip())
        w("")
    w("### JFR hot spots of this run")
    w("")
    w(f"Recorded with `jcmd <pid> JFR.start settings=profile` during an extra 16-client run of each "
      f"variant ({res.get('profile_s', res['duration_s'])} s; not part of the tables above). Sampling sees threads running Java "
      f"code only: time spent waiting for the database file, the socket or a lock shows up in the "
      f"waits table, not in the percentages.")
    w("")
    primer = res.get("jfr_primer") or {}
    settle = primer.get("settle") or {}
    if "round_s" in settle:
        w(f"Before them, a throw-away recording, then the same alternating 16-client forward and tokenize "
          f"rounds as after the warm-up until the JIT had settled again ({'settled' if settle.get('settled') else '**not settled**'} "
          f"after {settle['seconds']} s; compilations per {settle['round_s']}-s round: "
          f"{', '.join(str(n) for n in settle['rounds']) or 'none'}): a JVM's first recording instruments "
          f"the JDK's socket and file classes, and that redefinition throws away the compiled code, so a "
          f"first recording on the warm server would profile the interpreter and C2 at a fraction of the "
          f"server's rate (see the profile notes). The rate while recording is shown against the table's "
          f"16-client runs.")
    else:
        w("No primer recording before these: they profile a server that JFR's "
          "instrumentation has just deoptimised, at a fraction of its rate (see the profile notes).")
    w("")
    for v in ("forward", "tokens"):
        pr = res["profile_runs"].get(v)
        if not pr:
            continue
        an = analyse_jfr(a.jdk_bin, os.path.join(work, pr["jfr"]))
        table = [r["rps"] for r in runs if r["variant"] == v and r["clients"] == 16]
        share = f" ({pr['rps'] / statistics.mean(table) * 100:.0f} % of the table's 16-client mean)" if table else ""
        w(f"#### {LABELS[v]} — {pr['rps']:,.0f} req/s while recording{share}, {pr['requests']:,} requests")
        w("")
        if "error" in an:
            w(f"`jfr print` failed: {an['error']}")
            w("")
            continue
        w(f"{an['samples']:,} execution samples. Share of samples whose stack contains ... "
          f"(overlapping: a forward's sandbox call sits inside the forward):")
        w("")
        w("| component | % of samples |")
        w("|---|---|")
        for name, pct in sorted(an["categories"], key=lambda x: -x[1]):
            if pct >= 0.5:
                w(f"| {name} | {pct:.1f} % |")
        w("")
        w("Top cardvault methods (inclusive):")
        w("")
        w("| method | % |")
        w("|---|---|")
        for k, pct in an["cardvault_inclusive"][:14]:
            w(f"| `{k}` | {pct:.1f} % |")
        w("")
        w("Top methods (self time): " + "; ".join(f"`{k}` {pct:.1f} %" for k, pct in an["self_top"][:10]) + ".")
        w("")
        w("Threads: " + "; ".join(f"{k} {pct:.0f} %" for k, pct in an["threads"]) + ".")
        w("")
        w("Allocation (sampled, share of weight): by class "
          + "; ".join(f"`{k}` {pct:.0f} %" for k, pct in an["alloc_classes"][:6])
          + ". By nearest cardvault frame: "
          + "; ".join(f"`{k}` {pct:.0f} %" for k, pct in an["alloc_sites"][:6]) + ".")
        w("")
        if an["waits"]:
            w("Longest waits (monitor enter / park ≥ JFR's threshold, by first cardvault or H2 frame):")
            w("")
            w("| wait | count | total |")
            w("|---|---|---|")
            for k, c, ms in an["waits"]:
                w(f"| `{k}` | {c} | {ms:,.0f} ms |")
            w("")
        ffc, ffms = an["file_force"]
        gcc, gcms, gcmax = an["gc"]
        w(f"fsync (`jdk.FileForce` ≥ threshold): {ffc} events, {ffms:,.0f} ms. GC: {gcc} collections, "
          f"pauses {gcms:,.0f} ms in all, the longest {gcmax:,.0f} ms.")
        w("")

    w("## Other tools")
    w("")
    w("`bench/forward-overhead.py` compares one direct and one proxied request alternately over one "
      "connection against a running demo server (`python3 bench/forward-overhead.py --requests 300`).")
    w("")
    with open(a.out, "w") as f:
        f.write("\n".join(L))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--work", required=True)
    m.add_argument("--cv-port", type=int, required=True)
    m.add_argument("--nginx-port", type=int, required=True)
    m.add_argument("--cv-pid", type=int, required=True)
    m.add_argument("--jdk-bin", required=True)
    m.add_argument("--duration", type=int, default=8)
    m.add_argument("--warmup", type=int, default=30)
    m.add_argument("--warmup-cap", type=int, default=420)
    m.add_argument("--ready-ms", type=int, required=True)
    pg = sub.add_parser("measure-pg")
    pg.add_argument("--work", required=True)
    pg.add_argument("--cv-port", type=int, required=True)
    pg.add_argument("--duration", type=int, default=8)
    pg.add_argument("--warmup", type=int, default=30)
    pg.add_argument("--warmup-cap", type=int, default=420)
    pg.add_argument("--cv-pid", type=int, required=True)
    pg.add_argument("--jdk-bin", required=True)
    r = sub.add_parser("report")
    r.add_argument("--work", required=True)
    r.add_argument("--jdk-bin", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--notes")
    r.add_argument("--before", help="results of an earlier run: {label, results, jmh} (bench/results/before.json)")
    a = ap.parse_args()
    if a.cmd == "measure":
        a.duration = max(2, min(a.duration, 30))
        measure(a)
    elif a.cmd == "measure-pg":
        a.duration = max(2, min(a.duration, 30))
        measure_pg(a)
    else:
        report(a)


if __name__ == "__main__":
    main()
