/* helpers.h: the run-time helpers sctpify inserts into a ported program so
 * that it behaves over an SCTP one-to-one socket (socket(AF_INET,
 * SOCK_STREAM, IPPROTO_SCTP), RFC 6458 section 4) as it did over TCP.
 *
 * Rules every helper keeps:
 * - On a socket that stayed TCP (or any descriptor that is not SCTP) it does
 *   exactly what the original call did: same result, same errno.
 * - "Try first": the original call is made first; the SCTP branch runs only
 *   when that call failed in the way SCTP fails, so the common case costs no
 *   extra system call. Only sctpify_graceful_shutdown() must ask first.
 * - No global state: everything is read from the socket, so threads, fork,
 *   descriptors passed between processes and several translation units are
 *   all fine.
 * - errno is preserved where a helper makes a call the program did not ask
 *   for.
 * Needs only <netinet/sctp.h> (no -lsctp). Compiles as C (c99 with
 * _GNU_SOURCE, gnu11) and C++17 with -Wall -Wextra -Werror.
 *
 * Facts measured on Debian's Linux 6.1.0-57 in test/e2e/behaviour (see
 * docs/behaviour.md); kernel functions named are in net/sctp/socket.c unless
 * said otherwise. */
#ifndef SCTPIFY_BEHAVIOUR_HELPERS_H
#define SCTPIFY_BEHAVIOUR_HELPERS_H

#include <errno.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef SO_MEMINFO
#define SO_MEMINFO 55
#endif
#define SCTPIFY_MEMINFO_WMEM_QUEUED 5 /* SK_MEMINFO_WMEM_QUEUED, linux/sock_diag.h */
#define SCTPIFY_MEMINFO_VARS 9

/* Is fd an SCTP socket? getsockopt(SO_PROTOCOL) answers 132 for SCTP; 6 for
 * TCP; fails (ENOTSOCK) for a pipe or a file; answers 0 for a Unix socket.
 * Right for descriptors the program did not create (inherited fd 0, dup(),
 * SCM_RIGHTS). One system call: 1.1 us on the host (getppid: 0.4 us), 2.9 to
 * 5.8 us in the TCG VM, depending on the host's load. */
static inline int sctpify_is_sctp(int fd) {
  int protocol = 0, saved = errno;
  socklen_t len = sizeof protocol;
  int r = getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &protocol, &len);
  errno = saved;
  return r == 0 && protocol == IPPROTO_SCTP;
}

/* ---- Socket options: IPPROTO_TCP options on an SCTP socket -------------
 * Every IPPROTO_TCP option fails on SCTP (sctp_setsockopt() hands a level
 * other than SOL_SCTP to ip_setsockopt(): ENOPROTOOPT; TCP_INFO gives
 * EOPNOTSUPP). assoc_id 0 is SCTP_FUTURE_ASSOC: on a one-to-one socket
 * sctp_id2assoc() ignores the id, so the same call sets the association
 * when connected and the endpoint's defaults otherwise (listening socket:
 * inherited by every accepted association; client before connect: used by
 * the association connect() makes). Measured in all three states. */

/* TCP_KEEPIDLE (s) -> SCTP_PEER_ADDR_PARAMS spp_hbinterval (ms) with
 * SPP_HB_ENABLE (RFC 6458 8.1.12), set to HALF the TCP idle time. Linux sends
 * a HEARTBEAT on an idle path every spp_hbinterval + RTO/2 + random(RTO)
 * (sctp_transport_timeout() in net/sctp/transport.c, jitter added in
 * sctp_transport_reset_hb_timer()), and counts a HEARTBEAT as missed only
 * when the next one is due, again a whole spp_hbinterval later
 * (SCTP_CMD_TRANSPORT_HB_SENT -> sctp_do_8_2_transport_strike() in
 * sm_sideeffect.c). With half the idle time, the first miss is counted after
 * about idle + 2 RTO, where TCP sends its first probe at idle (measured with
 * idle 2 s, interval 1 s, count 3: a dead peer seen after 6.4-7.1 s, TCP
 * 4.4-4.8 s; with the whole idle time as interval 11-12 s). A healthy idle
 * path is probed every idle/2 + RTO: for long idle times about twice as
 * often as TCP. getsockopt doubles it back: exact, since idle * 500 ms is a
 * whole number of 4 ms jiffies. */
static inline int sctpify_set_hbinterval(int fd, unsigned ms) {
  struct sctp_paddrparams p;
  memset(&p, 0, sizeof p);
  p.spp_assoc_id = SCTP_FUTURE_ASSOC;
  p.spp_hbinterval = ms;
  p.spp_flags = SPP_HB_ENABLE;
  return setsockopt(fd, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &p, sizeof p);
}

/* TCP_KEEPINTVL (s) -> SCTP_RTOINFO srto_max (ms) (RFC 6458 8.1.1). Once a
 * heartbeat goes unanswered Linux puts the path in the Potentially-Failed
 * state (net.sctp.pf_retrans = 0) and probes again every RTO/2 + random(RTO),
 * without spp_hbinterval, doubling the RTO at each miss
 * (sctp_do_8_2_transport_strike() in sm_sideeffect.c). Capping the RTO at the
 * TCP interval makes the probes at most that far apart, as TCP's are. Side
 * effect: data retransmissions back off to this cap too (TCP: 120 s). The
 * kernel refuses srto_max < srto_min (1000 ms): then srto_min is used. */
static inline int sctpify_set_rto_max(int fd, unsigned ms) {
  struct sctp_rtoinfo rto;
  memset(&rto, 0, sizeof rto);
  rto.srto_assoc_id = SCTP_FUTURE_ASSOC;
  rto.srto_max = ms; /* srto_initial, srto_min 0: unchanged */
  int r = setsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &rto, sizeof rto);
  if (r < 0 && errno == EINVAL) {
    socklen_t len = sizeof rto;
    if (getsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &rto, &len) == 0 && ms < rto.srto_min) {
      rto.srto_max = rto.srto_min;
      rto.srto_initial = 0;
      rto.srto_min = 0;
      r = setsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &rto, sizeof rto);
    }
  }
  return r;
}

/* TCP_KEEPCNT -> spp_pathmaxrxt = count, and SCTP_ASSOCINFO
 * sasoc_asocmaxrxt = count - 1 (at least 1) (RFC 6458 8.1.12, 8.1.2). What
 * aborts a silent association (ETIMEDOUT) is its error count reaching
 * sasoc_asocmaxrxt, checked when the next heartbeat is due
 * (sctp_sf_sendbeat_8_3() in sm_statefuns.c); spp_pathmaxrxt only marks one
 * path down. A miss is counted when the next heartbeat is sent, so with
 * count - 1 SCTP sends `count` heartbeats and gives up at the next timer, as
 * TCP sends `count` probes and gives up at the next interval. The path count
 * keeps the value set (getsockopt reads it back) and is set first: on a
 * multi-homed association the kernel refuses an association count above the
 * sum of the path counts (sctp_setsockopt_associnfo()). SCTP counts
 * data-retransmission timeouts in the same association counter. */
static inline int sctpify_set_max_retrans(int fd, unsigned count) {
  struct sctp_paddrparams p;
  memset(&p, 0, sizeof p);
  p.spp_assoc_id = SCTP_FUTURE_ASSOC;
  p.spp_pathmaxrxt = (unsigned short)count;
  if (setsockopt(fd, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &p, sizeof p) < 0)
    return -1;
  struct sctp_assocparams a;
  memset(&a, 0, sizeof a);
  a.sasoc_assoc_id = SCTP_FUTURE_ASSOC;
  a.sasoc_asocmaxrxt = (unsigned short)(count > 1 ? count - 1 : 1);
  return setsockopt(fd, IPPROTO_SCTP, SCTP_ASSOCINFO, &a, sizeof a);
}

/* TCP_SYNCNT -> SCTP_INITMSG sinit_max_attempts (RFC 6458 8.1.3): INIT
 * retransmissions before connect() fails. Zero fields are left unchanged
 * (sctp_setsockopt_initmsg()). Accepted in every state; used at connect. */
static inline int sctpify_set_init_max_attempts(int fd, unsigned attempts) {
  struct sctp_initmsg init;
  memset(&init, 0, sizeof init);
  init.sinit_max_attempts = (unsigned short)attempts;
  return setsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &init, sizeof init);
}

/* TCP_QUICKACK -> SCTP_DELAYED_SACK (RFC 6458 8.1.19). sack_freq 1 turns
 * delayed SACK off (a SACK for every packet); 2 is the default (delay 200 ms
 * kept). TCP's quick-ack mode is temporary; SCTP's setting stays. */
static inline int sctpify_set_sack_freq(int fd, unsigned freq) {
  struct sctp_sack_info s;
  memset(&s, 0, sizeof s);
  s.sack_assoc_id = SCTP_FUTURE_ASSOC;
  s.sack_freq = freq;
  return setsockopt(fd, IPPROTO_SCTP, SCTP_DELAYED_SACK, &s, sizeof s);
}

/* TCP options that only tune performance: over SCTP a port sets them with no
 * effect and succeeds (setsockopt only; a getsockopt of one stays flagged).
 * TCP_CORK's batching: pass MSG_MORE on the sends instead (measured: 4 sends
 * in 1 packet instead of 5). TCP_CONGESTION is a hint to set, but its
 * getsockopt returns a name the program may use: flagged. */
static inline int sctpify_tcp_option_is_hint(int optname) {
  switch (optname) {
  case TCP_CORK: case TCP_DEFER_ACCEPT: case TCP_NOTSENT_LOWAT:
  case TCP_THIN_LINEAR_TIMEOUTS: case TCP_THIN_DUPACK: case TCP_WINDOW_CLAMP:
  case TCP_LINGER2: case TCP_FASTOPEN: case TCP_FASTOPEN_CONNECT:
  case TCP_FASTOPEN_NO_COOKIE: case TCP_CONGESTION:
    return 1;
  default:
    return 0;
  }
}

/* setsockopt() for a descriptor that may be SCTP. Values and units are TCP's
 * (seconds for the keep-alive times); ranges are checked as tcp_setsockopt()
 * does (EINVAL). Options with no SCTP counterpart (TCP_INFO, TCP_MD5SIG,
 * TCP_ULP, TCP_USER_TIMEOUT, TCP_REPAIR*, ...) keep the original error. */
static inline int sctpify_setsockopt(int fd, int level, int optname, const void *optval,
                                     socklen_t optlen) {
  int r = setsockopt(fd, level, optname, optval, optlen);
  if (r == 0 || level != IPPROTO_TCP || (errno != ENOPROTOOPT && errno != EOPNOTSUPP))
    return r;
  int saved = errno;
  if (!sctpify_is_sctp(fd))
    return errno = saved, -1;
  if (sctpify_tcp_option_is_hint(optname)) {
    if (optname != TCP_CONGESTION && optlen < (socklen_t)sizeof(int))
      return errno = EINVAL, -1;
    return 0;
  }
  int v;
  if (optlen < (socklen_t)sizeof v)
    return errno = saved, -1;
  memcpy(&v, optval, sizeof v);
  switch (optname) {
  case TCP_NODELAY:
    return setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &v, sizeof v);
  case TCP_KEEPIDLE:
    if (v < 1 || v > 32767) return errno = EINVAL, -1;
    return sctpify_set_hbinterval(fd, (unsigned)v * 500u);
  case TCP_KEEPINTVL:
    if (v < 1 || v > 32767) return errno = EINVAL, -1;
    return sctpify_set_rto_max(fd, (unsigned)v * 1000u);
  case TCP_KEEPCNT:
    if (v < 1 || v > 127) return errno = EINVAL, -1;
    return sctpify_set_max_retrans(fd, (unsigned)v);
  case TCP_SYNCNT:
    if (v < 1 || v > 127) return errno = EINVAL, -1;
    return sctpify_set_init_max_attempts(fd, (unsigned)v);
  case TCP_QUICKACK:
    return sctpify_set_sack_freq(fd, v ? 1u : 2u);
  default:
    return errno = saved, -1;
  }
}

/* getsockopt() of the options sctpify_setsockopt() maps, in TCP's units:
 * TCP_KEEPIDLE = 2 * spp_hbinterval / 1000 (default 60), TCP_KEEPINTVL =
 * srto_max / 1000 (default 60), TCP_KEEPCNT = spp_pathmaxrxt (default 5),
 * TCP_SYNCNT = sinit_max_attempts (default 8), TCP_QUICKACK = 1 when delayed
 * SACK is off, TCP_NODELAY = SCTP_NODELAY. Others keep the original error. */
static inline int sctpify_getsockopt(int fd, int level, int optname, void *optval,
                                     socklen_t *optlen) {
  int r = getsockopt(fd, level, optname, optval, optlen);
  if (r == 0 || level != IPPROTO_TCP || (errno != ENOPROTOOPT && errno != EOPNOTSUPP))
    return r;
  int saved = errno, v = 0;
  if (!sctpify_is_sctp(fd) || *optlen < (socklen_t)sizeof v)
    return errno = saved, -1;
  socklen_t len;
  switch (optname) {
  case TCP_NODELAY:
    len = sizeof v;
    r = getsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &v, &len);
    break;
  case TCP_KEEPIDLE:
  case TCP_KEEPCNT: {
    struct sctp_paddrparams p;
    memset(&p, 0, sizeof p);
    len = sizeof p;
    r = getsockopt(fd, IPPROTO_SCTP, SCTP_PEER_ADDR_PARAMS, &p, &len);
    v = optname == TCP_KEEPIDLE ? (int)((2 * p.spp_hbinterval + 500) / 1000) : p.spp_pathmaxrxt;
    break;
  }
  case TCP_KEEPINTVL: {
    struct sctp_rtoinfo rto;
    memset(&rto, 0, sizeof rto);
    len = sizeof rto;
    r = getsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &rto, &len);
    v = (int)((rto.srto_max + 500) / 1000);
    break;
  }
  case TCP_SYNCNT: {
    struct sctp_initmsg init;
    memset(&init, 0, sizeof init);
    len = sizeof init;
    r = getsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &init, &len);
    v = init.sinit_max_attempts;
    break;
  }
  case TCP_QUICKACK: {
    struct sctp_sack_info s;
    memset(&s, 0, sizeof s);
    len = sizeof s;
    r = getsockopt(fd, IPPROTO_SCTP, SCTP_DELAYED_SACK, &s, &len);
    v = s.sack_freq == 1;
    break;
  }
  default:
    return errno = saved, -1;
  }
  if (r == 0) {
    memcpy(optval, &v, sizeof v);
    *optlen = sizeof v;
  }
  return r;
}

/* ---- Closing --------------------------------------------------------------
 * For the lingering close only: shutdown(SHUT_WR), then read until EOF or a
 * timeout, then close() (Apache, proftpd, thttpd, mini_httpd). After our own
 * SHUT_WR an SCTP one-to-one socket never becomes readable: the association
 * ends (SHUTDOWN, SHUTDOWN-ACK, SHUTDOWN-COMPLETE) without RCV_SHUTDOWN being
 * set, so sctp_poll() reports nothing and recv() gives ENOTCONN: the loop
 * waits out its whole timeout. Over SCTP the helper also shuts the read side
 * (inet_shutdown() sets RCV_SHUTDOWN): readable at once, recv() gives what was
 * already queued and then 0. SCTP's graceful SHUTDOWN (RFC 4960 9.2) still
 * delivers every byte queued before it (measured with 1 MiB in flight); data
 * the peer sends later is dropped, which the lingering close discards anyway.
 * NOT for a real half-close (SHUT_WR, then read a reply): that is flagged. */
static inline int sctpify_graceful_shutdown(int fd) {
  int r = shutdown(fd, SHUT_WR);
  if (r == 0 && sctpify_is_sctp(fd))
    r = shutdown(fd, SHUT_RD);
  return r;
}

/* ---- Writing a byte stream over messages --------------------------------
 * An SCTP one-to-one socket sends each write as one message: longer than the
 * send buffer (SO_SNDBUF, 212992 B by default) it fails with EMSGSIZE at once
 * (sctp_sendmsg_to_asoc(): msg_len > sk_sndbuf); of 0 bytes it fails with
 * EINVAL (sctp_sendmsg_check_sflags()). TCP instead takes part or all of it.
 * The helpers make the call as written; only on those errors, and only on an
 * SCTP stream socket, do they split: pieces of min(32 KiB, SO_SNDBUF/4)
 * bytes (32 and 64 KiB measured alike, 16 KiB slower; a piece as large as the
 * buffer waits for the queue to drain completely: 0.3 MB/s). Blocking socket: every byte or
 * the error, as TCP (a partial count if some were sent before an error or a
 * signal). Non-blocking socket or MSG_DONTWAIT: what fitted, or -1 EAGAIN. */
static inline size_t sctpify__piece(int fd) {
  int sndbuf = 0;
  socklen_t len = sizeof sndbuf;
  size_t piece = 32768;
  if (getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, &len) == 0 && sndbuf / 4 > 0 &&
      (size_t)(sndbuf / 4) < piece)
    piece = (size_t)(sndbuf / 4);
  return piece;
}

static inline int sctpify__sctp_stream(int fd) {
  int type = 0;
  socklen_t len = sizeof type;
  return sctpify_is_sctp(fd) && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 &&
         type == SOCK_STREAM;
}

/* Sends msg's bytes in pieces; called after the whole send failed EMSGSIZE. */
static inline ssize_t sctpify__send_pieces(int fd, const struct msghdr *msg, int flags) {
  size_t piece = sctpify__piece(fd), done = 0, idx = 0, off = 0;
  int nonblocking = (flags & MSG_DONTWAIT) || (fcntl(fd, F_GETFL) & O_NONBLOCK);
  while (idx < (size_t)msg->msg_iovlen) {
    struct iovec sub[16];
    size_t n = 0, bytes = 0;
    for (size_t i = idx, o = off; i < (size_t)msg->msg_iovlen && n < 16 && bytes < piece; ++i, o = 0) {
      size_t take = msg->msg_iov[i].iov_len - o;
      if (take > piece - bytes) take = piece - bytes;
      if (take == 0) continue;
      sub[n].iov_base = (char *)msg->msg_iov[i].iov_base + o;
      sub[n].iov_len = take;
      bytes += take;
      ++n;
    }
    if (bytes == 0) break;
    struct msghdr m;
    memset(&m, 0, sizeof m);
    m.msg_iov = sub;
    m.msg_iovlen = n;
    if (done == 0) { /* ancillary data goes with the first piece */
      m.msg_control = msg->msg_control;
      m.msg_controllen = msg->msg_controllen;
    }
    ssize_t r = sendmsg(fd, &m, flags);
    if (r < 0) {
      if (done > 0) return (ssize_t)done; /* TCP reports the partial count */
      return -1;
    }
    done += (size_t)r;
    for (size_t left = (size_t)r; left > 0 && idx < (size_t)msg->msg_iovlen;) {
      size_t rest = msg->msg_iov[idx].iov_len - off;
      if (left < rest) { off += left; left = 0; }
      else { left -= rest; ++idx; off = 0; }
    }
    while (idx < (size_t)msg->msg_iovlen && msg->msg_iov[idx].iov_len == off) { ++idx; off = 0; }
    if ((size_t)r < bytes && nonblocking) break;
  }
  return (ssize_t)done;
}

/* Shared tail of the write helpers: r and errno come from the original call. */
static inline ssize_t sctpify__after_send(int fd, ssize_t r, const struct msghdr *msg,
                                          int flags, size_t total) {
  if (r >= 0 || (errno != EMSGSIZE && !(errno == EINVAL && total == 0)))
    return r;
  int saved = errno;
  if (!sctpify__sctp_stream(fd))
    return errno = saved, -1;
  if (total == 0)
    return 0; /* TCP accepts an empty write */
  return sctpify__send_pieces(fd, msg, flags);
}

/* write() to a byte stream. */
static inline ssize_t sctpify_write(int fd, const void *buf, size_t count) {
  ssize_t r = write(fd, buf, count);
  if (r >= 0 || (errno != EMSGSIZE && errno != EINVAL)) return r;
  struct iovec iov;
  iov.iov_base = (void *)buf;
  iov.iov_len = count;
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  return sctpify__after_send(fd, r, &m, 0, count);
}

/* send() to a byte stream; flags as given (MSG_NOSIGNAL, MSG_DONTWAIT,
 * MSG_MORE are kept for every piece). */
static inline ssize_t sctpify_send(int fd, const void *buf, size_t len, int flags) {
  ssize_t r = send(fd, buf, len, flags);
  if (r >= 0 || (errno != EMSGSIZE && errno != EINVAL)) return r;
  struct iovec iov;
  iov.iov_base = (void *)buf;
  iov.iov_len = len;
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  return sctpify__after_send(fd, r, &m, flags, len);
}

static inline size_t sctpify__iov_total(const struct iovec *iov, size_t n) {
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) total += iov[i].iov_len;
  return total;
}

/* writev() to a byte stream. */
static inline ssize_t sctpify_writev(int fd, const struct iovec *iov, int iovcnt) {
  ssize_t r = writev(fd, iov, iovcnt);
  if (r >= 0 || (errno != EMSGSIZE && errno != EINVAL) || iovcnt < 0) return r;
  struct msghdr m;
  memset(&m, 0, sizeof m);
  m.msg_iov = (struct iovec *)iov;
  m.msg_iovlen = (size_t)iovcnt;
  return sctpify__after_send(fd, r, &m, 0, sctpify__iov_total(iov, (size_t)iovcnt));
}

/* sendmsg() to a connected byte stream. */
static inline ssize_t sctpify_sendmsg(int fd, const struct msghdr *msg, int flags) {
  ssize_t r = sendmsg(fd, msg, flags);
  if (r >= 0 || (errno != EMSGSIZE && errno != EINVAL)) return r;
  return sctpify__after_send(fd, r, msg, flags, sctpify__iov_total(msg->msg_iov, msg->msg_iovlen));
}

/* sendto() on a connected byte stream: the address is ignored there, so the
 * pieces of a split send go without it. */
static inline ssize_t sctpify_sendto(int fd, const void *buf, size_t len, int flags,
                                     const struct sockaddr *addr, socklen_t addrlen) {
  ssize_t r = sendto(fd, buf, len, flags, addr, addrlen);
  if (r >= 0 || (errno != EMSGSIZE && errno != EINVAL)) return r;
  return sctpify_send(fd, buf, len, flags);
}

/* ---- Reading a byte stream over messages --------------------------------
 * recv(MSG_WAITALL): SCTP ignores the flag and returns one message (measured:
 * 50 of 1000 bytes with 50 + 70 queued). When the first call comes back
 * short with MSG_WAITALL on an SCTP socket, the helper reads on until len
 * bytes, EOF, an error or a signal (TCP's tcp_recvmsg() contract), returning
 * the count read so far if any. Non-blocking or MSG_DONTWAIT: it reads what
 * is queued, as TCP does. MSG_PEEK|MSG_WAITALL cannot look past the first
 * message: returned as the kernel gave it (flagged by the tool). */
static inline ssize_t sctpify_recv(int fd, void *buf, size_t len, int flags) {
  ssize_t r = recv(fd, buf, len, flags);
  if (r <= 0 || (size_t)r >= len || !(flags & MSG_WAITALL) || (flags & MSG_PEEK) ||
      !sctpify_is_sctp(fd))
    return r;
  size_t got = (size_t)r;
  int saved = errno;
  while (got < len) {
    r = recv(fd, (char *)buf + got, len - got, flags);
    if (r <= 0) break;
    got += (size_t)r;
  }
  errno = saved;
  return (ssize_t)got;
}

/* recvfrom(MSG_WAITALL): as sctpify_recv; the address is the first message's. */
static inline ssize_t sctpify_recvfrom(int fd, void *buf, size_t len, int flags,
                                       struct sockaddr *addr, socklen_t *addrlen) {
  ssize_t r = recvfrom(fd, buf, len, flags, addr, addrlen);
  if (r <= 0 || (size_t)r >= len || !(flags & MSG_WAITALL) || (flags & MSG_PEEK) ||
      !sctpify_is_sctp(fd))
    return r;
  ssize_t rest = sctpify_recv(fd, (char *)buf + r, len - (size_t)r, flags);
  return rest > 0 ? r + rest : r;
}

/* recvmsg(MSG_WAITALL): as sctpify_recv, one buffer at a time after the
 * first call; address, control data and msg_flags are the first message's. */
static inline ssize_t sctpify_recvmsg(int fd, struct msghdr *msg, int flags) {
  ssize_t r = recvmsg(fd, msg, flags);
  if (r <= 0 || !(flags & MSG_WAITALL) || (flags & MSG_PEEK) || !sctpify_is_sctp(fd))
    return r;
  size_t got = (size_t)r, skip = got;
  int saved = errno;
  for (size_t i = 0; i < (size_t)msg->msg_iovlen; ++i) {
    size_t n = msg->msg_iov[i].iov_len;
    if (skip >= n) { skip -= n; continue; }
    ssize_t more = sctpify_recv(fd, (char *)msg->msg_iov[i].iov_base + skip, n - skip, flags);
    if (more <= 0) break;
    got += (size_t)more;
    if ((size_t)more < n - skip) break;
    skip = 0;
  }
  errno = saved;
  return (ssize_t)got;
}

/* ---- Queue sizes ----------------------------------------------------------
 * ioctl(SIOCOUTQ) (== TIOCOUTQ) and SIOCOUTQNSD give ENOTTY on SCTP
 * (sctp_ioctl() knows only SIOCINQ). SCTP_STATUS cannot replace them: its
 * sstat_unackdata counts DATA chunks in flight (measured 1 with 215 KB
 * queued). The helper answers with SO_MEMINFO's SK_MEMINFO_WMEM_QUEUED: the
 * send-buffer memory held by unacknowledged chunks (sctp_set_owner_w()
 * charges payload + skb overhead), so bytes >= the payload queued, and 0
 * exactly when every byte has been acknowledged: "wait until the send queue
 * is empty" loops work. SIOCOUTQNSD (not yet sent) gets the same upper bound.
 * FIONREAD/SIOCINQ needs no helper: SCTP answers the length of the next
 * message, which is what a "read FIONREAD bytes" loop reads next; a "wait
 * until FIONREAD >= n" loop never ends when n spans messages: flagged. */
static inline int sctpify_ioctl_outq(int fd, unsigned long request, int *bytes) {
  int r = ioctl(fd, request, bytes);
  if (r == 0 || errno != ENOTTY || (request != SIOCOUTQ && request != SIOCOUTQNSD))
    return r;
  int saved = errno;
  if (!sctpify_is_sctp(fd))
    return errno = saved, -1;
  int info[SCTPIFY_MEMINFO_VARS];
  socklen_t len = sizeof info;
  memset(info, 0, sizeof info);
  if (getsockopt(fd, SOL_SOCKET, SO_MEMINFO, info, &len) < 0)
    return errno = saved, -1;
  *bytes = info[SCTPIFY_MEMINFO_WMEM_QUEUED];
  return 0;
}

#endif
