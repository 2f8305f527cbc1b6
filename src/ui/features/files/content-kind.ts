import type { ContentKind } from '../../../protocol/files';
import { hasElfMagic } from '../../../protocol/format';

/** What a file's first bytes say it is, to pick a viewer: text, picture, or hex. */
export function sniffContent(bytes: Uint8Array): { kind: ContentKind; mime: string } {
  if (bytes.length === 0) return { kind: 'empty', mime: 'application/octet-stream' };
  const b = (i: number) => bytes[i] ?? -1;
  if (hasElfMagic(bytes)) return { kind: 'elf', mime: 'application/x-executable' };
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47)
    return { kind: 'image', mime: 'image/png' };
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return { kind: 'image', mime: 'image/jpeg' };
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) return { kind: 'image', mime: 'image/gif' };
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45)
    return { kind: 'image', mime: 'image/webp' };
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return { kind: 'image', mime: 'image/svg+xml' };
  // Text: valid UTF-8 without NUL bytes in the first 8 KiB.
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return { kind: 'binary', mime: 'application/octet-stream' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.length < bytes.length ? trimPartial(sample) : sample,
    );
    return { kind: 'text', mime: 'text/plain' };
  } catch {
    return { kind: 'binary', mime: 'application/octet-stream' };
  }
}

/** A cut in the middle of a multi-byte character is not invalid UTF-8: drop a trailing partial one. */
function trimPartial(bytes: Uint8Array): Uint8Array {
  const end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = bytes[end - i]!;
    if ((byte & 0xc0) === 0xc0) return bytes.subarray(0, end - i);
    if ((byte & 0x80) === 0) break;
  }
  return bytes;
}

export function hexDump(bytes: Uint8Array, offset = 0, limit = 64 * 1024): string {
  const lines: string[] = [];
  const n = Math.min(bytes.length, limit);
  for (let i = 0; i < n; i += 16) {
    const row = bytes.subarray(i, Math.min(i + 16, n));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${(offset + i).toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}
