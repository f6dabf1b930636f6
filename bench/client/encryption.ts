// The driver's side of the encryption-at-rest benches (issue 11): 5. the unlock (Argon2id key
// derivation + unwrapping the data key, the KDF's first load, calibration) and 6. a caseload
// opened (clients decrypted, searched), each at 1x and under 4x CPU throttling (throttle.ts), and
// the caseload on a plaintext database for comparison. Figures are printed and returned for
// bench/results/client.json; the unlock target is the issue's "about one second on a low-end
// phone", taken as 4x throttling of this machine.
import type { Page } from 'playwright-core';
import type {
  CalibrationFigures,
  CaseloadFigures,
  CaseloadSeed,
  KdfLoadFigures,
  KdfSetting,
  UnlockFigures,
} from './page/api';
import { printSection, target, type Target } from './report';
import { round, summarize, type Summary } from './stats';
import type { CpuThrottle } from './throttle';

/** The design's baseline (src/db/crypto/kdf.ts BASELINE_KDF): m = 19 MiB, t = 2, p = 1. */
export const BASELINE: KdfSetting = { m: 19 * 1024, t: 2, p: 1 };
/** "A low-end phone": this machine's CPU slowed four times. */
export const SLOW = 4;

export interface Section {
  figures: Record<string, unknown>;
  targets: Target[];
  problems: string[];
}

const sameSetting = (a: KdfSetting, b: KdfSetting) => a.m === b.m && a.t === b.t && a.p === b.p;
const shown = (s: KdfSetting) => `m=${s.m / 1024} MiB t=${s.t} p=${s.p}`;
const pair = (a: number, b: number) => `${round(a, 1)} / ${round(b, 1)}`;
const times = (enc: number, plain: number) => `${round(enc / plain)}x`;

/** The KDF's first use in the page (must come before any other); see page/unlock.ts. */
export function kdfLoad(page: Page): Promise<KdfLoadFigures> {
  return page.evaluate(() => window.fieldnoteBench!.kdfLoad());
}

/** Reloads the bench page, which gives a fresh module registry (the KDF not loaded yet). */
export async function reloadBenchPage(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => window.fieldnoteBench !== undefined, undefined, {
    timeout: 30_000,
  });
}

interface UnlockSummary {
  setting: KdfSetting;
  cpu: number;
  derive: Summary;
  unlock: Summary;
  unwrapOnlyMs: number;
  keyMatched: boolean;
}

async function unlockAt(
  page: Page,
  setting: KdfSetting,
  runs: number,
  cpu: number,
): Promise<UnlockSummary> {
  const f: UnlockFigures = await page.evaluate(([s, n]) => window.fieldnoteBench!.unlock(s, n), [
    setting,
    runs,
  ] as const);
  return {
    setting: f.setting,
    cpu,
    derive: summarize(f.deriveMs),
    unlock: summarize(f.unlockMs),
    unwrapOnlyMs: f.unwrapOnlyMs,
    keyMatched: f.keyMatched,
  };
}

const calibrate = (page: Page): Promise<CalibrationFigures> =>
  page.evaluate(() => window.fieldnoteBench!.calibrate());

/**
 * Unlock timings at 1x and 4x (after `loadAt1x`, taken on the fresh page), then the KDF's first
 * load again on a reloaded page at 4x. Reloads the page: run it before benches that keep state
 * in the page.
 */
export async function unlockBench(
  page: Page,
  throttle: CpuThrottle,
  runs: number,
  loadAt1x: KdfLoadFigures,
): Promise<Section> {
  const baseline1 = await unlockAt(page, BASELINE, runs, 1);
  const calibration1 = await calibrate(page);
  const calibrated1 = sameSetting(calibration1.chosen, BASELINE)
    ? baseline1
    : await unlockAt(page, calibration1.chosen, runs, 1);

  const { baseline4, calibration4, calibrated4, loadAt4x } = await throttle.at(SLOW, async () => {
    const baseline4 = await unlockAt(page, BASELINE, runs, SLOW);
    const calibration4 = await calibrate(page);
    const calibrated4 = sameSetting(calibration4.chosen, BASELINE)
      ? baseline4
      : await unlockAt(page, calibration4.chosen, runs, SLOW);
    await reloadBenchPage(page);
    await throttle.set(SLOW); // again, for the new document
    const loadAt4x = await kdfLoad(page);
    return { baseline4, calibration4, calibrated4, loadAt4x };
  });

  const wasm = (l: KdfLoadFigures) => l.firstDeriveMs - l.secondDeriveMs;
  const row = (u: UnlockSummary) => `${pair(u.derive.p50, u.unlock.p50)} (p95 ${u.unlock.p95})`;
  printSection(`5. Unlock: Argon2id key + unwrap the data key (median of ${runs}, ms)`, {
    'KDF first load 1x: chunk / wasm': pair(loadAt1x.importMs, wasm(loadAt1x)),
    [`KDF first load ${SLOW}x: chunk / wasm`]: pair(loadAt4x.importMs, wasm(loadAt4x)),
    'calibration 1x picks (takes ms)': `${shown(calibration1.chosen)} (${round(calibration1.ms, 0)})`,
    [`calibration ${SLOW}x picks (takes ms)`]: `${shown(calibration4.chosen)} (${round(calibration4.ms, 0)})`,
    'baseline 1x: derive / unlock': row(baseline1),
    [`baseline ${SLOW}x: derive / unlock`]: row(baseline4),
    'calibrated 1x: derive / unlock': row(calibrated1),
    [`calibrated ${SLOW}x: derive / unlock`]: row(calibrated4),
    [`unwrap step alone 1x / ${SLOW}x`]: `${round(baseline1.unwrapOnlyMs, 3)} / ${round(baseline4.unwrapOnlyMs, 3)}`,
  });

  const problems: string[] = [];
  for (const u of [baseline1, calibrated1, baseline4, calibrated4]) {
    if (!u.keyMatched) problems.push(`unwrapping (${shown(u.setting)}) gave another key`);
  }
  for (const c of [calibration1, calibration4]) {
    if (c.chosen.t < BASELINE.t || c.chosen.m !== BASELINE.m)
      problems.push(`calibration chose ${shown(c.chosen)}, below the baseline`);
  }
  const targets = [
    target(
      `unlock at ${SLOW}x CPU, baseline KDF`,
      `median unwrapDataKey, ${shown(BASELINE)}, CPU throttled ${SLOW}x`,
      round(baseline4.unlock.p50 / 1000, 3),
      '<=',
      1,
      's',
    ),
    target(
      `unlock at ${SLOW}x CPU, calibrated`,
      `median unwrapDataKey with what calibration picks at ${SLOW}x (${shown(calibration4.chosen)})`,
      round(calibrated4.unlock.p50 / 1000, 3),
      '<=',
      1,
      's',
    ),
  ];
  const summaryOf = (u: UnlockSummary) => ({
    setting: u.setting,
    cpuThrottling: u.cpu,
    deriveMs: u.derive,
    unlockMs: u.unlock,
    unwrapOnlyMs: round(u.unwrapOnlyMs, 4),
  });
  const loadOf = (l: KdfLoadFigures) => ({
    importMs: round(l.importMs, 1),
    wasmCompileMs: round(wasm(l), 1),
    firstDeriveMs: round(l.firstDeriveMs, 1),
    secondDeriveMs: round(l.secondDeriveMs, 1),
  });
  return {
    figures: {
      runs,
      firstLoad: { cpu1x: loadOf(loadAt1x), [`cpu${SLOW}x`]: loadOf(loadAt4x) },
      calibration: {
        cpu1x: { ...calibration1, ms: round(calibration1.ms, 1) },
        [`cpu${SLOW}x`]: { ...calibration4, ms: round(calibration4.ms, 1) },
      },
      baseline: { cpu1x: summaryOf(baseline1), [`cpu${SLOW}x`]: summaryOf(baseline4) },
      calibrated: { cpu1x: summaryOf(calibrated1), [`cpu${SLOW}x`]: summaryOf(calibrated4) },
    },
    targets,
    problems,
  };
}

interface OpenSummary {
  openMs: number;
  firstReadMs: number;
  read: Summary;
  search: Summary;
  duplicates: Summary;
  clientsRead: number;
  searchHits: number;
  probeFound: boolean;
  duplicateHits: number;
}

async function openCaseload(page: Page, seed: CaseloadSeed, runs: number): Promise<OpenSummary> {
  const f: CaseloadFigures = await page.evaluate(
    ([s, n]) => window.fieldnoteBench!.caseloadOpen(s, n),
    [seed, runs] as const,
  );
  return {
    openMs: round(f.openMs, 1),
    firstReadMs: round(f.firstReadMs, 1),
    read: summarize(f.readMs),
    search: summarize(f.searchMs),
    duplicates: summarize(f.duplicatesMs),
    clientsRead: f.clientsRead,
    searchHits: f.searchHits,
    probeFound: f.probeFound,
    duplicateHits: f.duplicateHits,
  };
}

/** A caseload of `clients` written encrypted and plaintext, then opened at 1x and 4x. */
export async function caseloadBench(
  page: Page,
  throttle: CpuThrottle,
  clients: number,
  runs: number,
  providerId: string,
): Promise<Section> {
  const seed = (encrypted: boolean): Promise<CaseloadSeed> =>
    page.evaluate(([n, e, p]) => window.fieldnoteBench!.caseloadSeed(n, e, p), [
      clients,
      encrypted,
      providerId,
    ] as const);
  const plainSeed = await seed(false);
  const encSeed = await seed(true);
  const at = async (cpu: number) => {
    const run = async () => ({
      plain: await openCaseload(page, plainSeed, runs),
      encrypted: await openCaseload(page, encSeed, runs),
    });
    return cpu === 1 ? run() : throttle.at(cpu, run);
  };
  const cpu1 = await at(1);
  const cpu4 = await at(SLOW);

  const rows: Record<string, string> = {
    'written: plain / encrypted': `${pair(plainSeed.writeMs, encSeed.writeMs)} (${times(encSeed.writeMs, plainSeed.writeMs)})`,
  };
  for (const [cpu, r] of [
    [1, cpu1],
    [SLOW, cpu4],
  ] as const) {
    const { plain: p, encrypted: e } = r;
    const line = (a: number, b: number) => `${pair(a, b)} (${times(b, a)})`;
    rows[`${cpu}x open + first read: p / e`] = line(
      p.openMs + p.firstReadMs,
      e.openMs + e.firstReadMs,
    );
    rows[`${cpu}x read all: p / e`] = line(p.read.p50, e.read.p50);
    rows[`${cpu}x search by name: p / e`] = line(p.search.p50, e.search.p50);
    rows[`${cpu}x duplicate check: p / e`] = line(p.duplicates.p50, e.duplicates.p50);
  }
  printSection(
    `6. Caseload of ${clients.toLocaleString('en-US')} clients opened (plain / encrypted, median of ${runs}, ms)`,
    rows,
  );

  const problems: string[] = [];
  for (const [label, s] of [
    ['1x plain', cpu1.plain],
    ['1x encrypted', cpu1.encrypted],
    [`${SLOW}x plain`, cpu4.plain],
    [`${SLOW}x encrypted`, cpu4.encrypted],
  ] as const) {
    if (s.clientsRead !== clients)
      problems.push(`${label}: read ${s.clientsRead}/${clients} clients`);
    if (!s.probeFound) problems.push(`${label}: the search did not find its client`);
    if (s.duplicateHits < 1) problems.push(`${label}: the duplicate check found nothing`);
  }
  const writeOf = (s: CaseloadSeed) => ({ records: s.records, writeMs: round(s.writeMs, 1) });
  return {
    figures: {
      clients,
      runs,
      written: { plain: writeOf(plainSeed), encrypted: writeOf(encSeed) },
      cpu1x: cpu1,
      [`cpu${SLOW}x`]: cpu4,
      ratios: {
        readAll1x: round(cpu1.encrypted.read.p50 / cpu1.plain.read.p50),
        search1x: round(cpu1.encrypted.search.p50 / cpu1.plain.search.p50),
        [`readAll${SLOW}x`]: round(cpu4.encrypted.read.p50 / cpu4.plain.read.p50),
        [`search${SLOW}x`]: round(cpu4.encrypted.search.p50 / cpu4.plain.search.p50),
      },
    },
    targets: [],
    problems,
  };
}
