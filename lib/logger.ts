import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The one structured logger; Fastify, the worker and the Temporal runtime all log through it. `destination`:
 * stdout unless given (a test's sink).
 */
export function createLogger(options: {
  level: string;
  pretty?: boolean;
  name?: string;
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      name: options.name ?? 'shuzhi',
      redact: { paths: ['req.headers.authorization', '*.idNumber', '*.credential'], censor: '[redacted]' },
      ...(options.pretty
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
        : {}),
    },
    ...(options.destination && !options.pretty ? [options.destination] : []),
  );
}
