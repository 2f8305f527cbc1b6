/** No component shows words that bypass the catalogues; the finder itself is checked on samples first. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiteralStrings } from './literal-strings';

function components(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return components(path);
    return name.endsWith('.tsx') && !name.includes('.test.') ? [path] : [];
  });
}
const UI = join(import.meta.dirname, '..');

describe('findLiteralStrings', () => {
  it('finds JSX text, read attributes and literals chosen by ?: && ??', () => {
    const source = `
      export const A = ({ on, n }: { on: boolean; n: string | null }) => (
        <div aria-label="Graph mode" title={\`\${n} resolution\`}>
          Whole image
          {on ? 'Link copied' : t('share')}
          {on && 'Copied'}
          {n ?? 'no package'}
          <input placeholder='Find a file' />
          <Row label="Names" />
        </div>
      );`;
    expect(findLiteralStrings(source).map((l) => l.text)).toEqual([
      'Graph mode',
      'resolution',
      'Whole image',
      'Link copied',
      'Copied',
      'no package',
      'Find a file',
      'Names',
    ]);
  });

  it('lets through catalogue calls, code, symbols, sizes and names the same in every language', () => {
    const source = `
      export const B = ({ n }: { n: number }) => (
        <p aria-label={t('x')} className="muted" data-testid="summary">
          {t('a', { n })} · → — L{n} <code>docker save -o image.tar</code> <kbd>?</kbd> 1 kB
          <span title="Docker">{'…'}</span> strata
        </p>
      );`;
    expect(findLiteralStrings(source)).toEqual([]);
  });
});

describe('components', () => {
  it('show no words outside the catalogues', () => {
    const found = components(UI).flatMap((path) =>
      findLiteralStrings(readFileSync(path, 'utf8'), path).map(
        (l) => `${relative(UI, path)}:${l.line}: ${l.text}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
