// Hand-written: npm's ELF readers load whole files; the loader emulation reads only headers and the dynamic section.
import type { ImageFs } from '../model/image-fs';
import { cachedReader } from './block-cache';
import { PT_DYNAMIC, PT_INTERP } from './elf-constants';
import { addProblem, elfProblems, type ElfProblems } from './elf-sentences';
import type { ByteReader, ElfResult, ProgramHeader } from './elf-types';
import { readDynamic } from './parse-dynamic';
import { parseElfHeader, readProgramHeaders } from './parse-elf-header';

const HEAD = 64;
const MAX_INTERP = 4096;

/** A ByteReader over one file of an image. */
export function imageFileReader(fs: ImageFs, path: string): ByteReader {
  return { read: (offset, length) => fs.read(path, offset, length) };
}

/** Parse an ELF file from its header and program headers; never throws on bad input, reports why instead. */
export async function parseElf(source: ByteReader): Promise<ElfResult> {
  const reader = cachedReader(source);
  const head = await reader.read(0, HEAD);
  if (head === undefined) {
    return { ok: false, code: 'unreadable', reason: 'the file cannot be read', head: new Uint8Array(0) };
  }
  const header = parseElfHeader(head);
  if ('ok' in header) return header;
  const problems = elfProblems();
  const phdrs = await readProgramHeaders(reader, header, problems);
  const interpPh = phdrs.find((ph) => ph.type === PT_INTERP);
  const dynPh = phdrs.find((ph) => ph.type === PT_DYNAMIC);
  return {
    ok: true,
    header,
    programHeaders: phdrs,
    interpreter: interpPh && (await readInterpreter(reader, interpPh, problems)),
    dynamic: dynPh && (await readDynamic(reader, header, phdrs, dynPh, problems)),
    problems: problems.english,
    problemSentences: problems.sentences,
  };
}

/** Parse the ELF file at `path` in the image (following symlinks, as `read` does). */
export async function readElf(fs: ImageFs, path: string): Promise<ElfResult> {
  return parseElf(imageFileReader(fs, path));
}

async function readInterpreter(
  reader: ByteReader,
  ph: ProgramHeader,
  problems: ElfProblems,
): Promise<string | undefined> {
  const bytes = await reader.read(ph.offset, Math.min(ph.filesz, MAX_INTERP));
  if (bytes === undefined) {
    addProblem(problems, 'interp-outside');
    return undefined;
  }
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end >= 0 ? bytes.subarray(0, end) : bytes);
}
