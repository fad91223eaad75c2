#!/usr/bin/env python3
"""Expected run-time trace of a correctly converted program.

A trace is what libsctpify-trace.so (interpose.c) records, one call a line:

    socket <domain> <type> <protocol> -> <fd>
    setsockopt <level> <optname> on <fd>
    getsockopt <level> <optname> on <fd>

Modes:

  expected_trace.py ORIGINAL.trace
      Print the trace a correct sctpify conversion of the program must
      produce, with descriptors normalised. The rule: a socket with domain
      AF_INET (2) or AF_INET6 (10), type & 0xf == SOCK_STREAM (1) and protocol
      0 or IPPROTO_TCP (6) gets protocol IPPROTO_SCTP (132); a set/getsockopt
      at level IPPROTO_TCP (6) on such a socket gets level IPPROTO_SCTP and the
      SCTP option (TCP_NODELAY 1 -> SCTP_NODELAY 3, TCP_MAXSEG 2 ->
      SCTP_MAXSEG 13). Everything else stays exactly as it was.

  expected_trace.py --normalise TRACE
      Print TRACE with descriptors normalised only.

  expected_trace.py --explain EXPECTED.norm ACTUAL.norm
      Print one line per difference between two normalised traces, saying
      whether a socket was left as TCP where it should be SCTP (missed), or
      changed where it should have stayed (WRONG).

  expected_trace.py --same-records CHECKED-IN.norm COMPUTED.norm
      Compare two normalised traces of the same program taken on different
      machines. The order in which sockets are created may differ (a resolver
      returns ::1 or 127.0.0.1 first); what each socket is and which options
      are used on it, in order, may not. Exit 0 and print nothing when the
      traces are identical; exit 0 and print `same records, other order` when
      only the order of the sockets differs; exit 1 and print the records
      that differ otherwise.

Normalising: the descriptor returned by the n-th socket() becomes #n, and
every later use of that number refers to it (a socket() that returns a number
again rebinds it); a descriptor no traced socket() returned becomes ext<fd>.
"""

import re
import sys

AF_INET, AF_INET6 = 2, 10
SOCK_STREAM, SOCK_TYPE_MASK = 1, 0xF
IPPROTO_TCP, IPPROTO_SCTP = 6, 132
# TCP option -> SCTP option with the same meaning on a one-to-one socket.
TCP_TO_SCTP_OPTION = {
    1: 3,   # TCP_NODELAY -> SCTP_NODELAY
    2: 13,  # TCP_MAXSEG  -> SCTP_MAXSEG
}
NAMES = {
    "domain": {1: "AF_UNIX", 2: "AF_INET", 10: "AF_INET6"},
    "level": {0: "IPPROTO_IP", 1: "SOL_SOCKET", 6: "IPPROTO_TCP",
              41: "IPPROTO_IPV6", 132: "IPPROTO_SCTP"},
    "protocol": {0: "0", 6: "IPPROTO_TCP", 17: "IPPROTO_UDP",
                 132: "IPPROTO_SCTP"},
}

SOCKET_RE = re.compile(r"^socket (-?\d+) (-?\d+) (-?\d+) -> (-?\d+)$")
OPT_RE = re.compile(r"^(setsockopt|getsockopt) (-?\d+) (-?\d+) on (-?\d+)$")


class TraceError(Exception):
    pass


def parse(path):
    """Yield records: ('socket', domain, type, proto, fd) or
    (op, level, optname, fd)."""
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            m = SOCKET_RE.match(line)
            if m:
                yield ("socket",) + tuple(int(g) for g in m.groups())
                continue
            m = OPT_RE.match(line)
            if m:
                yield (m.group(1),) + tuple(int(g) for g in m.groups()[1:])
                continue
            raise TraceError(f"{path}:{lineno}: not a trace record: {line!r}")


def is_tcp_stream(domain, type_, proto):
    return (domain in (AF_INET, AF_INET6)
            and type_ & SOCK_TYPE_MASK == SOCK_STREAM
            and proto in (0, IPPROTO_TCP))


def transform(records, convert):
    """Normalise descriptors; with convert, apply the conversion rule."""
    out = []
    fd_name = {}   # fd number -> '#n'
    converted = set()  # '#n' of sockets the rule turns into SCTP
    count = 0
    for rec in records:
        if rec[0] == "socket":
            _, domain, type_, proto, fd = rec
            count += 1
            name = f"#{count}"
            fd_name[fd] = name
            if convert and is_tcp_stream(domain, type_, proto):
                proto = IPPROTO_SCTP
                converted.add(name)
            out.append(f"socket {domain} {type_} {proto} -> {name}")
        else:
            op, level, opt, fd = rec
            name = fd_name.get(fd, f"ext{fd}")
            if convert and name in converted and level == IPPROTO_TCP:
                if opt not in TCP_TO_SCTP_OPTION:
                    raise TraceError(
                        f"{op} IPPROTO_TCP option {opt} on {name} has no SCTP "
                        "equivalent the rule knows; a case must not use it")
                level, opt = IPPROTO_SCTP, TCP_TO_SCTP_OPTION[opt]
            out.append(f"{op} {level} {opt} on {name}")
    return out


def read_norm(path):
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def describe_socket(domain, type_, proto):
    d = NAMES["domain"].get(domain, str(domain))
    t = {1: "SOCK_STREAM", 2: "SOCK_DGRAM"}.get(type_ & SOCK_TYPE_MASK,
                                                 str(type_ & SOCK_TYPE_MASK))
    if type_ & ~SOCK_TYPE_MASK:
        t += f"|0x{type_ & ~SOCK_TYPE_MASK:x}"
    return f"{d}, {t}"


def explain(expected, actual):
    """One line per differing record; returns the lines."""
    lines = []
    if len(expected) != len(actual):
        lines.append(f"trace length differs: expected {len(expected)} "
                     f"records, got {len(actual)} (see the diff)")
    for i, (e, a) in enumerate(zip(expected, actual), 1):
        if e == a:
            continue
        me, ma = SOCKET_RE.match(e.replace("#", "")), SOCKET_RE.match(
            a.replace("#", ""))
        if me and ma and me.group(1, 2, 4) == ma.group(1, 2, 4):
            dom, typ, pe, pa = (int(me.group(1)), int(me.group(2)),
                                int(me.group(3)), int(ma.group(3)))
            what = describe_socket(dom, typ, pe)
            sock = e.split()[-1]
            if pe == IPPROTO_SCTP and pa != IPPROTO_SCTP:
                lines.append(f"missed: socket {sock} ({what}) still has "
                             f"protocol {pa}, expected {IPPROTO_SCTP}")
            elif pa == IPPROTO_SCTP and pe != IPPROTO_SCTP:
                lines.append(f"WRONG: socket {sock} ({what}) became SCTP; "
                             f"it must keep protocol {pe}")
            else:
                lines.append(f"WRONG: socket {sock} ({what}) has protocol "
                             f"{pa}, expected {pe}")
            continue
        oe, oa = OPT_RE.match(e.replace("#", "")), OPT_RE.match(
            a.replace("#", ""))
        if oe and oa and oe.group(1) == oa.group(1):
            sock = e.split()[-1]
            le, la = int(oe.group(2)), int(oa.group(2))
            if le == IPPROTO_SCTP and la == IPPROTO_TCP:
                lines.append(f"missed: {oe.group(1)} on {sock} still at "
                             f"IPPROTO_TCP option {oa.group(3)}, expected "
                             f"IPPROTO_SCTP option {oe.group(3)}")
            elif la == IPPROTO_SCTP and le != IPPROTO_SCTP:
                lines.append(f"WRONG: {oe.group(1)} on {sock} moved to "
                             f"IPPROTO_SCTP; expected level {le} option "
                             f"{oe.group(3)}")
            else:
                lines.append(f"record {i}: expected '{e}', got '{a}'")
            continue
        lines.append(f"record {i}: expected '{e}', got '{a}'")
    return lines


def socket_groups(lines):
    """The trace as a multiset of sockets: each socket's own record (without
    its #n) with the option records on it, in their order. Records on a
    descriptor no traced socket() returned form a group of their own."""
    groups = {}
    order = []
    for line in lines:
        words = line.split()
        fd = words[-1]
        if words[0] == "socket":
            key = fd
            groups[key] = [" ".join(words[:-2])]
        else:
            key = fd
            groups.setdefault(key, [fd if fd.startswith("ext") else "?"])
            groups[key].append(" ".join(words[:-2]))
        if key not in order:
            order.append(key)
    return sorted(" | ".join(groups[k]) for k in order)


def same_records(checked_in, computed):
    """(status, lines) for --same-records."""
    if checked_in == computed:
        return 0, []
    a, b = socket_groups(checked_in), socket_groups(computed)
    if a == b:
        return 0, ["same records, other order"]
    lines = []
    for group in a:
        if group not in b:
            lines.append(f"only in the checked-in trace: {group}")
        else:
            b.remove(group)
    for group in b:
        lines.append(f"only in the trace computed here: {group}")
    return 1, lines


def main(argv):
    try:
        if len(argv) == 2 and not argv[1].startswith("-"):
            out = transform(parse(argv[1]), convert=True)
        elif len(argv) == 3 and argv[1] == "--normalise":
            out = transform(parse(argv[2]), convert=False)
        elif len(argv) == 4 and argv[1] == "--explain":
            out = explain(read_norm(argv[2]), read_norm(argv[3]))
        elif len(argv) == 4 and argv[1] == "--same-records":
            status, out = same_records(read_norm(argv[2]), read_norm(argv[3]))
            for line in out:
                print(line)
            return status
        else:
            sys.stderr.write(__doc__)
            return 2
    except (TraceError, OSError) as e:
        print(f"expected_trace.py: {e}", file=sys.stderr)
        return 1
    for line in out:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
