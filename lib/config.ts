// Configuration is parsed once, at the edge (bin/*.ts), from the environment. Nothing else reads
// process.env. A bad or missing variable stops start-up with a message naming it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parsePolicy, type Policy } from '../policy/index.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z.string().trim().min(1).optional();
/** A whole number in an environment variable; blank or fractional text is refused rather than read as 0. */
const int = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
  SHUZHI_DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_MAX: int(1, 200).default(10),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('shuzhi'),
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_TLS: bool.optional(),
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_TLS_CA_PATH: optionalString,
  TEMPORAL_TLS_SERVER_NAME: optionalString,
  TEMPORAL_CLI: optionalString,
  TEMPORAL_UI_PORT: int(1, 65535).default(8233),
  WORKER_MAX_CACHED_WORKFLOWS: int(0, 1_000_000).default(1000),
  WORKER_MAX_CONCURRENT_ACTIVITIES: int(1, 10_000).default(50),
  WORKER_SHUTDOWN_GRACE_SECONDS: int(0, 3600).default(20),
  AUTH_MODE: z.enum(['dev', 'jwt']).default('jwt'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: optionalString,
  JWT_AUDIENCE: optionalString,
  /** The oldest token taken, counted from its `iat` (whatever its `exp` says). */
  JWT_MAX_AGE_SECONDS: int(60, 7 * 86_400).default(43_200),
  /** How far the issuer's clock may differ from ours, for `exp`, `nbf` and `iat`. */
  JWT_CLOCK_TOLERANCE_SECONDS: int(0, 600).default(60),
  RATE_LIMIT_PER_MINUTE: int(0, 1_000_000).default(600),
  /** A request not answered within this is answered 503 (its work may still finish); 0: no deadline. */
  REQUEST_DEADLINE_SECONDS: int(0, 3600).default(30),
  /** Requests are shed (503) while the event loop lags more than this; 0: never. */
  MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000).default(1000),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|[\s,]*[0-9a-fA-F.:/]+([\s,]+[0-9a-fA-F.:/]+)*[\s,]*)$/,
      'true, false, or a comma-separated list of proxy addresses/CIDRs',
    )
    .optional(),
  /** Who may read /metrics: the addresses or CIDRs of the operators' network (the scraper). */
  METRICS_ALLOW: z
    .string()
    .trim()
    .regex(/^[\s,]*[0-9a-fA-F.:/]+([\s,]+[0-9a-fA-F.:/]+)*[\s,]*$/, 'a comma-separated list of addresses/CIDRs')
    .default('127.0.0.1/32,::1/128'),
  /** A token that reads /metrics from anywhere (Authorization: Bearer <token>), for a scraper elsewhere. */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The audit chain's HMAC key: held outside the database, so a rewrite without it is detected. */
  AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** An upgraded deployment's last event written before the chain was keyed (0: every event is keyed). */
  AUDIT_LEGACY_UNTIL_ID: int(0, Number.MAX_SAFE_INTEGER).default(0),
  /** Where signed checkpoints of the chain's head are written too (a directory the city copies elsewhere). */
  AUDIT_CHECKPOINT_DIR: optionalString,
  SHUZHI_POLICY: optionalString,
  SHUZHI_IDENTITY_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  SHUZHI_POLICY_FILE: optionalString,
  CONSOLE_DIR: optionalString,
});

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  apiKey?: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string } | undefined;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  logPretty: boolean;
  dataDir: string;
  databaseUrl?: string;
  databasePoolMax: number;
  temporal: TemporalConfig;
  temporalCli?: string;
  temporalUiPort: number;
  worker: { maxCachedWorkflows: number; maxConcurrentActivities: number; shutdownGraceSeconds: number };
  auth: {
    mode: 'dev' | 'jwt';
    secret?: string;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    /** Tokens older than this (from `iat`) are refused; `exp` and `iat` are required. */
    maxAgeSeconds: number;
    clockToleranceSeconds: number;
  };
  rateLimitPerMinute: number;
  /** Seconds after which a request still unanswered is answered 503 (0: none). */
  requestDeadlineSeconds: number;
  /** Event-loop delay past which requests are shed with 503 (0: never). */
  maxEventLoopDelayMs: number;
  /** Who may read /metrics: addresses/CIDRs, and a bearer token for a scraper outside them. */
  metrics: { allow: string[]; token?: string };
  /** Fastify trustProxy: unset = no proxy; 'true' trusts any, or a comma-separated list of proxy addresses/CIDRs. */
  trustProxy: boolean | string[];
  /** Key of the hash that matches requesters against deny-lists without storing their identifier there. */
  identityKey: string;
  /** The audit chain's key, the end of its unkeyed prefix, and the checkpoints' directory. */
  audit: { key: string; legacyUntilId: number; checkpointDir?: string };
  policy: Policy;
  /** The built console (数治控制台) served at /console/; default: console/dist of the project. */
  consoleDir?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The audit chain's key outside production: published here, so it protects nothing but tests and demos. */
export const DEV_AUDIT_KEY = 'shuzhi-audit-chain-key-for-development-only';

/**
 * A dev-mode signing key: only ever used with AUTH_MODE=dev, which runs only with
 * NODE_ENV=development; AUTH_MODE=jwt refuses it as JWT_SECRET.
 */
export const DEV_JWT_SECRET = 'shuzhi-dev-only-secret-never-use-in-production';

/**
 * Why a token signing secret is too weak to trust, or null: the development secret published in
 * this source, or too little entropy for its length (estimated from its characters' frequencies, so
 * a repeated or short alphabet is caught; 100 bits at least).
 */
export function secretWeakness(secret: string): string | null {
  if (secret === DEV_JWT_SECRET) return 'the development secret published in the source is refused';
  const counts = new Map<string, number>();
  for (const ch of secret) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...secret].length;
  const perChar = [...counts.values()].reduce((h, c) => h - (c / n) * Math.log2(c / n), 0);
  const bits = Math.floor(perChar * n);
  return bits < 100 ? `too little entropy (about ${bits} bits)` : null;
}

/**
 * Parses the environment. `defaults` lets a caller (bin/dev.ts, tests) supply values that apply only
 * when the variable is unset, e.g. AUTH_MODE=dev for the embedded stack.
 */
export function parseConfig(
  env: NodeJS.ProcessEnv,
  defaults: Record<string, string> = {},
  options: { servesHttp?: boolean; requireIdentityKey?: boolean; requireAuditKey?: boolean } = {},
): Config {
  const merged: Record<string, string | undefined> = { ...defaults };
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') merged[key] = value;
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];

  let policy: Policy;
  try {
    const fromFile = e.SHUZHI_POLICY_FILE ? JSON.parse(readFileSync(e.SHUZHI_POLICY_FILE, 'utf8')) : {};
    const fromEnv = e.SHUZHI_POLICY ? JSON.parse(e.SHUZHI_POLICY) : {};
    policy = parsePolicy(deepMerge(fromFile, fromEnv));
  } catch (error) {
    const detail =
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : (error as Error).message;
    problems.push(`SHUZHI_POLICY / SHUZHI_POLICY_FILE: ${detail}`);
    policy = parsePolicy({});
  }

  // Only a process that serves HTTP verifies tokens; a worker needs no key.
  if ((options.servesHttp ?? true) && e.AUTH_MODE === 'jwt' && !e.JWT_SECRET && !e.JWT_JWKS_URL) {
    problems.push('JWT_SECRET or JWT_JWKS_URL: one is required when AUTH_MODE=jwt');
  }
  // Anyone can mint a dev token: only a developer's own machine may run that way.
  if (e.AUTH_MODE === 'dev' && e.NODE_ENV !== 'development') {
    problems.push(`AUTH_MODE: dev tokens are only for NODE_ENV=development, refused with NODE_ENV=${e.NODE_ENV}`);
  }
  if (e.AUTH_MODE === 'jwt' && e.JWT_SECRET) {
    const weak = secretWeakness(e.JWT_SECRET);
    if (weak) problems.push(`JWT_SECRET: ${weak}; use 32 random bytes or more (e.g. openssl rand -base64 48)`);
  }
  // Without its own key, a deployment's requester hashes could be matched against masked identifiers.
  if (options.requireIdentityKey && e.NODE_ENV === 'production' && !e.SHUZHI_IDENTITY_KEY) {
    problems.push('SHUZHI_IDENTITY_KEY: required in production (a secret of at least 16 characters, never changed)');
  }
  // A chain keyed with the published development key holds against no one.
  if (options.requireAuditKey && e.NODE_ENV === 'production') {
    const weak = !e.AUDIT_HMAC_KEY
      ? 'required in production (a secret of at least 32 characters the database never holds)'
      : e.AUDIT_HMAC_KEY === DEV_AUDIT_KEY
        ? 'the development key published in the source is refused'
        : secretWeakness(e.AUDIT_HMAC_KEY);
    if (weak) problems.push(`AUDIT_HMAC_KEY: ${weak}`);
  }
  // Trusting any proxy lets any client write its own X-Forwarded-For, and so its own rate-limit bucket.
  if (e.NODE_ENV === 'production' && e.TRUST_PROXY === 'true') {
    problems.push('TRUST_PROXY: name the proxies in production (addresses or CIDRs, e.g. 10.0.0.0/8), not true');
  }
  if (Boolean(e.TEMPORAL_TLS_CERT_PATH) !== Boolean(e.TEMPORAL_TLS_KEY_PATH)) {
    problems.push('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH: set both for mTLS, or neither');
  }
  if (problems.length) throw new ConfigError(problems);

  const tlsWanted = e.TEMPORAL_TLS ?? Boolean(e.TEMPORAL_API_KEY || e.TEMPORAL_TLS_CERT_PATH || e.TEMPORAL_TLS_CA_PATH);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY,
    dataDir: e.SHUZHI_DATA_DIR,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    databasePoolMax: e.DATABASE_POOL_MAX,
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      ...(e.TEMPORAL_API_KEY ? { apiKey: e.TEMPORAL_API_KEY } : {}),
      tls: tlsWanted
        ? {
            ...(e.TEMPORAL_TLS_CERT_PATH ? { certPath: e.TEMPORAL_TLS_CERT_PATH } : {}),
            ...(e.TEMPORAL_TLS_KEY_PATH ? { keyPath: e.TEMPORAL_TLS_KEY_PATH } : {}),
            ...(e.TEMPORAL_TLS_CA_PATH ? { caPath: e.TEMPORAL_TLS_CA_PATH } : {}),
            ...(e.TEMPORAL_TLS_SERVER_NAME ? { serverName: e.TEMPORAL_TLS_SERVER_NAME } : {}),
          }
        : undefined,
    },
    ...(e.TEMPORAL_CLI ? { temporalCli: e.TEMPORAL_CLI } : {}),
    temporalUiPort: e.TEMPORAL_UI_PORT,
    worker: {
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentActivities: e.WORKER_MAX_CONCURRENT_ACTIVITIES,
      shutdownGraceSeconds: e.WORKER_SHUTDOWN_GRACE_SECONDS,
    },
    auth: {
      mode: e.AUTH_MODE,
      ...(e.JWT_SECRET ? { secret: e.JWT_SECRET } : e.AUTH_MODE === 'dev' ? { secret: DEV_JWT_SECRET } : {}),
      ...(e.JWT_JWKS_URL ? { jwksUrl: e.JWT_JWKS_URL } : {}),
      ...(e.JWT_ISSUER ? { issuer: e.JWT_ISSUER } : {}),
      ...(e.JWT_AUDIENCE ? { audience: e.JWT_AUDIENCE } : {}),
      maxAgeSeconds: e.JWT_MAX_AGE_SECONDS,
      clockToleranceSeconds: e.JWT_CLOCK_TOLERANCE_SECONDS,
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    requestDeadlineSeconds: e.REQUEST_DEADLINE_SECONDS,
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
    metrics: {
      allow: e.METRICS_ALLOW.split(/[\s,]+/).filter(Boolean),
      ...(e.METRICS_TOKEN ? { token: e.METRICS_TOKEN } : {}),
    },
    trustProxy:
      e.TRUST_PROXY === undefined || e.TRUST_PROXY === 'false'
        ? false
        : e.TRUST_PROXY === 'true'
          ? true
          : e.TRUST_PROXY.split(/[\s,]+/).filter(Boolean),
    identityKey: e.SHUZHI_IDENTITY_KEY ?? 'shuzhi-identity-key-for-development',
    audit: {
      key: e.AUDIT_HMAC_KEY ?? DEV_AUDIT_KEY,
      legacyUntilId: e.AUDIT_LEGACY_UNTIL_ID,
      ...(e.AUDIT_CHECKPOINT_DIR ? { checkpointDir: e.AUDIT_CHECKPOINT_DIR } : {}),
    },
    policy,
    ...(e.CONSOLE_DIR ? { consoleDir: e.CONSOLE_DIR } : {}),
  };
}

function deepMerge(a: unknown, b: unknown): unknown {
  if (isPlainObject(a) && isPlainObject(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k], v) : v;
    return out;
  }
  return b === undefined ? a : b;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
