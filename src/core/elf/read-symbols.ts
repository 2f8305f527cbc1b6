import { ByteView } from './byte-view';
import { LIMITS } from './elf-constants';
import type { ByteReader, DynamicSymbol, ElfFile } from './elf-types';
import { StringTable } from './string-table';

const BATCH = 4096;

/**
 * The dynamic symbols (count from the hash tables) with their versym entries, for an `ldd -r` style check.
 * Index 0 (the null symbol) is included so indexes match versym and Verneed numbering.
 */
export async function readDynamicSymbols(reader: ByteReader, elf: ElfFile): Promise<DynamicSymbol[]> {
  const dyn = elf.dynamic;
  if (dyn?.symbolCount === undefined || dyn.layout.symtabOffset === undefined) return [];
  const { symtabOffset, symentSize, versymOffset, strtabOffset, strtabSize } = dyn.layout;
  const is64 = elf.header.class === 64;
  const minSize = is64 ? 24 : 16;
  if (symentSize < minSize || symentSize > 256) return [];
  const count = Math.min(dyn.symbolCount, LIMITS.symbols);
  const table = new StringTable(reader, strtabOffset ?? 0, strtabOffset === undefined ? 0 : strtabSize);
  const result: DynamicSymbol[] = [];
  for (let base = 0; base < count; base += BATCH) {
    const n = Math.min(BATCH, count - base);
    const symBytes = await reader.read(symtabOffset + base * symentSize, n * symentSize);
    if (symBytes === undefined) break;
    const syms = new ByteView(symBytes, elf.header.littleEndian);
    const versymBytes =
      versymOffset === undefined ? undefined : await reader.read(versymOffset + base * 2, n * 2);
    const versyms = versymBytes && new ByteView(versymBytes, elf.header.littleEndian);
    for (let i = 0; i < n && (i + 1) * symentSize <= symBytes.length; i++) {
      const at = i * symentSize;
      const info = is64 ? syms.u8(at + 4) : syms.u8(at + 12);
      result.push({
        name: (await table.get(syms.u32(at))) ?? '',
        bind: info >> 4,
        type: info & 0xf,
        shndx: is64 ? syms.u16(at + 6) : syms.u16(at + 14),
        value: is64 ? syms.u64(at + 8) : syms.u32(at + 4),
        versym: versyms && versyms.has(i * 2, 2) ? versyms.u16(i * 2) : undefined,
      });
    }
    if (symBytes.length < n * symentSize) break;
  }
  return result;
}
