/* step.h: the measuring frame shared by the behaviour programs (not part of
 * what is ported). Each step prints one line
 *   STEP <name> ok=<0|1> ms=<duration> [key=value ...]
 * and the program exits 1 if any step failed or took 2 s or more. fatal()
 * is how the programs, like real ones, stop on a failed call. */
#ifndef SCTPIFY_BEHAVIOUR_STEP_H
#define SCTPIFY_BEHAVIOUR_STEP_H
#define _GNU_SOURCE 1
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double step_started;
static int step_failures;

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

__attribute__((unused)) static void step_begin(void) { step_started = now_ms(); }

/* ms: the duration to judge; < 0 means now - step_begin(). */
static void step_end(const char *name, int ok, double ms, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void step_end(const char *name, int ok, double ms, const char *fmt, ...) {
  if (ms < 0) ms = now_ms() - step_started;
  printf("STEP %s ok=%d ms=%.0f", name, ok, ms);
  if (fmt && *fmt) {
    va_list ap;
    va_start(ap, fmt);
    putchar(' ');
    vprintf(fmt, ap);
    va_end(ap);
  }
  putchar('\n');
  fflush(stdout);
  if (!ok || ms >= 2000) step_failures++;
}

static void fatal(const char *what) {
  printf("FATAL %s errno=%s\n", what, strerrorname_np(errno));
  fflush(stdout);
  exit(1);
}

static int step_exit(void) { return step_failures ? 1 : 0; }
#endif
