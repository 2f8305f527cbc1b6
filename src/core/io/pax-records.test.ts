import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaxState, parsePaxRecords } from './pax-records';
import { TarFormatError } from './tar-format-error';

const enc = new TextEncoder();
const HEADER = 1024;
/** Every sentence the record reader says, whatever went wrong. */
const SENTENCE = /^The PAX extended header at byte \d+ is damaged: its record at byte \d+ [^\n]+\.$/;

/** Records as a writer makes them: the length counts itself, so it is found by trying. */
function encode(records: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [key, value] of records) {
    const rest = enc.encode(` ${key}=`).length + value.length + 1;
    let length = rest + 1;
    while (String(length).length + rest !== length) length++;
    parts.push(enc.encode(`${length} ${key}=`), value, enc.encode('\n'));
  }
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

const text = (records: Map<string, Uint8Array>): Record<string, string> =>
  Object.fromEntries([...records].map(([k, v]) => [k, new TextDecoder().decode(v)]));

/** The error a call throws, to check that it is the reader's own sentence. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('parsePaxRecords', () => {
  it('reads records by length, so values may hold NUL and newline bytes', () => {
    const xattr = Uint8Array.of(0, 10, 0x3d, 255);
    const body = encode([
      ['path', enc.encode('usr/名前')],
      ['SCHILY.xattr.security.capability', xattr],
      ['mtime', enc.encode('1704164645.5')],
    ]);
    const records = parsePaxRecords(body, HEADER);
    expect([...records.keys()]).toEqual(['path', 'SCHILY.xattr.security.capability', 'mtime']);
    expect(new TextDecoder().decode(records.get('path'))).toBe('usr/名前');
    expect(records.get('SCHILY.xattr.security.capability')).toEqual(xattr);
  });

  it('keeps the later of two records for one key, and empty values', () => {
    const body = enc.encode('10 path=a\n10 path=b\n9 uname=\n');
    expect(text(parsePaxRecords(body, HEADER))).toEqual({ path: 'b', uname: '' });
  });

  it('reads an empty body, and NUL padding after the last record, as nothing more', () => {
    expect(parsePaxRecords(new Uint8Array(0), HEADER).size).toBe(0);
    const padded = new Uint8Array([...enc.encode('10 path=a\n'), 0, 0, 0]);
    expect(text(parsePaxRecords(padded, HEADER))).toEqual({ path: 'a' });
  });

  it.each([
    ['path=a\n', 0, 'does not start with a length'],
    ['11path=a\n', 0, 'does not start with a length'],
    ['1234567890 path=a\n', 0, 'does not start with a length'],
    ['10 path=a\n11 path=b\n', 10, 'claims 11 bytes, but only 10 are left'],
    ['8 path=a\n', 0, 'does not end where its length of 8 bytes says'],
    ['0 \n', 0, 'does not end where its length of 0 bytes says'],
    ['2 \n', 0, 'does not end where its length of 2 bytes says'],
    ['9 path-a\n', 0, 'is not "key=value"'],
    ['6 =ab\n', 0, 'is not "key=value"'],
  ])('says which record of %j is damaged and how', (body, at, what) => {
    expect(() => parsePaxRecords(enc.encode(body), HEADER)).toThrow(
      new TarFormatError(
        `The PAX extended header at byte ${HEADER} is damaged: its record at byte ${HEADER + 512 + at} ${what}.`,
        HEADER,
      ),
    );
  });
});

describe('PaxState', () => {
  it('gives an entry its own records over the global ones, then forgets its own', () => {
    const state = new PaxState();
    state.addGlobal(enc.encode('11 uname=g\n11 gname=g\n'), 0);
    state.addLocal(enc.encode('11 uname=x\n'), 1024);
    expect(text(state.takeForEntry())).toEqual({ uname: 'x', gname: 'g' });
    expect(text(state.takeForEntry())).toEqual({ uname: 'g', gname: 'g' });
  });

  it('deletes a global key with an empty global value', () => {
    const state = new PaxState();
    state.addGlobal(enc.encode('11 uname=g\n'), 0);
    state.addGlobal(enc.encode('9 uname=\n'), 2048);
    expect(state.takeForEntry().size).toBe(0);
  });
});

describe('parsePaxRecords properties', () => {
  const RUNS = { seed: 20_261_204, numRuns: 200 };
  const key = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).filter((k) => !k.includes('='));
  const records = fc.uniqueArray(fc.tuple(key, fc.uint8Array({ maxLength: 300 })), {
    selector: ([k]) => k,
    maxLength: 8,
  });

  it('reads back any record set built from valid keys and values', () => {
    fc.assert(
      fc.property(records, (set) => {
        expect(parsePaxRecords(encode(set), HEADER)).toEqual(new Map(set));
      }),
      RUNS,
    );
  });

  it('answers any bytes with records or its own sentence, never another error', () => {
    // Bytes from a PAX-like alphabet reach past the length into keys and values; plain random bytes rarely do.
    const paxLike = fc
      .array(fc.constantFrom(...enc.encode('0123456789 =\n\u0000ap')), { maxLength: 400 })
      .map((b) => Uint8Array.from(b));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 2000 }), paxLike), (bytes) => {
        const error = thrown(() => parsePaxRecords(bytes, HEADER));
        if (error === undefined) return;
        expect(error).toBeInstanceOf(TarFormatError);
        expect((error as Error).message).toMatch(SENTENCE);
      }),
      RUNS,
    );
  });

  it('catches a record whose length lies, naming that record', () => {
    // Values without newlines, so a newline ends a record; a lie that lands exactly on a later record's end
    // cannot be told from a value holding newlines (in any reader), so those are left out.
    const plain = fc.uint8Array({ maxLength: 60 }).map((v) => v.map((b) => (b === 10 ? 32 : b)));
    const set = fc.uniqueArray(fc.tuple(key, plain), { selector: ([k]) => k, minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(set, fc.nat(), fc.integer({ min: 0, max: 400 }), (pairs, which, claimed) => {
        const liar = which % pairs.length;
        const before = encode(pairs.slice(0, liar)).length;
        const own = encode(pairs.slice(liar, liar + 1));
        const truth = Number(new TextDecoder().decode(own.subarray(0, own.indexOf(32))));
        fc.pre(claimed !== truth);
        const lie = new Uint8Array([
          ...encode(pairs.slice(0, liar)),
          ...enc.encode(String(claimed)),
          ...own.subarray(String(truth).length),
          ...encode(pairs.slice(liar + 1)),
        ]);
        fc.pre(lie[before + claimed - 1] !== 10);
        const error = thrown(() => parsePaxRecords(lie, HEADER));
        expect(error).toBeInstanceOf(TarFormatError);
        expect((error as Error).message).toMatch(SENTENCE);
        expect((error as Error).message).toContain(`its record at byte ${HEADER + 512 + before} `);
      }),
      RUNS,
    );
  });
});
