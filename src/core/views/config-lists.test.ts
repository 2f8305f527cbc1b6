import { describe, expect, it } from 'vitest';
import { CONFIG_PAGE_LIMIT, boundConfigLists, configListPage } from './config-lists';

describe('boundConfigLists', () => {
  it('keeps the first entries of Env and Labels with their totals, and the rest of the config whole', () => {
    const config = {
      User: 'app',
      Env: Array.from({ length: 250 }, (_, i) => `VAR_${i}=x`),
      Labels: Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`label.${i}`, `v${i}`])),
      Cmd: ['sh'],
    };
    const bounded = boundConfigLists(config, 100);
    expect(bounded.config).toEqual({ User: 'app', Cmd: ['sh'] });
    expect(bounded.env.total).toBe(250);
    expect(bounded.env.first).toHaveLength(100);
    expect(bounded.env.first.at(-1)).toBe('VAR_99=x');
    expect(bounded.labels.total).toBe(120);
    expect(bounded.labels.first).toHaveLength(100);
    expect(bounded.labels.first[0]).toEqual(['label.0', 'v0']);
  });

  it('reads short lists whole and odd shapes as empty', () => {
    expect(boundConfigLists({ Env: ['A=1'], Labels: { a: 1 } })).toEqual({
      config: {},
      env: { first: ['A=1'], total: 1 },
      labels: { first: [['a', '1']], total: 1 },
    });
    expect(boundConfigLists({ Env: 'A=1', Labels: ['x'] })).toEqual({
      config: {},
      env: { first: [], total: 0 },
      labels: { first: [], total: 0 },
    });
    expect(boundConfigLists({ Labels: null })).toMatchObject({ labels: { first: [], total: 0 } });
  });
});

describe('configListPage', () => {
  const config = {
    Env: Array.from({ length: 2500 }, (_, i) => `VAR_${i}=x`),
    Labels: Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`label.${i}`, i])),
  };

  it('gives the entries from an offset with the list total, in the config order', () => {
    const env = configListPage(config, 'env', 100, 300);
    expect(env).toMatchObject({ list: 'env', offset: 100, total: 2500 });
    expect(env.items).toHaveLength(300);
    expect(env.items[0]).toBe('VAR_100=x');
    expect(env.items.at(-1)).toBe('VAR_399=x');
    const labels = configListPage(config, 'labels', 200, 300);
    expect(labels).toMatchObject({ list: 'labels', offset: 200, total: 250 });
    expect(labels.items).toHaveLength(50);
    expect(labels.items[0]).toEqual(['label.200', '200']);
  });

  it('holds a page to its limit and an odd offset or limit to the list', () => {
    expect(configListPage(config, 'env', 0, 1e9).items).toHaveLength(CONFIG_PAGE_LIMIT);
    expect(configListPage(config, 'env', -5, 2).items).toEqual(['VAR_0=x', 'VAR_1=x']);
    expect(configListPage(config, 'env', 1e9, 10)).toMatchObject({ offset: 2500, items: [] });
    expect(configListPage(config, 'env', Number.NaN, Number.NaN)).toMatchObject({ offset: 0, items: [] });
    expect(configListPage(config, 'env', 2.7, 1.5).items).toEqual(['VAR_2=x']);
    expect(configListPage({ Env: 'A=1' }, 'env', 0, 10)).toEqual({
      list: 'env',
      offset: 0,
      items: [],
      total: 0,
    });
  });
});
