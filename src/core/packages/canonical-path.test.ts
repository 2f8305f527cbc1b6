import { describe, expect, it } from 'vitest';
import { normalizePath } from '../model/path';
import { PathCanonicaliser } from './canonical-path';
import { createMemoryImageFs } from '../testing/memory-image-fs';

const fs = createMemoryImageFs([
  { path: '/usr/lib/x86_64-linux-gnu/libc.so.6', kind: 'file', content: 'ELF' },
  { path: '/usr/bin/sh', kind: 'symlink', linkTarget: 'dash' },
  { path: '/usr/bin/dash', kind: 'file', content: 'ELF' },
  { path: '/lib', kind: 'symlink', linkTarget: 'usr/lib' },
  { path: '/bin', kind: 'symlink', linkTarget: '/usr/bin' },
  { path: '/loop', kind: 'symlink', linkTarget: '/loop' },
]);

describe('merged-/usr canonicalisation', () => {
  it('normalises slashes, dots and ".." without climbing above the root', () => {
    expect(normalizePath('//a/./b/../c/')).toBe('/a/c');
    expect(normalizePath('/../..')).toBe('/');
  });

  it('resolves directory symlinks and keeps the final component', async () => {
    const c = new PathCanonicaliser(fs);
    expect(await c.canonical('/lib/x86_64-linux-gnu/libc.so.6')).toBe('/usr/lib/x86_64-linux-gnu/libc.so.6');
    expect(await c.canonical('/bin/sh')).toBe('/usr/bin/sh');
    expect(await c.realpath('/bin/sh')).toBe('/usr/bin/dash');
    expect(await c.canonical('/lib')).toBe('/lib');
  });

  it('keeps missing directories under their resolved parent, and survives loops', async () => {
    const c = new PathCanonicaliser(fs);
    expect(await c.canonical('/lib/gone/deeper/file')).toBe('/usr/lib/gone/deeper/file');
    expect(await c.canonical('/loop/x')).toBe('/loop/x');
  });
});
