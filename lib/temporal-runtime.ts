// Temporal's runtime logging: workflow and activity logs, and the SDK core's own, through our logger.
import { DefaultLogger, Runtime, type LogLevel, type RuntimeOptions } from '@temporalio/worker';
import type { Logger } from './logger.js';

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
  const level: LogLevel = (levels as readonly string[]).includes(configured) ? (configured as LogLevel) : 'ERROR';
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
