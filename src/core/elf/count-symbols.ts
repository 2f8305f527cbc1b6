import { ByteView } from './byte-view';
import { LIMITS } from './elf-constants';
import { addProblem, type ElfProblems } from './elf-sentences';
import type { ByteReader, ElfHeader } from './elf-types';

export interface HashTables {
  readonly hash: number | undefined;
  readonly gnuHash: number | undefined;
  readonly problems: ElfProblems;
}

/**
 * Number of dynamic symbols without section headers: DT_HASH's nchain, else the highest DT_GNU_HASH bucket
 * walked to the end of its chain (the last entry of a chain has bit 0 set).
 */
export async function countSymbols(
  reader: ByteReader,
  header: ElfHeader,
  tables: HashTables,
): Promise<number | undefined> {
  if (tables.hash !== undefined) {
    const bytes = await reader.read(tables.hash, 8);
    if (bytes !== undefined && bytes.length === 8) {
      return capped(new ByteView(bytes, header.littleEndian).u32(4), tables.problems);
    }
    addProblem(tables.problems, 'hash-outside');
  }
  if (tables.gnuHash !== undefined) return countGnuHash(reader, header, tables.gnuHash, tables.problems);
  return undefined;
}

function capped(count: number, problems: ElfProblems): number {
  if (count <= LIMITS.symbols) return count;
  addProblem(problems, 'symbols-capped', { count, limit: LIMITS.symbols });
  return LIMITS.symbols;
}

async function countGnuHash(
  reader: ByteReader,
  header: ElfHeader,
  at: number,
  problems: ElfProblems,
): Promise<number | undefined> {
  const head = await reader.read(at, 16);
  if (head === undefined || head.length < 16) {
    addProblem(problems, 'gnu-hash-outside');
    return undefined;
  }
  const h = new ByteView(head, header.littleEndian);
  const nbuckets = h.u32(0);
  const symoffset = h.u32(4);
  const bloomSize = h.u32(8);
  if (nbuckets > LIMITS.gnuHashBuckets || bloomSize > LIMITS.gnuHashBuckets) {
    addProblem(problems, 'gnu-hash-sizes');
    return undefined;
  }
  const bucketsAt = at + 16 + bloomSize * (header.class === 64 ? 8 : 4);
  const bucketBytes = await reader.read(bucketsAt, nbuckets * 4);
  if (bucketBytes === undefined || bucketBytes.length < nbuckets * 4) {
    addProblem(problems, 'gnu-hash-buckets-outside');
    return undefined;
  }
  const buckets = new ByteView(bucketBytes, header.littleEndian);
  let max = 0;
  for (let i = 0; i < nbuckets; i++) max = Math.max(max, buckets.u32(i * 4));
  if (max === 0) return symoffset;
  if (max < symoffset) {
    addProblem(problems, 'gnu-hash-bucket-low');
    return undefined;
  }
  const chainAt = bucketsAt + nbuckets * 4;
  const CHUNK = 256;
  for (let i = max; i - max < LIMITS.symbols; i += CHUNK) {
    const bytes = await reader.read(chainAt + (i - symoffset) * 4, CHUNK * 4);
    if (bytes === undefined || bytes.length < 4) break;
    const chain = new ByteView(bytes, header.littleEndian);
    for (let j = 0; j * 4 < bytes.length; j++) {
      if ((chain.u32(j * 4) & 1) === 1) return capped(i + j + 1, problems);
    }
  }
  addProblem(problems, 'gnu-hash-no-end');
  return undefined;
}
