/** A small curl-like graph for the picture tests: a program, libraries that share libc and the loader, a missing name. */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { DotEngine } from '../linkage/picture/layout';
import type { PictureMeta, PictureObject, PictureSource } from '../linkage/picture/picture-types';

const lib = (name: string, pkg: string | null = 'libfoo1', layer = 0): PictureObject => ({
  key: `/usr/lib/${name}`,
  label: name,
  kind: 'lib',
  layer,
  pkg,
});

export function testSource(): PictureSource {
  const objects: PictureObject[] = [
    { key: '/usr/bin/app', label: 'app', kind: 'exe', layer: 2, pkg: 'app' },
    { key: '/usr/bin/other', label: 'other', kind: 'exe', layer: 2, pkg: 'app' },
    lib('libcurl.so.4', 'libcurl4', 1),
    lib('libssl.so.3', 'libssl3'),
    lib('libcrypto.so.3', 'libssl3'),
    lib('libz.so.1', 'zlib1g'),
    lib('libc.so.6', 'libc6'),
    {
      key: '/usr/lib/ld-linux-x86-64.so.2',
      label: 'ld-linux-x86-64.so.2',
      kind: 'interpreter',
      layer: 0,
      pkg: 'libc6',
    },
    { key: 'missing:libgone.so.1', label: 'libgone.so.1', kind: 'missing', layer: null, pkg: null },
  ];
  const l = (from: string, to: string) => ({ from, to });
  const links = [
    l('/usr/bin/app', '/usr/lib/libcurl.so.4'),
    l('/usr/bin/app', '/usr/lib/libz.so.1'),
    l('/usr/bin/app', '/usr/lib/libc.so.6'),
    l('/usr/bin/app', '/usr/lib/ld-linux-x86-64.so.2'),
    l('/usr/lib/libcurl.so.4', '/usr/lib/libssl.so.3'),
    l('/usr/lib/libcurl.so.4', '/usr/lib/libcrypto.so.3'),
    l('/usr/lib/libcurl.so.4', '/usr/lib/libz.so.1'),
    l('/usr/lib/libcurl.so.4', '/usr/lib/libc.so.6'),
    l('/usr/lib/libcurl.so.4', 'missing:libgone.so.1'),
    l('/usr/lib/libssl.so.3', '/usr/lib/libcrypto.so.3'),
    l('/usr/lib/libssl.so.3', '/usr/lib/libc.so.6'),
    l('/usr/lib/libcrypto.so.3', '/usr/lib/libz.so.1'),
    l('/usr/lib/libcrypto.so.3', '/usr/lib/libc.so.6'),
    l('/usr/lib/libz.so.1', '/usr/lib/libc.so.6'),
    l('/usr/lib/libc.so.6', '/usr/lib/ld-linux-x86-64.so.2'),
    l('/usr/bin/other', '/usr/lib/libssl.so.3'),
    l('/usr/bin/other', '/usr/lib/libc.so.6'),
  ];
  return { objects, links };
}

export function testMeta(overrides: Partial<PictureMeta> = {}): PictureMeta {
  return {
    imageName: 'localhost/app:1',
    imageId: 'sha256:85ea39e490bff040379b74240d3f04a9ef7bb40cfad213aca8a524a725156bb5',
    layer: 2,
    topLayer: 2,
    focus: '/usr/bin/app',
    direction: 'loads',
    edgeMode: 'tree',
    colorBy: 'layer',
    version: '0.1.0',
    date: '2026-12-01',
    ...overrides,
  };
}

let engine: Promise<DotEngine> | null = null;

export function testEngine(): Promise<DotEngine> {
  engine ??= Graphviz.load().then((gv) => ({ layout: (dot: string) => gv.layout(dot, 'json', 'dot') }));
  return engine;
}
