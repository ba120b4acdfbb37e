import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
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

/** Routes the Temporal core's logs through our logger; must run before any worker connection. */
export function installTemporalRuntime(logger: Logger): void {
  const level = (['trace', 'debug', 'info', 'warn', 'error'].includes(logger.level) ? logger.level.toUpperCase() : 'WARN') as LogLevel;
  Runtime.install({
    logger: new DefaultLogger(level === 'INFO' || level === 'DEBUG' || level === 'TRACE' ? 'WARN' : level, (entry) => {
      const fields = { ...entry.meta, sdkComponent: 'temporal' };
      if (entry.level === 'ERROR') logger.error(fields, entry.message);
      else if (entry.level === 'WARN') logger.warn(fields, entry.message);
      else logger.info(fields, entry.message);
    }),
  });
}
