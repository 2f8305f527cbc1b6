/**
 * Test environments for the core under Node: the real Node env, and a "tiny" variant whose source
 * reads and decoder outputs come 7 bytes at a time, so every chunk boundary is exercised.
 */
import type { ByteSource } from '../io/byte-source';
import { rechunk } from '../io/byte-source';
import type { CoreEnv, Decoder } from '../io/env';

export function tinySource(source: ByteSource, size = 7): ByteSource {
  return {
    name: source.name,
    size: source.size,
    read: (offset, length) => source.read(offset, Math.min(length, size)),
  };
}

export function tinyEnv(env: CoreEnv, size = 7): CoreEnv {
  const tiny =
    (decoder: Decoder): Decoder =>
    (input) =>
      rechunk(decoder(rechunk(input, size)), size);
  return {
    ...env,
    gunzip: tiny(env.gunzip),
    gunzipPortable: tiny(env.gunzipPortable),
    unzstd: tiny(env.unzstd),
  };
}
