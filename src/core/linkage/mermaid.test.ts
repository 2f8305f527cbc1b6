import { describe, expect, it } from 'vitest';
import { MERMAID_MAX_EDGES, mermaidLabel, writeMermaid } from './mermaid';

describe('writeMermaid', () => {
  it('writes a flowchart with generated ids, escaped labels, classes and edge styles', () => {
    const result = writeMermaid({
      title: 'what /usr/bin/curl loads',
      nodes: [
        { key: '/usr/bin/curl', label: 'curl "x" [y]', className: 'root' },
        { key: '/usr/lib/libssl.so.3', label: 'libssl.so.3', className: 'added' },
      ],
      edges: [{ from: '/usr/bin/curl', to: '/usr/lib/libssl.so.3', className: 'added' }],
      classes: { root: 'font-weight:bold', added: 'fill:#dcfce7' },
      edgeStyles: { added: 'stroke:#15803d' },
    });
    expect(result).toEqual({
      ok: true,
      text: [
        '---',
        'title: "what /usr/bin/curl loads"',
        '---',
        'flowchart TD',
        '  n0["curl #34;x#34; #91;y#93;"]:::root',
        '  n1["libssl.so.3"]:::added',
        '  n0 --> n1',
        '  classDef root font-weight:bold',
        '  classDef added fill:#dcfce7',
        '  linkStyle 0 stroke:#15803d',
        '',
      ].join('\n'),
    });
  });

  it('says so instead of a block GitHub would not draw', () => {
    const nodes = Array.from({ length: MERMAID_MAX_EDGES + 2 }, (_, i) => ({ key: `${i}`, label: `l${i}` }));
    const edges = nodes.slice(1).map((n) => ({ from: '0', to: n.key }));
    const result = writeMermaid({ nodes, edges });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/501 edges; Mermaid \(and so GitHub\) draws at most 500/);
  });

  it('escapes every character that would end a label', () => {
    expect(mermaidLabel('a<b>&|{}#')).toBe('a#60;b#62;#38;#124;#123;#125;#35;');
  });
});
