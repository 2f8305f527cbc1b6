/** The words and files every export shares: SVG text, DOT and Mermaid (goldens), Markdown, file names. */
import { describe, expect, it } from 'vitest';
import { pictureDot } from './dot';
import { findObject, searchObjects } from './find';
import { focusGraph } from './focus';
import { layoutPicture } from './layout';
import { testEngine, testMeta, testSource } from '../../testing/picture-test-graph';
import { writeSvg } from './svg';
import { pictureMarkdown, pictureMermaid, pictureTree } from './text-exports';
import { pictureFileName, pictureTitle } from './title';
import type { PictureSource } from './picture-types';

const focused = () => focusGraph(testSource(), '/usr/bin/app', { direction: 'loads', edgeMode: 'tree' })!;

describe('writeSvg', () => {
  it('stands on its own: title, image and layer, legend of what is used, footer; text never below 10 px', async () => {
    const svg = writeSvg(layoutPicture(focused(), await testEngine()), testMeta());
    expect(svg).toContain('>what /usr/bin/app loads</text>');
    expect(svg).toContain(
      'localhost/app:1 · 85ea39e490bf · at L2, the top · each object under the first object that needs it',
    );
    for (const legend of [
      'the focused object',
      'program',
      'shared library',
      'the loader (ELF interpreter)',
      'needed, not found',
      'A loads B',
      'A needs a name nothing provides',
      'L0 (colour: the layer that put it there)',
      'L1',
      'L2 (top)',
    ])
      expect(svg).toContain(`>${legend}</text>`);
    expect(svg).not.toContain('A also loads B');
    expect(svg).toContain('strata 0.1.0 · 2026-12-01 · resolved as the image&#39;s own loader would');
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    expect(svg).not.toMatch(/scale\(/);
    // Every object is drawn under the name ldd lists it by, with its path as tooltip.
    for (const n of focused().nodes) expect(svg).toContain(`<title>${n.key}</title>`);
  });

  it('dark on request, and a ranked list beside the overview', async () => {
    const svg = writeSvg(layoutPicture(focused(), await testEngine()), testMeta(), {
      theme: 'dark',
      side: [{ heading: 'Most-loaded libraries', rows: ['libc.so.6: 5'] }],
    });
    expect(svg).toContain('fill="#0b1020"');
    expect(svg).toContain('>Most-loaded libraries</text>');
  });
});

describe('DOT, Mermaid and Markdown', () => {
  it('DOT carries the same title and legend in the graph label (golden)', async () => {
    await expect(pictureDot(focused(), testMeta())).toMatchFileSnapshot('__golden__/app-loads.dot');
  });

  it('DOT of a tree far wider than deep grows to the right, as the SVG layout does', async () => {
    // A library with 40 direct needs: one row of 40 boxes, two ranks deep.
    const wide: PictureSource = {
      objects: [
        { key: '/usr/lib/libbig.so.1', label: 'libbig.so.1', kind: 'lib', layer: 0, pkg: null },
        ...Array.from({ length: 40 }, (_, i) => ({
          key: `/usr/lib/libpart${i}.so.1`,
          label: `libpart${i}.so.1`,
          kind: 'lib' as const,
          layer: 0,
          pkg: null,
        })),
      ],
      links: Array.from({ length: 40 }, (_, i) => ({
        from: '/usr/lib/libbig.so.1',
        to: `/usr/lib/libpart${i}.so.1`,
      })),
    };
    const graph = focusGraph(wide, '/usr/lib/libbig.so.1', { direction: 'loads', edgeMode: 'tree' })!;
    expect(layoutPicture(graph, await testEngine()).orientation).toBe('right');
    const dot = pictureDot(graph, testMeta());
    expect(dot).toContain('graph [rankdir=LR,');
    // Rendered by dot itself: a column of 40 boxes, not a 5,000 px row.
    const [, , width = 0, height = 0] = (JSON.parse((await testEngine()).layout(dot)) as { bb: string }).bb
      .split(',')
      .map(Number);
    expect(width).toBeLessThan(height);
    expect(pictureDot(focused(), testMeta())).toContain('graph [rankdir=TB,');
  });

  it('Mermaid: a flowchart TD with escaped ids and labels (golden)', async () => {
    const result = pictureMermaid(focused(), testMeta());
    expect(result.ok).toBe(true);
    await expect(result.text).toMatchFileSnapshot('__golden__/app-loads.mmd');
  });

  it('Markdown: title, the lddtree-style list, the Mermaid block', () => {
    const md = pictureMarkdown(focused(), testMeta());
    expect(md.startsWith('### what /usr/bin/app loads\n')).toBe(true);
    expect(md).toContain(
      '```text\n/usr/bin/app\n    libcurl.so.4 => /usr/lib/libcurl.so.4\n        libssl.so.3 => /usr/lib/libssl.so.3\n',
    );
    expect(md).toContain('libgone.so.1 => not found');
    expect(md).toContain('```mermaid\n---\ntitle: "what /usr/bin/app loads"');
    expect(pictureTree(focused())).toContain('    libc.so.6 => /usr/lib/libc.so.6  (needed by all 5)');
  });
});

describe('names', () => {
  it('titles and file names say what the picture shows', () => {
    expect(pictureFileName(testMeta(), 'svg')).toBe('app_1-app-loads.svg');
    const by = testMeta({ focus: 'libssl.so.3', direction: 'loaded-by' });
    expect(pictureTitle(by)).toBe('what loads libssl.so.3');
    expect(pictureFileName(by, 'png')).toBe('app_1-libssl.so.3-loaded-by.png');
    expect(pictureFileName(testMeta({ focus: null, direction: 'overview', imageName: null }), 'svg')).toBe(
      '85ea39e490bf-linkage.svg',
    );
  });

  it('finds an object by path, real path or SONAME, and offers the closest names otherwise', () => {
    const source = testSource();
    expect(findObject(source, 'libssl.so.3')).toEqual({ ok: true, key: '/usr/lib/libssl.so.3' });
    expect(findObject(source, '/lib/libssl.so.3', '/usr/lib/libssl.so.3')).toEqual({
      ok: true,
      key: '/usr/lib/libssl.so.3',
    });
    expect(findObject(source, '/usr/bin/curl')).toEqual({
      ok: false,
      closest: ['libcurl.so.4 (/usr/lib/libcurl.so.4)', '/usr/bin/app', '/usr/bin/other'],
    });
    expect(searchObjects(source, 'ssl').map((o) => o.key)).toEqual(['/usr/lib/libssl.so.3']);
    expect(searchObjects(source, 'lib').length).toBe(7);
  });
});
