import type { ByteReader } from './elf-types';

const BLOCK = 8192;
const MAX_BLOCKS = 256;
const DIRECT_READ = 4 * BLOCK;

/**
 * Aligned 8 KiB blocks in front of a ByteReader: the header, program headers, dynamic section and version records
 * of one ELF usually sit in the first two blocks, so dozens of small reads become one or two real ones.
 */
export function cachedReader(inner: ByteReader): ByteReader {
  const blocks = new Map<number, Uint8Array | undefined>();

  async function block(no: number): Promise<Uint8Array | undefined> {
    if (blocks.has(no)) return blocks.get(no);
    const bytes = await inner.read(no * BLOCK, BLOCK);
    if (blocks.size < MAX_BLOCKS) blocks.set(no, bytes);
    return bytes;
  }

  return {
    async read(offset, length) {
      if (!Number.isSafeInteger(offset) || offset < 0 || length < 0) return undefined;
      if (length > DIRECT_READ) return inner.read(offset, length);
      const first = Math.floor(offset / BLOCK);
      const last = Math.floor((offset + Math.max(length, 1) - 1) / BLOCK);
      const out = new Uint8Array(length);
      let filled = 0;
      for (let no = first; no <= last && filled < length; no++) {
        const bytes = await block(no);
        if (bytes === undefined) return no === first ? undefined : out.subarray(0, filled);
        const from = no === first ? offset - no * BLOCK : 0;
        if (from >= bytes.length) break;
        const piece = bytes.subarray(from, Math.min(bytes.length, from + length - filled));
        out.set(piece, filled);
        filled += piece.length;
        if (bytes.length < BLOCK) break;
      }
      return out.subarray(0, filled);
    },
  };
}
