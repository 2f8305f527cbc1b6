import { describe, expect, it } from 'vitest';
import { normalizePath, normalizeTarPath, resolveInImage, resolveRelative, type PathStep } from './path';

/** A lookup over `path → node`: "dir", "file", or "-> target" for a symlink. */
function lookupIn(tree: Readonly<Record<string, string>>): (path: string) => PathStep {
  return (path) => {
    const node = tree[path];
    if (node === undefined) return undefined;
    if (node.startsWith('-> ')) return { kind: 'symlink', linkTarget: node.slice(3) };
    return { kind: node === 'dir' ? 'dir' : 'other' };
  };
}

describe('normalizeTarPath and normalizePath', () => {
  it('make every tar name absolute and normal, never above the root', () => {
    expect(normalizeTarPath('./etc/x')).toEqual({ path: '/etc/x', escaped: false });
    expect(normalizeTarPath('etc//x/')).toEqual({ path: '/etc/x', escaped: false });
    expect(normalizeTarPath('../../x')).toEqual({ path: '/x', escaped: true });
    expect(normalizeTarPath('a/../../x')).toEqual({ path: '/x', escaped: true });
    expect(normalizePath('//a/./b/../c/')).toBe('/a/c');
    expect(normalizePath('/.hidden/./x')).toBe('/.hidden/x');
    expect(normalizePath('/../..')).toBe('/');
    expect(normalizePath('/usr/bin')).toBe('/usr/bin');
  });

  it('join a relative link target onto its directory', () => {
    expect(resolveRelative('/usr/lib', '../../bin/x')).toBe('/bin/x');
    expect(resolveRelative('/usr/lib', '/abs/x')).toBe('/abs/x');
  });
});

describe('resolveInImage', () => {
  const tree = lookupIn({
    '/usr': 'dir',
    '/usr/lib': 'dir',
    '/usr/lib/libz.so.1': '-> libz.so.1.3',
    '/usr/lib/libz.so.1.3': 'file',
    '/lib': '-> usr/lib',
    '/up': '-> ../../../usr',
    '/loop': '-> loop',
    '/etc': 'dir',
    '/etc/passwd': 'file',
  });
  const follow = { followLast: true };

  it('follows relative, absolute and climbing links inside the image', () => {
    expect(resolveInImage('/lib/libz.so.1', tree, follow)).toBe('/usr/lib/libz.so.1.3');
    expect(resolveInImage('/up/lib', tree, follow)).toBe('/usr/lib');
    // ".." applies to where the link led (/usr/lib), as the kernel resolves it, not to the text.
    expect(resolveInImage('/lib/../lib/libz.so.1.3', tree, follow)).toBe('/usr/lib/libz.so.1.3');
    expect(resolveInImage('/lib/../etc/passwd', tree, follow)).toBeUndefined();
  });

  it('keeps a final link when asked, and a missing final component when asked', () => {
    expect(resolveInImage('/lib/libz.so.1', tree, { followLast: false })).toBe('/usr/lib/libz.so.1');
    expect(resolveInImage('/lib/new', tree, { followLast: false })).toBeUndefined();
    expect(resolveInImage('/lib/new', tree, { followLast: false, keepMissingLast: true })).toBe(
      '/usr/lib/new',
    );
  });

  it('gives up on loops, missing directories and paths below a file', () => {
    expect(resolveInImage('/loop', tree, follow)).toBeUndefined();
    expect(resolveInImage('/nowhere/x', tree, follow)).toBeUndefined();
    expect(resolveInImage('/etc/passwd/x', tree, follow)).toBeUndefined();
  });
});
