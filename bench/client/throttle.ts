// CPU throttling through the DevTools protocol (Emulation.setCPUThrottlingRate), as Lighthouse
// emulates a low-end phone: rate 4 makes the page's main thread about four times slower. It
// throttles the renderer's main thread only (JavaScript, WebAssembly run there, Dexie); the
// browser's IndexedDB backend and background compilation threads keep their speed.
import type { CDPSession, Page } from 'playwright-core';

export interface CpuThrottle {
  readonly rate: number;
  set(rate: number): Promise<void>;
  /** Runs `fn` at `rate`, then returns to 1x. */
  at<T>(rate: number, fn: () => Promise<T>): Promise<T>;
}

export async function cpuThrottle(page: Page): Promise<CpuThrottle> {
  const session: CDPSession = await page.context().newCDPSession(page);
  let current = 1;
  const throttle: CpuThrottle = {
    get rate() {
      return current;
    },
    async set(rate) {
      await session.send('Emulation.setCPUThrottlingRate', { rate });
      current = rate;
    },
    async at(rate, fn) {
      await throttle.set(rate);
      try {
        return await fn();
      } finally {
        await throttle.set(1);
      }
    },
  };
  return throttle;
}
