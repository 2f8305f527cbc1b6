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

/** A passed limit: its sentence, and the sentence's name and slots for the page's catalogues. */
export interface LimitPassed {
  readonly message: string;
  readonly name: 'layer-too-large' | 'layer-bomb';
  readonly params: Readonly<Record<string, string | number>>;
}

/** The limit `decoded` bytes from `stored` bytes pass, else undefined. */
export function decodeLimitExceeded(
  decoded: number,
  stored: number,
  limits: DecodeLimits,
): LimitPassed | undefined {
  if (decoded > limits.maxLayerBytes) {
    const limit = gib(limits.maxLayerBytes);
    return {
      message: `This layer decodes to more than ${limit}, the limit for one layer; it was not read further.`,
      name: 'layer-too-large',
      params: { limit },
    };
  }
  if (decoded > limits.ratioAfterBytes && decoded > limits.maxRatio * Math.max(stored, 1)) {
    const [ratio, size, bytes] = [
      limits.maxRatio.toLocaleString('en'),
      gib(decoded),
      stored.toLocaleString('en'),
    ];
    return {
      message: `This layer decodes to more than ${ratio} times its stored size (${size} from ${bytes} bytes): a decompression bomb, not read further.`,
      name: 'layer-bomb',
      params: { ratio, size, bytes },
    };
  }
  return undefined;
}
