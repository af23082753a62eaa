"""slow_clients.py: slow-client attacks on a running kehto, for tests/e2e/test_slow_clients.sh.

Usage: slow_clients.py PORT [SOCKETS] [SECONDS]

For SECONDS it does all of this at once against 127.0.0.1:PORT and prints one "key=value" line per figure:
- slowloris: SOCKETS connections from 127.0.0.1, each sending a request line and then one header line every 10 s,
  never finishing the header; records when the server closes each one;
- probes: a GET / from another address (127.0.0.2) every 0.2 s, each on a new connection; records the latency;
- busy header: 3 connections from 127.0.0.5 that send a header line every second, never finishing the header
  (an idle timeout would never close them; a deadline for the whole header does);
- trickle: a POST from 127.0.0.3 whose 50,000-byte body comes 20 bytes a second; records when it is cut;
- slow upload: a POST from 127.0.0.4 whose 60,000-byte body comes 4,000 bytes a second (a slow line, 32 kbit/s);
  records whether an HTTP answer came.
Only loopback addresses are used.
"""
import resource
import select
import selectors
import socket
import sys
import threading
import time

PORT = int(sys.argv[1])
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
SECONDS = float(sys.argv[3]) if len(sys.argv) > 3 else 16
SERVER = ("127.0.0.1", PORT)

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if soft < N + 100:
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, N + 200), hard))

T0 = time.monotonic()
results = {}


def now():
    return time.monotonic() - T0


def connect_from(addr, timeout=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((addr, 0))
    s.settimeout(timeout)
    s.connect(SERVER)
    return s


def read_status(s):
    """The status code of the answer on s, or None when the connection ends (or times out) without one."""
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                return None
            data += chunk
    except OSError:
        return None
    parts = data.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def slowloris():
    sel = selectors.DefaultSelector()
    opened = []  # [socket, opened_at, closed_at or None]
    failed = 0
    for i in range(N):
        try:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            s.setblocking(False)
            s.connect_ex(SERVER)
        except OSError:
            failed += 1
            continue
        c = [s, now(), None, 0]
        opened.append(c)
        sel.register(s, selectors.EVENT_WRITE, c)
    # first write: the request line and a Host header once connected; later writes: one header line each 10 s
    next_line = now() + 10
    while now() < SECONDS:
        for key, ev in sel.select(timeout=0.1):
            c = key.data
            s = c[0]
            try:
                if ev & selectors.EVENT_WRITE and c[3] == 0:
                    s.send(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    c[3] = 1
                    sel.modify(s, selectors.EVENT_READ, c)
                    continue
                data = s.recv(4096)
                if data:
                    continue  # an error page before closing is fine too; wait for the close
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                pass
            c[2] = now()
            sel.unregister(s)
            s.close()
        if now() >= next_line:
            next_line += 10
            for c in opened:
                if c[2] is None and c[3] == 1:
                    try:
                        c[0].send(b"X-Slow: %d\r\n" % int(now()))
                    except OSError:
                        pass
    open_at_end = sum(1 for c in opened if c[2] is None)
    lifetimes = sorted(c[2] - c[1] for c in opened if c[2] is not None)
    held = [t for t in lifetimes if t >= 1.0]
    results["slow_opened"] = len(opened) - failed
    results["slow_closed_at_once"] = sum(1 for t in lifetimes if t < 1.0)
    results["slow_held"] = len(held)
    results["slow_held_min_s"] = "%.1f" % (min(held) if held else 0)
    results["slow_held_max_s"] = "%.1f" % (max(held) if held else 0)
    results["slow_open_at_end"] = open_at_end
    for c in opened:
        if c[2] is None:
            c[0].close()


def probes():
    lat = []
    failures = 0
    while now() < SECONDS:
        t = time.monotonic()
        status = None
        try:
            s = connect_from("127.0.0.2", timeout=2.0)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            status = read_status(s)
            s.close()
        except OSError:
            pass
        d = time.monotonic() - t
        if status != 200:
            failures += 1
        lat.append(d)
        time.sleep(max(0, 0.2 - d))
    lat.sort()
    results["probe_count"] = len(lat)
    results["probe_failures"] = failures
    results["probe_p50_ms"] = "%.0f" % (1000 * lat[len(lat) // 2]) if lat else 0
    results["probe_max_ms"] = "%.0f" % (1000 * lat[-1]) if lat else 0


def busy_header():
    socks = []
    for _ in range(3):
        s = connect_from("127.0.0.5", timeout=1.0)
        s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        socks.append([s, now(), None])
    next_line = now() + 1
    while now() < SECONDS and any(c[2] is None for c in socks):
        live = [c[0] for c in socks if c[2] is None]
        readable, _, _ = select.select(live, [], [], 0.1)
        for c in socks:
            if c[2] is None and c[0] in readable:
                try:
                    if c[0].recv(4096):
                        continue
                except OSError:
                    pass
                c[2] = now()
        if now() >= next_line:
            next_line += 1
            for c in socks:
                if c[2] is None:
                    try:
                        c[0].sendall(b"X-Busy: %d\r\n" % int(now()))
                    except OSError:
                        c[2] = now()
    for c in socks:
        c[0].close()
    lives = [c[2] - c[1] for c in socks if c[2] is not None]
    results["busy_closed"] = len(lives)
    results["busy_max_s"] = "%.1f" % (max(lives) if lives else 0)


def post(addr, size, per_second, key):
    start = now()
    status = None
    try:
        s = connect_from(addr, timeout=SECONDS)
        s.sendall(b"POST /kirjaudu HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  b"Content-Length: %d\r\n\r\n" % size)
        sent = 0
        step = max(1, per_second // 5)
        while sent < size and now() < SECONDS:
            n = min(step, size - sent)
            s.sendall(b"a" * n)
            sent += n
            time.sleep(0.2)
        s.settimeout(3)
        status = read_status(s)
        s.close()
    except OSError:
        pass
    results[key + "_status"] = status if status is not None else "cut"
    results[key + "_s"] = "%.1f" % (now() - start)


threads = [threading.Thread(target=slowloris), threading.Thread(target=probes), threading.Thread(target=busy_header),
           threading.Thread(target=post, args=("127.0.0.3", 50000, 20, "trickle")),
           threading.Thread(target=post, args=("127.0.0.4", 60000, 4000, "slow_upload"))]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print("%s=%s" % (k, results[k]))
