import { describe, expect, it } from 'vitest';
import { PaxValues } from './pax-values';
import { TarFormatError } from './tar-format-error';

const enc = new TextEncoder();
const values = (records: Record<string, string | Uint8Array>): PaxValues =>
  new PaxValues(
    new Map(Object.entries(records).map(([k, v]) => [k, typeof v === 'string' ? enc.encode(v) : v])),
    1536,
  );

describe('PaxValues', () => {
  it('reads text as UTF-8, or latin-1 when it is not UTF-8', () => {
    const pax = values({ path: 'ünïcödé-名前', uname: Uint8Array.of(0x72, 0xe9), gname: '' });
    expect(pax.string('path')).toBe('ünïcödé-名前');
    expect(pax.string('uname')).toBe('ré');
    expect(pax.string('linkpath')).toBeUndefined();
    expect(pax.string('gname')).toBe('');
    expect(pax.nonEmpty('gname')).toBeUndefined();
    expect(pax.nonEmpty('path')).toBe('ünïcödé-名前');
  });

  it('reads times with fractions and before 1970, and ignores what is not a time', () => {
    expect(values({ mtime: '1704164645.123456789' }).time('mtime')).toBeCloseTo(1704164645.123457, 5);
    expect(values({ mtime: '-315619200' }).time('mtime')).toBe(-315619200);
    for (const bad of ['soon', '1e3', '0x10', '', '1.', '.5'])
      expect(values({ mtime: bad }).time('mtime')).toBeUndefined();
  });

  it('reads sizes and ids as decimal integers; absent or empty is no value', () => {
    expect(values({ size: '8589934592', uid: '0' }).integer('size')).toBe(8_589_934_592);
    expect(values({ uid: '0' }).integer('uid')).toBe(0);
    expect(values({}).integer('size')).toBeUndefined();
    expect(values({ size: '' }).integer('size')).toBeUndefined();
  });

  it.each(['2047.5', '1e3', '0x10', '-1', ' 12', '99999999999999999999', '9007199254740993', '١٢'])(
    'says a PAX size of %j is not a whole number',
    (size) => {
      expect(() => values({ size }).integer('size')).toThrow(
        new TarFormatError(
          `The tar entry at byte 1536 has a PAX size of "${size}", which is not a whole number.`,
          1536,
        ),
      );
    },
  );

  it('shortens a long value in its sentence', () => {
    expect(() => values({ 'GNU.sparse.realsize': 'x'.repeat(100) }).integer('GNU.sparse.realsize')).toThrow(
      `has a PAX GNU.sparse.realsize of "${'x'.repeat(40)}…", which is not a whole number.`,
    );
  });

  it('reads SCHILY xattrs as raw bytes and LIBARCHIVE ones as base64 under their decoded names', () => {
    const capability = Uint8Array.of(1, 0, 0, 2, 0x0a, 0);
    const pax = values({
      'SCHILY.xattr.security.capability': capability,
      'LIBARCHIVE.xattr.user.caf%C3%A9': 'aGk=',
      'LIBARCHIVE.xattr.user.%zz': 'AAEC\n/w==',
      path: 'x',
    });
    expect(pax.xattrs()).toEqual({
      'security.capability': capability,
      'user.café': enc.encode('hi'),
      'user.%zz': Uint8Array.of(0, 1, 2, 255),
    });
    expect(values({ path: 'x' }).xattrs()).toBeUndefined();
  });
});
