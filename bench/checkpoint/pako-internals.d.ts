/**
 * The parts of pako's zlib port the checkpoint index uses. pako's public API hides them, but they are
 * zlib's own: inflate with Z_BLOCK stops at every deflate block boundary and reports the unused bits of
 * the last input byte in `data_type`, which is what a checkpoint needs; `state.hold`/`state.bits` are what
 * zlib's inflatePrime (not exported by pako) sets.
 */
declare module 'pako/lib/zlib/zstream.js' {
  class ZStream {
    input: Uint8Array | null;
    next_in: number;
    avail_in: number;
    total_in: number;
    output: Uint8Array | null;
    next_out: number;
    avail_out: number;
    total_out: number;
    data_type: number;
    msg: string;
    state: { hold: number; bits: number } | null;
  }
  export = ZStream;
}

declare module 'pako/lib/zlib/inflate.js' {
  import type ZStream from 'pako/lib/zlib/zstream.js';
  export function inflateInit2(strm: ZStream, windowBits: number): number;
  export function inflate(strm: ZStream, flush: number): number;
  export function inflateEnd(strm: ZStream): number;
  export function inflateSetDictionary(strm: ZStream, dictionary: Uint8Array): number;
}
