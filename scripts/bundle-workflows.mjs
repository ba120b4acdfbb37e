// Bundles the built workflow code once, at `npm run build`, into dist/workflow-bundle.js: a worker
// started from dist/ loads it and polls within seconds, instead of spending ~20 s running webpack
// each time it starts (a restarted worker's cases move again sooner).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error };
const { code } = await bundleWorkflowCode({ workflowsPath: resolve('dist/workflows/index.js'), logger: quiet });
writeFileSync('dist/workflow-bundle.js', code);
console.log(`workflow bundle: dist/workflow-bundle.js (${Math.round(code.length / 1024)} KB)`);
