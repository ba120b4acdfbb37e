// Per test process: Temporal's runtime logs the way a deployment's does (bin/shared.ts), at info, into
// a sink a test can listen to (test/helpers/logger.ts); warnings and errors are also printed.
import { Runtime } from '@temporalio/worker';
import { pino } from 'pino';
import { temporalRuntimeOptions } from '../lib/temporal-runtime.js';
import { temporalLogSink } from './helpers/logger.js';

try {
  Runtime.install(temporalRuntimeOptions(pino({ level: 'info' }, temporalLogSink)));
} catch {
  // Already installed in this process.
}
