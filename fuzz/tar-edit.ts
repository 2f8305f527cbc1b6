/**
 * Raw tar members for the fuzzer: each member keeps its header block(s) as bytes, so that a mutant
 * changes exactly what it means to change (a size, a name, the body) and nothing else.
 */
const BLOCK = 512;
const latin1 = new TextDecoder('latin1');

export interface TarMember {
  /** PAX / GNU long-name headers and their bodies, as found before the member's own header. */
  meta: Uint8Array;
  header: Uint8Array;
  data: Uint8Array;
}

export function memberName(m: TarMember): string {
  const end = m.header.indexOf(0);
  return latin1.decode(m.header.subarray(0, end < 0 || end > 100 ? 100 : end));
}

function octalSize(header: Uint8Array): number {
  const text = latin1.decode(header.subarray(124, 136)).replace(/[\0 ]+/g, '');
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : 0;
}

/** The members of a tar; stops quietly at the end marker or at anything that is not a header. */
export function splitTar(bytes: Uint8Array): TarMember[] {
  const members: TarMember[] = [];
  let pos = 0;
  let metaStart = 0;
  while (pos + BLOCK <= bytes.length) {
    const header = bytes.subarray(pos, pos + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = octalSize(header);
    const dataEnd = pos + BLOCK + size;
    if (dataEnd > bytes.length) break;
    const type = String.fromCharCode(header[156] ?? 0);
    const next = pos + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if ('xgLK'.includes(type)) {
      pos = next;
      continue;
    }
    members.push({
      meta: bytes.slice(metaStart, pos),
      header: bytes.slice(pos, pos + BLOCK),
      data: bytes.slice(pos + BLOCK, dataEnd),
    });
    pos = next;
    metaStart = pos;
  }
  return members;
}

export function setChecksum(header: Uint8Array): void {
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
}

export function setSize(header: Uint8Array, size: number): void {
  header.set(new TextEncoder().encode(size.toString(8).padStart(11, '0') + '\0'), 124);
}

/** Members back into a tar: sizes follow the data, checksums are recomputed unless `keepChecksums`. */
export function joinTar(members: readonly TarMember[], keepChecksums = false): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const m of members) {
    const header = m.header.slice();
    if (!keepChecksums) {
      setSize(header, m.data.length);
      setChecksum(header);
    }
    parts.push(m.meta, header, m.data, new Uint8Array((BLOCK - (m.data.length % BLOCK)) % BLOCK));
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return concat(parts);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
