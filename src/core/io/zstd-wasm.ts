/**
 * zstd through libzstd's streaming decompressor built to WebAssembly (./zstd/: the C glue, the build
 * script and the licence beside the .wasm). It decodes every frame of a stream and skips skippable frames
 * (zstd:chunked), like `zstd -dc`, at several times the speed of a JavaScript decoder. The environment
 * instantiates the module, since only it knows where the bytes are (a URL in the page, a file under Node);
 * each stream has an instance to itself while it runs.
 */
import type { Decoder } from './env';

/** The exports of zstd/zstd-decoder.wasm (zstd/strata-zstd.c); pointers and sizes are offsets in `memory`. */
export interface ZstdWasmExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  strata_open(inCapacity: number, outCapacity: number): number;
  strata_close(stream: number): void;
  strata_input(stream: number): number;
  strata_output(stream: number): number;
  strata_feed(stream: number, size: number): void;
  strata_pending(stream: number): number;
  /** Bytes decoded into the output buffer, or -1 (size_t -1 read as a signed i32) on corrupt input. */
  strata_decode(stream: number): number;
  strata_complete(stream: number): number;
  strata_error(stream: number): number;
}

/** A new instance of the module, with memory of its own. */
export type InstantiateZstd = () => Promise<ZstdWasmExports>;

/** Input copied into the module per call. */
const INPUT_BYTES = 1024 * 1024;
/**
 * Output per call, whatever the input: a 4-byte zstd RLE block decodes to 128 KiB, so a stream's output
 * is passed on in pieces of this size and the consumer (the hash, the tar parser, the bomb limits) sees
 * each before the next is decoded.
 */
export const ZSTD_OUTPUT_BYTES = 1024 * 1024;

/**
 * Instances kept between streams: a file read from a zstd layer is a stream of its own, and a fresh
 * instance per stream costs its memory's allocation and a garbage collection later. An instance whose
 * memory grew past this (a frame with a large window) is dropped rather than kept: memory never shrinks.
 */
const IDLE_INSTANCES = 2;
const KEPT_MEMORY_BYTES = 32 * 1024 * 1024;

export function wasmUnzstd(instantiate: InstantiateZstd): Decoder {
  const idle: ZstdWasmExports[] = [];
  return async function* decode(input) {
    const wasm = idle.pop() ?? (await instantiate());
    const stream = wasm.strata_open(INPUT_BYTES, ZSTD_OUTPUT_BYTES);
    if (stream === 0) throw new Error('There is not enough memory to decode this zstd data.');
    // A trap (a RuntimeError from inside the module) leaves its state unknown: that instance is not kept.
    let trapped = false;
    const inputAt = wasm.strata_input(stream);
    const outputAt = wasm.strata_output(stream);
    const decodeOnce = (sentence: string): Uint8Array | undefined => {
      const produced = wasm.strata_decode(stream);
      if (produced < 0) throw new Error(`${sentence} (${errorName(wasm, stream)}).`);
      // The memory may have grown during the call, detaching any earlier view of it.
      return produced > 0 ? new Uint8Array(wasm.memory.buffer, outputAt, produced).slice() : undefined;
    };
    let sawInput = false;
    try {
      for await (const chunk of input) {
        if (chunk.length === 0) continue;
        sawInput = true;
        for (let at = 0; at < chunk.length; at += INPUT_BYTES) {
          const piece = chunk.subarray(at, at + INPUT_BYTES);
          new Uint8Array(wasm.memory.buffer, inputAt, piece.length).set(piece);
          wasm.strata_feed(stream, piece.length);
          // A full output buffer may have more behind it even once the input is consumed.
          for (;;) {
            const out = decodeOnce('The zstd data is corrupt');
            if (out !== undefined) yield out;
            if (wasm.strata_pending(stream) === 0 && (out?.length ?? 0) < ZSTD_OUTPUT_BYTES) break;
          }
        }
      }
      if (!sawInput) throw new Error('The zstd data is empty.');
      if (wasm.strata_complete(stream) === 0) {
        throw new Error('The zstd data ends early or is corrupt (the last frame is incomplete).');
      }
    } catch (error) {
      trapped = error instanceof Error && error.name === 'RuntimeError';
      throw error;
    } finally {
      if (!trapped) {
        wasm.strata_close(stream);
        if (idle.length < IDLE_INSTANCES && wasm.memory.buffer.byteLength <= KEPT_MEMORY_BYTES)
          idle.push(wasm);
      }
    }
  };
}

function errorName(wasm: ZstdWasmExports, stream: number): string {
  const bytes = new Uint8Array(wasm.memory.buffer);
  const start = wasm.strata_error(stream);
  let end = start;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return String.fromCharCode(...bytes.subarray(start, end));
}
