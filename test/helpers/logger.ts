import { createLogger } from '../../lib/logger.js';

export const testLogger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A line Temporal's runtime logged (pino's JSON: level 30 is info, 40 warn). */
export interface TemporalLogLine {
  level: number;
  msg: string;
  sdkComponent?: string;
  [field: string]: unknown;
}

// On globalThis: a test process keeps its Runtime (and this sink) across files, whose modules are fresh.
const shared = globalThis as { temporalLogListeners?: Set<(line: TemporalLogLine) => void> };
const listeners = (shared.temporalLogListeners ??= new Set());

/** Where test/setup.ts points the runtime's logger: to the listeners, and warnings on to stderr. */
export const temporalLogSink = {
  write(text: string): void {
    const line = JSON.parse(text) as TemporalLogLine;
    for (const listen of listeners) listen(line);
    if (line.level >= 40) process.stderr.write(text);
  },
};

/** Collects what the runtime logs from now until the returned stop is called. */
export function listenToTemporalLogs(): { lines: TemporalLogLine[]; stop(): void } {
  const lines: TemporalLogLine[] = [];
  const listen = (line: TemporalLogLine) => {
    lines.push(line);
  };
  listeners.add(listen);
  return {
    lines,
    stop: () => {
      listeners.delete(listen);
    },
  };
}
