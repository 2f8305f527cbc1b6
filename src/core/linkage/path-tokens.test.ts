import { describe, expect, it } from 'vitest';
import { expandTokens, glibcPathList, muslPathList } from './path-tokens';

const values = { origin: '/opt/app/bin', lib: 'lib/x86_64-linux-gnu', platform: 'x86_64' };

describe('path lists and tokens (fillin_rpath, _dl_dst_substitute, musl fixup_rpath)', () => {
  it.each([
    ['$ORIGIN/../lib', '/opt/app/bin/../lib'],
    ['${ORIGIN}/x', '/opt/app/bin/x'],
    ['/usr/$LIB', '/usr/lib/x86_64-linux-gnu'],
    ['/p/${PLATFORM}/$PLATFORM', '/p/x86_64/x86_64'],
    ['$ORIGINX/y', '$ORIGINX/y'],
    ['$ORIGIN_1', '$ORIGIN_1'],
    ['/a/$FOO', '/a/$FOO'],
    ['/plain', '/plain'],
  ])('%s → %s', (element, expected) => {
    expect(expandTokens(element, values)).toBe(expected);
  });

  it('a known token without a value drops the element', () => {
    expect(expandTokens('$ORIGIN/lib', { ...values, origin: undefined })).toBeUndefined();
    expect(glibcPathList('$PLATFORM/a:/b', { ...values, platform: undefined })).toEqual(['/b']);
  });

  it('glibc: trailing slashes go, duplicates merge, empty elements stay empty (the bare name)', () => {
    expect(glibcPathList('/a/:/b//:/a::/', values)).toEqual(['/a', '/b', '', '/']);
    expect(glibcPathList('/x;/y', values, /[:;]/)).toEqual(['/x', '/y']);
  });

  it('musl: only $ORIGIN; any other "$" voids the list; empty elements are skipped', () => {
    expect(muslPathList('$ORIGIN/../lib::/usr/lib\n/opt', '/app')).toEqual([
      '/app/../lib',
      '/usr/lib',
      '/opt',
    ]);
    expect(muslPathList('/a:$LIB/b', '/app')).toEqual([]);
  });
});
