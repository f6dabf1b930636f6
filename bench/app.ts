// `npm run bench:app` (`--smoke` runs Lighthouse once instead of three times): what a case
// manager's phone downloads and how fast the first screen is.
//
//  1. Initial JavaScript: the entry script of dist/index.html plus every chunk it preloads
//     (modulepreload), gzip-compressed as served. Route chunks load later. Target: <= 200 KB.
//  2. Lighthouse (mobile preset: Moto G-class CPU throttling and slow 4G) against the built app
//     served by the real sync server on 127.0.0.1, in Debian's Chromium. Scores for performance,
//     accessibility and best practices; the median of the runs. Target: performance >= 90.
//
// Needs dist/ (`npm run build`). Prints the figures and writes bench/results/app.json
// (app-smoke.json for --smoke). Targets are read from the figures, never asserted in tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/support/browser';
import { DIST, startServer } from '../tests/e2e/support/server';
import { machineInfo, printSection, printTargets, target } from './client/report';

const smoke = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const RUNS = smoke ? 1 : 3;

interface Asset {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The scripts the first screen needs before it can run: the entry and its preloaded chunks. */
function initialScripts(): Asset[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  return [...new Set(srcs)].map((src) => {
    const bytes = readFileSync(path.join(DIST, src.replace(/^\//, '')));
    return { file: src, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

async function runLighthouse(url: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_ARGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? 0);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      firstContentfulPaintMs: audit('first-contentful-paint'),
      largestContentfulPaintMs: audit('largest-contentful-paint'),
      totalBlockingTimeMs: audit('total-blocking-time'),
      cumulativeLayoutShift:
        Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
      speedIndexMs: audit('speed-index'),
      runtimeError: lhr.runtimeError?.message ?? null,
    };
  } finally {
    await chrome.kill();
  }
}

async function main(): Promise<void> {
  const scripts = initialScripts();
  const totalGzip = scripts.reduce((s, a) => s + a.gzipBytes, 0);
  printSection('Initial JavaScript (entry + modulepreload, gzip -9)', {
    ...Object.fromEntries(
      scripts.map((a) => [a.file, `${kb(a.gzipBytes)} KB (${kb(a.bytes)} KB raw)`]),
    ),
    total: `${kb(totalGzip)} KB`,
  });

  const server = await startServer({ seed: true });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await runLighthouse(`${server.baseUrl}/`));
  } finally {
    await server.close();
  }
  const summary = {
    performance: median(runs.map((r) => r.performance)),
    accessibility: median(runs.map((r) => r.accessibility)),
    bestPractices: median(runs.map((r) => r.bestPractices)),
    largestContentfulPaintMs: median(runs.map((r) => r.largestContentfulPaintMs)),
    totalBlockingTimeMs: median(runs.map((r) => r.totalBlockingTimeMs)),
  };
  printSection(`Lighthouse mobile, first screen (median of ${RUNS})`, summary);
  const targets = [
    target('initial JavaScript (gzip)', 'entry + preloaded chunks', kb(totalGzip), '<=', 200, 'KB'),
    target('Lighthouse mobile performance', 'score', summary.performance, '>=', 90, 'points'),
  ];
  printTargets(targets, smoke);

  const dir = path.join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, smoke ? 'app-smoke.json' : 'app.json');
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), machine: machineInfo(CHROMIUM), scripts, totalGzipBytes: totalGzip, lighthouse: { runs, summary }, targets }, null, 2)}\n`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
