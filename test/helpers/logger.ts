import { createLogger } from '../../lib/logger.js';

export const testLogger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
