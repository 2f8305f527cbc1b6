/**
 * The Markdown for a pull request comment: the summary line, the sections, the mermaid block, and the cut that
 * keeps a huge comparison under GitHub's limit while saying what was cut. The golden of a real pair is in the
 * CLI's tests (src/cli/commands/compare.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { code, compareMarkdown, GITHUB_COMMENT_LIMIT } from './compare-markdown';
import type { CompareJson } from './compare-types';

function result(files: number, edges: number): CompareJson {
  const paths = Array.from({ length: files }, (_, i) => `/usr/share/data/file-${i}.bin`);
  return {
    version: 1,
    old: { name: 'localhost/a:1', id: 'sha256:1' },
    new: { name: 'localhost/a:2', id: 'sha256:2' },
    config: { changed: [{ key: 'User', old: null, new: '1000' }] },
    layers: { shared: ['sha256:b'], removed: [], added: ['sha256:c'] },
    size: { old: 1_000_000, new: 1_500_000, delta: 500_000 },
    files: {
      added: files,
      modified: 0,
      removed: 0,
      addedBytes: files * 100,
      removedBytes: 0,
      largest: paths.slice(0, 20).map((path) => ({ path, change: 'added', size: 100 })),
      byDirectory: [{ path: '/usr/share', added: files, modified: 0, removed: 0, bytes: files * 100 }],
      newSetuid: [],
    },
    packages: {
      manager: 'dpkg',
      added: paths.map((p, i) => ({ name: `pkg-${i}`, version: '1.0', manager: 'dpkg' })),
      removed: [],
      upgraded: [{ name: 'libssl3', from: '3.0.11-1~deb12u1', to: '3.0.11-1~deb12u2', manager: 'dpkg' }],
      downgraded: [],
      note: null,
      noteSentence: null,
    },
    linkage: {
      objectsAdded: paths.slice(0, edges),
      objectsRemoved: [],
      edgesAdded: paths.slice(0, edges).map((from) => ({ from: '/usr/bin/app', to: from })),
      edgesRemoved: [{ from: '/usr/bin/app', to: '/usr/lib/libold.so.1' }],
      sonameChanges: [],
      unresolvedNew: [],
    },
    waste: { old: { efficiency: 0.99, wastedBytes: 10 }, new: { efficiency: 0.95, wastedBytes: 5000 } },
  };
}

describe('compareMarkdown', () => {
  it('a summary line, details sections and a mermaid block of the linkage change', () => {
    const text = compareMarkdown(result(3, 2));
    const lines = text.split('\n');
    expect(lines[0]).toBe('### `localhost/a:1` → `localhost/a:2`');
    expect(lines[2]).toBe(
      '**size +500 kB (+50.0%) · packages +3 −0 ↑1 ↓0 · 2 new ELF objects · 0 new unresolved libraries**',
    );
    expect(text.match(/<details>/g)).toHaveLength(6);
    expect(text).toContain('```mermaid\n---\ntitle: "localhost/a:1 → localhost/a:2"\n---\nflowchart LR');
    expect(text).toContain('classDef added');
    expect(text).toContain('-.->'); // the removed edge, dashed
    expect(text).not.toContain('Cut to fit');
  });

  it('a huge comparison is cut under the comment limit and says what was cut', () => {
    const text = compareMarkdown(result(5000, 800));
    expect(text.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(text).toMatch(/_… and \d+ more, cut to fit the comment/);
    expect(text).toContain("_Cut to fit GitHub's 65,536-character comment limit: tables show their first");
    // Over Mermaid's 500 edges: a sentence instead of a block GitHub would not draw.
    expect(text).not.toContain('```mermaid');
  });

  it('code spans escape the table pipe and survive backticks', () => {
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('`x`')).toBe('`` `x` ``');
  });
});
