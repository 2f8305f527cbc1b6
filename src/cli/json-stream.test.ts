import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonWriter } from './json-stream';

describe('JsonWriter', () => {
  it('writes what JSON.stringify(value, null, 2) writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let out = '';
        const json = new JsonWriter((text) => (out += text));
        json.value(value);
        json.flush();
        expect(out).toBe(JSON.stringify(value, null, 2));
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
