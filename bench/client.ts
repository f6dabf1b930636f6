// `npm run bench:client` (`--smoke` or BENCH_SMOKE=1 for tiny sizes): the device side in real
// Chromium. Builds the bench page (bench/client/page) with Vite, serves it and the real sync
// server from one Fastify app on 127.0.0.1, and measures, in one browser run:
//
//  1. Saving a contact: saveChange (record view + outbox entry in one transaction, strict
//     durability) against one raw strict IndexedDB put of a similar-sized object. Chromium's
//     default is relaxed durability, so both sides pay for a flushed commit; the ratio is the
//     write path's own overhead. Saves go, in turn, into a database encrypted at rest (opened
//     with a data key, as the app does) and a plaintext one. Target, for the encrypted one:
//     p95(save) <= 2 x p95(raw put).
//  2. Changes queued offline, then engine.sync() until the outbox is empty. Target: < 5 s for
//     5,000 changes.
//  3. A new device's first pull of a 20,000-record caseload (seeded through the server's push path
//     before the timing), applied into the device database. Target: < 3 s.
//     Benches 2 to 4 run on encrypted databases; the full run repeats 3 in plaintext, and
//     --plain-sync repeats 2 as well (its queueing takes about 25 s).
//  5. The unlock: Argon2id (the baseline m = 19 MiB, t = 2, p = 1, and what calibration picks
//     here) and unwrapping the data key, at 1x and with the CPU throttled 4x (a low-end phone);
//     the KDF's first load. Target: unlock <= about 1 s at 4x.
//  6. A caseload of 2,000 clients opened, encrypted and plaintext: all clients read (decrypted),
//     a search by name and the duplicate check, at 1x and 4x.
//
// Prints the figures and writes bench/results/client.json (client-smoke.json for --smoke).
// Targets are read by people from the figures, never asserted in tests.
import { performance } from 'node:perf_hooks';
import { launchBenchBrowser, type BenchBrowser } from './client/browser';
import { buildBenchPage, type BuiltPage } from './client/build';
import { caseloadBench, kdfLoad, unlockBench } from './client/encryption';
import type { Diagnosis, PageAccount, SaveFigures, SyncFigures } from './client/page/api';
import {
  machineInfo,
  printSection,
  printTargets,
  target,
  writeReport,
  type Target,
} from './client/report';
import { startBenchServer, type BenchAccount, type BenchServer } from './client/server';
import { round, summarize } from './client/stats';
import { cpuThrottle } from './client/throttle';

const smoke = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const SIZES = smoke
  ? { saves: 50, warmup: 5, queued: 200, pulled: 1_000, kdfRuns: 1, clients: 200, openRuns: 3 }
  : {
      saves: 1_000,
      warmup: 50,
      queued: 5_000,
      pulled: 20_000,
      kdfRuns: 5,
      clients: 2_000,
      openRuns: 5,
    };
/**
 * Bench 3 again on a plaintext database, for comparison (full run only: about 5 s). Bench 2 in
 * plaintext too with --plain-sync (its queueing alone takes about 25 s at full size).
 */
const PLAIN_PULL = !smoke;
const PLAIN_QUEUED = process.argv.includes('--plain-sync');

const pageAccount = (a: BenchAccount): PageAccount => ({
  username: a.username,
  password: a.password,
  providerId: a.providerId,
});

function syncRows(f: SyncFigures): Record<string, number | string> {
  return {
    outcome: f.outcome,
    syncMs: round(f.syncMs, 1),
    pushPhaseMs: round(f.pushMs, 1),
    pullPhaseMs: round(f.syncMs - f.pushMs, 1),
    networkAndServerMs: round(f.transportMs, 1),
    clientWorkMs: round(f.syncMs - f.transportMs, 1),
    pushClientWorkMs: round(f.pushMs - f.pushTransportMs, 1),
    pullClientWorkMs: round(f.syncMs - f.pushMs - (f.transportMs - f.pushTransportMs), 1),
    requests: f.requests,
    pulledPages: f.pulledPages,
    responseMiB: round(f.responseChars / 1024 ** 2),
    pendingAfter: f.pendingAfter,
    recordRowsAfter: f.recordsAfter,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  let built: BuiltPage | null = null;
  let server: BenchServer | null = null;
  let browser: BenchBrowser | null = null;
  try {
    let t = performance.now();
    built = await buildBenchPage();
    const buildMs = performance.now() - t;
    server = await startBenchServer(built.dir);
    t = performance.now();
    const seeded = await server.seedCaseload(SIZES.pulled);
    const seedMs = performance.now() - t;
    console.log(
      `Client benchmark${smoke ? ' (smoke)' : ''}: page built in ${Math.round(buildMs)} ms, ` +
        `${seeded.toLocaleString('en-US')} records seeded in ${Math.round(seedMs)} ms, ${server.url}`,
    );

    browser = await launchBenchBrowser();
    const { page } = browser;
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`page: ${m.text()}`));
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.fieldnoteBench !== undefined, undefined, {
      timeout: 30_000,
    });

    // The KDF's first load must be measured before anything else in the page uses it.
    const throttle = await cpuThrottle(page);
    const kdfLoad1x = await kdfLoad(page);

    // 1. Saves, encrypted and plaintext in turn.
    const saves: SaveFigures = await page.evaluate(([n, w]) => window.fieldnoteBench!.saves(n, w), [
      SIZES.saves,
      SIZES.warmup,
    ] as const);
    const save = summarize(saves.saveEncrypted);
    const savePlain = summarize(saves.save);
    const rawPut = summarize(saves.rawPut);
    const dexiePut = summarize(saves.dexiePutEncrypted);
    const dexiePutPlain = summarize(saves.dexiePut);
    const rawSameWork = summarize(saves.rawSameWork);
    const ratio = round(save.p95 / rawPut.p95);
    const ratioPlain = round(savePlain.p95 / rawPut.p95);
    printSection(`1. Save of a contact (${SIZES.saves.toLocaleString('en-US')} each, ms)`, {
      'saveChange, encrypted p50 / p95': `${save.p50} / ${save.p95}`,
      'saveChange, plaintext p50 / p95': `${savePlain.p50} / ${savePlain.p95}`,
      'encrypted / plaintext p50 / p95': `${round(save.p50 / savePlain.p50)} / ${round(save.p95 / savePlain.p95)}`,
      'raw single put p50 / p95': `${rawPut.p50} / ${rawPut.p95}`,
      'Dexie put, enc p50 / p95': `${dexiePut.p50} / ${dexiePut.p95}`,
      'Dexie put, plain p50 / p95': `${dexiePutPlain.p50} / ${dexiePutPlain.p95}`,
      'raw, same requests p50 / p95': `${rawSameWork.p50} / ${rawSameWork.p95}`,
      'p95(save) / p95(raw put): enc': ratio,
      'p95(save) / p95(raw put): plain': ratioPlain,
      'p50(save) / p50(raw put): enc': round(save.p50 / rawPut.p50),
      'p50(save) / p50(raw put): plain': round(savePlain.p50 / rawPut.p50),
      'record row + outbox entry (chars)': `${saves.recordRowChars} + ${saves.outboxEntryChars}`,
      'sealed parts as stored (bytes)': `${saves.sealedRowBytes} + ${saves.sealedOutboxBytes}`,
      'raw object (chars)': saves.rawObjectChars,
    });

    // 2. Queued changes synced (encrypted; plaintext again for comparison).
    const queuedSync = (encrypted: boolean): Promise<SyncFigures> =>
      page.evaluate(([a, n, e]) => window.fieldnoteBench!.queuedSync(a, n, e), [
        pageAccount(server!.syncUser),
        SIZES.queued,
        encrypted,
      ] as const);
    const queued = await queuedSync(true);
    printSection(`2. ${SIZES.queued.toLocaleString('en-US')} queued changes synced (encrypted)`, {
      queueingMs: round(queued.queueMs, 1),
      ...syncRows(queued),
    });
    const queuedPlain = PLAIN_QUEUED ? await queuedSync(false) : null;

    // 3. Initial pull (encrypted; plaintext again for comparison).
    const pull = (encrypted: boolean): Promise<SyncFigures> =>
      page.evaluate(([a, n, e]) => window.fieldnoteBench!.pull(a, n, e), [
        pageAccount(server!.pullUser),
        seeded,
        encrypted,
      ] as const);
    const pulled = await pull(true);
    printSection(`3. Caseload of ${seeded.toLocaleString('en-US')} records pulled (encrypted)`, {
      ...syncRows(pulled),
      recordsPerSecond: Math.round(pulled.recordsAfter / (pulled.syncMs / 1000)),
    });
    const pulledPlain = PLAIN_PULL ? await pull(false) : null;
    if (queuedPlain || pulledPlain) {
      const line = (e: number, p: number) => `${round(e, 1)} / ${round(p, 1)} (${round(e / p)}x)`;
      const work = (f: SyncFigures) => f.syncMs - f.transportMs;
      printSection('2-3. Encrypted / plaintext (ms)', {
        ...(queuedPlain
          ? {
              queueing: line(queued.queueMs, queuedPlain.queueMs),
              'queued sync': line(queued.syncMs, queuedPlain.syncMs),
              'queued sync: client work': line(work(queued), work(queuedPlain)),
            }
          : {}),
        ...(pulledPlain
          ? {
              'first pull': line(pulled.syncMs, pulledPlain.syncMs),
              'first pull: client work': line(work(pulled), work(pulledPlain)),
            }
          : {}),
      });
    }

    // 4. Where the time goes.
    const diagnosis: Diagnosis = await page.evaluate(
      ([a, n]) => window.fieldnoteBench!.diagnose(a, n, true),
      [pageAccount(server.pullUser), 500] as const,
    );
    const syncStateTx = summarize(diagnosis.saveSyncStateTx);
    printSection(
      `4. Where the time goes (one page / batch of ${diagnosis.pageSize}, encrypted, ms)`,
      {
        'pull page: fetch (net + server)': round(diagnosis.fetchMs, 1),
        'pull page: JSON.parse': round(diagnosis.jsonParseMs, 1),
        'pull page: zod schema parse': round(diagnosis.schemaParseMs, 1),
        'pull page: storePulledPage': round(diagnosis.storePulledPageMs, 1),
        '  of which pending lookups': round(diagnosis.pendingLookupsMs, 1),
        '  of which computeView (CPU)': round(diagnosis.computeViewsMs, 1),
        'pull page: bulkPut prototype': round(diagnosis.bulkPutPrototypeMs, 1),
        'push batch: settlePushResults': round(diagnosis.settlePushResultsMs, 1),
        'save: syncState sub-tx p50 / p95': `${syncStateTx.p50} / ${syncStateTx.p95}`,
        'save: zod + computeView (CPU)': round(diagnosis.saveCpuMsPerSave, 3),
      },
    );

    // 5. Unlock (reloads the page at the end, for the KDF's first load at 4x).
    const unlock = await unlockBench(page, throttle, SIZES.kdfRuns, kdfLoad1x);

    // 6. A caseload opened.
    const caseload = await caseloadBench(
      page,
      throttle,
      SIZES.clients,
      SIZES.openRuns,
      server.syncUser.providerId,
    );

    const problems: string[] = [];
    if (queued.outcome !== 'ok' || queued.pendingAfter !== 0)
      problems.push(`queued sync ended ${queued.outcome} with ${queued.pendingAfter} pending`);
    if (pulled.outcome !== 'ok' || pulled.recordsAfter !== seeded)
      problems.push(`pull ended ${pulled.outcome} with ${pulled.recordsAfter}/${seeded} records`);
    if (queuedPlain && (queuedPlain.outcome !== 'ok' || queuedPlain.pendingAfter !== 0))
      problems.push(`plaintext queued sync ended ${queuedPlain.outcome}`);
    if (pulledPlain && (pulledPlain.outcome !== 'ok' || pulledPlain.recordsAfter !== seeded))
      problems.push(`plaintext pull ended ${pulledPlain.outcome}`);
    problems.push(...unlock.problems, ...caseload.problems);
    for (const p of problems) console.error(`Invalid run: ${p}`);

    const targets: Target[] = [
      target(
        'save p95 vs raw put p95',
        'p95(saveChange, encrypted database)/p95(raw put)',
        ratio,
        '<=',
        2,
        'x',
      ),
      target(
        '  same, plaintext (comparison)',
        'p95(saveChange, plaintext database)/p95(raw put)',
        ratioPlain,
        '<=',
        2,
        'x',
      ),
      target(
        `${SIZES.queued} queued changes synced`,
        'engine.sync() until the outbox is empty',
        round(queued.syncMs / 1000, 3),
        '<',
        5,
        's',
      ),
      target(
        `${seeded} records pulled`,
        "a new device's first engine.sync()",
        round(pulled.syncMs / 1000, 3),
        '<',
        3,
        's',
      ),
      ...unlock.targets,
    ];
    printTargets(targets, smoke);
    const totalMs = round(performance.now() - started, 0);
    const file = writeReport(smoke, {
      name: smoke ? 'client-smoke' : 'client',
      date: new Date().toISOString(),
      smoke,
      machine: machineInfo(browser.version),
      sizes: SIZES,
      figures: {
        save: {
          saveChange: save,
          saveChangePlaintext: savePlain,
          rawPut,
          dexiePut,
          dexiePutPlaintext: dexiePutPlain,
          rawSameWork,
          p95Ratio: ratio,
          p95RatioPlaintext: ratioPlain,
          encryptedVsPlaintext: {
            p50: round(save.p50 / savePlain.p50),
            p95: round(save.p95 / savePlain.p95),
          },
          ...sizesOf(saves),
        },
        queuedSync: queued,
        pull: pulled,
        ...(queuedPlain ? { queuedSyncPlaintext: queuedPlain } : {}),
        ...(pulledPlain ? { pullPlaintext: pulledPlain } : {}),
        diagnosis: { ...diagnosis, encrypted: true, saveSyncStateTx: syncStateTx },
        unlock: unlock.figures,
        caseloadOpen: caseload.figures,
        setup: { buildMs: round(buildMs, 0), seedMs: round(seedMs, 0), totalMs },
      },
      targets,
      valid: problems.length === 0,
      problems,
    });
    console.log(`Run took ${(totalMs / 1000).toFixed(1)} s. Written to ${file}`);
    if (problems.length) process.exitCode = 1;
  } finally {
    await browser?.close();
    await server?.close();
    built?.cleanup();
  }
}

function sizesOf(s: SaveFigures) {
  return {
    recordRowChars: s.recordRowChars,
    outboxEntryChars: s.outboxEntryChars,
    rawObjectChars: s.rawObjectChars,
    sealedRowBytes: s.sealedRowBytes,
    sealedOutboxBytes: s.sealedOutboxBytes,
  };
}

await main();
