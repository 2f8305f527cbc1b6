/**
 * PAX extended header records (docs/archive-formats.md#pax-records): `"<len> <key>=<value>\n"`, where the
 * decimal length counts the whole record. They are read by length, never by line, because xattr values are
 * binary and may hold NUL or newline bytes. A record whose length lies (past the body, or not ending on its
 * newline) makes the header unreadable, as Go's archive/tar and GNU tar treat it: the records after it cannot
 * be found, and a lost `size` would misplace every header that follows. The body itself is capped by the tar
 * reader (8 MiB, docs/limits.md#tar).
 */
import { BLOCK, decodeName } from './tar-header';
import { TarFormatError } from './tar-format-error';

/** Record lengths have at most 9 digits: the body is capped far below 10^9 bytes. */
const MAX_LENGTH_DIGITS = 9;
const SPACE = 0x20;
const EQUALS = 0x3d;
const NEWLINE = 0x0a;

/**
 * The records of one PAX body, in order (a later record for the same key wins). `offset` is the byte of the PAX
 * header block in the tar stream, for the sentence when a record is malformed.
 */
export function parsePaxRecords(body: Uint8Array, offset: number): Map<string, Uint8Array> {
  const records = new Map<string, Uint8Array>();
  let pos = 0;
  while (pos < body.length) {
    // Some writers pad the body with NULs; nothing can follow them.
    if (isZeroTail(body, pos)) break;
    const damaged = (what: string): TarFormatError =>
      new TarFormatError(
        `The PAX extended header at byte ${offset} is damaged: its record at byte ${offset + BLOCK + pos} ${what}.`,
        offset,
      );
    let space = pos;
    while (space < body.length && space - pos < MAX_LENGTH_DIGITS && isDigit(body[space])) space++;
    if (space === pos || body[space] !== SPACE) throw damaged('does not start with a length');
    const length = Number(String.fromCharCode(...body.subarray(pos, space)));
    const left = body.length - pos;
    if (length > left) throw damaged(`claims ${length} bytes, but only ${left} are left`);
    const end = pos + length - 1;
    if (end <= space || body[end] !== NEWLINE) {
      throw damaged(`does not end where its length of ${length} bytes says`);
    }
    const record = body.subarray(space + 1, end);
    const eq = record.indexOf(EQUALS);
    if (eq <= 0) throw damaged('is not "key=value"');
    records.set(decodeName(record.subarray(0, eq)), record.slice(eq + 1));
    pos += length;
  }
  return records;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function isZeroTail(body: Uint8Array, from: number): boolean {
  for (let i = from; i < body.length; i++) if (body[i] !== 0) return false;
  return true;
}

/**
 * The PAX records in force: `x` headers apply to the next entry only, `g` headers to every entry after them (an
 * empty global value deletes the key); an entry's own records win over the global ones.
 */
export class PaxState {
  private local = new Map<string, Uint8Array>();
  private readonly global = new Map<string, Uint8Array>();

  addLocal(body: Uint8Array, offset: number): void {
    for (const [key, value] of parsePaxRecords(body, offset)) this.local.set(key, value);
  }

  addGlobal(body: Uint8Array, offset: number): void {
    for (const [key, value] of parsePaxRecords(body, offset)) {
      if (value.length === 0) this.global.delete(key);
      else this.global.set(key, value);
    }
  }

  /** The records for the entry whose header comes now; its own records are then spent. */
  takeForEntry(): Map<string, Uint8Array> {
    const records = new Map([...this.global, ...this.local]);
    this.local = new Map();
    return records;
  }
}
