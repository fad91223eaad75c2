/* fallback.h: the helpers sctpify's opt-in fallback mode writes into a ported
 * program, so that the port keeps working with TCP-only peers and on kernels
 * without SCTP. docs/fallback.md describes the mode; this file is the
 * reference the tool will emit, and test/fallback/ tests it.
 *
 * The tool replaces, on descriptors that come from a TCP stream socket():
 *   socket      -> sctpify_socket       (SCTP if the kernel has it, else TCP)
 *   connect     -> sctpify_connect      (SCTP first; TCP on refusal, ICMP, or
 *                                        no answer within the INIT budget)
 *   getsockopt  -> sctpify_getsockopt   (SO_ERROR of a failed non-blocking
 *                                        SCTP connect restarts it over TCP)
 *   setsockopt  -> sctpify_setsockopt   (TCP options in the transport used)
 *   bind        -> sctpify_bind         (remembered for a re-created socket)
 *   listen      -> sctpify_listen       (a TCP listener beside the SCTP one)
 *   accept(4)   -> sctpify_accept(4)    (from either listener)
 *   epoll_ctl   -> sctpify_epoll_ctl    (registrations follow a re-creation)
 *   close       -> sctpify_close        (closes the TCP listener too)
 * Every helper behaves exactly like the call it replaces on descriptors it
 * does not know (files, UDP, sockets the program got elsewhere).
 *
 * State is process-wide and shared by every C and C++ translation unit and
 * shared object that includes this file (weak, versioned symbols).
 * Compiles as C (gnu11) and C++ (17) with -Wall -Wextra -Werror.
 */
#ifndef SCTPIFY_FALLBACK_H
#define SCTPIFY_FALLBACK_H

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The SCTP INIT retransmission timeout during a fallback-mode connect. Linux
 * sends the INIT and one retransmission (sinit_max_attempts = 1), so a peer
 * that never answers costs about twice this before TCP is tried: 2 x 125 ms
 * is RFC 8305's recommended 250 ms Connection Attempt Delay. */
#ifndef SCTPIFY_FALLBACK_INIT_RTO_MS
#define SCTPIFY_FALLBACK_INIT_RTO_MS 125
#endif
/* How long sctpify_getsockopt(SO_ERROR) waits for the TCP connect it started
 * after a failed non-blocking SCTP connect, before it reports 0 and leaves
 * the TCP handshake to finish on its own. */
#ifndef SCTPIFY_FALLBACK_TCP_WAIT_MS
#define SCTPIFY_FALLBACK_TCP_WAIT_MS 1000
#endif
/* An SCTP failure reported later than this after connect() is not taken for
 * a failed set-up (an established association that dies must not turn into
 * a fresh TCP connection). */
#ifndef SCTPIFY_FALLBACK_WINDOW_MS
#define SCTPIFY_FALLBACK_WINDOW_MS 30000
#endif
/* Define to 0 to make sctpify_listen open no TCP listener beside SCTP. */
#ifndef SCTPIFY_FALLBACK_TCP_LISTENER
#define SCTPIFY_FALLBACK_TCP_LISTENER 1
#endif

#define SCTPIFY_FB_MAX_OPTS 16
#define SCTPIFY_FB_MAX_OPTLEN 32
#define SCTPIFY_FB_MAX_REGS 4

#ifdef __cplusplus
extern "C" {
#endif

/* An option the program set, in the form it set it (the TCP form). */
struct sctpify_fb_opt_v1 {
  int level, name;
  socklen_t len;
  unsigned char value[SCTPIFY_FB_MAX_OPTLEN];
};

/* An epoll set the descriptor is registered in. */
struct sctpify_fb_reg_v1 {
  int epfd;
  struct epoll_event event;
};

/* What fallback needs to know about one SCTP socket that stands for a TCP
 * one. dev/ino say which socket: descriptor numbers are reused. */
struct sctpify_fb_entry_v1 {
  dev_t dev;
  ino_t ino;
  int domain, type, protocol; /* the program's socket() arguments */
  int connecting;             /* an SCTP connect() has started, not finished */
  struct timespec connect_start;
  int twin;                   /* the TCP listener beside this SCTP one, or -1 */
  ino_t twin_ino;
  int bound;
  socklen_t local_len, peer_len;
  struct sockaddr_storage local, peer;
  int nopts;
  struct sctpify_fb_opt_v1 opts[SCTPIFY_FB_MAX_OPTS];
  int nregs;
  struct sctpify_fb_reg_v1 regs[SCTPIFY_FB_MAX_REGS];
};

struct sctpify_fb_state_v1 {
  pthread_mutex_t lock; /* guards ntable, table and the entries */
  int no_sctp;          /* atomic: socket(IPPROTO_SCTP) said the kernel has none */
  int ntable;
  struct sctpify_fb_entry_v1 **table; /* indexed by descriptor */
};

__attribute__((weak)) struct sctpify_fb_state_v1 sctpify_fb_state_v1 = {
    PTHREAD_MUTEX_INITIALIZER, 0, 0, NULL};

#ifdef __cplusplus
}
#endif

/* ---- internals -------------------------------------------------------- */

static inline int sctpify_fb_eligible_(int domain, int type, int protocol) {
  return (domain == AF_INET || domain == AF_INET6) &&
         (type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) == SOCK_STREAM &&
         (protocol == 0 || protocol == IPPROTO_TCP);
}

/* socket() errors that mean this kernel has no SCTP at all (remembered). */
static inline int sctpify_fb_kernel_lacks_sctp_(int err) {
  return err == EPROTONOSUPPORT || err == ESOCKTNOSUPPORT;
}

/* connect() / SO_ERROR values after which TCP is worth a try. */
static inline int sctpify_fb_worth_tcp_(int err) {
  switch (err) {
  case ECONNREFUSED: /* the peer's SCTP stack answered ABORT */
  case ETIMEDOUT:    /* no answer within the INIT budget */
  case ENETUNREACH:  /* ICMP protocol unreachable (Linux's mapping) */
  case EHOSTUNREACH:
  case EHOSTDOWN:
  case EPROTO:
  case ENOPROTOOPT:
  case EPROTONOSUPPORT:
  case EOPNOTSUPP:
  case EPERM: /* a local firewall rejects SCTP */
  case EACCES:
    return 1;
  default:
    return 0;
  }
}

static inline long sctpify_fb_ms_since_(const struct timespec *t) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long)(now.tv_sec - t->tv_sec) * 1000 +
         (now.tv_nsec - t->tv_nsec) / 1000000;
}

/* Drops a table slot whose socket is gone (called with the lock held). */
static inline void sctpify_fb_drop_locked_(int fd) {
  struct sctpify_fb_entry_v1 *e = sctpify_fb_state_v1.table[fd];
  if (!e)
    return;
  if (e->twin >= 0) {
    struct stat st;
    /* Close our TCP listener only if its number still names it. */
    if (fstat(e->twin, &st) == 0 && st.st_ino == e->twin_ino)
      close(e->twin);
  }
  free(e);
  sctpify_fb_state_v1.table[fd] = NULL;
}

/* Copies the entry of fd into *out if fd still is the socket it describes. */
static inline int sctpify_fb_load_(int fd, struct sctpify_fb_entry_v1 *out) {
  struct sctpify_fb_state_v1 *s = &sctpify_fb_state_v1;
  int found = 0;
  if (fd < 0)
    return 0;
  pthread_mutex_lock(&s->lock);
  found = fd < s->ntable && s->table[fd] != NULL;
  pthread_mutex_unlock(&s->lock);
  if (!found) /* the common case: no fstat, one uncontended lock */
    return 0;
  struct stat st;
  int alive = fstat(fd, &st) == 0;
  pthread_mutex_lock(&s->lock);
  found = 0;
  if (fd < s->ntable && s->table[fd]) {
    if (alive && s->table[fd]->dev == st.st_dev && s->table[fd]->ino == st.st_ino) {
      memcpy(out, s->table[fd], sizeof *out);
      found = 1;
    } else {
      sctpify_fb_drop_locked_(fd);
    }
  }
  pthread_mutex_unlock(&s->lock);
  return found;
}

/* Stores *e as the entry of fd (e->dev/ino must be set). 0, or -1 ENOMEM. */
static inline int sctpify_fb_store_(int fd, const struct sctpify_fb_entry_v1 *e) {
  struct sctpify_fb_state_v1 *s = &sctpify_fb_state_v1;
  int r = 0;
  pthread_mutex_lock(&s->lock);
  if (fd >= s->ntable) {
    int n = s->ntable ? s->ntable : 64;
    while (n <= fd)
      n *= 2;
    struct sctpify_fb_entry_v1 **t = (struct sctpify_fb_entry_v1 **)realloc(
        s->table, (size_t)n * sizeof *t);
    if (!t) {
      r = -1;
      goto out;
    }
    memset(t + s->ntable, 0, (size_t)(n - s->ntable) * sizeof *t);
    s->table = t;
    s->ntable = n;
  }
  if (!s->table[fd]) {
    s->table[fd] = (struct sctpify_fb_entry_v1 *)malloc(sizeof *e);
    if (!s->table[fd]) {
      r = -1;
      goto out;
    }
  }
  memcpy(s->table[fd], e, sizeof *e);
out:
  pthread_mutex_unlock(&s->lock);
  if (r < 0)
    errno = ENOMEM;
  return r;
}

static inline void sctpify_fb_forget_(int fd) {
  struct sctpify_fb_state_v1 *s = &sctpify_fb_state_v1;
  pthread_mutex_lock(&s->lock);
  if (fd >= 0 && fd < s->ntable && s->table[fd]) {
    free(s->table[fd]);
    s->table[fd] = NULL;
  }
  pthread_mutex_unlock(&s->lock);
}

/* The options that live in the socket, not the protocol: copied by reading
 * them back, so those the program set with a plain setsockopt() survive a
 * re-creation too. (Buffer sizes are not: their defaults differ by protocol;
 * sctpify_setsockopt records them when the program sets them.) */
static inline void sctpify_fb_copy_socket_options_(int from, int to, int domain) {
  static const int names[] = {SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE,
                              SO_LINGER,    SO_RCVTIMEO,  SO_SNDTIMEO,
                              SO_OOBINLINE, SO_PRIORITY};
  unsigned char v[SCTPIFY_FB_MAX_OPTLEN];
  socklen_t len;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    len = sizeof v;
    if (getsockopt(from, SOL_SOCKET, names[i], v, &len) == 0)
      setsockopt(to, SOL_SOCKET, names[i], v, len);
  }
  if (domain == AF_INET6) {
    len = sizeof v;
    if (getsockopt(from, IPPROTO_IPV6, IPV6_V6ONLY, v, &len) == 0)
      setsockopt(to, IPPROTO_IPV6, IPV6_V6ONLY, v, len);
  }
}

/* Then the options the program set through sctpify_setsockopt, in the form
 * it used (TCP_NODELAY stays TCP_NODELAY), in the order it set them. */
static inline void sctpify_fb_replay_options_(const struct sctpify_fb_entry_v1 *e, int to) {
  for (int i = 0; i < e->nopts; i++)
    setsockopt(to, e->opts[i].level, e->opts[i].name, e->opts[i].value,
               e->opts[i].len);
}

/* Re-creates fd, an SCTP socket, as the TCP socket the program asked for,
 * under the same number: same O_NONBLOCK and FD_CLOEXEC, options, bound
 * address and epoll registrations. Updates *e. 0, or -1 with errno (fd is
 * then unchanged). */
static inline int sctpify_fb_recreate_tcp_(int fd, struct sctpify_fb_entry_v1 *e) {
  int fl = fcntl(fd, F_GETFL), fdfl = fcntl(fd, F_GETFD);
  if (fl < 0 || fdfl < 0)
    return -1;
  int t = socket(e->domain, SOCK_STREAM | SOCK_CLOEXEC,
                 e->protocol ? e->protocol : IPPROTO_TCP);
  if (t < 0)
    return -1;
  sctpify_fb_copy_socket_options_(fd, t, e->domain);
  sctpify_fb_replay_options_(e, t);
  if ((e->bound && bind(t, (const struct sockaddr *)&e->local, e->local_len) < 0) ||
      ((fl & O_NONBLOCK) && fcntl(t, F_SETFL, O_NONBLOCK) < 0)) {
    int err = errno;
    close(t);
    errno = err;
    return -1;
  }
  /* epoll keys a registration by number and open file description: the
   * old description's registrations go (DEL while fd still names it, as a
   * dup elsewhere would keep it alive), the new one gets them. */
  for (int i = 0; i < e->nregs; i++)
    epoll_ctl(e->regs[i].epfd, EPOLL_CTL_DEL, fd, NULL);
  if (dup2(t, fd) < 0 || ((fdfl & FD_CLOEXEC) && fcntl(fd, F_SETFD, FD_CLOEXEC) < 0)) {
    int err = errno;
    close(t);
    for (int i = 0; i < e->nregs; i++)
      epoll_ctl(e->regs[i].epfd, EPOLL_CTL_ADD, fd, &e->regs[i].event);
    errno = err;
    return -1;
  }
  close(t);
  for (int i = 0; i < e->nregs; i++) {
    struct epoll_event ev = e->regs[i].event;
    epoll_ctl(e->regs[i].epfd, EPOLL_CTL_ADD, fd, &ev);
  }
  e->connecting = 0;
  return 0;
}

/* fd is TCP from now on: its entry goes (TCP needs none). */
static inline int sctpify_fb_to_tcp_(int fd, struct sctpify_fb_entry_v1 *e) {
  if (sctpify_fb_recreate_tcp_(fd, e) < 0)
    return -1;
  sctpify_fb_forget_(fd);
  return 0;
}

/* Sets a short INIT budget on an SCTP socket about to connect; saves the
 * RTO parameters it lowers so they can be put back on the association. */
static inline void sctpify_fb_init_budget_(int fd, struct sctp_rtoinfo *saved) {
  socklen_t len = sizeof *saved;
  memset(saved, 0, sizeof *saved);
  if (getsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, saved, &len) < 0) {
    saved->srto_initial = 0; /* nothing to restore */
    return;
  }
  struct sctp_rtoinfo rto = *saved;
  rto.srto_initial = SCTPIFY_FALLBACK_INIT_RTO_MS;
  if (rto.srto_min > rto.srto_initial)
    rto.srto_min = rto.srto_initial;
  setsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, &rto, sizeof rto);
  struct sctp_initmsg init;
  len = sizeof init;
  if (getsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &init, &len) == 0) {
    init.sinit_max_attempts = 1; /* the INIT and one retransmission */
    init.sinit_max_init_timeo = SCTPIFY_FALLBACK_INIT_RTO_MS;
    setsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &init, sizeof init);
  }
}

/* Puts the RTO bounds back on the association the connect created (its
 * INIT timer keeps the short value it started with). */
static inline void sctpify_fb_restore_rto_(int fd, const struct sctp_rtoinfo *saved) {
  if (saved->srto_initial)
    setsockopt(fd, IPPROTO_SCTP, SCTP_RTOINFO, saved, sizeof *saved);
}

/* After an SCTP connect failed with a TCP-worthy error: fd becomes TCP and
 * connects to the remembered peer; returns what connect() returns. */
static inline int sctpify_fb_connect_tcp_(int fd, struct sctpify_fb_entry_v1 *e) {
  if (sctpify_fb_to_tcp_(fd, e) < 0)
    return -1;
  return connect(fd, (const struct sockaddr *)&e->peer, e->peer_len);
}

/* ---- the helpers ------------------------------------------------------ */

/* Which transport fd uses: IPPROTO_SCTP, IPPROTO_TCP (or another protocol
 * number), or -1 with errno if fd is not a socket. */
static inline int sctpify_transport(int fd) {
  int proto = 0;
  socklen_t len = sizeof proto;
  if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) < 0)
    return -1;
  return proto;
}

/* 1 once this process has seen that the kernel has no SCTP. */
static inline int sctpify_kernel_lacks_sctp(void) {
  return __atomic_load_n(&sctpify_fb_state_v1.no_sctp, __ATOMIC_RELAXED);
}

/* socket() for a call that asked for TCP: an SCTP stream socket if the
 * kernel has SCTP, else (EPROTONOSUPPORT, ESOCKTNOSUPPORT: remembered, no
 * further attempt; EPERM, EACCES: a policy, tried again next time) the TCP
 * socket asked for. Other calls are passed through. */
static inline int sctpify_socket(int domain, int type, int protocol) {
  if (!sctpify_fb_eligible_(domain, type, protocol))
    return socket(domain, type, protocol);
  if (!sctpify_kernel_lacks_sctp()) {
    int fd = socket(domain, type, IPPROTO_SCTP);
    if (fd >= 0) {
      struct sctpify_fb_entry_v1 e;
      struct stat st;
      memset(&e, 0, sizeof e);
      if (fstat(fd, &st) == 0) {
        e.dev = st.st_dev;
        e.ino = st.st_ino;
        e.domain = domain;
        e.type = type;
        e.protocol = protocol;
        e.twin = -1;
        if (sctpify_fb_store_(fd, &e) == 0)
          return fd;
      }
      /* Without an entry there could be no fallback: use what was asked. */
      close(fd);
      return socket(domain, type, protocol);
    }
    int err = errno;
    if (sctpify_fb_kernel_lacks_sctp_(err))
      __atomic_store_n(&sctpify_fb_state_v1.no_sctp, 1, __ATOMIC_RELAXED);
    else if (err != EPERM && err != EACCES) {
      errno = err; /* ENFILE, EMFILE, ENOBUFS...: TCP would fail alike */
      return -1;
    }
  }
  return socket(domain, type, protocol);
}

/* bind(), remembering the address so a re-created socket gets it too. */
static inline int sctpify_bind(int fd, const struct sockaddr *addr, socklen_t len) {
  int r = bind(fd, addr, len);
  struct sctpify_fb_entry_v1 e;
  if (r == 0 && len <= sizeof e.local && sctpify_fb_load_(fd, &e)) {
    memcpy(&e.local, addr, len);
    e.local_len = len;
    e.bound = 1;
    sctpify_fb_store_(fd, &e);
  }
  return r;
}

/* connect(): over SCTP with a short INIT budget; if SCTP cannot reach the
 * peer (ABORT: ECONNREFUSED; ICMP protocol unreachable: ENETUNREACH; no
 * answer: ETIMEDOUT after about 2 x SCTPIFY_FALLBACK_INIT_RTO_MS), fd is
 * re-created as TCP under the same number and connected again, and the
 * result is TCP's. Non-blocking: EINPROGRESS as usual; the fallback then
 * happens in sctpify_getsockopt(SO_ERROR) or in a further sctpify_connect. */
static inline int sctpify_connect(int fd, const struct sockaddr *addr, socklen_t len) {
  struct sctpify_fb_entry_v1 e;
  if (!sctpify_fb_load_(fd, &e))
    return connect(fd, addr, len);
  if (e.connecting) {
    /* A connect again while one is under way (after EINTR, or to learn how
     * a non-blocking one ended): if SCTP failed, go on over TCP. */
    int err = 0;
    socklen_t elen = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) == 0 && err) {
      if (sctpify_fb_worth_tcp_(err) &&
          sctpify_fb_ms_since_(&e.connect_start) < SCTPIFY_FALLBACK_WINDOW_MS)
        return sctpify_fb_connect_tcp_(fd, &e);
      e.connecting = 0;
      sctpify_fb_store_(fd, &e);
      errno = err;
      return -1;
    }
    int r = connect(fd, addr, len);
    if (r == 0 || errno == EISCONN) {
      int saved = errno;
      e.connecting = 0;
      sctpify_fb_store_(fd, &e);
      errno = saved;
    }
    return r;
  }
  if (len > sizeof e.peer)
    return connect(fd, addr, len);
  memcpy(&e.peer, addr, len);
  e.peer_len = len;
  e.connecting = 1;
  clock_gettime(CLOCK_MONOTONIC, &e.connect_start);
  sctpify_fb_store_(fd, &e);

  struct sctp_rtoinfo saved;
  sctpify_fb_init_budget_(fd, &saved);
  int r = connect(fd, addr, len);
  int err = errno;
  sctpify_fb_restore_rto_(fd, &saved);
  if (r == 0) {
    e.connecting = 0;
    sctpify_fb_store_(fd, &e);
    return 0;
  }
  if (err == EINPROGRESS || err == EINTR || err == EALREADY) {
    errno = err;
    return -1;
  }
  if (sctpify_fb_worth_tcp_(err))
    return sctpify_fb_connect_tcp_(fd, &e);
  e.connecting = 0;
  sctpify_fb_store_(fd, &e);
  errno = err;
  return -1;
}

/* getsockopt(): TCP_NODELAY and TCP_MAXSEG read in the transport used.
 * SO_ERROR after a non-blocking SCTP connect that failed (see
 * sctpify_connect) re-creates fd as TCP, starts the TCP connect and waits
 * up to SCTPIFY_FALLBACK_TCP_WAIT_MS for it: it reports TCP's result (0 or
 * its error), or 0 if the handshake is still under way (reads and writes
 * then say EAGAIN until it completes, as on any connecting socket). */
static inline int sctpify_getsockopt(int fd, int level, int name, void *val,
                                     socklen_t *len) {
  if (level == SOL_SOCKET && name == SO_ERROR) {
    int r = getsockopt(fd, level, name, val, len);
    struct sctpify_fb_entry_v1 e;
    if (r < 0 || *len < sizeof(int) || !sctpify_fb_load_(fd, &e) || !e.connecting)
      return r;
    int err;
    memcpy(&err, val, sizeof err);
    if (err == 0) {
      struct sockaddr_storage peer;
      socklen_t plen = sizeof peer;
      if (getpeername(fd, (struct sockaddr *)&peer, &plen) == 0) {
        e.connecting = 0; /* established over SCTP */
        sctpify_fb_store_(fd, &e);
      }
      return r;
    }
    if (!sctpify_fb_worth_tcp_(err) ||
        sctpify_fb_ms_since_(&e.connect_start) >= SCTPIFY_FALLBACK_WINDOW_MS) {
      e.connecting = 0;
      sctpify_fb_store_(fd, &e);
      return r;
    }
    int result = 0;
    if (sctpify_fb_connect_tcp_(fd, &e) < 0) {
      result = errno;
      if (result == EINPROGRESS) {
        struct pollfd p;
        p.fd = fd;
        p.events = POLLOUT;
        p.revents = 0;
        result = 0;
        if (poll(&p, 1, SCTPIFY_FALLBACK_TCP_WAIT_MS) > 0) {
          socklen_t elen = sizeof result;
          if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &result, &elen) < 0)
            result = errno;
        }
      }
    }
    memcpy(val, &result, sizeof result);
    return 0;
  }
  if (level == IPPROTO_TCP && (name == TCP_NODELAY || name == TCP_MAXSEG) &&
      sctpify_transport(fd) == IPPROTO_SCTP) {
    if (name == TCP_NODELAY)
      return getsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, val, len);
    struct sctp_assoc_value av;
    socklen_t avlen = sizeof av;
    memset(&av, 0, sizeof av);
    if (*len < sizeof(int)) {
      errno = EINVAL;
      return -1;
    }
    if (getsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &av, &avlen) < 0)
      return -1;
    int v = (int)av.assoc_value;
    memcpy(val, &v, sizeof v);
    *len = sizeof v;
    return 0;
  }
  return getsockopt(fd, level, name, val, len);
}

/* setsockopt() with the program's (TCP) option, applied in the transport
 * used: on SCTP, TCP_NODELAY becomes SCTP_NODELAY and TCP_MAXSEG
 * SCTP_MAXSEG; other TCP-level options have no SCTP meaning and are
 * accepted and ignored (0). On TCP (created so, or after a fallback) the
 * option is set as given. Options set before a fallback are recorded and
 * set again, in TCP form, on the re-created socket. */
static inline int sctpify_setsockopt(int fd, int level, int name,
                                     const void *val, socklen_t len) {
  struct sctpify_fb_entry_v1 e;
  if (sctpify_fb_load_(fd, &e) && len <= SCTPIFY_FB_MAX_OPTLEN) {
    int i;
    for (i = 0; i < e.nopts; i++)
      if (e.opts[i].level == level && e.opts[i].name == name)
        break;
    if (i < SCTPIFY_FB_MAX_OPTS) {
      e.opts[i].level = level;
      e.opts[i].name = name;
      e.opts[i].len = len;
      memcpy(e.opts[i].value, val, len);
      if (i == e.nopts)
        e.nopts++;
      sctpify_fb_store_(fd, &e);
    }
  }
  if (level != IPPROTO_TCP || sctpify_transport(fd) != IPPROTO_SCTP)
    return setsockopt(fd, level, name, val, len);
  if (name == TCP_NODELAY)
    return setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, val, len);
  if (name == TCP_MAXSEG) {
    struct sctp_assoc_value av;
    int v;
    if (len < sizeof v) {
      errno = EINVAL;
      return -1;
    }
    memcpy(&v, val, sizeof v);
    memset(&av, 0, sizeof av);
    av.assoc_value = (uint32_t)v;
    return setsockopt(fd, IPPROTO_SCTP, SCTP_MAXSEG, &av, sizeof av);
  }
  return 0;
}

/* listen(): on an SCTP socket that stands for TCP, also opens a TCP listener
 * (the "twin": non-blocking, close-on-exec, same address, port, socket
 * options and epoll registrations) so TCP clients get in during a
 * migration. If the TCP port is taken (the old TCP server still runs), the
 * SCTP listener alone is kept, and listen() still succeeds. */
static inline int sctpify_listen(int fd, int backlog) {
  int r = listen(fd, backlog);
  struct sctpify_fb_entry_v1 e;
  if (r < 0 || !SCTPIFY_FALLBACK_TCP_LISTENER || !sctpify_fb_load_(fd, &e))
    return r;
  if (e.twin >= 0) {
    listen(e.twin, backlog); /* a new backlog */
    return 0;
  }
  struct sockaddr_storage a;
  socklen_t alen = sizeof a;
  if (getsockname(fd, (struct sockaddr *)&a, &alen) < 0)
    return 0;
  int t = socket(e.domain, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                 e.protocol ? e.protocol : IPPROTO_TCP);
  if (t < 0)
    return 0;
  sctpify_fb_copy_socket_options_(fd, t, e.domain);
  sctpify_fb_replay_options_(&e, t);
  struct stat st;
  if (bind(t, (struct sockaddr *)&a, alen) < 0 || listen(t, backlog) < 0 ||
      fstat(t, &st) < 0) {
    close(t);
    return 0;
  }
  e.twin = t;
  e.twin_ino = st.st_ino;
  for (int i = 0; i < e.nregs; i++) {
    struct epoll_event ev = e.regs[i].event;
    epoll_ctl(e.regs[i].epfd, EPOLL_CTL_ADD, t, &ev);
  }
  if (sctpify_fb_store_(fd, &e) < 0)
    close(t);
  return 0;
}

/* The TCP listener sctpify_listen opened beside fd, or -1. */
static inline int sctpify_tcp_listener(int fd) {
  struct sctpify_fb_entry_v1 e;
  return sctpify_fb_load_(fd, &e) ? e.twin : -1;
}

/* One accept on a listener known to be ready (flags: accept4's). */
static inline int sctpify_fb_accept_one_(int s, struct sockaddr *addr, socklen_t *len,
                                         int flags) {
#ifdef _GNU_SOURCE
  return accept4(s, addr, len, flags);
#else
  (void)flags; /* always 0 without _GNU_SOURCE: sctpify_accept4 needs it */
  return accept(s, addr, len);
#endif
}

/* accept4() from the SCTP listener or its TCP twin, whichever has a client
 * (alternating when both have). A blocking listener waits on both (and
 * honours SO_RCVTIMEO); a non-blocking one says EAGAIN when neither has a
 * client. */
static inline int sctpify_fb_accept_(int fd, struct sockaddr *addr,
                                     socklen_t *len, int flags) {
  struct sctpify_fb_entry_v1 e;
  if (!sctpify_fb_load_(fd, &e) || e.twin < 0)
    return sctpify_fb_accept_one_(fd, addr, len, flags);
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0)
    return -1;
  int timeout = -1;
  if (fl & O_NONBLOCK) {
    timeout = 0;
  } else {
    struct timeval tv;
    socklen_t tvlen = sizeof tv;
    if (getsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, &tvlen) == 0 &&
        (tv.tv_sec || tv.tv_usec))
      timeout = (int)(tv.tv_sec * 1000 + (tv.tv_usec + 999) / 1000);
  }
  for (;;) {
    struct pollfd p[2];
    p[0].fd = fd;
    p[1].fd = e.twin;
    p[0].events = p[1].events = POLLIN;
    p[0].revents = p[1].revents = 0;
    int n = poll(p, 2, timeout);
    if (n < 0)
      return -1;
    if (n == 0) {
      errno = EAGAIN;
      return -1;
    }
    static unsigned turn; /* alternates which listener goes first */
    int first = (int)(__atomic_fetch_add(&turn, 1u, __ATOMIC_RELAXED) & 1u);
    for (int k = 0; k < 2; k++) {
      int i = k ^ first;
      if (!p[i].revents)
        continue;
      int c = sctpify_fb_accept_one_(p[i].fd, addr, len, flags);
      if (c >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
        return c;
    }
    if (timeout == 0) { /* another thread or process took them */
      errno = EAGAIN;
      return -1;
    }
  }
}

#ifdef _GNU_SOURCE
static inline int sctpify_accept4(int fd, struct sockaddr *addr, socklen_t *len,
                                  int flags) {
  return sctpify_fb_accept_(fd, addr, len, flags);
}
#endif

static inline int sctpify_accept(int fd, struct sockaddr *addr, socklen_t *len) {
  return sctpify_fb_accept_(fd, addr, len, 0);
}

/* epoll_ctl(), remembering the registration: a socket re-created as TCP is
 * registered again, and a listener's TCP twin is registered with the same
 * events and data (so the program's handler calls sctpify_accept on the
 * listener it knows). */
static inline int sctpify_epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev) {
  int r = epoll_ctl(epfd, op, fd, ev);
  struct sctpify_fb_entry_v1 e;
  if (r < 0 || !sctpify_fb_load_(fd, &e))
    return r;
  int i;
  for (i = 0; i < e.nregs; i++)
    if (e.regs[i].epfd == epfd)
      break;
  if (op == EPOLL_CTL_DEL) {
    if (i < e.nregs)
      e.regs[i] = e.regs[--e.nregs];
  } else if (i < SCTPIFY_FB_MAX_REGS) {
    e.regs[i].epfd = epfd;
    e.regs[i].event = *ev;
    if (i == e.nregs)
      e.nregs++;
  }
  if (e.twin >= 0)
    epoll_ctl(epfd, op, e.twin, ev);
  sctpify_fb_store_(fd, &e);
  return r;
}

/* close(), closing a listener's TCP twin too. */
static inline int sctpify_close(int fd) {
  struct sctpify_fb_entry_v1 e;
  if (sctpify_fb_load_(fd, &e)) {
    if (e.twin >= 0)
      close(e.twin);
    sctpify_fb_forget_(fd);
  }
  return close(fd);
}

#endif /* SCTPIFY_FALLBACK_H */
