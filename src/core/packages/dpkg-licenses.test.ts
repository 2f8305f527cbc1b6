/**
 * dpkg licences from DEP-5 copyright files: the edge cases of the format, the read limit, and the
 * sample image's real copyright files (Debian 12), free-form ones included.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeEnv, openFileSource } from '../../cli/node-env';
import { nodeSqliteOptions } from '../../cli/sqlite-node';
import { ArchiveSession } from '../session/archive-session';
import { dpkgPackage as dpkg } from '../testing/installed-package';
import { memoryImageFs } from '../testing/memory-image-fs';
import { ImageViews } from '../views/image-views';
import {
  COPYRIGHT_READ_LIMIT,
  isCopyrightPath,
  parseDep5Licenses,
  readPackageLicenses,
} from './dpkg-licenses';

const SAMPLE = join(import.meta.dirname, '../../../public/samples/sample.tar');

const DEP5 = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: acl
Source: https://savannah.nongnu.org/projects/acl/
# A comment line is not a field.

Files: *
Copyright: 1999-2014 Andreas Gruenbacher
License: GPL-2+

Files: libacl/*
 include/acl.h
Copyright: 1999-2014 Andreas Gruenbacher
License: LGPL-2+
 This text under the short name is the licence itself.
 License: not a field, a line of the licence text

files: debian/*
copyright: 2020 Someone
license: GPL-2+ or Artistic

Files: doc/*
Copyright: 2001 Someone Else
License: GPL-2+

License: GPL-2+
 This program is free software; you can redistribute it and/or modify
 it under the terms of the GNU General Public License.

License: Artistic
 A stand-alone licence paragraph only holds a text: it names no file.
`;

describe('parseDep5Licenses', () => {
  it('names the License: of each Files paragraph once, in order, whole, and not the licence texts', () => {
    expect(parseDep5Licenses(DEP5)).toEqual(['GPL-2+', 'LGPL-2+', 'GPL-2+ or Artistic']);
  });

  it("puts the header paragraph's licence first", () => {
    const text = DEP5.replace('Upstream-Name: acl', 'Upstream-Name: acl\nLicense: MIT');
    expect(parseDep5Licenses(text)).toEqual(['MIT', 'GPL-2+', 'LGPL-2+', 'GPL-2+ or Artistic']);
  });

  it('reads CRLF files and the pre-1.0 Format-Specification header', () => {
    const old = 'Format-Specification: http://dep.debian.net/deps/dep5\n\nFiles: *\nLicense: BSD-3-clause\n';
    expect(parseDep5Licenses(old.replace(/\n/g, '\r\n'))).toEqual(['BSD-3-clause']);
  });

  it('names none in a free-form copyright file, even one that says "License:"', () => {
    expect(parseDep5Licenses('This is the Debian package of zlib.\n\nLicense: see below\n')).toEqual([]);
    expect(parseDep5Licenses('')).toEqual([]);
  });

  it('matches only /usr/share/doc/<package>/copyright', () => {
    expect(isCopyrightPath('/usr/share/doc/libc6/copyright')).toBe(true);
    expect(isCopyrightPath('/usr/share/doc/libc6/changelog.gz')).toBe(false);
    expect(isCopyrightPath('/usr/share/doc/libc6/examples/copyright')).toBe(false);
  });
});

describe('readPackageLicenses', () => {
  it("keeps a database's own licence, follows a linked doc directory, and reads only a file's head", async () => {
    const huge = `Format: x\n\nFiles: *\nLicense: Zlib\n\n${'License: Late\n text\n\n'.repeat(COPYRIGHT_READ_LIMIT / 8)}Files: late/*\nLicense: Late-Files\n`;
    const fs = memoryImageFs({
      '/usr/share/doc/a/copyright': DEP5,
      '/usr/share/doc/b': { symlink: 'a' },
      '/usr/share/doc/huge/copyright': huge,
      '/usr/share/doc/free/copyright': 'Free-form text.\n',
    });
    const pkgs = [
      dpkg('a'),
      dpkg('b'),
      dpkg('huge'),
      dpkg('free'),
      dpkg('gone'),
      dpkg('own', { license: 'MIT' }),
    ];
    const byName = new Map([...(await readPackageLicenses(fs, pkgs))].map(([p, l]) => [p.name, l]));
    expect(Object.fromEntries(byName)).toEqual({
      a: ['GPL-2+', 'LGPL-2+', 'GPL-2+ or Artistic'],
      b: ['GPL-2+', 'LGPL-2+', 'GPL-2+ or Artistic'],
      huge: ['Zlib'],
      own: ['MIT'],
    });
  });
});

describe.skipIf(!existsSync(SAMPLE))("the sample image's copyright files", () => {
  it('names DEP-5 licences, none for free-form files, through the image views', async () => {
    const session = await ArchiveSession.open(await openFileSource(SAMPLE), nodeEnv);
    const image = session.info.images[0]!;
    const views = new ImageViews(session, { sqlite: await nodeSqliteOptions() });
    const { view } = await views.packageLicenses(image);
    const of = (name: string) => view.packages.find((p) => p.name === name)?.licenses;
    // acl's copyright: `Files: *` GPL-2+, `Files: libacl/*` LGPL-2+ and the texts of both.
    expect(of('libacl1')).toEqual(['GPL-2+', 'LGPL-2+']);
    expect(of('zlib1g')).toEqual(['Zlib']);
    // openssl's Files paragraphs name Apache-2.0 and "Artistic or GPL-1+"; its stand-alone
    // Artistic and GPL-1+ paragraphs are only the texts.
    expect(of('libssl3')).toEqual(['Apache-2.0', 'Artistic or GPL-1+']);
    // Free-form copyright files (glibc, GnuTLS) and gcc's, reached through libgcc-s1's linked doc directory.
    expect(of('libc6')).toBeUndefined();
    expect(of('libgnutls30')).toBeUndefined();
    expect(of('libgcc-s1')).toBeUndefined();
    expect(view.packages.length).toBeGreaterThan(30);
    expect(views.packageLicenses(image)).toBe(views.packageLicenses(image));
  });
});
