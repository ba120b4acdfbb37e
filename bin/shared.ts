import { DefaultLogger, Runtime, type LogLevel, type RuntimeOptions } from '@temporalio/worker';
import { ConfigError } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';

/** Parses configuration or stops the process with a message naming each bad variable. */
export function exitOnConfigError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * Routes Temporal's logs through our logger; must run before any worker connection. Workflow and
 * activity logs (`log.info('… transition')`) reach it at the configured level; the SDK core's own
 * logs, chatty below WARN, are forwarded from WARN up.
 */
export function installTemporalRuntime(logger: Logger): void {
  Runtime.install(temporalRuntimeOptions(logger));
}

const levels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] as const;

export function temporalRuntimeOptions(logger: Logger): RuntimeOptions {
  const configured = logger.level.toUpperCase();
  // pino's 'silent' and 'fatal' have no Temporal level: the nearest that still lets errors through.
  const level: LogLevel = (levels as readonly string[]).includes(configured) ? configured as LogLevel : 'ERROR';
  const core: LogLevel = levels.indexOf(level) > levels.indexOf('WARN') ? level : 'WARN';
  return {
    logger: new DefaultLogger(level, (entry) => {
      const fields = { ...entry.meta, sdkComponent: entry.meta?.sdkComponent ?? 'temporal' };
      if (entry.level === 'ERROR') logger.error(fields, entry.message);
      else if (entry.level === 'WARN') logger.warn(fields, entry.message);
      else if (entry.level === 'INFO') logger.info(fields, entry.message);
      else logger.debug(fields, entry.message);
    }),
    telemetryOptions: { logging: { filter: { core, other: core }, forward: {} } },
  };
}
