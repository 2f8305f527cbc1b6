/**
 * The catalogues stay complete: every key of one language exists in the other (plural forms
 * aside: Chinese has one form where English has two), and every key a component asks for exists.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}
function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : entries(v, `${prefix}${k}.`),
  );
}
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const enKeys = new Set(keys(en as Tree).map(base));
const zhKeys = new Set(keys(zhCN as Tree).map(base));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}
const UI = join(import.meta.dirname, '..');

describe('catalogues', () => {
  it('has every English key in Simplified Chinese and back', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = [...entries(en as Tree), ...entries(zhCN as Tree)].filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same variables and tags in both languages', () => {
    // Plural forms of a key are pooled: English may leave {{count}} out of "_one" where Chinese has one form.
    const marks = (tree: Tree) => {
      const byKey = new Map<string, Set<string>>();
      for (const [key, text] of entries(tree)) {
        const set = byKey.get(base(key)) ?? new Set<string>();
        for (const m of text.matchAll(/\{\{\s*(\w+)[^}]*\}\}|<\/?(\w+)>/g)) set.add(m[0].replace(/\s/g, ''));
        byKey.set(base(key), set);
      }
      return byKey;
    };
    const enMarks = marks(en);
    const zhMarks = marks(zhCN);
    const differ = [...enMarks].flatMap(([key, set]) => {
      const other = [...(zhMarks.get(key) ?? [])].sort().join(' ');
      const mine = [...set].sort().join(' ');
      return mine === other ? [] : [`${key}: en ${mine} · zh-CN ${other}`];
    });
    expect(differ).toEqual([]);
  });

  it('has every key the page asks for', () => {
    const missing: string[] = [];
    for (const file of sources(UI)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        const key = match[1]!;
        if (!enKeys.has(key)) missing.push(`${file.slice(UI.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
