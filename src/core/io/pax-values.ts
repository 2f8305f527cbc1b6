/**
 * What an entry's PAX records say (docs/archive-formats.md#pax-records), read with the limits of
 * docs/limits.md#tar: `size`, `uid`, `gid` and `GNU.sparse.*` are decimal integers or the entry is unreadable
 * (a wrong size would misplace every header after it); `mtime` is decimal seconds with an optional fraction or
 * the header's own field is used.
 */
import { decodeName } from './tar-header';
import { TarFormatError } from './tar-format-error';

/** PAX times are decimal seconds with an optional fraction (POSIX pax "Extended Header Keywords"). */
const PAX_TIME = /^-?\d{1,20}(\.\d{1,18})?$/;
/** PAX sizes and ids are decimal integers, nothing else (no "1e3", "0x10", "2047.5"). */
const PAX_INTEGER = /^\d{1,16}$/;

export class PaxValues {
  constructor(
    private readonly records: ReadonlyMap<string, Uint8Array>,
    /** The entry's header, for the sentence when a number is not one. */
    private readonly offset: number,
  ) {}

  /** A text value (UTF-8, or latin-1 when not valid UTF-8), or undefined when absent. */
  string(key: string): string | undefined {
    const value = this.records.get(key);
    return value === undefined ? undefined : decodeName(value);
  }

  /** A text value, or undefined when absent or empty (an empty `path` keeps the header's name). */
  nonEmpty(key: string): string | undefined {
    const text = this.string(key);
    return text === '' ? undefined : text;
  }

  /** A time, or undefined when absent or not a time (the header's own field is used then). */
  time(key: string): number | undefined {
    const text = this.string(key);
    return text !== undefined && PAX_TIME.test(text) ? Number(text) : undefined;
  }

  /** A size or id; undefined when absent or empty, a TarFormatError when anything but a safe decimal integer. */
  integer(key: string): number | undefined {
    const text = this.string(key);
    if (text === undefined || text === '') return undefined;
    const n = Number(text);
    if (!PAX_INTEGER.test(text) || !Number.isSafeInteger(n)) {
      const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      throw new TarFormatError(
        `The tar entry at byte ${this.offset} has a PAX ${key} of "${shown}", which is not a whole number.`,
        this.offset,
      );
    }
    return n;
  }

  /** Extended attributes: `SCHILY.xattr.<name>` raw, `LIBARCHIVE.xattr.<percent-encoded name>` base64. */
  xattrs(): Record<string, Uint8Array> | undefined {
    let out: Record<string, Uint8Array> | undefined;
    for (const [key, value] of this.records) {
      if (key.startsWith(SCHILY)) {
        out ??= {};
        out[key.slice(SCHILY.length)] = value;
      } else if (key.startsWith(LIBARCHIVE)) {
        out ??= {};
        out[decodeXattrName(key.slice(LIBARCHIVE.length))] = base64Decode(decodeName(value));
      }
    }
    return out;
  }
}

const SCHILY = 'SCHILY.xattr.';
const LIBARCHIVE = 'LIBARCHIVE.xattr.';

/** libarchive percent-encodes xattr names; a malformed escape is kept as written. */
function decodeXattrName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Lenient base64: characters outside the alphabet (padding, line breaks) are skipped. */
function base64Decode(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of text) {
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
