#!/usr/bin/python3
"""Neutral peers for the converted programs, from Python's standard library.

  peers.py http-server PORT DIR tcp|sctp   HTTP/1.1 (keep-alive) file server
  peers.py memcache PORT tcp|sctp          set then get one value; prints and
                                           exits 0 only if memcached answered
                                           as it must
  peers.py http-get PORT tcp|sctp OUT PATH...
                                           GETs each PATH in turn on one
                                           HTTP/1.1 connection; saves each body
                                           as OUT/<basename>; prints a line per
                                           request (status, bytes, seconds) and
                                           how many connections it opened

The transport is explicit, so a converted program that still spoke TCP could
not pass against the SCTP peer, and the other way round.
"""
import functools
import http.client
import http.server
import os
import socket
import sys
import time

PROTOCOLS = {"tcp": socket.IPPROTO_TCP, "sctp": socket.IPPROTO_SCTP}


def stream_socket(transport):
    return socket.socket(socket.AF_INET, socket.SOCK_STREAM,
                         PROTOCOLS[transport])


def http_server(port, directory, transport):
    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # persistent connections

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", int(port)),
        functools.partial(Handler, directory=directory),
        bind_and_activate=False)
    server.socket.close()
    server.socket = stream_socket(transport)
    server.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.server_bind()
    server.server_activate()
    server.serve_forever()


def memcache(port, transport):
    value = os.urandom(3000).hex().encode()
    with stream_socket(transport) as s:
        s.connect(("127.0.0.1", int(port)))
        stream = s.makefile("rwb")
        stream.write(b"set sctpify 0 0 %d\r\n%s\r\n" % (len(value), value))
        stream.flush()
        stored = stream.readline()
        stream.write(b"get sctpify\r\n")
        stream.flush()
        header = stream.readline()
        body = stream.read(len(value) + 2)
        end = stream.readline()
    ok = (stored == b"STORED\r\n" and
          header == b"VALUE sctpify 0 %d\r\n" % len(value) and
          body == value + b"\r\n" and end == b"END\r\n")
    print("memcache %s: set %r, get %r + %d bytes%s + %r" %
          (transport, stored.strip(), header.strip(), len(body) - 2,
           " (identical)" if body == value + b"\r\n" else " (DIFFERENT)",
           end.strip()))
    return 0 if ok else 1


def http_get(port, transport, out, *paths):
    connections = 0

    class Connection(http.client.HTTPConnection):
        def connect(self):
            nonlocal connections
            connections += 1
            self.sock = stream_socket(transport)
            self.sock.settimeout(self.timeout)
            self.sock.connect((self.host, self.port))

    connection = Connection("127.0.0.1", int(port), timeout=60)
    status = 0
    for path in paths:
        start = time.monotonic()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            code = response.status
        except OSError as error:
            print(f"GET {path} error={error.__class__.__name__}:{error.errno}"
                  f" seconds={time.monotonic() - start:.3f}")
            status = 1
            break
        seconds = time.monotonic() - start
        with open(os.path.join(out, os.path.basename(path)), "wb") as f:
            f.write(body)
        print(f"GET {path} status={code} bytes={len(body)} seconds={seconds:.3f}")
    connection.close()
    print(f"CONNECTIONS {connections}")
    return status


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "http-server":
        http_server(*args)
    elif command == "memcache":
        sys.exit(memcache(*args))
    elif command == "http-get":
        sys.exit(http_get(*args))
    else:
        sys.exit(__doc__)
