/**
 * A minimal ustar writer for synthetic layers: directories, small regular files and whiteouts,
 * streamed to a file through one reused buffer. Returns the layer's diff_id (sha256 of the tar),
 * which the image config must carry. Names longer than 100 bytes use the ustar prefix field
 * (POSIX.1-1988, section 10.1.1), split at a '/'.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

const BLOCK = 512;
const FLUSH_AT = 1 << 20;
const encoder = new TextEncoder();

export class TarWriter {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private buffer = new Uint8Array(FLUSH_AT + 64 * BLOCK);
  private used = 0;
  entries = 0;
  size = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  dir(name: string): void {
    this.header(name.endsWith('/') ? name : `${name}/`, '5', 0, 0o755);
  }

  file(name: string, content: string | Uint8Array = ''): void {
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    this.header(name, '0', bytes.length, 0o644);
    this.reserve(bytes.length + BLOCK);
    const padded = Math.ceil(bytes.length / BLOCK) * BLOCK;
    this.buffer.set(bytes, this.used);
    // The buffer is reused: padding must be written as zeros, not left from an earlier block.
    this.buffer.fill(0, this.used + bytes.length, this.used + padded);
    this.used += padded;
  }

  /** An OCI whiteout: `.wh.<name>` beside the removed path (image-spec layer.md, "Whiteouts"). */
  whiteout(path: string): void {
    const slash = path.lastIndexOf('/');
    this.file(`${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`);
  }

  /** Hide everything below a directory from the layers under this one. */
  opaque(dir: string): void {
    this.file(`${dir.replace(/\/$/, '')}/.wh..wh..opq`);
  }

  /** Two zero blocks end the archive; returns the diff_id. */
  close(): string {
    this.reserve(2 * BLOCK);
    this.buffer.fill(0, this.used, this.used + 2 * BLOCK);
    this.used += 2 * BLOCK;
    this.flush();
    closeSync(this.fd);
    return `sha256:${this.hash.digest('hex')}`;
  }

  private header(name: string, type: string, size: number, mode: number): void {
    this.reserve(BLOCK);
    const block = this.buffer.subarray(this.used, this.used + BLOCK);
    block.fill(0);
    let prefix = '';
    let rest = name;
    if (encoder.encode(name).length > 100) {
      const cut = name.lastIndexOf('/', 154);
      prefix = name.slice(0, cut);
      rest = name.slice(cut + 1);
    }
    put(block, 0, 100, rest);
    put(block, 100, 8, octal(mode, 7));
    put(block, 108, 8, octal(0, 7));
    put(block, 116, 8, octal(0, 7));
    put(block, 124, 12, octal(size, 11));
    put(block, 136, 12, octal(1767225600, 11));
    put(block, 148, 8, '        ');
    put(block, 156, 1, type);
    put(block, 257, 8, 'ustar\u000000');
    put(block, 345, 155, prefix);
    let sum = 0;
    for (const byte of block) sum += byte;
    put(block, 148, 8, `${octal(sum, 6)}\u0000 `);
    this.used += BLOCK;
    this.entries++;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes > this.buffer.length) this.flush();
    if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes + BLOCK);
  }

  private flush(): void {
    const chunk = this.buffer.subarray(0, this.used);
    this.hash.update(chunk);
    writeSync(this.fd, chunk);
    this.size += this.used;
    this.used = 0;
  }
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width, '0');
}

function put(block: Uint8Array, at: number, length: number, text: string): void {
  block.set(encoder.encode(text).subarray(0, length), at);
}
