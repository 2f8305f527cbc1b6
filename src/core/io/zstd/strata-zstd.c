/*
 * The few calls strata's zstd decoder (../zstd-wasm.ts) makes into libzstd's streaming decompressor, over
 * buffers this module owns so that the caller only writes input into and reads output out of its memory.
 * One output buffer per stream bounds what one call can produce, however well the input compresses.
 */
#include <stdlib.h>
#include "zstd.h"

typedef struct {
  ZSTD_DStream *ds;
  ZSTD_inBuffer in;
  ZSTD_outBuffer out;
  size_t last; /* ZSTD_decompressStream's last answer: 0 once every started frame is complete */
} strata_stream;

strata_stream *strata_open(size_t in_capacity, size_t out_capacity) {
  strata_stream *s = calloc(1, sizeof *s);
  if (s == NULL) return NULL;
  s->ds = ZSTD_createDStream();
  s->in.src = malloc(in_capacity);
  s->out.dst = malloc(out_capacity);
  s->out.size = out_capacity;
  if (s->ds == NULL || s->in.src == NULL || s->out.dst == NULL) {
    ZSTD_freeDStream(s->ds);
    free((void *)s->in.src);
    free(s->out.dst);
    free(s);
    return NULL;
  }
  ZSTD_initDStream(s->ds);
  return s;
}

void strata_close(strata_stream *s) {
  if (s == NULL) return;
  ZSTD_freeDStream(s->ds);
  free((void *)s->in.src);
  free(s->out.dst);
  free(s);
}

unsigned char *strata_input(strata_stream *s) { return (unsigned char *)s->in.src; }
unsigned char *strata_output(strata_stream *s) { return s->out.dst; }

/* The next `size` input bytes are in the input buffer. */
void strata_feed(strata_stream *s, size_t size) {
  s->in.size = size;
  s->in.pos = 0;
}

/* Input bytes fed but not yet consumed. */
size_t strata_pending(strata_stream *s) { return s->in.size - s->in.pos; }

/*
 * Decodes into the emptied output buffer: the number of bytes produced (at most its capacity), or
 * (size_t)-1 on corrupt input, with the reason in strata_error().
 */
size_t strata_decode(strata_stream *s) {
  s->out.pos = 0;
  size_t consumed = s->in.pos;
  size_t r = ZSTD_decompressStream(s->ds, &s->out, &s->in);
  /* A call with nothing to do answers with the next frame's header size, though the last frame is whole. */
  if (ZSTD_isError(r) || s->out.pos > 0 || s->in.pos > consumed) s->last = r;
  if (ZSTD_isError(r)) return (size_t)-1;
  return s->out.pos;
}

/* Whether every frame started so far has been decoded and flushed in full. */
int strata_complete(strata_stream *s) { return s->last == 0; }

const char *strata_error(strata_stream *s) { return ZSTD_getErrorName(s->last); }
