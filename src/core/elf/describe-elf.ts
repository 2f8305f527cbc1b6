import { machineName } from './elf-constants';
import type { ElfResult } from './elf-types';

const TYPES: Readonly<Record<number, string>> = { 1: 'REL', 2: 'EXEC', 3: 'DYN', 4: 'CORE' };

/** A stable, human-readable dump of what the reader found (golden tests, CLI debugging). */
export function describeElf(elf: ElfResult): string {
  if (!elf.ok) return `not usable (${elf.code}): ${elf.reason}\n`;
  const h = elf.header;
  const lines = [
    `ELF${h.class} ${h.littleEndian ? 'LE' : 'BE'} ${TYPES[h.type] ?? `type ${h.type}`} ${machineName(h.machine)}` +
      ` osabi=${h.osabi} phnum=${h.phnum} shnum=${h.shnum}`,
  ];
  if (elf.interpreter !== undefined) lines.push(`interpreter ${elf.interpreter}`);
  const d = elf.dynamic;
  if (d === undefined) lines.push('no PT_DYNAMIC');
  else {
    for (const n of d.needed) lines.push(`needed ${n}`);
    if (d.soname !== undefined) lines.push(`soname ${d.soname}`);
    if (d.rpath !== undefined) lines.push(`rpath ${d.rpath}`);
    if (d.runpath !== undefined) lines.push(`runpath ${d.runpath}`);
    if (d.flags !== 0) lines.push(`flags 0x${d.flags.toString(16)}`);
    if (d.flags1 !== 0) lines.push(`flags_1 0x${d.flags1.toString(16)}`);
    for (const v of d.versionNeeds) {
      lines.push(`verneed ${v.file} ${v.version}${v.weak ? ' weak' : ''} index=${v.index}`);
    }
    for (const v of d.versionDefs) lines.push(`verdef ${v.index} flags=${v.flags} ${v.names.join(' <- ')}`);
    lines.push(`symbols ${d.symbolCount ?? 'unknown'}${d.hasVersym ? ' versym' : ''}`);
  }
  for (const p of elf.problems) lines.push(`problem: ${p}`);
  return lines.map((l) => `${l}\n`).join('');
}
