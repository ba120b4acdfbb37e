import { ConfigError } from '../lib/config.js';

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

export { installTemporalRuntime } from '../lib/temporal-runtime.js';
