// The bench page's entry: exposes the benches on window for bench/client.ts to call through
// page.evaluate. Built by bench/client/build.ts; served by the real sync server.
import { diagnose } from './diagnose';
import { benchSaves } from './saves';
import { benchPull, benchQueuedSync } from './sync';

window.fieldnoteBench = {
  saves: benchSaves,
  queuedSync: benchQueuedSync,
  pull: benchPull,
  diagnose,
};
document.getElementById('status')!.textContent = 'ready';
