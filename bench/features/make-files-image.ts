/**
 * A synthetic image of about 250,000 tar entries over five layers, for the Files view: one directory
 * of 60,000 files (so a scrolled tree is long), a deep 10×10×10 tree, later layers that overwrite,
 * remove (whiteouts) and hide (opaque directories) what earlier layers wrote.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, writePlainImage, type PlainLayer } from './docker-image';
import { TarWriter } from './tar-writer';

export const BIG_DIR = '/big';
export const BIG_COUNT = 60_000;

const n6 = (i: number) => String(i).padStart(6, '0');

function layer(dir: string, index: number, createdBy: string, fill: (tar: TarWriter) => void): PlainLayer {
  const tar = new TarWriter(join(dir, `layer${index}.tar`));
  fill(tar);
  const diffId = tar.close();
  return { file: tar.path, diffId, size: tar.size, entries: tar.entries, createdBy };
}

function filesIn(tar: TarWriter, dir: string, count: number, stem: string, content: (i: number) => string) {
  tar.dir(dir.slice(1));
  for (let i = 0; i < count; i++) tar.file(`${dir.slice(1)}/${stem}${n6(i)}.txt`, content(i));
}

export function makeFilesImage(): { archive: string; layers: PlainLayer[] } {
  const dir = join(OUT, 'features-files');
  mkdirSync(dir, { recursive: true });
  const layers = [
    layer(dir, 0, 'ADD big and deep', (tar) => {
      filesIn(tar, BIG_DIR, BIG_COUNT, 'f', (i) => `base ${i}\n`);
      tar.dir('deep');
      for (let a = 0; a < 10; a++)
        for (let b = 0; b < 10; b++)
          for (let c = 0; c < 10; c++)
            filesIn(tar, `/deep/a${a}/b${b}/c${c}`, 30, 'leaf', (i) => `${a}${b}${c}${i}\n`);
    }),
    layer(dir, 1, 'ADD srv data', (tar) => {
      tar.dir('srv');
      for (let d = 0; d < 500; d++) filesIn(tar, `/srv/data/d${d}`, 100, 'row', (i) => `row ${i}\n`);
    }),
    layer(dir, 2, 'RUN update big, drop deep/a0, add opt', (tar) => {
      for (let i = 0; i < 20_000; i++) tar.file(`big/f${n6(i)}.txt`, `updated ${i}\n`);
      for (let i = 40_000; i < 45_000; i++) tar.whiteout(`big/f${n6(i)}.txt`);
      tar.whiteout('deep/a0');
      for (let m = 0; m < 100; m++) filesIn(tar, `/opt/app/m${m}`, 200, 'mod', (i) => `mod ${i}\n`);
    }),
    layer(dir, 3, 'RUN reset srv/data/d0-d99, add usr/share/gen', (tar) => {
      for (let d = 0; d < 100; d++) {
        tar.dir(`srv/data/d${d}`);
        tar.opaque(`srv/data/d${d}`);
        for (let i = 0; i < 20; i++) tar.file(`srv/data/d${d}/new${n6(i)}.txt`, `new ${i}\n`);
      }
      for (let x = 0; x < 300; x++) filesIn(tar, `/usr/share/gen/x${x}`, 100, 'g', (i) => `g ${i}\n`);
    }),
    layer(dir, 4, 'RUN cache, touch srv', (tar) => {
      for (let c = 0; c < 200; c++) filesIn(tar, `/var/cache/gen/c${c}`, 100, 'k', (i) => `k ${i}\n`);
      for (let d = 100; d < 200; d++)
        for (let i = 0; i < 100; i++) tar.file(`srv/data/d${d}/row${n6(i)}.txt`, `row ${i} v2\n`);
    }),
  ];
  const archive = join(OUT, 'features-files.tar');
  writePlainImage(layers, 'features-files', archive);
  return { archive, layers };
}
