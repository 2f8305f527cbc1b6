/** DEP-5 licence names, from a machine-readable copyright file and from a free-form one. */
import { describe, expect, it } from 'vitest';
import { isCopyrightPath, parseDep5Licenses } from './packages-licenses';

const DEP5 = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: acl
Source: https://savannah.nongnu.org/projects/acl/

Files: *
Copyright: 1999-2014 Andreas Gruenbacher
License: GPL-2+

Files: libacl/*
Copyright: 1999-2014 Andreas Gruenbacher
License: LGPL-2+

License: GPL-2+
 This program is free software; you can redistribute it and/or modify
 it under the terms of the GNU General Public License.
 License: not a field, a line of the licence text

license: lgpl-2+
 Field names are case-insensitive.
`;

describe('parseDep5Licenses', () => {
  it('collects the distinct License: short names in order, not the indented licence text', () => {
    expect(parseDep5Licenses(DEP5)).toEqual(['GPL-2+', 'LGPL-2+', 'lgpl-2+']);
  });

  it('names none in a free-form copyright file, even one that says "License:"', () => {
    expect(parseDep5Licenses('This is the Debian package of zlib.\n\nLicense: see below\n')).toEqual([]);
  });

  it('matches only /usr/share/doc/<package>/copyright', () => {
    expect(isCopyrightPath('/usr/share/doc/libc6/copyright')).toBe(true);
    expect(isCopyrightPath('/usr/share/doc/libc6/changelog.gz')).toBe(false);
    expect(isCopyrightPath('/usr/share/doc/libc6/examples/copyright')).toBe(false);
  });
});
