#!/usr/bin/python3
"""judge-2005.py WORK: judges run-vm-2005.sh's VM run on the host.

Reads WORK/result (the lines run.sh printed in the VM) and the files the run
left in WORK/<column>/, decides for each exchange and column whether it
worked, whether it stalled, and whether it used the column's transport only,
and compares that with EXPECTED. Prints the results table (markdown, with
timings) and exits 1 on any difference from EXPECTED, including an exchange
that works better than expected.
"""
import os
import re
import sys

COLUMNS = ("tcp", "withsctp", "port")
TRANSPORT = {"tcp": "tcp", "withsctp": "sctp", "port": "sctp"}

# What each exchange does today in each column: "works", "stalls" (works,
# but a step takes STALL seconds more than over TCP, and STALL_RATIO times as
# long) or "fails".
STALL, STALL_RATIO = 8.0, 3.0
# Steps with a limit of their own: an FTP command must answer within 2 s
# (issue 13), whatever TCP took.
STEP_LIMIT = {"ftp-passive": 2.0, "ftp-active": 2.0}
EXPECTED = {
    "apache": {"tcp": "works", "withsctp": "fails", "port": "works"},
    "apache-curl": {"tcp": "works", "withsctp": "fails", "port": "works"},
    "apache-load": {"tcp": "works", "withsctp": "fails", "port": "works"},
    "w3m-apache": {"tcp": "works", "withsctp": "fails", "port": "works"},
    "w3m": {"tcp": "works", "withsctp": "works", "port": "works"},
    "ftp-passive": {"tcp": "works", "withsctp": "stalls", "port": "works"},
    "ftp-active": {"tcp": "works", "withsctp": "stalls", "port": "works"},
    "ssh": {"tcp": "works", "withsctp": "works", "port": "works"},
    "scp": {"tcp": "works", "withsctp": "works", "port": "works"},
}
TITLES = {
    "apache": "Apache: page, 300 KB (sendfile), 404, 8 MiB on one keep-alive connection",
    "apache-curl": "Apache to curl: the same four on one keep-alive connection",
    "apache-load": "Apache to curl: 220 requests (200 pages, 20 × 300 KB), 4 at a time",
    "w3m-apache": "w3m `-dump_source`, `-dump` of the Apache page",
    "w3m": "w3m `-dump_source` from a neutral server",
    "ftp-passive": "proftpd + curl, passive: LIST, RETR 1 MiB; STOR 1 MiB",
    "ftp-active": "proftpd + curl, active: LIST, RETR 1 MiB; STOR 1 MiB",
    "ssh": "ssh: key login, remote command",
    "scp": "scp 1 MiB up, down (SFTP)",
}
# The counter window each exchange is judged in.
WINDOW = {"apache": "apache", "apache-curl": "apache", "apache-load": "apache",
          "w3m-apache": "w3m", "w3m": "w3m",
          "ftp-passive": "proftpd", "ftp-active": "proftpd",
          "ssh": "openssh", "scp": "openssh"}


class Run:
    def __init__(self, work):
        self.work = work
        self.lines = open(os.path.join(work, "result")).read().splitlines()

    def find(self, pattern):
        for line in self.lines:
            m = re.match(pattern + r"$", line)
            if m:
                return m
        return None

    def counters(self, col, window):
        edges = {}
        for edge in ("BEFORE", "AFTER"):
            m = self.find(rf"{edge} {col} {window} (.*)")
            edges[edge] = dict(kv.split("=") for kv in m.group(1).split()) if m else {}
        return {k: int(edges["AFTER"].get(k, 0)) - int(edges["BEFORE"].get(k, 0))
                for k in ("sctp_estabs", "sctp_packets", "tcp_opens", "tcp_segments")}

    def file(self, *path):
        try:
            return open(os.path.join(self.work, *path), "rb").read()
        except OSError:
            return None

    def same(self, a, b):
        x = self.file(*a)
        return x is not None and x == self.file(*b)


def curl_status(run, col, step, err, problems):
    """The CURL line of step; adds a problem unless curl exited 0."""
    m = run.find(rf"CURL {col} {step} status=(\d+) seconds=([\d.]+)")
    if not m or m.group(1) != "0":
        text = (run.file(col, err) or b"").decode(errors="replace").strip()
        problems.append(f"curl status {m.group(1) if m else '?'}"
                        + (f" ({text.splitlines()[-1]})" if text else ""))
    return m


def judge_column(run, col):
    """{exchange: (problems, [(step, seconds)])} for one column."""
    out = {}
    listen = {}
    for program in ("apache", "proftpd", "openssh"):
        m = run.find(rf"LISTEN {col} {program} (\w+)")
        listen[program] = m.group(1) if m else "?"

    def listens(program, problems):
        if listen[program] != TRANSPORT[col]:
            problems.append(f"listens on {listen[program].upper()}")

    # Apache, from the neutral client.
    problems, steps = [], []
    listens("apache", problems)
    want = [("/index.html", "200", "index.html"), ("/file300k.bin", "200", "file300k.bin"),
            ("/missing.html", "404", None), ("/big.bin", "200", "big.bin")]
    for path, status, body in want:
        m = run.find(rf"HTTP {col} GET {re.escape(path)} status=(\d+) bytes=\d+ seconds=([\d.]+)")
        e = run.find(rf"HTTP {col} GET {re.escape(path)} error=(\S+) .*")
        if m:
            steps.append((path.strip("/"), float(m.group(2))))
            if m.group(1) != status:
                problems.append(f"{path}: {m.group(1)}")
            elif body and not run.same((col, "http", body), ("www", body)):
                problems.append(f"{path}: body differs")
        elif e:
            problems.append(f"{path}: {e.group(1)}")
    if not steps and not any(p.startswith("/") for p in problems):
        problems.append("no answer")
    m = run.find(rf"HTTP {col} CONNECTIONS (\d+)")
    if m and m.group(1) != "1" and steps:
        problems.append(f"{m.group(1)} connections")
    out["apache"] = (problems, steps)

    # Apache, from the column's curl: one keep-alive connection, then a load.
    problems, steps = [], []
    listens("apache", problems)
    connects = 0
    for path, status, body in want:
        m = run.find(rf"CURLGET {col} \S+{re.escape(path)} (\d+) \d+ (\d+) ([\d.]+)")
        if not m:
            continue
        steps.append((path.strip("/"), float(m.group(3))))
        connects += int(m.group(2))
        if m.group(1) != status:
            problems.append(f"{path}: {m.group(1)}")
        elif body and not run.same((col, "curl", body), ("www", body)):
            problems.append(f"{path}: body differs")
    curl_status(run, col, "keepalive", "curl.err", problems)
    if steps and connects != 1:
        problems.append(f"{connects} connections")
    out["apache-curl"] = (problems, steps)
    problems, steps = [], []
    listens("apache", problems)
    m = curl_status(run, col, "load", "load.err", problems)
    if m:
        steps.append(("load", float(m.group(2))))
    answers = (run.file(col, "load.txt") or b"").decode().split("\n")
    sizes = {"index": len(run.file("www", "index.html")), "file300k": 307200}
    if sorted(a.rsplit(" ", 1)[0] for a in answers if a) != sorted(
            [f"200 {sizes['index']}"] * 200 + [f"200 {sizes['file300k']}"] * 20):
        problems.append("not 220 whole answers")
    for name, count, suffix, original in (("index", 200, "html", "index.html"),
                                          ("file300k", 20, "bin", "file300k.bin")):
        if any(not run.same((col, "load", f"{name}-{i}.{suffix}"), ("www", original))
               for i in range(1, count + 1)):
            problems.append(f"a {original} body differs")
    out["apache-load"] = (problems, steps)

    # w3m, from the column's Apache and from a neutral server.
    problems, steps = [], []
    for how in ("source", "dump"):
        m = run.find(rf"W3M {col} apache {how} status=(\d+) seconds=([\d.]+)")
        if m:
            steps.append((how, float(m.group(2))))
        if not m or m.group(1) != "0":
            problems.append(f"-dump_{how}: status {m.group(1) if m else '?'}")
    if not run.same((col, "w3m", "apache-source.txt"), ("www", "index.html")):
        err = (run.file(col, "w3m", "apache-source.err") or b"").decode(errors="replace").strip()
        problems.append("-dump_source: " + (err.splitlines()[-1] if err else "page differs"))
    if b"Hello over SCTP" not in (run.file(col, "w3m", "apache-dump.txt") or b""):
        problems.append("-dump lacks the heading")
    out["w3m-apache"] = (problems, steps)
    problems, steps = [], []
    m = run.find(rf"W3M {col} peer source status=(\d+) seconds=([\d.]+)")
    if m:
        steps.append(("source", float(m.group(2))))
    if not run.same((col, "w3m", "peer-source.txt"), ("www", "index.html")):
        err = (run.file(col, "w3m", "peer-source.err") or b"").decode(errors="replace").strip()
        problems.append(err.splitlines()[-1] if err else "page differs")
    out["w3m"] = (problems, steps)

    # proftpd + curl.
    for mode in ("passive", "active"):
        problems, steps = [], []
        listens("proftpd", problems)
        get = run.find(rf"FTP {col} {mode} list\+retr status=(\d+) seconds=([\d.]+) each=(\S*)")
        put = run.find(rf"FTP {col} {mode} stor status=(\d+) seconds=([\d.]+)")
        each = [float(x) for x in get.group(3).split(",") if x] if get else []
        steps += list(zip(("LIST", "RETR"), each))
        if put:
            steps.append(("STOR", float(put.group(2))))
        for what, m, err in (("LIST+RETR", get, "get"), ("STOR", put, "put")):
            if not m or m.group(1) != "0":
                text = (run.file(col, f"ftp-{mode}-{err}.err") or b"").decode(errors="replace").strip()
                problems.append(f"{what}: curl status {m.group(1) if m else '?'}"
                                + (f" ({text.splitlines()[-1]})" if text else ""))
        if b"file1m.bin" not in (run.file(col, f"ftp-{mode}-list.txt") or b""):
            problems.append("LIST lacks the file")
        if not run.same((col, f"ftp-{mode}-get.bin"), ("ftp", "file1m.bin")):
            problems.append("RETR: file differs")
        if not run.same(("ftp", f"up-{col}-{mode}.bin"), ("ftp", "file1m.bin")):
            problems.append("STOR: file differs")
        out[f"ftp-{mode}"] = (problems, steps)

    # OpenSSH.
    problems, steps = [], []
    listens("openssh", problems)
    m = run.find(rf"SSH {col} command status=(\d+) seconds=([\d.]+)")
    if m:
        steps.append(("command", float(m.group(2))))
    if not m or m.group(1) != "0":
        problems.append(f"ssh status {m.group(1) if m else '?'}")
    if run.file(col, "ssh-command.txt") != b"sctpify-ssh 42\n":
        problems.append("wrong remote output")
    out["ssh"] = (problems, steps)
    problems, steps = [], []
    listens("openssh", problems)
    for way in ("up", "down"):
        m = run.find(rf"SSH {col} scp-{way} status=(\d+) seconds=([\d.]+)")
        if m:
            steps.append((way, float(m.group(2))))
        if not m or m.group(1) != "0":
            problems.append(f"scp {way}: status {m.group(1) if m else '?'}")
        if not run.same((col, f"scp-{way}.bin"), ("ftp", "file1m.bin")):
            problems.append(f"scp {way}: file differs")
    out["scp"] = (problems, steps)

    # Transport: the column's, and only it, during each program's exchanges.
    for exchange, (problems, steps) in out.items():
        c = run.counters(col, WINDOW[exchange])
        if TRANSPORT[col] == "sctp":
            right = c["sctp_estabs"] > 0 and c["tcp_opens"] == 0
        else:
            right = c["tcp_opens"] > 0 and c["sctp_estabs"] == 0
        if not right and not problems:
            problems.append(f"wrong transport (SCTP associations +{c['sctp_estabs']}, "
                            f"TCP opens +{c['tcp_opens']})")
    return out


def main(work):
    run = Run(work)
    results = {col: judge_column(run, col) for col in COLUMNS}
    verdicts = {}
    for col in COLUMNS:
        for exchange, (problems, steps) in results[col].items():
            if problems:
                verdicts[(exchange, col)] = ("fails", "; ".join(problems))
                continue
            tcp_steps = dict(results["tcp"][exchange][1])
            limit = STEP_LIMIT.get(exchange, float("inf"))
            slow = [f"{step} {seconds:.1f} s" for step, seconds in steps
                    if seconds > limit or (step in tcp_steps and seconds > tcp_steps[step] + STALL
                                           and seconds > tcp_steps[step] * STALL_RATIO)]
            verdicts[(exchange, col)] = ("stalls", ", ".join(slow)) if slow else ("works", "")

    print("| Exchange | " + " | ".join(f"{c} ({TRANSPORT[c].upper()})" for c in COLUMNS) + " |")
    print("|---|" + "---|" * len(COLUMNS))
    for exchange in EXPECTED:
        cells = []
        for col in COLUMNS:
            verdict, detail = verdicts[(exchange, col)]
            steps = results[col][exchange][1]
            timing = " / ".join(f"{s:.2f}" for _, s in steps)
            cell = {"works": "works", "stalls": "**stalls**", "fails": "**fails**"}[verdict]
            if verdict == "fails":
                cell += ": " + detail
            if timing:
                cell += f" ({timing} s)"
            cells.append(cell)
        print(f"| {TITLES[exchange]} | " + " | ".join(cells) + " |")
    print()
    print("Transport, from the kernel's counters (SCTP association ends, TCP opens):")
    for window in ("apache", "w3m", "proftpd", "openssh"):
        parts = []
        for col in COLUMNS:
            c = run.counters(col, window)
            parts.append(f"{col} SCTP +{c['sctp_estabs']} TCP +{c['tcp_opens']}")
        print(f"  {window}: " + "; ".join(parts))
    print()
    # The 1 MiB FTP and scp transfers are too short to say more than their
    # times do: connection set-up and the stall dominate.
    print("Throughput at lo MTU 1500 (under TCG: compare columns, not absolutes):")
    for exchange, step, mib, what in (("apache", "big.bin", 8, "Apache, 8 MiB GET (sendfile)"),):
        parts = []
        for col in COLUMNS:
            seconds = dict(results[col][exchange][1]).get(step)
            if verdicts[(exchange, col)][0] != "fails" and seconds:
                parts.append(f"{col} {mib / seconds:.2f} MiB/s")
        print(f"  {what}: " + (", ".join(parts) or "-"))
    print()

    failed = 0
    for exchange, expected in EXPECTED.items():
        for col in COLUMNS:
            verdict, detail = verdicts[(exchange, col)]
            if verdict == expected[col]:
                print(f"PASS {exchange} {col}: {verdict}" + (f" ({detail})" if detail else "")
                      + (", as expected today" if verdict != "works" else ""))
            else:
                print(f"FAIL {exchange} {col}: {verdict}" + (f" ({detail})" if detail else "")
                      + f", expected: {expected[col]}"
                      + ("; if better, update EXPECTED in judge-2005.py and docs/case-studies.md"
                         if verdict != "fails" else ""))
                failed = 1
    if failed:
        print("--- VM output")
        print("\n".join(run.lines))
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
