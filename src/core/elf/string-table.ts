import { LIMITS } from './elf-constants';
import type { ByteReader } from './elf-types';

const PAGE = 16384;
const MAX_PAGES = 512;
const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * DT_STRTAB read on demand in 16 KiB pages: a loader only needs a few dozen strings of a libc-sized table, while a
 * symbol check needs most of it. Strings longer than LIMITS.stringBytes or running past DT_STRSZ are cut.
 */
export class StringTable {
  private readonly pages = new Map<number, Uint8Array>();

  constructor(
    private readonly reader: ByteReader,
    private readonly offset: number,
    private readonly size: number,
  ) {}

  /** The NUL-terminated string at `index`; undefined when the index is outside DT_STRSZ or unreadable. */
  async get(index: number): Promise<string | undefined> {
    if (index < 0 || index >= this.size) return undefined;
    const parts: Uint8Array[] = [];
    let at = index;
    let total = 0;
    while (at < this.size && total < LIMITS.stringBytes) {
      const pageNo = Math.floor(at / PAGE);
      const page = await this.page(pageNo);
      if (page === undefined) break;
      const start = at - pageNo * PAGE;
      if (start >= page.length) break;
      const end = page.indexOf(0, start);
      if (end >= 0) {
        parts.push(page.subarray(start, end));
        total += end - start;
        return join(parts, total);
      }
      parts.push(page.subarray(start));
      total += page.length - start;
      at = (pageNo + 1) * PAGE;
    }
    return total > 0 || parts.length > 0 ? join(parts, total) : undefined;
  }

  private async page(pageNo: number): Promise<Uint8Array | undefined> {
    const cached = this.pages.get(pageNo);
    if (cached !== undefined) return cached;
    if (this.pages.size >= MAX_PAGES) return undefined;
    const start = pageNo * PAGE;
    const length = Math.min(PAGE, this.size - start);
    const bytes = await this.reader.read(this.offset + start, length);
    if (bytes === undefined) return undefined;
    this.pages.set(pageNo, bytes);
    return bytes;
  }
}

function join(parts: readonly Uint8Array[], total: number): string {
  if (parts.length === 1) return decoder.decode(parts[0]);
  const all = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    all.set(part.subarray(0, total - at), at);
    at += part.length;
  }
  return decoder.decode(all);
}
