/** A minimal USTAR writer: regular files with short names, written in order to a file handle. */
import type { FileHandle } from 'node:fs/promises';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** The 512-byte USTAR header of a regular file (POSIX.1-1988: name ≤ 100 bytes, size < 8 GiB). */
export function tarHeader(name: string, size: number): Uint8Array {
  if (name.length > 100) throw new Error(`The tar name ${name} is longer than 100 bytes.`);
  const header = Buffer.alloc(BLOCK);
  header.write(name, 0, 'utf8');
  header.write(octal(0o644, 8), 100);
  header.write(octal(0, 8), 108);
  header.write(octal(0, 8), 116);
  header.write(octal(size, 12), 124);
  header.write(octal(0, 12), 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(octal(sum, 7) + ' ', 148);
  return header;
}

export class TarWriter {
  private offset = 0;

  constructor(private readonly handle: FileHandle) {}

  private async write(bytes: Uint8Array): Promise<void> {
    await this.handle.write(bytes, 0, bytes.length, this.offset);
    this.offset += bytes.length;
  }

  private async pad(size: number): Promise<void> {
    const rest = (BLOCK - (size % BLOCK)) % BLOCK;
    if (rest > 0) await this.write(new Uint8Array(rest));
  }

  async file(name: string, bytes: Uint8Array): Promise<void> {
    await this.write(tarHeader(name, bytes.length));
    await this.write(bytes);
    await this.pad(bytes.length);
  }

  /** A file whose size is known ahead and whose bytes arrive as a stream (a blob from a registry). */
  async stream(name: string, size: number, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    await this.write(tarHeader(name, size));
    let written = 0;
    for await (const chunk of chunks) {
      await this.write(chunk);
      written += chunk.length;
    }
    if (written !== size) throw new Error(`${name}: ${written} bytes written of ${size}.`);
    await this.pad(size);
  }

  async end(): Promise<void> {
    await this.write(new Uint8Array(BLOCK * 2));
  }
}
