/**
 * Structure-aware mutations of an image archive: the outer tar (header fields, names, missing and
 * duplicate members), its JSON documents, its layers (the layer tar inside gzip or zstd: deep paths,
 * PAX records, links, names) and the files inside layers (ELF, package databases, ld.so.cache), plus
 * plain bit flips and truncation at every level.
 */
import { execFileSync } from 'node:child_process';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildTar, type BuildEntry } from '../src/core/testing/tar-builder';
import type { Rng } from './rng';
import { joinTar, memberName, setChecksum, splitTar, type TarMember } from './tar-edit';

export interface Mutant {
  readonly bytes: Uint8Array;
  /** What was done, in words: saved with every finding. */
  readonly steps: string[];
}

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff];

/** Flip bits, overwrite a run, write an interesting 32-bit number, or cut the bytes short. */
export function mutateBytes(rng: Rng, input: Uint8Array, steps: string[]): Uint8Array {
  if (input.length === 0) return input;
  const bytes = input.slice();
  switch (rng.int(4)) {
    case 0: {
      const flips = 1 + rng.int(8);
      for (let i = 0; i < flips; i++) bytes[rng.int(bytes.length)]! ^= 1 << rng.int(8);
      steps.push(`flip ${flips} bits`);
      return bytes;
    }
    case 1: {
      const at = rng.int(bytes.length);
      const length = Math.min(bytes.length - at, 1 + rng.int(64));
      const fill = rng.pick([0, 0xff, -1]);
      for (let i = at; i < at + length; i++) bytes[i] = fill < 0 ? rng.int(256) : fill;
      steps.push(`overwrite ${length} bytes at ${at}`);
      return bytes;
    }
    case 2: {
      if (bytes.length < 4) return bytes.slice(0, rng.int(bytes.length));
      const at = rng.int(bytes.length - 3) & ~3;
      const value = rng.pick(INTERESTING);
      new DataView(bytes.buffer).setUint32(at, value, rng.chance(0.5));
      steps.push(`write ${value} at ${at}`);
      return bytes;
    }
    default: {
      const at = rng.int(bytes.length);
      steps.push(`truncate to ${at} bytes`);
      return bytes.slice(0, at);
    }
  }
}

type Compression = 'gzip' | 'zstd' | 'none';

function compressionOf(data: Uint8Array): Compression {
  if (data[0] === 0x1f && data[1] === 0x8b) return 'gzip';
  if (data[0] === 0x28 && data[1] === 0xb5 && data[2] === 0x2f && data[3] === 0xfd) return 'zstd';
  return 'none';
}

function decode(data: Uint8Array): { tar: Uint8Array; compression: Compression } | undefined {
  const compression = compressionOf(data);
  try {
    if (compression === 'gzip') return { tar: new Uint8Array(gunzipSync(data)), compression };
    if (compression === 'zstd') {
      const tar = execFileSync('zstd', ['-q', '-d', '-c'], {
        input: data,
        maxBuffer: 2 ** 30,
        stdio: 'pipe',
      });
      return { tar: new Uint8Array(tar), compression };
    }
  } catch {
    return undefined;
  }
  return { tar: data, compression };
}

function encode(tar: Uint8Array, compression: Compression): Uint8Array {
  if (compression === 'gzip') return new Uint8Array(gzipSync(tar, { level: 1 }));
  if (compression === 'zstd') return new Uint8Array(execFileSync('zstd', ['-q', '-1', '-c'], { input: tar }));
  return tar;
}

function isTar(data: Uint8Array): boolean {
  return data.length >= 1024 && data[257] === 0x75 && data[258] === 0x73; // "us" of "ustar"
}

function isJson(data: Uint8Array): boolean {
  const first = data.find((b) => b !== 0x20 && b !== 0x0a);
  return data.length < 1_000_000 && (first === 0x7b || first === 0x5b);
}

/** Layers: members that hold a tar, plain or compressed. */
function layerMembers(members: readonly TarMember[]): TarMember[] {
  return members.filter((m) => {
    const c = compressionOf(m.data);
    return c !== 'none' || isTar(m.data);
  });
}

const PAX_GARBAGE = ['2047.5', '1e3', '0x10', '-1', '99999999999999999999', '', 'abc', ' 12', '١٢'];
const HOSTILE_NAMES = [
  '..',
  '../x',
  'a/../../b',
  'x\u0000y',
  '/',
  '.wh..wh..opq',
  '.wh.etc',
  'etc/.wh.passwd',
  './././',
  '//etc//passwd',
  'ünï/\u202e/cödé',
];
const LINK_TARGETS = ['/etc/passwd', '../../../../etc/passwd', '..', '/', '.', '/proc/self/root', 'loop-a'];

function deepName(depth: number, name = 'd'): string {
  return Array.from({ length: depth }, () => name).join('/') + '/f';
}

/** New entries a hostile layer might carry. */
function hostileEntries(rng: Rng, steps: string[]): BuildEntry[] {
  switch (rng.int(7)) {
    case 0: {
      const depth = rng.pick([100, 1000, 5000, 10_000, 12_000]);
      steps.push(`entry nested ${depth} directories deep`);
      return [{ name: 'deep', data: 'x', pax: { path: deepName(depth) } }];
    }
    case 1: {
      const key = rng.pick(['size', 'uid', 'gid', 'mtime', 'GNU.sparse.realsize']);
      const value = rng.pick(PAX_GARBAGE);
      steps.push(`PAX ${key}=${JSON.stringify(value)}`);
      return [
        { name: 'pax-file', data: 'x'.repeat(rng.int(2048)), pax: { [key]: value } },
        { name: 'after', data: 'y' },
      ];
    }
    case 2:
      steps.push('symlink loops and links out of the image');
      return [
        { name: 'loop-a', type: '2', linkname: 'loop-b' },
        { name: 'loop-b', type: '2', linkname: 'loop-a' },
        { name: 'self', type: '2', linkname: 'self' },
        { name: 'dir-loop', type: '2', linkname: '.' },
        ...LINK_TARGETS.map((t, i) => ({ name: `out${i}`, type: '2', linkname: t })),
        { name: 'etc/passwd', type: '2', linkname: rng.pick(LINK_TARGETS) },
        { name: 'usr/bin/app', type: '2', linkname: '../../'.repeat(1 + rng.int(40)) + 'etc/passwd' },
      ];
    case 3:
      steps.push('hard links to nothing and to themselves');
      return [
        { name: 'hard-nothing', type: '1', linkname: 'no/such/file' },
        { name: 'hard-self', type: '1', linkname: 'hard-self' },
        { name: 'hard-dir', type: '1', linkname: '/' },
        { name: 'hard-up', type: '1', linkname: '../../etc/passwd' },
      ];
    case 4: {
      const name = rng.pick(HOSTILE_NAMES);
      steps.push(`entry named ${JSON.stringify(name)}`);
      return [
        { name: 'n', data: 'x', pax: { path: name } },
        {
          name: 'n2',
          type: rng.pick(['0', '5', '2', '1', 'S', '7', 'Z']),
          linkname: name,
          pax: { path: `${name}/child` },
        },
      ];
    }
    case 5: {
      const count = rng.pick([500, 2000, 5000]);
      steps.push(`${count} entries in one directory`);
      return Array.from({ length: count }, (_, i) => ({ name: `many/${i}`, data: '' }));
    }
    default: {
      const long = rng.pick([255, 4096, 70_000, 200_000]);
      steps.push(`a name of ${long} characters`);
      return [
        { name: 'long', data: 'x', pax: { path: 'n'.repeat(long), linkpath: 'l'.repeat(long) }, type: '2' },
      ];
    }
  }
}

/** A mutation of one layer's tar (decoded first, encoded again the same way). */
function mutateLayer(rng: Rng, layer: TarMember, steps: string[]): void {
  const decoded = decode(layer.data);
  if (decoded === undefined || rng.chance(0.15)) {
    steps.push(`layer ${memberName(layer)}: stored bytes`);
    layer.data = mutateBytes(rng, layer.data, steps);
    return;
  }
  steps.push(`layer ${memberName(layer)} (${decoded.compression})`);
  const inner = splitTar(decoded.tar);
  let tar: Uint8Array;
  const choice = rng.int(10);
  if (choice < 5) {
    const added = splitTar(buildTar(hostileEntries(rng, steps)));
    inner.splice(rng.int(inner.length + 1), 0, ...added);
    tar = joinTar(inner);
  } else if (choice < 8 && inner.length > 0) {
    const target = rng.pick(inner);
    steps.push(`file ${memberName(target)}`);
    const header = rng.chance(0.3);
    if (header) mutateHeader(rng, target, steps);
    else target.data = mutateBytes(rng, target.data, steps);
    tar = joinTar(inner, header);
  } else {
    tar = mutateBytes(rng, decoded.tar, steps);
  }
  layer.data = encode(tar, decoded.compression);
}

/** One header field set to something a writer would never put there. */
function mutateHeader(rng: Rng, m: TarMember, steps: string[]): void {
  const field = rng.pick(['size', 'type', 'mode', 'name', 'linkname', 'magic', 'uid']);
  const h = m.header;
  const put = (text: string, at: number, length: number): void => {
    h.fill(0, at, at + length);
    h.set(new TextEncoder().encode(text).subarray(0, length), at);
  };
  switch (field) {
    case 'size': {
      const size = rng.pick([0, 1, 511, 513, 0o77777777777, 2 ** 40]);
      // Base-256 for sizes octal cannot hold.
      if (size > 0o77777777777) {
        h.fill(0, 124, 136);
        h[124] = 0x80;
        new DataView(h.buffer, h.byteOffset).setUint32(132, size / 2 ** 8, false);
      } else put(size.toString(8).padStart(11, '0'), 124, 12);
      steps.push(`header size ${size}`);
      setChecksum(h);
      m.data = m.data.subarray(0, Math.min(m.data.length, size));
      return;
    }
    case 'type':
      h[156] = rng.pick([0x30, 0x31, 0x32, 0x35, 0x33, 0x36, 0x4c, 0x78, 0x67, 0x53, 0x00, 0x5a]);
      break;
    case 'mode':
      put(rng.pick(['7777777', '0', 'zzzzzzz', '4755']), 100, 8);
      break;
    case 'name':
      put(rng.pick(HOSTILE_NAMES), 0, 100);
      break;
    case 'linkname':
      put(rng.pick(LINK_TARGETS), 157, 100);
      break;
    case 'magic':
      put(rng.pick(['ustar  ', 'ustar\u000000', 'xxxxx']), 257, 8);
      break;
    default:
      h.fill(0xff, 108, 116);
  }
  steps.push(`header ${field}`);
  setChecksum(h);
}

/** A JSON document changed as a hostile writer would: wrong types, missing keys, deep nesting. */
function mutateJson(rng: Rng, m: TarMember, steps: string[]): void {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(m.data));
  } catch {
    m.data = mutateBytes(rng, m.data, steps);
    return;
  }
  const choice = rng.int(5);
  if (choice === 0) {
    const depth = rng.pick([100, 5000, 10_000, 100_000]);
    steps.push(`${memberName(m)}: JSON nested ${depth} deep`);
    m.data = new TextEncoder().encode('['.repeat(depth) + ']'.repeat(depth));
    return;
  }
  if (choice === 1) {
    steps.push(`${memberName(m)}: JSON text bytes`);
    m.data = mutateBytes(rng, m.data, steps);
    return;
  }
  const slots: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const pending: unknown[] = [doc];
  while (pending.length > 0 && slots.length < 10_000) {
    const node = pending.pop();
    if (Array.isArray(node)) node.forEach((v, i) => (slots.push({ holder: node, key: i }), pending.push(v)));
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        slots.push({ holder: node as Record<string, unknown>, key: k });
        pending.push(v);
      }
    }
  }
  const replacements: unknown[] = [
    null,
    -1,
    1e308,
    '',
    '../../../etc/passwd',
    'sha256:' + '0'.repeat(64),
    [],
    {},
    'x'.repeat(100_000),
    { mediaType: 'application/vnd.oci.image.index.v1+json', digest: 'sha256:', size: -1 },
  ];
  for (let i = 1 + rng.int(3); i > 0 && slots.length > 0; i--) {
    const slot = rng.pick(slots);
    const holder = slot.holder as Record<string | number, unknown>;
    if (rng.chance(0.3) && !Array.isArray(holder)) {
      Reflect.deleteProperty(holder, slot.key);
      steps.push(`${memberName(m)}: drop ${String(slot.key)}`);
    } else {
      const value = rng.pick(replacements);
      holder[slot.key] = value;
      steps.push(`${memberName(m)}: ${String(slot.key)} = ${JSON.stringify(value).slice(0, 40)}`);
    }
  }
  try {
    m.data = new TextEncoder().encode(JSON.stringify(doc));
  } catch (error) {
    // A document an earlier step nested 100,000 deep parses (JSON.parse does not recurse) but cannot be written
    // again (JSON.stringify does): it stays as that step left it.
    if (!(error instanceof RangeError)) throw error;
    steps.push(`${memberName(m)}: too deep to write again, left as it was`);
  }
}

/** One or two mutations of an archive, chosen by the generator. */
export function mutateArchive(rng: Rng, archive: Uint8Array): Mutant {
  const steps: string[] = [];
  const outer = decode(archive);
  if (outer === undefined || rng.chance(0.08)) {
    return { bytes: mutateBytes(rng, archive, steps), steps };
  }
  if (outer.compression !== 'none') steps.push(`outer ${outer.compression}`);
  const members = splitTar(outer.tar);
  const rounds = 1 + (rng.chance(0.25) ? 1 : 0);
  let keepChecksums = false;
  for (let round = 0; round < rounds && members.length > 0; round++) {
    const choice = rng.int(20);
    const layers = layerMembers(members);
    if (choice < 9 && layers.length > 0) mutateLayer(rng, rng.pick(layers), steps);
    else if (choice < 13) {
      const docs = members.filter((m) => isJson(m.data));
      if (docs.length > 0) mutateJson(rng, rng.pick(docs), steps);
    } else if (choice < 15) {
      const i = rng.int(members.length);
      if (rng.chance(0.5)) {
        steps.push(`drop member ${memberName(members[i]!)}`);
        members.splice(i, 1);
      } else {
        steps.push(`duplicate member ${memberName(members[i]!)}`);
        members.splice(rng.int(members.length), 0, members[i]!);
      }
    } else if (choice < 18) {
      mutateHeader(rng, rng.pick(members), steps);
      keepChecksums = true;
    } else {
      const m = rng.pick(members);
      steps.push(`member ${memberName(m)}`);
      m.data = mutateBytes(rng, m.data, steps);
    }
  }
  let tar = joinTar(members, keepChecksums);
  if (rng.chance(0.05)) tar = mutateBytes(rng, tar, steps);
  return { bytes: outer.compression === 'none' ? tar : encode(tar, outer.compression), steps };
}
