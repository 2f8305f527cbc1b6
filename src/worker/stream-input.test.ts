import { describe, expect, it } from 'vitest';
import { StreamInput, type SpillWriter } from './stream-input';

function writer(fail?: string) {
  const written: number[] = [];
  let release: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (release = resolve));
  const spill: SpillWriter = {
    write: (chunk) => written.push(chunk.length),
    close: () => closed.then(() => (fail ? Promise.reject(new Error(fail)) : undefined)),
  };
  return { spill, written, release: () => release() };
}

async function drain(input: StreamInput): Promise<number[]> {
  const seen: number[] = [];
  for await (const chunk of input) seen.push(chunk.length);
  return seen;
}

describe('a streamed layer with a part of the spill to write', () => {
  it('writes every buffer as it comes and ends only once the part is closed', async () => {
    const { spill, written, release } = writer();
    let consumed = 0;
    const input = new StreamInput(() => consumed++, spill);
    const seen = drain(input);
    input.push(new Uint8Array(3));
    input.push(new Uint8Array(5));
    expect(written).toEqual([3, 5]);
    input.end();
    let done = false;
    void seen.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    release();
    expect(await seen).toEqual([3, 5]);
    expect(consumed).toBe(2);
  });

  it('says why the part could not be written, and still ends', async () => {
    const { spill, release } = writer('the browser storage is full');
    const failures: string[] = [];
    const input = new StreamInput(
      () => undefined,
      spill,
      (message) => failures.push(message),
    );
    const seen = drain(input);
    input.push(new Uint8Array(1));
    input.end();
    release();
    expect(await seen).toEqual([1]);
    expect(failures).toEqual(['the browser storage is full']);
  });
});
