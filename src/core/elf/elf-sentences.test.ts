/** The ELF reader notes each problem by sentence name too: the English the CLI prints is the sentence's English. */
import { describe, expect, it } from 'vitest';
import { buildElf } from '../../../fixtures/linkage/elf-builder';
import { parseLdSoCache } from '../linkage/ld-so-cache';
import { ELF_SENTENCES, addProblem, elfProblems, renderElfSaid } from './elf-sentences';
import type { ByteReader } from './elf-types';
import { parseElf } from './parse-elf';

const bytesReader = (bytes: Uint8Array): ByteReader => ({
  read: (offset, length) =>
    Promise.resolve(offset >= 0 && offset <= bytes.length ? bytes.slice(offset, offset + length) : undefined),
});

describe('ELF problems', () => {
  it('carry their sentences by name, the same English as the problems', async () => {
    const bytes = buildElf({ needed: ['libc.so.6'] });
    bytes.set([40, 0], 54); // e_phentsize 40 on a 64-bit file: no program header is read
    const elf = await parseElf(bytesReader(bytes));
    if (!elf.ok) throw new Error(elf.reason);
    expect(elf.problemSentences).toEqual([
      { book: 'elfSentences', name: 'phentsize-wrong', params: { size: 40, expected: 56 } },
    ]);
    expect(elf.problemSentences.map(renderElfSaid)).toEqual(elf.problems);
    expect(elf.problems).toEqual(['e_phentsize is 40, expected 56']);
  });

  it('fill every slot of every sentence', () => {
    const problems = elfProblems();
    addProblem(problems, 'pointer-unmapped', { tag: 'DT_STRTAB', address: '7fff0000' });
    addProblem(problems, 'cache-entry-outside', { index: 3 });
    expect(problems.english).toEqual([
      'DT_STRTAB 0x7fff0000 maps to no PT_LOAD',
      'entry 3 points outside the file',
    ]);
    expect(problems.sentences.map((s) => s.name)).toEqual(['pointer-unmapped', 'cache-entry-outside']);
    for (const text of Object.values(ELF_SENTENCES)) expect(text).not.toMatch(/\$\{/);
  });

  it('of ld.so.cache are kept by name beside the English', () => {
    const bytes = new Uint8Array(64);
    bytes.set(new TextEncoder().encode('glibc-ld.so.cache1.1'));
    new DataView(bytes.buffer).setUint32(32, 48, true); // an extension directory without its magic
    const cache = parseLdSoCache(bytes);
    if ('error' in cache) throw new Error(cache.error);
    expect(cache.problems).toEqual(['extension directory has a wrong magic']);
    expect(cache.problemSentences.map(renderElfSaid)).toEqual(cache.problems);
  });
});
