#!/usr/bin/env python3
"""Backup and restore time of the embedded database with 10,000 tokens (issue 11).

    ./mvnw -DskipTests package        # the README's build, once
    bench/backup-restore.py           # a few minutes on 2 cores

On 127.0.0.1 only, in a temporary directory, outside demo mode (master key in its own file, outside
the data directory, as docs/operations.md asks): starts war/target/cardvault.jar, creates a tenant,
tokenizes BENCH_TOKENS (default 10000) standard test cards with the secret key, then measures

  1. POST /api/v1/admin/backup while the vault is idle (the server's durationMs and the wall time),
  2. the same backup while tokenizations keep running (online: no request may fail),
  3. the restore: stop, wipe the data directory, unzip the backup into a new one (the restore
     itself), start again until /health/ready (start-up, reported separately),

and checks after the restore that every token reads (200) and that a sample forwards through the
sandbox PSP. Prints a Markdown table. Every process it starts is stopped on exit.

Environment: BENCH_TOKENS (1..100000), BENCH_CLIENTS (1..16, default 4), BENCH_KEEP=1 keeps the
temporary directory.
"""

import base64
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "war", "target", "cardvault.jar")
# standard test card numbers only
PANS = ["4111111111111111", "4242424242424242", "4012888888881881", "5555555555554444",
        "5105105105105100", "378282246310005", "371449635398431", "6011111111111117"]


def bounded_int(name, default, low, high):
    v = int(os.environ.get(name, default))
    if not low <= v <= high:
        sys.exit(f"{name} must be {low}..{high}")
    return v


TOKENS = bounded_int("BENCH_TOKENS", 10000, 1, 100000)
CLIENTS = bounded_int("BENCH_CLIENTS", 4, 1, 16)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, work, port, env):
        self.work, self.port, self.env, self.proc = work, port, env, None

    def start(self, log_name):
        log = open(os.path.join(self.work, log_name), "wb")
        env = {k: v for k, v in os.environ.items() if not k.startswith("CARDVAULT_")}
        env.update(self.env)
        self.proc = subprocess.Popen(
            ["java", "-Xmx512m", "-jar", JAR, "--port", str(self.port)],
            cwd=self.work, env=env, stdout=log, stderr=subprocess.STDOUT)
        t0 = time.monotonic()
        deadline = t0 + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"cardvault exited during start-up; see {log.name}")
            try:
                if request(self.port, "GET", "/health/ready")[0] == 200:
                    return time.monotonic() - t0
            except OSError:
                pass
            time.sleep(0.25)
        sys.exit(f"cardvault not ready within 300 s; see {log.name}")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(30)


def request(port, method, path, body=None, headers=None, conn=None):
    own = conn is None
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        data = None if body is None else json.dumps(body).encode()
        h = dict(headers or {})
        if data is not None:
            h["Content-Type"] = "application/json"
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        return r.status, r.read()
    finally:
        if own:
            c.close()


def parallel(port, jobs, work):
    """Runs work(conn, job) for every job on CLIENTS keep-alive connections; returns the results."""
    results = [None] * len(jobs)
    nxt = iter(range(len(jobs)))
    lock = threading.Lock()

    def run():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            while True:
                with lock:
                    i = next(nxt, None)
                if i is None:
                    return
                results[i] = work(conn, jobs[i])
        finally:
            conn.close()

    threads = [threading.Thread(target=run) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main():
    if not os.path.isfile(JAR):
        sys.exit(f"{JAR} not found; build first: ./mvnw -DskipTests package")
    work = tempfile.mkdtemp(prefix="cardvault-backup-bench.")
    data, backups, keys = (os.path.join(work, d) for d in ("data", "backups", "keys"))
    os.makedirs(keys, mode=0o700)
    master = os.path.join(keys, "master.key")
    with open(os.open(master, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
        f.write(base64.b64encode(secrets.token_bytes(32)).decode() + "\n")
    admin = "ak_" + secrets.token_urlsafe(24)
    port = free_port()
    server = Server(work, port, {
        "CARDVAULT_DATA_DIR": data, "CARDVAULT_DEMO": "false",
        "CARDVAULT_MASTER_KEY_FILE": master, "CARDVAULT_ADMIN_KEY": admin,
        "CARDVAULT_BACKUP_DIR": backups, "CARDVAULT_SANDBOX_ENABLED": "true",
        "CARDVAULT_RATELIMIT_TOKENIZE_SECRET_PER_KEY": "0",
        "CARDVAULT_PUBLIC_URL": f"http://127.0.0.1:{port}"})
    try:
        first_start = server.start("server-1.log")
        sandbox = f"http://127.0.0.1:{port}/sandbox/psp/v1/payments"
        status, body = request(port, "POST", "/api/v1/admin/tenants",
                               {"name": "Bench Shop", "allowedOrigins": ["https://shop.example"],
                                "allowedDestinations": [f"http://127.0.0.1:{port}/sandbox/psp/*"]},
                               {"x-admin-key": admin})
        assert status == 201, (status, body)
        sk = json.loads(body)["secretKey"]
        auth = {"x-api-key": sk}

        def tokenize(conn, i):
            s, b = request(port, "POST", "/api/v1/tokens",
                           {"number": PANS[i % len(PANS)], "expiryMonth": 12, "expiryYear": 2031},
                           auth, conn)
            return json.loads(b)["id"] if s == 201 else f"!{s}"

        t0 = time.monotonic()
        tokens = parallel(port, list(range(TOKENS)), tokenize)
        tokenize_s = time.monotonic() - t0
        failed = [t for t in tokens if t.startswith("!")]
        assert not failed, f"{len(failed)} tokenizations failed, e.g. {failed[:3]}"

        def backup():
            t = time.monotonic()
            s, b = request(port, "POST", "/api/v1/admin/backup", None, {"x-admin-key": admin})
            assert s == 201, (s, b)
            return json.loads(b), time.monotonic() - t

        idle, idle_wall = backup()

        # online: a second backup while four clients keep tokenizing
        stop = threading.Event()
        during = {"ok": 0, "failed": 0}
        during_lock = threading.Lock()

        def load():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            i = 0
            try:
                while not stop.is_set() and i < 100000:
                    r = tokenize(conn, i)
                    with during_lock:
                        during["failed" if r.startswith("!") else "ok"] += 1
                    i += 1
            finally:
                conn.close()

        loaders = [threading.Thread(target=load) for _ in range(CLIENTS)]
        for t in loaders:
            t.start()
        time.sleep(1)
        busy, busy_wall = backup()
        time.sleep(1)
        stop.set()
        for t in loaders:
            t.join()
        assert during["failed"] == 0, during
        server.stop()

        zip_path = os.path.join(backups, idle["file"])
        db_size = os.path.getsize(os.path.join(data, "cardvault.mv.db"))
        t0 = time.monotonic()
        shutil.rmtree(data)
        os.makedirs(data, mode=0o700)
        with zipfile.ZipFile(zip_path) as z:
            z.extractall(data)
        restore_s = time.monotonic() - t0
        restart_s = server.start("server-2.log")

        def read(conn, token):
            return request(port, "GET", f"/api/v1/tokens/{token}", None, auth, conn)[0]

        t0 = time.monotonic()
        reads = parallel(port, tokens, read)
        read_s = time.monotonic() - t0
        assert reads.count(200) == TOKENS, f"{TOKENS - reads.count(200)} tokens unreadable"

        def pay(conn, token):
            s, b = request(port, "POST", "/api/v1/forward",
                           {"amount": 1999, "currency": "EUR",
                            "card": {"number": "{{ number }}",
                                     "expMonth": "{{ expiryMonth | unwrap }}",
                                     "expYear": "{{ expiryYear | unwrap }}"}},
                           {**auth, "x-token-id": token, "x-forward-url": sandbox}, conn)
            return s

        sample = tokens[:: max(1, TOKENS // 100)]
        paid = parallel(port, sample, pay)
        assert paid.count(201) == len(sample), f"forwards after restore: {paid}"
        server.stop()

        print(f"""
### Backup and restore, embedded H2, {TOKENS} tokens ({CLIENTS} clients, 2-core machine)

| step | time |
|---|---|
| tokenize {TOKENS} (secret key) | {tokenize_s:.1f} s ({TOKENS / tokenize_s:.0f}/s) |
| database file | {db_size / 1e6:.1f} MB |
| backup, idle (server `durationMs`; wall) | {idle['durationMs']} ms; {idle_wall * 1000:.0f} ms, file {idle['size'] / 1e6:.1f} MB |
| backup under tokenize load (`durationMs`; wall) | {busy['durationMs']} ms; {busy_wall * 1000:.0f} ms, {during['ok']} tokenizations meanwhile, 0 failed |
| restore: wipe data dir + unzip backup | {restore_s * 1000:.0f} ms |
| start-up on the restored data until /health/ready | {restart_s:.1f} s (first start: {first_start:.1f} s) |
| read all {TOKENS} tokens after restore | {read_s:.1f} s, all 200 |
| forward {len(sample)} of them to the sandbox PSP | all 201 approved |
""")
    finally:
        server.stop()
        if os.environ.get("BENCH_KEEP") == "1":
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
