/** A copy of the podman sample archive whose largest layer has a garbage tar header: that layer fails alone. */
import { closeSync, copyFileSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../fixtures/archives');

/** Each entry of a plain tar: name and where its data starts (ustar headers, as podman writes them). */
function tarEntries(path: string): { name: string; offset: number; size: number }[] {
  const fd = openSync(path, 'r');
  const entries: { name: string; offset: number; size: number }[] = [];
  const header = Buffer.alloc(512);
  for (let at = 0; at + 512 <= statSync(path).size;) {
    readSync(fd, header, 0, 512, at);
    if (header.every((b) => b === 0)) break;
    const name = header.toString('latin1', 0, 100).replace(/\0.*$/s, '');
    const size = parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
    entries.push({ name, offset: at + 512, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  closeSync(fd);
  return entries;
}

/** Writes the archive into `dir` and returns its path. */
export function archiveWithCorruptLayer(dir: string): string {
  const path = join(dir, 'one-bad-layer.tar');
  copyFileSync(join(FIXTURES, 'podman-docker-archive.tar'), path);
  const layers = tarEntries(path)
    .filter((e) => e.name.endsWith('.tar') && e.size > 4096)
    .sort((a, b) => b.size - a.size);
  const victim = layers[0]!;
  const fd = openSync(path, 'r+');
  // The layer's second tar header turned into garbage.
  writeSync(fd, Buffer.alloc(512, 0x41), 0, 512, victim.offset + 512);
  closeSync(fd);
  return path;
}
