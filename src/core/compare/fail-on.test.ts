/** The --fail-on gate: each rule trips on its own finding, and a bad rule is a sentence (the CLI's exit 2). */
import { describe, expect, it } from 'vitest';
import type { CompareJson } from './compare-types';
import { evaluateFailOn, FailOnRuleError, parseFailOn } from './fail-on';

const quiet: CompareJson = {
  version: 1,
  old: { name: 'a:1', id: 'sha256:1' },
  new: { name: 'a:2', id: 'sha256:2' },
  config: { changed: [] },
  layers: { shared: [], removed: [], added: [] },
  size: { old: 1000, new: 1050, delta: 50 },
  files: {
    added: 0,
    modified: 0,
    removed: 0,
    addedBytes: 0,
    removedBytes: 0,
    largest: [],
    byDirectory: [],
    newSetuid: [],
  },
  packages: {
    manager: 'dpkg',
    added: [],
    removed: [],
    upgraded: [],
    downgraded: [],
    note: null,
    noteSentence: null,
  },
  linkage: {
    objectsAdded: [],
    objectsRemoved: [],
    edgesAdded: [],
    edgesRemoved: [],
    sonameChanges: [],
    unresolvedNew: [],
  },
  waste: { old: { efficiency: 1, wastedBytes: 0 }, new: { efficiency: 1, wastedBytes: 0 } },
};

const noisy: CompareJson = {
  ...quiet,
  size: { old: 1000, new: 1200, delta: 200 },
  files: { ...quiet.files, newSetuid: [{ path: '/usr/bin/x', mode: '4755' }] },
  packages: {
    ...quiet.packages,
    added: [{ name: 'openssl', version: '3.0', manager: 'dpkg' }],
    downgraded: [{ name: 'tool', from: '2.0', to: '1.5', manager: 'dpkg' }],
  },
  linkage: { ...quiet.linkage, unresolvedNew: [{ path: '/usr/bin/tool', name: 'libold.so.1' }] },
};

const ALL = ['new-setuid,package-downgrade', 'new-unresolved', 'size-growth=10%', 'new-package=openssl*'];

describe('--fail-on', () => {
  it('nothing trips on a quiet change', () => {
    expect(evaluateFailOn(parseFailOn(ALL), quiet)).toEqual([]);
  });

  it('each rule trips with what tripped it', () => {
    expect(evaluateFailOn(parseFailOn(ALL), noisy)).toEqual([
      { rule: 'new-setuid', reason: 'new setuid/setgid files: /usr/bin/x (4755)' },
      { rule: 'package-downgrade', reason: 'downgraded: tool 2.0 → 1.5' },
      {
        rule: 'new-unresolved',
        reason: 'libraries that no longer resolve: libold.so.1 (needed by /usr/bin/tool)',
      },
      { rule: 'size-growth=10%', reason: 'the image grew by 200 bytes (20.0%), over the limit of 10%' },
      { rule: 'new-package=openssl*', reason: 'new packages matching openssl*: openssl' },
    ]);
  });

  it('size-growth takes a byte size too', () => {
    expect(evaluateFailOn(parseFailOn(['size-growth=100B']), noisy)).toHaveLength(1);
    expect(evaluateFailOn(parseFailOn(['size-growth=1kB']), noisy)).toHaveLength(0);
  });

  it.each([
    [
      'bogus',
      '"bogus" is not a rule strata knows: use new-setuid, package-downgrade, new-unresolved, size-growth=PERCENT% or size-growth=SIZE (10%, 50MB), new-package=GLOB (openssl*).',
    ],
    ['size-growth', 'size-growth needs a limit: size-growth=10% or size-growth=50MB.'],
    ['size-growth=ten%', '"ten%" is not a percentage: write size-growth=10%.'],
    [
      'size-growth=lots',
      'size-growth=lots: "lots" is not a byte size: write a number with an optional unit, like 20MB or 20 MiB.',
    ],
    ['new-package=', 'new-package needs a package name or glob: new-package=openssl*.'],
    ['new-setuid=yes', 'The rule new-setuid takes no value ("new-setuid=yes").'],
  ])('a bad rule %s says why', (rule, message) => {
    expect(() => parseFailOn([rule])).toThrow(new FailOnRuleError(message));
  });
});
