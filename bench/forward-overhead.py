#!/usr/bin/env python3
"""Side-by-side latency of paying the sandbox PSP directly vs. through cardvault's forwarding proxy.

Run against a local demo server (the README's first command), from the repository root:
    python3 bench/forward-overhead.py [--requests 300] [--base http://127.0.0.1:8080]
Both variants alternate request by request in one run, so machine noise hits them alike; the
figure that matters is the ratio of the medians. Loopback only, bounded in count and time.
"""
import argparse, http.client, json, statistics, time, urllib.parse

CARD = "4111111111111111"  # standard test PAN


def load_env(path="data/demo.env"):
    env = {}
    for line in open(path):
        if "=" in line and not line.startswith("#"):
            k, v = line.strip().split("=", 1)
            env[k] = v
    return env


def call(conn, method, path, body, headers):
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    data = r.read()
    return r.status, data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    args = ap.parse_args()
    base = urllib.parse.urlparse(args.base)
    assert base.hostname in ("127.0.0.1", "localhost"), "loopback only"
    n = min(args.requests, 5000)
    env = load_env()
    sk = env["CARDVAULT_DEMO_SK"]
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    status, body = call(conn, "POST", "/api/v1/tokens",
                        json.dumps({"number": CARD, "expiryMonth": 12, "expiryYear": 2030}),
                        {"x-api-key": sk, "Content-Type": "application/json"})
    assert status == 201, status
    token = json.loads(body)["id"]
    sandbox = f"http://127.0.0.1:{base.port}/sandbox/psp/v1/payments"
    direct_body = json.dumps({"amount": 1999, "currency": "EUR",
                              "card": {"number": CARD, "expMonth": 12, "expYear": 2030}})
    proxied_body = ('{"amount": 1999, "currency": "EUR", "card": {"number": "{{ number }}", '
                    '"expMonth": "{{ expiryMonth | unwrap }}", "expYear": "{{ expiryYear | unwrap }}"}}')
    direct, proxied = [], []
    deadline = time.monotonic() + 300
    for i in range(n + 20):
        if time.monotonic() > deadline:
            break
        t0 = time.perf_counter()
        s1, _ = call(conn, "POST", "/sandbox/psp/v1/payments", direct_body, {"Content-Type": "application/json"})
        t1 = time.perf_counter()
        s2, _ = call(conn, "POST", "/api/v1/forward", proxied_body,
                     {"Content-Type": "application/json", "x-api-key": sk, "x-token-id": token,
                      "x-forward-url": sandbox})
        t2 = time.perf_counter()
        assert s1 == 201 and s2 == 201, (s1, s2)
        if i >= 20:  # warm-up
            direct.append((t1 - t0) * 1000)
            proxied.append((t2 - t1) * 1000)
    d, p = statistics.median(direct), statistics.median(proxied)
    print(f"requests per variant: {len(direct)}")
    print(f"direct to sandbox PSP : median {d:.2f} ms, p95 {sorted(direct)[int(len(direct)*.95)]:.2f} ms")
    print(f"through /api/v1/forward: median {p:.2f} ms, p95 {sorted(proxied)[int(len(proxied)*.95)]:.2f} ms")
    print(f"ratio proxied/direct (median): {p / d:.2f}")


if __name__ == "__main__":
    main()
