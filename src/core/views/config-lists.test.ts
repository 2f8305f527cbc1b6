import { describe, expect, it } from 'vitest';
import { boundConfigLists } from './config-lists';

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
