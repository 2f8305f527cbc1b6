// Hand-written: tar readers on npm are Node streams; this decodes one header block with no environment at all.
/**
 * Decoding of one 512-byte tar header block (docs/archive-formats.md#header-fields): octal or base-256
 * numbers, checksum (unsigned or signed byte sum), USTAR prefix (never for GNU headers). PAX records are read
 * by pax-records.ts.
 */
export const BLOCK = 512;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** UTF-8 when valid, latin-1 otherwise: raw header names carry whatever bytes the writer had. */
export function decodeName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

export function cString(block: Uint8Array, offset: number, length: number): string {
  let end = offset;
  const limit = offset + length;
  while (end < limit && block[end] !== 0) end++;
  return decodeName(block.subarray(offset, end));
}

/**
 * Octal ASCII padded with spaces/NULs, or base-256 when the first byte has bit 0x80 set
 * (0xff first byte = negative, two's complement). Returns NaN on garbage.
 */
export function readNumber(block: Uint8Array, offset: number, length: number): number {
  const first = block[offset] ?? 0;
  if (first & 0x80) {
    const negative = first === 0xff;
    let value = 0n;
    for (let i = 0; i < length; i++) {
      let byte = block[offset + i] ?? 0;
      if (i === 0) byte &= 0x7f;
      value = (value << 8n) | BigInt(byte);
    }
    if (negative) value -= 1n << BigInt(length * 8 - 1);
    // Beyond 2^53 a number loses bytes; no real size, id or time is that large.
    return value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)
      ? NaN
      : Number(value);
  }
  let value = 0;
  let seen = false;
  for (let i = offset; i < offset + length; i++) {
    const c = block[i] ?? 0;
    if (c === 0 || c === 0x20) {
      if (seen) break;
      continue;
    }
    if (c < 0x30 || c > 0x37) return NaN;
    value = value * 8 + (c - 0x30);
    seen = true;
  }
  return value;
}

export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/** The stored checksum must equal the unsigned or the signed byte sum with the field read as spaces. */
export function checksumMatches(block: Uint8Array): boolean {
  const stored = readNumber(block, 148, 8);
  if (Number.isNaN(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const b = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
    unsigned += b;
    signed += b > 127 ? b - 256 : b;
  }
  return stored === unsigned || stored === signed;
}

export type HeaderFormat = 'ustar' | 'gnu' | 'v7';

export function headerFormat(block: Uint8Array): HeaderFormat {
  const m = String.fromCharCode(...block.subarray(257, 265));
  if (m === 'ustar\u000000') return 'ustar';
  if (m === 'ustar  \u0000') return 'gnu';
  if (m.startsWith('ustar')) return 'ustar';
  return 'v7';
}
