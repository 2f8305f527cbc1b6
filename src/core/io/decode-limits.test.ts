import { describe, expect, it } from 'vitest';
import { nodeEnv } from '../../cli/node-env';
import { indexLayer, LayerError } from '../archive/index-layer';
import { DEFAULT_DECODE_LIMITS, decodeLimitExceeded } from './decode-limits';
import { pushDecoder } from './portable-decoders';

const BLOCK = 128 * 1024;

/** One zstd frame of `blocks` RLE blocks of zeros: 4 bytes of input per 128 KiB of output. */
function zstdZeros(blocks: number): Uint8Array {
  // Magic, frame header descriptor 0 (window descriptor follows), window 2^17.
  const out = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38];
  for (let i = 0; i < blocks; i++) {
    const header = (BLOCK << 3) | (1 << 1) | (i === blocks - 1 ? 1 : 0);
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0);
  }
  return Uint8Array.from(out);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  yield bytes;
}

describe('decompression bombs', () => {
  it('output is passed on slice by slice, never collected for a whole input chunk', async () => {
    // A decoder that turns every input byte into 64 KiB, like a run of zstd RLE blocks.
    let held = 0;
    let mostHeld = 0;
    const bomb = pushDecoder(
      (emit) => (chunk) => {
        for (let i = 0; i < chunk.length; i++) {
          held += 65_536;
          mostHeld = Math.max(mostHeld, held);
          emit(new Uint8Array(65_536));
        }
      },
      'test',
      512,
    );
    let total = 0;
    for await (const piece of bomb(once(new Uint8Array(16_384)))) {
      total += piece.length;
      held -= piece.length;
    }
    expect(total).toBe(16_384 * 65_536);
    expect(mostHeld).toBe(512 * 65_536);
  });

  it('a real zstd stream of 1 GiB from 32 KiB decodes in full', async () => {
    let total = 0;
    for await (const piece of nodeEnv.unzstd(once(zstdZeros(8192)))) total += piece.length;
    expect(total).toBe(8192 * BLOCK);
  });

  it('a layer past the ratio limit stops with a sentence', async () => {
    const limits = {
      maxLayerBytes: DEFAULT_DECODE_LIMITS.maxLayerBytes,
      maxRatio: 100,
      ratioAfterBytes: 1024 * 1024,
    };
    const error = await indexLayer(() => once(zstdZeros(64)), nodeEnv, { canRestart: false, limits }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LayerError);
    expect((error as Error).message).toMatch(
      /^This layer decodes to more than 100 times its stored size \(0 GiB from 262 bytes\): a decompression bomb, not read further\.$/,
    );
  });

  it('generous defaults: 20 GB of ordinary layer data passes', () => {
    expect(decodeLimitExceeded(20e9, 5e9, DEFAULT_DECODE_LIMITS)).toBeUndefined();
    expect(decodeLimitExceeded(20e9, 20e6, DEFAULT_DECODE_LIMITS)).toBeUndefined();
    expect(decodeLimitExceeded(10e9, 335_000, DEFAULT_DECODE_LIMITS)?.message).toMatch(/decompression bomb/);
  });
});
