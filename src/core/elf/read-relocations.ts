import { ByteView } from './byte-view';
import { LIMITS } from './elf-constants';
import type { ByteReader, ElfFile, SymbolRelocation } from './elf-types';

const BATCH = 8192;

/**
 * The symbol-naming relocations of an object in processing order (DT_RELA/DT_REL, then DT_JMPREL), for an
 * `ldd -r` check that reports undefined symbols in the order the loader meets them. r_info packs the symbol
 * index above the type: ELF64 `sym << 32 | type`, ELF32 `sym << 8 | type` (gABI).
 */
export async function readSymbolRelocations(reader: ByteReader, elf: ElfFile): Promise<SymbolRelocation[]> {
  const result: SymbolRelocation[] = [];
  const is64 = elf.header.class === 64;
  const word = is64 ? 8 : 4;
  for (const table of elf.dynamic?.layout.relocations ?? []) {
    if (table.entrySize < 2 * word || table.entrySize > 64) continue;
    const count = Math.min(Math.floor(table.size / table.entrySize), LIMITS.relocations - result.length);
    for (let base = 0; base < count; base += BATCH) {
      const n = Math.min(BATCH, count - base);
      const bytes = await reader.read(table.offset + base * table.entrySize, n * table.entrySize);
      if (bytes === undefined) break;
      const v = new ByteView(bytes, elf.header.littleEndian);
      for (let i = 0; (i + 1) * table.entrySize <= bytes.length && i < n; i++) {
        const infoAt = i * table.entrySize + word;
        const symbol = is64 ? v.u32(infoAt + (elf.header.littleEndian ? 4 : 0)) : v.u32(infoAt) >>> 8;
        const type = is64 ? v.u32(infoAt + (elf.header.littleEndian ? 0 : 4)) : v.u32(infoAt) & 0xff;
        if (symbol !== 0) result.push({ symbol, type, plt: table.plt });
      }
      if (bytes.length < n * table.entrySize) break;
    }
  }
  return result;
}
