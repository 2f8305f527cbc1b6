/**
 * The pure-JS gzip decoder that runs anywhere. fflate's streaming Gunzip continues past member ends (its
 * gunzipSync does not: docs/archive-formats.md#multi-member-gzip-and-estargz), so estargz decodes. zstd is
 * ./zstd-wasm.
 */
import { Gunzip } from 'fflate';
import type { Decoder } from './env';

type Push = (chunk: Uint8Array, final?: boolean) => void;

/**
 * Adapt a callback-style push decoder into an async-iterable transform. Input goes in slices of at
 * most `slice` bytes and what each slice decoded is passed on before the next one goes in: a
 * decoder emits everything one push decodes before it returns. `slice` bounds the output held at
 * once: 64 KiB of deflate (≤ 1,032:1) decode to at most ~66 MiB.
 */
export function pushDecoder(
  make: (emit: (out: Uint8Array) => void) => Push,
  what: string,
  slice: number,
): Decoder {
  return async function* decode(input) {
    let out: Uint8Array[] = [];
    const push = make((data) => out.push(data));
    let sawInput = false;
    for await (const chunk of input) {
      if (chunk.length === 0) continue;
      sawInput = true;
      for (let at = 0; at < chunk.length; at += slice) {
        try {
          push(chunk.subarray(at, at + slice));
        } catch (error) {
          throw new Error(`The ${what} data is corrupt (${messageOf(error)}).`);
        }
        if (out.length > 0) {
          const ready = out;
          out = [];
          yield* ready;
        }
      }
    }
    try {
      push(new Uint8Array(0), true);
    } catch (error) {
      throw new Error(
        sawInput
          ? `The ${what} data ends early or is corrupt (${messageOf(error)}).`
          : `The ${what} data is empty.`,
      );
    }
    yield* out;
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const gunzipPortable: Decoder = pushDecoder(
  (emit) => {
    const g = new Gunzip((data) => {
      emit(data);
    });
    return (chunk, final) => {
      g.push(chunk, final);
    };
  },
  'gzip',
  64 * 1024,
);
