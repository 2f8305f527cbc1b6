/**
 * How far a layer may decode before it is taken for a decompression bomb (docs/limits.md). The
 * defaults are generous: a real layer of 20 GB opens, a 335 KB zstd stream of 10 GB of zeros stops
 * after 1 GiB. Decoding streams, so these bound time, not memory.
 */
export interface DecodeLimits {
  /** Decoded bytes of one layer. */
  readonly maxLayerBytes: number;
  /** Decoded bytes per stored byte, checked once a layer has decoded `ratioAfterBytes`. */
  readonly maxRatio: number;
  readonly ratioAfterBytes: number;
}

const GIB = 1024 ** 3;

export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxLayerBytes: 256 * GIB,
  // gzip cannot pass ~1,032:1; zstd's RLE blocks reach 30,000:1 and more.
  maxRatio: 5_000,
  ratioAfterBytes: GIB,
};

function gib(bytes: number): string {
  return `${(bytes / GIB).toLocaleString('en', { maximumFractionDigits: 1 })} GiB`;
}

/** A sentence when `decoded` bytes from `stored` bytes pass a limit, else undefined. */
export function decodeLimitExceeded(
  decoded: number,
  stored: number,
  limits: DecodeLimits,
): string | undefined {
  if (decoded > limits.maxLayerBytes) {
    return `This layer decodes to more than ${gib(limits.maxLayerBytes)}, the limit for one layer; it was not read further.`;
  }
  if (decoded > limits.ratioAfterBytes && decoded > limits.maxRatio * Math.max(stored, 1)) {
    return `This layer decodes to more than ${limits.maxRatio.toLocaleString('en')} times its stored size (${gib(decoded)} from ${stored.toLocaleString('en')} bytes): a decompression bomb, not read further.`;
  }
  return undefined;
}
