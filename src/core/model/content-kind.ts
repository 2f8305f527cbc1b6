/**
 * What a file is, told by its first bytes (never by its name): the file tree's content filter and the page's
 * viewer both ask here.
 */

/** ELF, a #! script, text, a picture, other binary, or nothing at all. */
export type ContentKind = 'elf' | 'script' | 'text' | 'image' | 'binary' | 'empty';

/** The four bytes every ELF file starts with: 0x7f 'E' 'L' 'F'. */
export function hasElfMagic(head: Uint8Array): boolean {
  return head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46;
}

/** ELF, script, text or other binary, from a file's first bytes. */
export function contentKindOf(head: Uint8Array): Extract<ContentKind, 'elf' | 'script' | 'text' | 'binary'> {
  if (hasElfMagic(head)) return 'elf';
  if (head[0] === 0x23 && head[1] === 0x21) return 'script';
  if (head.includes(0)) return 'binary';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return 'text';
  } catch {
    return 'binary';
  }
}
