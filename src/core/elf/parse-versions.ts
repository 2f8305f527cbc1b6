import { ByteView } from './byte-view';
import { LIMITS, VER_FLG_WEAK } from './elf-constants';
import { addProblem, type ElfProblems } from './elf-sentences';
import type { ByteReader, ElfHeader, VersionDef, VersionNeed } from './elf-types';
import type { StringTable } from './string-table';

export interface VersionContext {
  readonly reader: ByteReader;
  readonly header: ElfHeader;
  readonly table: StringTable;
  readonly problems: ElfProblems;
}

async function record(ctx: VersionContext, offset: number, size: number): Promise<ByteView | undefined> {
  const bytes = await ctx.reader.read(offset, size);
  if (bytes === undefined || bytes.length < size) {
    addProblem(ctx.problems, 'version-record-outside', { offset });
    return undefined;
  }
  return new ByteView(bytes, ctx.header.littleEndian);
}

async function name(ctx: VersionContext, index: number): Promise<string> {
  const s = await ctx.table.get(index);
  if (s === undefined) addProblem(ctx.problems, 'version-name-outside', { offset: index });
  return s ?? '';
}

/** Records left to read across one chain and its sub-chains: stops loops and hostile counts alike. */
interface Budget {
  left: number;
}

/**
 * The records of one chain: up to `count` records of `size` bytes from `start`; the u32 at `nextField` is the byte
 * offset of the following record from the current one, and zero ends the chain.
 */
async function* chain(
  ctx: VersionContext,
  start: number,
  count: number,
  size: number,
  nextField: number,
  budget: Budget,
): AsyncGenerator<{ readonly at: number; readonly rec: ByteView }> {
  let at = start;
  for (let i = 0; i < count && budget.left-- > 0; i++) {
    const rec = await record(ctx, at, size);
    if (rec === undefined) return;
    yield { at, rec };
    const next = rec.u32(nextField);
    if (next === 0) return;
    at += next;
  }
}

/** Verneed chain (16-byte records, each with a Vernaux chain of 16-byte records). */
export async function readVersionNeeds(
  ctx: VersionContext,
  start: number,
  count: number,
): Promise<VersionNeed[]> {
  const result: VersionNeed[] = [];
  const budget: Budget = { left: LIMITS.versionRecords };
  for await (const { at, rec: vn } of chain(ctx, start, count, 16, 12, budget)) {
    const file = await name(ctx, vn.u32(4));
    for await (const { rec: aux } of chain(ctx, at + vn.u32(8), vn.u16(2), 16, 12, budget)) {
      result.push({
        file,
        version: await name(ctx, aux.u32(8)),
        hash: aux.u32(0),
        weak: (aux.u16(4) & VER_FLG_WEAK) !== 0,
        index: aux.u16(6),
      });
    }
  }
  if (budget.left <= 0) addProblem(ctx.problems, 'version-needs-capped', { limit: LIMITS.versionRecords });
  return result;
}

/** Verdef chain (20-byte records with 8-byte Verdaux names: the first is the version, later ones its parents). */
export async function readVersionDefs(
  ctx: VersionContext,
  start: number,
  count: number,
): Promise<VersionDef[]> {
  const result: VersionDef[] = [];
  const budget: Budget = { left: LIMITS.versionRecords };
  for await (const { at, rec: vd } of chain(ctx, start, count, 20, 16, budget)) {
    const names: string[] = [];
    for await (const { rec: aux } of chain(ctx, at + vd.u32(12), vd.u16(6), 8, 4, budget)) {
      names.push(await name(ctx, aux.u32(0)));
    }
    result.push({ index: vd.u16(4), flags: vd.u16(2), names });
  }
  if (budget.left <= 0) addProblem(ctx.problems, 'version-defs-capped', { limit: LIMITS.versionRecords });
  return result;
}
