// @vitest-environment happy-dom
/**
 * The Image panel's long config lists: "Show all" fetches the rest from the worker in pages of a few
 * hundred until every entry is loaded, then the buttons go and the keyboard is on the list; a failed page
 * says why and is asked for again.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConfigListPage } from '../../../protocol/messages';
import type { RequestBody } from '../../../protocol/request-map';
import { startI18n } from '../../i18n/i18n';
import { ConfigList } from './ConfigList';

const request = vi.hoisted(() => vi.fn());
vi.mock('../../../client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../client')>()),
  getClient: () => ({ request }),
}));

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const TOTAL = 2000;
const env = (from: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `VAR_${from + i}=x`);

function answer(body: RequestBody<'config-list'>): ConfigListPage {
  const items = env(body.offset, Math.min(body.limit, TOTAL - body.offset));
  return { list: 'env', offset: body.offset, items, total: TOTAL };
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.replaceChildren();
  request.mockReset();
});
beforeAll(() => startI18n());

function mount(): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const client = new QueryClient();
  act(() =>
    root!.render(
      createElement(
        QueryClientProvider,
        { client },
        createElement(ConfigList, {
          image: { archiveId: 'a', imageKey: 'k' },
          list: 'env',
          label: 'Env',
          first: env(0, 100),
          total: TOTAL,
        }),
      ),
    ),
  );
  return host;
}

const button = (host: HTMLElement, text: RegExp): HTMLButtonElement | undefined =>
  [...host.querySelectorAll('button')].find((b) => text.test(b.textContent));

/** Lets the answers and the renders they cause run out. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('ConfigList', () => {
  it('fetches the rest in pages of 500 on "Show all", then the list takes the focus', async () => {
    request.mockImplementation((body: RequestBody<'config-list'>) => Promise.resolve(answer(body)));
    const host = mount();
    expect(host.textContent).toContain('Showing 100 of 2,000');
    expect(request).not.toHaveBeenCalled();
    const all = button(host, /Show all 2,000/)!;
    all.focus();
    act(() => all.click());
    await settle();
    const asked = request.mock.calls.map(([body]) => body as RequestBody<'config-list'>);
    expect(asked.map((b) => [b.offset, b.limit])).toEqual([
      [100, 500],
      [600, 500],
      [1100, 500],
      [1600, 500],
    ]);
    expect(asked.every((b) => b.list === 'env' && b.archiveId === 'a' && b.imageKey === 'k')).toBe(true);
    expect(host.querySelectorAll('button')).toHaveLength(0);
    const list = host.querySelector('[role=group]');
    expect(list?.getAttribute('aria-label')).toBe('Env');
    expect(document.activeElement).toBe(list);
  });

  it('shows 500 more at a time, and asks again for a page that failed', async () => {
    request.mockRejectedValueOnce(new Error('The worker is busy.'));
    request.mockImplementation((body: RequestBody<'config-list'>) => Promise.resolve(answer(body)));
    const host = mount();
    act(() => button(host, /Show 500 more/)!.click());
    await settle();
    expect(host.querySelector('.error-text')?.textContent).toContain('The worker is busy.');
    act(() => button(host, /Show 500 more/)!.click());
    await settle();
    expect(host.querySelector('.error-text')).toBeNull();
    expect(host.textContent).toContain('Showing 600 of 2,000');
  });
});
