/** For the benches that run code in headless Chromium: a served folder, a page, and the renderers' CPU time. */
import { chromium, type Page } from '@playwright/test';
import { serveFolder } from './static-server';

export interface BenchPage {
  readonly page: Page;
  /** Where `folder` is served. */
  readonly url: string;
  /** CPU seconds used so far by every renderer process (CDP `SystemInfo.getProcessInfo`). */
  readonly rendererCpu: () => Promise<number>;
}

/** Serves `folder`, opens a blank page in headless Chromium, runs `run`, then closes both. */
export async function withBenchPage<T>(folder: string, run: (bench: BenchPage) => Promise<T>): Promise<T> {
  const server = await serveFolder(folder);
  const browser = await chromium.launch({
    executablePath: process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const cdp = await browser.newBrowserCDPSession();
    const rendererCpu = async () => {
      const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; cpuTime: number }[];
      };
      return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
    };
    return await run({ page, url: server.url, rendererCpu });
  } finally {
    await browser.close();
    await server.close();
  }
}
