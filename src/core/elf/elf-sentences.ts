/**
 * The English sentences of the ELF reader and of ld.so.cache, by a stable name: non-fatal oddities of a file
 * (a cap reached, an offset outside the file) after which the rest is still read. The page's catalogues hold
 * the same names under `elfSentences`; the CLI prints the English. Names are a contract between the worker and
 * the page: add, never rename.
 */
import { sentenceBook, type Said, type SaidValue } from '../model/said';

export const ELF_SENTENCES = {
  // Program headers.
  'phentsize-wrong': 'e_phentsize is {{size}}, expected {{expected}}',
  'phdrs-capped': '{{count}} program headers, reading the first {{limit}}',
  'phdrs-outside': 'program headers lie outside the file',
  'phdrs-truncated': 'program header table is truncated',
  'interp-outside': 'PT_INTERP lies outside the file',
  // The dynamic section.
  'dynamic-outside': 'PT_DYNAMIC lies outside the file',
  'dynamic-no-null': 'dynamic section has no DT_NULL within its bounds',
  'needed-capped': 'DT_NEEDED list cut at {{limit}}',
  'string-outside': 'string offset {{offset}} is outside DT_STRTAB',
  'pointer-unmapped': '{{tag}} 0x{{address}} maps to no PT_LOAD',
  // Symbol counts.
  'hash-outside': 'DT_HASH lies outside the file',
  'symbols-capped': '{{count}} dynamic symbols, reading the first {{limit}}',
  'gnu-hash-outside': 'DT_GNU_HASH lies outside the file',
  'gnu-hash-sizes': 'DT_GNU_HASH sizes are implausible',
  'gnu-hash-buckets-outside': 'DT_GNU_HASH buckets lie outside the file',
  'gnu-hash-bucket-low': 'DT_GNU_HASH bucket points below symoffset',
  'gnu-hash-no-end': 'DT_GNU_HASH chain has no end',
  // Symbol versions.
  'version-record-outside': 'version record at {{offset}} lies outside the file',
  'version-name-outside': 'version name offset {{offset}} is outside DT_STRTAB',
  'version-needs-capped': 'version needs cut at {{limit}} records',
  'version-defs-capped': 'version definitions cut at {{limit}} records',
  // ld.so.cache.
  'cache-entry-outside': 'entry {{index}} points outside the file',
  'cache-extensions-magic': 'extension directory has a wrong magic',
  'cache-extension-outside': 'extension {{tag}} lies outside the file',
} as const;

export type ElfSentenceName = keyof typeof ELF_SENTENCES;

export const ELF_BOOK = 'elfSentences';

const ELF = sentenceBook<ElfSentenceName>(ELF_BOOK, ELF_SENTENCES);
export const elfSaid = ELF.say;
export const renderElfSaid = ELF.render;

/** A file's problems twice over: English for the CLI and `--json`, by name for the page. */
export interface ElfProblems {
  readonly english: string[];
  readonly sentences: Said[];
}

export function elfProblems(): ElfProblems {
  return { english: [], sentences: [] };
}

/** Notes one problem in both lists, so the two never drift apart. */
export function addProblem(
  problems: ElfProblems,
  name: ElfSentenceName,
  params: Readonly<Record<string, SaidValue>> = {},
): void {
  const said = elfSaid(name, params);
  problems.english.push(renderElfSaid(said));
  problems.sentences.push(said);
}
