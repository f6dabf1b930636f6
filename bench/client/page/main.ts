// The bench page's entry: exposes the benches on window for bench/client.ts to call through
// page.evaluate. Built by bench/client/build.ts; served by the real sync server.
import { benchCaseloadOpen, benchCaseloadSeed } from './caseload-open';
import { diagnose } from './diagnose';
import { benchSaves } from './saves';
import { benchPull, benchQueuedSync } from './sync';
import { benchCalibrate, benchKdfLoad, benchUnlock } from './unlock';

window.fieldnoteBench = {
  saves: benchSaves,
  queuedSync: benchQueuedSync,
  pull: benchPull,
  diagnose,
  kdfLoad: benchKdfLoad,
  calibrate: benchCalibrate,
  unlock: benchUnlock,
  caseloadSeed: benchCaseloadSeed,
  caseloadOpen: benchCaseloadOpen,
};
document.getElementById('status')!.textContent = 'ready';
