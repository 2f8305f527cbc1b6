import { describe, expect, it } from 'vitest';
import type { TarEntry } from '../model/tar-entry';
import { buildTar } from '../testing/tar-builder';
import { TarParser } from './tar-parser';
import { renderSentence } from '../archive/archive-error';

function parse(
  bytes: Uint8Array,
  chunk = bytes.length || 1,
): {
  entries: TarEntry[];
  data: Map<string, string>;
  warnings: string[];
  escapes: { name: string; path: string }[];
} {
  const entries: TarEntry[] = [];
  const data = new Map<string, string>();
  const warnings: string[] = [];
  const escapes: { name: string; path: string }[] = [];
  const parser = new TarParser({
    onEntry: (e) => {
      entries.push(e);
      return e.kind === 'file';
    },
    onData: (e, c) => data.set(e.path, (data.get(e.path) ?? '') + new TextDecoder().decode(c)),
    onWarning: (w, escaped) => {
      warnings.push(w);
      if (escaped) escapes.push({ ...escaped });
    },
  });
  for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
  parser.end();
  return { entries, data, warnings, escapes };
}

/** A human-readable dump: one line per entry. */
function dump(entries: readonly TarEntry[]): string {
  return entries
    .map(
      (e) =>
        `${e.kind} ${e.path} ${e.mode.toString(8)} ${e.uid}:${e.gid} ${e.size}${e.linkTarget ? ` -> ${e.linkTarget}` : ''}`,
    )
    .join('\n');
}

const sample = buildTar([
  { name: './etc/', type: '5', mode: 0o755 },
  { name: './etc/motd', data: 'hello\n', mode: 0o100644 },
  { name: 'etc/link', type: '2', linkname: 'motd', mode: 0o777 },
  { name: 'etc/hard', type: '1', linkname: './etc/motd' },
  { name: 'tmp/', type: '5', mode: 0o1777 },
  {
    name: 'x',
    pax: {
      path: 'usr/share/' + 'long-name-'.repeat(15) + 'ünïcödé-名前.txt',
      uid: '3000000',
      mtime: '1704164645.123456789',
    },
    data: 'pax',
  },
  { name: 'a'.repeat(120), gnuLongName: true, data: 'gnu' },
  { name: 'big-uid', uid: 3_000_000, base256Uid: true },
  { name: '../../escape', data: 'x' },
]);

describe('TarParser', () => {
  it('lists every kind of entry with normalized paths (golden dump)', () => {
    const { entries, warnings } = parse(sample);
    expect(dump(entries)).toBe(
      [
        'dir /etc 755 0:0 0',
        'file /etc/motd 644 0:0 6',
        'symlink /etc/link 777 0:0 0 -> motd',
        'hardlink /etc/hard 644 0:0 0 -> /etc/motd',
        'dir /tmp 1777 0:0 0',
        `file /usr/share/${'long-name-'.repeat(15)}ünïcödé-名前.txt 644 3000000:0 3`,
        `file /${'a'.repeat(120)} 644 0:0 3`,
        'file /big-uid 644 3000000:0 0',
        'file /escape 644 0:0 1',
      ].join('\n'),
    );
    expect(entries[5]?.mtime).toBeCloseTo(1704164645.123457, 5);
    expect(warnings).toEqual([
      'The entry name "../../escape" tries to leave the root; it was kept inside as /escape.',
    ]);
  });

  it('says which name left the root, so the warning can be said as its sentence', () => {
    const { warnings, escapes } = parse(sample);
    expect(escapes).toEqual([{ name: '../../escape', path: '/escape' }]);
    expect(warnings).toEqual([renderSentence('tar-name-escapes', escapes[0]!)]);
  });

  it('gives the same result fed 7 bytes at a time', () => {
    const whole = parse(sample);
    const tiny = parse(sample, 7);
    expect(dump(tiny.entries)).toBe(dump(whole.entries));
    expect([...tiny.data]).toEqual([...whole.data]);
    expect(tiny.data.get('/etc/motd')).toBe('hello\n');
  });

  it('records offsets that point at the content', () => {
    const { entries } = parse(sample);
    const motd = entries.find((e) => e.path === '/etc/motd')!;
    expect(new TextDecoder().decode(sample.subarray(motd.dataOffset, motd.dataOffset + motd.size))).toBe(
      'hello\n',
    );
  });

  it('stops listing at the end marker', () => {
    const bytes = new Uint8Array([
      ...buildTar([{ name: 'a', data: '1' }]),
      ...buildTar([{ name: 'after-marker', data: '2' }]),
    ]);
    expect(parse(bytes).entries.map((e) => e.path)).toEqual(['/a']);
  });

  it('says where a header is corrupt', () => {
    const bytes = buildTar([
      { name: 'a', data: '1' },
      { name: 'b', badChecksum: true },
    ]);
    expect(() => parse(bytes)).toThrow('The tar header at byte 1024 is corrupt (bad checksum).');
  });

  it('says when data is not a tar at all', () => {
    expect(() => parse(new TextEncoder().encode('hello'.repeat(200)))).toThrow(
      'This is not a tar archive (the first header has no valid checksum).',
    );
  });

  it('says which PAX record lies about its length, in any chunking', () => {
    const bytes = buildTar([
      { name: 'a', data: '1' },
      { name: 'x', pax: { path: 'abc' }, data: 'pax' },
    ]);
    // The PAX header is the second block pair; its body "12 path=abc\n" now claims 13 bytes.
    expect(new TextDecoder().decode(bytes.subarray(1536, 1548))).toBe('12 path=abc\n');
    bytes[1537] = 0x33;
    const sentence =
      'The PAX extended header at byte 1024 is damaged: its record at byte 1536 claims 13 bytes, but only 12 are left.';
    expect(() => parse(bytes)).toThrow(sentence);
    expect(() => parse(bytes, 7)).toThrow(sentence);
  });

  it('reads an old GNU sparse file whose map continues in extension blocks', () => {
    const [header, rest] = [new Uint8Array(512), buildTar([{ name: 'after', data: 'tail' }])];
    header.set(buildTar([{ name: 'holes', type: 'S', data: 'abc' }]).subarray(0, 512));
    header.set(new TextEncoder().encode('00000000003\0'), 124); // 3 bytes stored
    header.set(new TextEncoder().encode('00000040000\0'), 483); // real size 16,384
    header[482] = 1; // an extension block follows
    header.fill(0x20, 148, 156);
    const sum = header.reduce((n, b) => n + b, 0);
    header.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
    const [more, last, data] = [new Uint8Array(512), new Uint8Array(512), new Uint8Array(512)];
    more[504] = 1; // and another after it
    data.set(new TextEncoder().encode('abc'));
    const bytes = new Uint8Array([...header, ...more, ...last, ...data, ...rest]);
    const whole = parse(bytes);
    expect(dump(whole.entries)).toBe('file /holes 644 0:0 3\nfile /after 644 0:0 4');
    expect(whole.entries[0]).toMatchObject({ realSize: 16_384, dataOffset: 1536 });
    expect(whole.data.get('/holes')).toBe('abc');
    expect(dump(parse(bytes, 7).entries)).toBe(dump(whole.entries));
    expect(() => parse(bytes.subarray(0, 1024))).toThrow('The tar data ends early, at byte 1024.');
  });

  it('says where a truncated tar ends', () => {
    const bytes = buildTar([{ name: 'file', data: 'x'.repeat(2000) }]).subarray(0, 1000);
    expect(() => parse(bytes)).toThrow('The tar data ends early inside /file, at byte 1000.');
  });
});
