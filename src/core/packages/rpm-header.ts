/**
 * The rpm header blob as the databases store it (rpm lib/header.c): big-endian in every backend,
 * without the 8-byte magic of .rpm files and --exportdb streams.
 *
 *   u32 il, u32 dl, il × {i32 tag, u32 type, i32 offset, u32 count}, then dl bytes of data
 *
 * Entry 0 is usually a region tag (63 HEADERIMMUTABLE) whose data is a trailer entry; entries after
 * the region are "dribble" entries added at install time, and a repeated tag takes the later value.
 * Reading every entry alike and letting the later one win gives exactly that.
 */
import { packageError } from './package-sentences';
export const RPM_TYPE = {
  null: 0,
  char: 1,
  int8: 2,
  int16: 3,
  int32: 4,
  int64: 5,
  string: 6,
  bin: 7,
  stringArray: 8,
  i18nString: 9,
} as const;

export type RpmValue = string | readonly string[] | readonly number[] | Uint8Array;

export interface RpmHeader {
  readonly tags: ReadonlyMap<number, RpmValue>;
}

const ENTRY_SIZE = 16;
// rpm's own sanity limits (header.c hdrchkTags / hdrchkData): beyond them the blob is damaged.
const MAX_TAGS = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8');

export function parseRpmHeader(blob: Uint8Array): RpmHeader | Error {
  if (blob.length < 8) return packageError('rpm-header-short', { length: blob.length });
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const il = view.getUint32(0);
  const dl = view.getUint32(4);
  const dataStart = 8 + ENTRY_SIZE * il;
  if (il > MAX_TAGS || dl > MAX_DATA || dataStart + dl > blob.length) {
    return packageError('rpm-header-damaged', { tags: il, bytes: dl, length: blob.length });
  }
  const data = blob.subarray(dataStart, dataStart + dl);
  const tags = new Map<number, RpmValue>();
  for (let i = 0; i < il; i++) {
    const at = 8 + ENTRY_SIZE * i;
    const tag = view.getInt32(at);
    const type = view.getUint32(at + 4);
    const offset = view.getInt32(at + 8);
    const count = view.getUint32(at + 12);
    if (offset < 0 || offset > dl) continue;
    const value = readValue(data, type, offset, count);
    if (value !== undefined) tags.set(tag, value);
  }
  return { tags };
}

function readValue(data: Uint8Array, type: number, offset: number, count: number): RpmValue | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  switch (type) {
    case RPM_TYPE.char:
    case RPM_TYPE.int8:
      return offset + count <= data.length ? Array.from(data.subarray(offset, offset + count)) : undefined;
    case RPM_TYPE.int16:
      return readInts(count, 2, offset, data.length, (at) => view.getUint16(at));
    case RPM_TYPE.int32:
      return readInts(count, 4, offset, data.length, (at) => view.getUint32(at));
    case RPM_TYPE.int64:
      return readInts(count, 8, offset, data.length, (at) => Number(view.getBigUint64(at)));
    case RPM_TYPE.string:
      return readStrings(data, offset, 1)?.[0];
    case RPM_TYPE.bin:
      return offset + count <= data.length ? data.subarray(offset, offset + count) : undefined;
    case RPM_TYPE.stringArray:
      return readStrings(data, offset, count);
    case RPM_TYPE.i18nString:
      // One string per header locale; the first is the untranslated "C" text.
      return readStrings(data, offset, count)?.[0];
    default:
      return undefined;
  }
}

function readInts(
  count: number,
  size: number,
  offset: number,
  limit: number,
  get: (at: number) => number,
): number[] | undefined {
  if (offset + count * size > limit) return undefined;
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = get(offset + i * size);
  return out;
}

function readStrings(data: Uint8Array, offset: number, count: number): string[] | undefined {
  const out = new Array<string>(count);
  let at = offset;
  for (let i = 0; i < count; i++) {
    const end = data.indexOf(0, at);
    if (end < 0) return undefined;
    out[i] = utf8.decode(data.subarray(at, end));
    at = end + 1;
  }
  return out;
}

export function tagString(header: RpmHeader, tag: number): string {
  const value = header.tags.get(tag);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}

export function tagStrings(header: RpmHeader, tag: number): readonly string[] {
  const value = header.tags.get(tag);
  if (typeof value === 'string') return [value];
  return Array.isArray(value) && (value.length === 0 || typeof value[0] === 'string')
    ? (value as readonly string[])
    : [];
}

export function tagNumbers(header: RpmHeader, tag: number): readonly number[] {
  const value = header.tags.get(tag);
  return Array.isArray(value) && typeof value[0] === 'number' ? (value as readonly number[]) : [];
}

export function tagNumber(header: RpmHeader, tag: number): number | undefined {
  return tagNumbers(header, tag)[0];
}
