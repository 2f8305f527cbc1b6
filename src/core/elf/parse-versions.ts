import { ByteView } from './byte-view';
import { LIMITS, VER_FLG_WEAK } from './elf-constants';
import type { ByteReader, ElfHeader, VersionDef, VersionNeed } from './elf-types';
import type { StringTable } from './string-table';

export interface VersionContext {
  readonly reader: ByteReader;
  readonly header: ElfHeader;
  readonly table: StringTable;
  readonly problems: string[];
}

async function record(ctx: VersionContext, offset: number, size: number): Promise<ByteView | undefined> {
  const bytes = await ctx.reader.read(offset, size);
  if (bytes === undefined || bytes.length < size) {
    ctx.problems.push(`version record at ${offset} lies outside the file`);
    return undefined;
  }
  return new ByteView(bytes, ctx.header.littleEndian);
}

async function name(ctx: VersionContext, index: number): Promise<string> {
  const s = await ctx.table.get(index);
  if (s === undefined) ctx.problems.push(`version name offset ${index} is outside DT_STRTAB`);
  return s ?? '';
}

/**
 * Verneed chain (16-byte records, each with a Vernaux chain of 16-byte records). `*_next` are byte offsets from
 * the current record; a zero ends the chain. The shared budget stops loops and hostile counts alike.
 */
export async function readVersionNeeds(
  ctx: VersionContext,
  start: number,
  count: number,
): Promise<VersionNeed[]> {
  const result: VersionNeed[] = [];
  let budget = LIMITS.versionRecords;
  let at = start;
  for (let i = 0; i < count && budget-- > 0; i++) {
    const vn = await record(ctx, at, 16);
    if (vn === undefined) break;
    const file = await name(ctx, vn.u32(4));
    let auxAt = at + vn.u32(8);
    for (let j = 0; j < vn.u16(2) && budget-- > 0; j++) {
      const aux = await record(ctx, auxAt, 16);
      if (aux === undefined) break;
      result.push({
        file,
        version: await name(ctx, aux.u32(8)),
        hash: aux.u32(0),
        weak: (aux.u16(4) & VER_FLG_WEAK) !== 0,
        index: aux.u16(6),
      });
      const next = aux.u32(12);
      if (next === 0) break;
      auxAt += next;
    }
    const next = vn.u32(12);
    if (next === 0) break;
    at += next;
  }
  if (budget <= 0) ctx.problems.push(`version needs cut at ${LIMITS.versionRecords} records`);
  return result;
}

/** Verdef chain (20-byte records with 8-byte Verdaux names: the first is the version, later ones its parents). */
export async function readVersionDefs(
  ctx: VersionContext,
  start: number,
  count: number,
): Promise<VersionDef[]> {
  const result: VersionDef[] = [];
  let budget = LIMITS.versionRecords;
  let at = start;
  for (let i = 0; i < count && budget-- > 0; i++) {
    const vd = await record(ctx, at, 20);
    if (vd === undefined) break;
    const names: string[] = [];
    let auxAt = at + vd.u32(12);
    for (let j = 0; j < vd.u16(6) && budget-- > 0; j++) {
      const aux = await record(ctx, auxAt, 8);
      if (aux === undefined) break;
      names.push(await name(ctx, aux.u32(0)));
      const next = aux.u32(4);
      if (next === 0) break;
      auxAt += next;
    }
    result.push({ index: vd.u16(4), flags: vd.u16(2), names });
    const next = vd.u32(16);
    if (next === 0) break;
    at += next;
  }
  if (budget <= 0) ctx.problems.push(`version definitions cut at ${LIMITS.versionRecords} records`);
  return result;
}
