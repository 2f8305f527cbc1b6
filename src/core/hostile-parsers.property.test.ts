/**
 * Property tests for the parsers of untrusted bytes (seeded, small, fast): any input gives a value
 * or an error sentence, never a thrown JavaScript error; tar parses the same in any chunking.
 * `npm run fuzz` does the same at scale through the CLI (fuzz/README.md).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTar } from './testing/tar-builder';
import { TarFormatError, TarParser } from './io/tar-parser';
import { normalizeTarPath } from './model/path';
import type { TarEntry } from './model/tar-entry';
import { parseElf } from './elf/parse-elf';
import type { ByteReader } from './elf/elf-types';
import { parseLdSoCache } from './linkage/ld-so-cache';
import { parseApkInstalled } from './packages/apk-db';
import { parseStanzas } from './packages/deb822';
import { parseRpmHeader } from './packages/rpm-header';
import { readBerkeleyHash } from './packages/berkeley-db-hash';
import { readNdb } from './packages/rpm-ndb';
import { parseRegistriesConf } from './image/registries-conf';

const RUNS = { seed: 20_261_203, numRuns: 200 };

function parse(bytes: Uint8Array, chunk: number): TarEntry[] | TarFormatError {
  const entries: TarEntry[] = [];
  const parser = new TarParser({ onEntry: (e) => (entries.push(e), false) });
  try {
    for (let at = 0; at < bytes.length; at += chunk) parser.push(bytes.subarray(at, at + chunk));
    parser.end();
  } catch (error) {
    if (error instanceof TarFormatError) return error;
    throw error;
  }
  return entries;
}

const name = fc.stringMatching(/^[a-z./\u00e9]{1,30}$/);
const entry = fc.record({
  name,
  data: fc.string({ maxLength: 600 }),
  pax: fc.option(
    fc.dictionary(
      fc.constantFrom(
        'path',
        'size',
        'uid',
        'mtime',
        'linkpath',
        'SCHILY.xattr.user.x',
        'LIBARCHIVE.xattr.%zz',
      ),
      fc.string({ maxLength: 40 }),
    ),
    { nil: undefined },
  ),
});

describe('tar', () => {
  it('any bytes: entries or a TarFormatError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.integer({ min: 1, max: 700 }), (bytes, chunk) => {
        parse(bytes, chunk);
      }),
      RUNS,
    );
  });

  it('mutated archives: entries or a TarFormatError, the same in every chunking', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.integer({ min: 1, max: 600 }),
        (entries, flips, chunk) => {
          const bytes = buildTar(entries.map((e) => ({ ...e, pax: e.pax ?? undefined })));
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const whole = parse(bytes, bytes.length);
          const pieces = parse(bytes, chunk);
          if (whole instanceof TarFormatError) expect((pieces as Error).message).toBe(whole.message);
          else expect(pieces).toEqual(whole);
        },
      ),
      RUNS,
    );
  });

  it('names normalize inside the root, idempotently', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '/', '.', '..', '\u0000', 'é'), maxLength: 40 }),
        (raw) => {
          const { path } = normalizeTarPath(raw);
          expect(path.startsWith('/')).toBe(true);
          expect(
            path
              .split('/')
              .slice(1)
              .some((p) => p === '..' || p === '.' || (p === '' && path !== '/')),
          ).toBe(false);
          expect(normalizeTarPath(path).path).toBe(path);
        },
      ),
      RUNS,
    );
  });
});

const reader = (bytes: Uint8Array): ByteReader => ({
  read: (offset, length) =>
    Promise.resolve(
      offset < 0 || offset > bytes.length ? undefined : bytes.subarray(offset, offset + length),
    ),
});

describe('binary formats: a value or an Error, never a throw', () => {
  const bytes = fc.uint8Array({ maxLength: 4096 });
  const elfLike = bytes.map((b) => {
    const out = new Uint8Array(Math.max(64, b.length));
    out.set(b);
    out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    return out;
  });

  it('ELF', async () => {
    await fc.assert(
      fc.asyncProperty(elfLike, async (b) => {
        await parseElf(reader(b));
      }),
      RUNS,
    );
  });

  it('ld.so.cache', () => {
    const cacheLike = bytes.map((b) => {
      const out = new Uint8Array(Math.max(48, b.length));
      out.set(b);
      out.set(new TextEncoder().encode(b.length % 2 ? 'glibc-ld.so.cache1.1' : 'ld.so-1.7.0'));
      return out;
    });
    fc.assert(
      fc.property(cacheLike, (b) => {
        parseLdSoCache(b);
      }),
      RUNS,
    );
  });

  it('rpm headers, Berkeley DB and ndb', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        parseRpmHeader(b);
        readBerkeleyHash(b);
        readNdb(b);
      }),
      RUNS,
    );
  });
});

describe('text formats: a value or an error, never a throw', () => {
  const text = fc.string({
    unit: fc.constantFrom('P', ':', 'V', '\n', ' ', 'a', 'R', 'F', 'Z', '=', '"', '[', ']', '#', 'é'),
    maxLength: 400,
  });

  it('dpkg status stanzas and apk installed', () => {
    fc.assert(
      fc.property(text, (t) => {
        parseStanzas(t);
        parseApkInstalled(t);
      }),
      RUNS,
    );
  });

  it('registries.conf', () => {
    fc.assert(
      fc.property(text, (t) => {
        parseRegistriesConf(t);
      }),
      RUNS,
    );
  });
});
