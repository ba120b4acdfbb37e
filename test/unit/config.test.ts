// parseConfig: the environment is parsed once, and a bad or missing variable stops start-up with a
// message naming it. No I/O: every case passes its own env object, and
// SHUZHI_POLICY_FILE reads from an in-memory map instead of the disk.
import { describe, expect, it, vi } from 'vitest';
import {
  ConfigError,
  DEV_AUDIT_KEY,
  DEV_JWT_SECRET,
  parseConfig,
  secretWeakness,
  type Config,
} from '../../lib/config.js';

const policyFiles = vi.hoisted(() => new Map<string, string>());

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readFileSync = (path: unknown): string => {
    const text = policyFiles.get(String(path));
    if (text === undefined)
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${String(path)}'`), { code: 'ENOENT' });
    return text;
  };
  return { ...actual, readFileSync, default: { ...actual, readFileSync } };
});

/** Exactly 32 characters, the shortest secret accepted. */
const SECRET = 'abcdefghijklmnopqrstuvwxyz012345';
const JWKS = 'https://idp.example.gov.cn/.well-known/jwks.json';

/** The smallest environment that starts: jwt auth (the default) needs a secret or a JWKS URL. */
const base = { JWT_SECRET: SECRET };

/** The problems a ConfigError lists; fails the test when parseConfig does not throw one. */
function problemsOf(env: NodeJS.ProcessEnv, defaults?: Record<string, string>): string[] {
  try {
    parseConfig(env, defaults);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected parseConfig to throw a ConfigError');
}

/** docs/processes.md's numbers, written out here so this file does not trust policy/index.ts for them. */
const domainPolicy = {
  remindWd: 2,
  share: {
    precheckWd: 2,
    reviewWd: 10,
    supplementWd: 10,
    extensionWd: 10,
    expiryReminderDays: 10,
    objectionWindowWd: 15,
  },
  objection: { negotiateWd: 5, providerStatementWd: 3, coordinateWd: 10 },
  open: {
    formalCheckWd: 5,
    reviewWd: 10,
    agreementWd: 5,
    reportEveryMonths: 6,
    reportReminderDays: 7,
    reportGraceWd: 10,
  },
  assessment: {
    startsOn: '01-15',
    startsAt: '09:00',
    selfWd: 10,
    reviewWd: 15,
    noticeWd: 5,
    rectifyPlanWd: 10,
    rectifyDays: 30,
  },
  correction: { forwardWd: 2, verifyWd: 5, verifyExtendedWd: 10 },
  freshness: { overdueGraceWd: 2, delinquentCycles: 2 },
};

describe('parseConfig defaults', () => {
  it('fills every setting from its default when only a JWT secret is given', () => {
    const expected: Config = {
      env: 'production',
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      logPretty: false,
      dataDir: '.data',
      databasePoolMax: 10,
      temporal: { address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'shuzhi', tls: undefined },
      temporalUiPort: 8233,
      worker: { maxCachedWorkflows: 1000, maxConcurrentActivities: 50, shutdownGraceSeconds: 20 },
      auth: { mode: 'jwt', secret: SECRET, maxAgeSeconds: 43_200, clockToleranceSeconds: 60 },
      rateLimitPerMinute: 600,
      requestDeadlineSeconds: 30,
      maxEventLoopDelayMs: 1000,
      metrics: { allow: ['127.0.0.1/32', '::1/128'] },
      trustProxy: false,
      identityKey: 'shuzhi-identity-key-for-development',
      audit: { key: DEV_AUDIT_KEY, legacyUntilId: 0 },
      policy: domainPolicy,
    };
    expect(parseConfig(base)).toEqual(expected);
  });

  it('leaves out what was not configured rather than inventing it', () => {
    const config = parseConfig(base);
    expect(Object.keys(config)).not.toContain('databaseUrl');
    expect(Object.keys(config)).not.toContain('temporalCli');
    expect(Object.keys(config.temporal)).not.toContain('apiKey');
    expect(config.temporal.tls).toBeUndefined();
    expect(Object.keys(config.auth).sort()).toEqual(['clockToleranceSeconds', 'maxAgeSeconds', 'mode', 'secret']);
  });

  it('treats an empty variable as unset', () => {
    const config = parseConfig({ ...base, PORT: '', TEMPORAL_ADDRESS: '', AUTH_MODE: '', LOG_LEVEL: '' });
    expect(config.port).toBe(3000);
    expect(config.temporal.address).toBe('127.0.0.1:7233');
    expect(config.auth.mode).toBe('jwt');
    expect(config.logLevel).toBe('info');
  });

  it('reads every variable it is given', () => {
    const config = parseConfig({
      NODE_ENV: 'test',
      PORT: '8080',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      LOG_PRETTY: 'yes',
      SHUZHI_DATA_DIR: '/var/lib/shuzhi',
      DATABASE_URL: 'postgresql://shuzhi@db:5432/shuzhi',
      DATABASE_POOL_MAX: '25',
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_NAMESPACE: 'binzhou',
      TEMPORAL_TASK_QUEUE: 'shuzhi-prod',
      TEMPORAL_CLI: '/usr/local/bin/temporal',
      TEMPORAL_UI_PORT: '9233',
      WORKER_MAX_CACHED_WORKFLOWS: '0',
      WORKER_MAX_CONCURRENT_ACTIVITIES: '8',
      WORKER_SHUTDOWN_GRACE_SECONDS: '5',
      JWT_SECRET: SECRET,
      JWT_ISSUER: 'https://idp.example.gov.cn',
      JWT_AUDIENCE: 'shuzhi',
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: '10.0.0.1,10.0.0.0/8',
      SHUZHI_IDENTITY_KEY: 'a-deployment-identity-key',
    });
    expect(config).toEqual({
      env: 'test',
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'debug',
      logPretty: true,
      dataDir: '/var/lib/shuzhi',
      databaseUrl: 'postgresql://shuzhi@db:5432/shuzhi',
      databasePoolMax: 25,
      temporal: { address: 'temporal.internal:7233', namespace: 'binzhou', taskQueue: 'shuzhi-prod', tls: undefined },
      temporalCli: '/usr/local/bin/temporal',
      temporalUiPort: 9233,
      worker: { maxCachedWorkflows: 0, maxConcurrentActivities: 8, shutdownGraceSeconds: 5 },
      auth: {
        mode: 'jwt',
        secret: SECRET,
        issuer: 'https://idp.example.gov.cn',
        audience: 'shuzhi',
        maxAgeSeconds: 43_200,
        clockToleranceSeconds: 60,
      },
      rateLimitPerMinute: 0,
      requestDeadlineSeconds: 30,
      maxEventLoopDelayMs: 1000,
      metrics: { allow: ['127.0.0.1/32', '::1/128'] },
      trustProxy: ['10.0.0.1', '10.0.0.0/8'],
      identityKey: 'a-deployment-identity-key',
      audit: { key: DEV_AUDIT_KEY, legacyUntilId: 0 },
      policy: domainPolicy,
    });
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('reads LOG_PRETTY=%s as %s', (value, expected) => {
    expect(parseConfig({ ...base, LOG_PRETTY: value }).logPretty).toBe(expected);
  });
});

describe('parseConfig authentication', () => {
  it('refuses AUTH_MODE=jwt (the default) with neither JWT_SECRET nor JWT_JWKS_URL, naming both', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('JWT_SECRET');
    expect(problems[0]).toContain('JWT_JWKS_URL');
  });

  it('refuses an explicit AUTH_MODE=jwt with neither, and throws a ConfigError whose message lists it', () => {
    expect(() => parseConfig({ AUTH_MODE: 'jwt', NODE_ENV: 'development' })).toThrow(ConfigError);
    expect(() => parseConfig({ AUTH_MODE: 'jwt', NODE_ENV: 'development' })).toThrow(/JWT_SECRET or JWT_JWKS_URL/);
  });

  it('names itself ConfigError', () => {
    let thrown: unknown;
    try {
      parseConfig({});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('ConfigError');
    expect((thrown as Error).message).toBe(
      'Invalid configuration:\n  - JWT_SECRET or JWT_JWKS_URL: one is required when AUTH_MODE=jwt',
    );
  });

  it('accepts a JWKS URL instead of a secret', () => {
    expect(parseConfig({ JWT_JWKS_URL: JWKS }).auth).toEqual({
      mode: 'jwt',
      jwksUrl: JWKS,
      maxAgeSeconds: 43_200,
      clockToleranceSeconds: 60,
    });
  });

  it('refuses a JWKS URL that is not a URL, naming JWT_JWKS_URL', () => {
    const problems = problemsOf({ JWT_JWKS_URL: 'idp.example.gov.cn/jwks' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^JWT_JWKS_URL: /);
  });

  it.each([
    ['31 characters', SECRET.slice(0, 31)],
    ['a short word', 'secret'],
  ])('refuses a JWT_SECRET of %s, naming JWT_SECRET and the minimum', (_, secret) => {
    const problems = problemsOf({ JWT_SECRET: secret });
    expect(problems).toEqual(['JWT_SECRET: must be at least 32 characters']);
  });

  it('accepts a JWT_SECRET of exactly 32 characters', () => {
    expect(SECRET).toHaveLength(32);
    expect(parseConfig({ JWT_SECRET: SECRET }).auth.secret).toBe(SECRET);
  });

  it('refuses AUTH_MODE=dev set in the environment when NODE_ENV=production', () => {
    const problems = problemsOf({ AUTH_MODE: 'dev', NODE_ENV: 'production' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_MODE: /);
    expect(problems[0]).toContain('NODE_ENV=production');
  });

  it('refuses AUTH_MODE=dev from the environment when NODE_ENV is unset (it defaults to production)', () => {
    expect(problemsOf({ AUTH_MODE: 'dev' })).toEqual([
      'AUTH_MODE: dev tokens are only for NODE_ENV=development, refused with NODE_ENV=production',
    ]);
  });

  it('refuses AUTH_MODE=dev in production even with a real JWT secret', () => {
    expect(problemsOf({ AUTH_MODE: 'dev', NODE_ENV: 'production', JWT_SECRET: SECRET })).toEqual([
      'AUTH_MODE: dev tokens are only for NODE_ENV=development, refused with NODE_ENV=production',
    ]);
  });

  it('refuses AUTH_MODE=dev with NODE_ENV=test: dev tokens only on a developer’s machine', () => {
    expect(problemsOf({ AUTH_MODE: 'dev', NODE_ENV: 'test' })).toEqual([
      'AUTH_MODE: dev tokens are only for NODE_ENV=development, refused with NODE_ENV=test',
    ]);
  });

  it('refuses the published development secret and weak secrets with AUTH_MODE=jwt', () => {
    expect(problemsOf({ JWT_SECRET: DEV_JWT_SECRET })).toEqual([
      'JWT_SECRET: the development secret published in the source is refused; use 32 random bytes or more (e.g. openssl rand -base64 48)',
    ]);
    expect(problemsOf({ JWT_SECRET: 'a'.repeat(64) })[0]).toMatch(/^JWT_SECRET: too little entropy \(about 0 bits\)/);
    expect(problemsOf({ JWT_SECRET: 'abab'.repeat(12) })[0]).toMatch(/about 48 bits/);
    expect(secretWeakness('q7Vx2Lr9Kp4Ws8Zt3Ym6Bn1Hc5Jd0Fg')).toBeNull();
    expect(secretWeakness(SECRET)).toBeNull();
  });

  it('takes a maximum token age and a clock tolerance, within bounds', () => {
    expect(
      parseConfig({ JWT_SECRET: SECRET, JWT_MAX_AGE_SECONDS: '3600', JWT_CLOCK_TOLERANCE_SECONDS: '5' }).auth,
    ).toMatchObject({
      maxAgeSeconds: 3600,
      clockToleranceSeconds: 5,
    });
    expect(problemsOf({ JWT_SECRET: SECRET, JWT_MAX_AGE_SECONDS: '30' })[0]).toMatch(/^JWT_MAX_AGE_SECONDS: /);
    expect(problemsOf({ JWT_SECRET: SECRET, JWT_CLOCK_TOLERANCE_SECONDS: '3600' })[0]).toMatch(
      /^JWT_CLOCK_TOLERANCE_SECONDS: /,
    );
  });

  it.each(['development'])('accepts AUTH_MODE=dev with NODE_ENV=%s and signs with the dev secret', (env) => {
    expect(parseConfig({ AUTH_MODE: 'dev', NODE_ENV: env }).auth).toEqual({
      mode: 'dev',
      secret: DEV_JWT_SECRET,
      maxAgeSeconds: 43_200,
      clockToleranceSeconds: 60,
    });
  });

  it('accepts the embedded stack defaults of bin/dev.ts: AUTH_MODE=dev with NODE_ENV=development', () => {
    const config = parseConfig({}, { AUTH_MODE: 'dev', NODE_ENV: 'development' });
    expect(config.env).toBe('development');
    expect(config.auth).toEqual({
      mode: 'dev',
      secret: DEV_JWT_SECRET,
      maxAgeSeconds: 43_200,
      clockToleranceSeconds: 60,
    });
  });

  it('refuses a caller default of AUTH_MODE=dev once the environment says NODE_ENV=production', () => {
    expect(problemsOf({ NODE_ENV: 'production' }, { AUTH_MODE: 'dev', NODE_ENV: 'development' })).toEqual([
      'AUTH_MODE: dev tokens are only for NODE_ENV=development, refused with NODE_ENV=production',
    ]);
  });

  it('refuses a caller default of AUTH_MODE=dev alone, since NODE_ENV then defaults to production', () => {
    expect(problemsOf({}, { AUTH_MODE: 'dev' })).toEqual([
      'AUTH_MODE: dev tokens are only for NODE_ENV=development, refused with NODE_ENV=production',
    ]);
  });

  it('prefers an explicit JWT_SECRET over the dev secret in dev mode', () => {
    expect(parseConfig({ AUTH_MODE: 'dev', NODE_ENV: 'development', JWT_SECRET: SECRET }).auth).toEqual({
      mode: 'dev',
      secret: SECRET,
      maxAgeSeconds: 43_200,
      clockToleranceSeconds: 60,
    });
  });

  it('refuses an unknown AUTH_MODE, naming it', () => {
    const problems = problemsOf({ ...base, AUTH_MODE: 'none' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^AUTH_MODE: /);
  });
});

describe('parseConfig for processes that serve no HTTP (worker, cli)', () => {
  it('needs no JWT secret or JWKS URL', () => {
    expect(parseConfig({}, {}, { servesHttp: false }).auth).toEqual({
      mode: 'jwt',
      maxAgeSeconds: 43_200,
      clockToleranceSeconds: 60,
    });
  });

  it('still needs one when servesHttp is true', () => {
    expect(problemsOf({}, {})).toEqual(['JWT_SECRET or JWT_JWKS_URL: one is required when AUTH_MODE=jwt']);
    expect(() => parseConfig({}, {}, { servesHttp: true })).toThrow(ConfigError);
  });

  it('still refuses the other problems', () => {
    expect(() => parseConfig({ AUTH_MODE: 'dev', NODE_ENV: 'production' }, {}, { servesHttp: false })).toThrow(
      /AUTH_MODE/,
    );
    expect(() => parseConfig({ PORT: 'abc' }, {}, { servesHttp: false })).toThrow(/PORT/);
  });
});

describe('parseConfig TRUST_PROXY', () => {
  it.each([
    ['unset', undefined, false],
    ['true', 'true', true],
    ['one address', '10.0.0.1', ['10.0.0.1']],
    ['a list with spaces and a trailing comma', ' 10.0.0.1 , 172.16.0.0/12, ', ['10.0.0.1', '172.16.0.0/12']],
  ])('reads %s as %j (outside production)', (_, value, expected) => {
    expect(parseConfig({ ...base, NODE_ENV: 'test', TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('requires AUDIT_HMAC_KEY in production for the processes that write the audit chain', () => {
    const prod = { ...base, NODE_ENV: 'production' };
    expect(() => parseConfig(prod, {}, { requireAuditKey: true })).toThrow(/AUDIT_HMAC_KEY: required in production/);
    const key = 'q7Vb2xN9pL4sT8wZ1cR6yH3mK5dF0gJe';
    expect(parseConfig({ ...prod, AUDIT_HMAC_KEY: key }, {}, { requireAuditKey: true }).audit).toEqual({
      key,
      legacyUntilId: 0,
    });
    expect(parseConfig({ ...base, NODE_ENV: 'test' }, {}, { requireAuditKey: true }).audit.key).toBe(DEV_AUDIT_KEY);
    expect(() => parseConfig({ ...prod, AUDIT_HMAC_KEY: DEV_AUDIT_KEY }, {}, { requireAuditKey: true })).toThrow(
      /AUDIT_HMAC_KEY: the development key published in the source is refused/,
    );
    expect(() => parseConfig({ ...prod, AUDIT_HMAC_KEY: 'a'.repeat(40) }, {}, { requireAuditKey: true })).toThrow(
      /AUDIT_HMAC_KEY: too little entropy/,
    );
  });

  it('refuses a bare true in production (any client could name its own address) and takes named proxies', () => {
    const prod = { ...base, NODE_ENV: 'production', SHUZHI_IDENTITY_KEY: 'a-city-identity-key-0123' };
    expect(() => parseConfig({ ...prod, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: name the proxies/);
    expect(parseConfig({ ...prod, TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.0/8']);
  });
});

describe('parseConfig caller defaults', () => {
  it('applies a default when the variable is unset', () => {
    expect(parseConfig(base, { PORT: '4000' }).port).toBe(4000);
  });

  it('applies a default when the variable is empty', () => {
    expect(parseConfig({ ...base, PORT: '' }, { PORT: '4000' }).port).toBe(4000);
  });

  it('lets the environment win over a default', () => {
    expect(parseConfig({ ...base, PORT: '5000' }, { PORT: '4000' }).port).toBe(5000);
  });

  it('lets an environment AUTH_MODE=jwt win over a caller default of dev', () => {
    const problems = problemsOf({ AUTH_MODE: 'jwt' }, { AUTH_MODE: 'dev' });
    expect(problems).toEqual(['JWT_SECRET or JWT_JWKS_URL: one is required when AUTH_MODE=jwt']);
  });

  it('validates a default like any other value, naming the variable', () => {
    const problems = problemsOf(base, { PORT: 'eighty' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT: /);
  });
});

describe('parseConfig PORT', () => {
  it.each(['abc', '70000', '65536', '-1', '80.5', '3000abc'])('refuses PORT=%s, naming PORT', (port) => {
    const problems = problemsOf({ ...base, PORT: port });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT: /);
  });

  it.each([
    ['0', 0],
    ['80', 80],
    ['65535', 65535],
  ])('accepts PORT=%s', (port, expected) => {
    expect(parseConfig({ ...base, PORT: port }).port).toBe(expected);
  });

  it('names each bad variable when several are wrong', () => {
    const problems = problemsOf({ ...base, PORT: 'abc', DATABASE_POOL_MAX: '0', LOG_LEVEL: 'verbose' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_POOL_MAX', 'LOG_LEVEL', 'PORT']);
  });
});

describe('parseConfig Temporal connection', () => {
  it.each([
    ['no port', 'temporal'],
    ['a URL scheme', 'http://temporal:7233'],
    ['a non-numeric port', 'temporal:port'],
    ['a space', 'temporal :7233'],
    ['a trailing colon', 'temporal:'],
  ])('refuses a TEMPORAL_ADDRESS with %s, naming it and the form', (_, address) => {
    expect(problemsOf({ ...base, TEMPORAL_ADDRESS: address })).toEqual(['TEMPORAL_ADDRESS: must be host:port']);
  });

  it('accepts host:port', () => {
    expect(parseConfig({ ...base, TEMPORAL_ADDRESS: 'temporal.internal:7233' }).temporal.address).toBe(
      'temporal.internal:7233',
    );
  });

  it.each([
    ['a cert without its key', { TEMPORAL_TLS_CERT_PATH: '/etc/shuzhi/client.pem' }],
    ['a key without its cert', { TEMPORAL_TLS_KEY_PATH: '/etc/shuzhi/client.key' }],
  ])('refuses mTLS with %s, naming both variables', (_, tls) => {
    const problems = problemsOf({ ...base, ...tls });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('TEMPORAL_TLS_CERT_PATH');
    expect(problems[0]).toContain('TEMPORAL_TLS_KEY_PATH');
  });

  it('turns TLS on with a cert and its key', () => {
    const config = parseConfig({
      ...base,
      TEMPORAL_TLS_CERT_PATH: '/etc/shuzhi/client.pem',
      TEMPORAL_TLS_KEY_PATH: '/etc/shuzhi/client.key',
    });
    expect(config.temporal.tls).toEqual({ certPath: '/etc/shuzhi/client.pem', keyPath: '/etc/shuzhi/client.key' });
  });

  it('turns TLS on when an API key is given (Temporal Cloud)', () => {
    const config = parseConfig({ ...base, TEMPORAL_API_KEY: 'tc-key-1' });
    expect(config.temporal.apiKey).toBe('tc-key-1');
    expect(config.temporal.tls).toEqual({});
  });

  it('keeps TLS off with an API key when TEMPORAL_TLS=false says so', () => {
    const config = parseConfig({ ...base, TEMPORAL_API_KEY: 'tc-key-1', TEMPORAL_TLS: 'false' });
    expect(config.temporal.apiKey).toBe('tc-key-1');
    expect(config.temporal.tls).toBeUndefined();
  });

  it('turns TLS on when a CA is given', () => {
    expect(parseConfig({ ...base, TEMPORAL_TLS_CA_PATH: '/etc/shuzhi/ca.pem' }).temporal.tls).toEqual({
      caPath: '/etc/shuzhi/ca.pem',
    });
  });

  it('turns TLS on with TEMPORAL_TLS=true alone, and carries the server name', () => {
    expect(
      parseConfig({ ...base, TEMPORAL_TLS: 'true', TEMPORAL_TLS_SERVER_NAME: 'temporal.example.gov.cn' }).temporal.tls,
    ).toEqual({
      serverName: 'temporal.example.gov.cn',
    });
  });

  it('refuses a TEMPORAL_TLS that is not a yes/no value, naming it', () => {
    const problems = problemsOf({ ...base, TEMPORAL_TLS: 'maybe' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TEMPORAL_TLS: /);
  });

  it('lists the auth and mTLS problems together', () => {
    const problems = problemsOf({ TEMPORAL_TLS_CERT_PATH: '/etc/shuzhi/client.pem' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('JWT_SECRET');
    expect(problems[1]).toContain('TEMPORAL_TLS_KEY_PATH');
  });
});

describe('parseConfig policy (SHUZHI_POLICY)', () => {
  it('deep-merges an override over the defaults, keeping every other number', () => {
    const { policy } = parseConfig({ ...base, SHUZHI_POLICY: '{"share":{"reviewWd":15}}' });
    expect(policy).toEqual({ ...domainPolicy, share: { ...domainPolicy.share, reviewWd: 15 } });
    expect(policy.share).toEqual({
      precheckWd: 2,
      reviewWd: 15,
      supplementWd: 10,
      extensionWd: 10,
      expiryReminderDays: 10,
      objectionWindowWd: 15,
    });
  });

  it('overrides keys in several sections at once', () => {
    const { policy } = parseConfig({
      ...base,
      SHUZHI_POLICY: JSON.stringify({
        objection: { coordinateWd: 20 },
        assessment: { startsOn: '02-01' },
        freshness: { overdueGraceWd: 3 },
      }),
    });
    expect(policy.objection).toEqual({ negotiateWd: 5, providerStatementWd: 3, coordinateWd: 20 });
    expect(policy.assessment).toEqual({ ...domainPolicy.assessment, startsOn: '02-01' });
    expect(policy.freshness).toEqual({ overdueGraceWd: 3, delinquentCycles: 2 });
    expect(policy.share).toEqual(domainPolicy.share);
  });

  it.each([
    ['a zero working-day count', '{"share":{"reviewWd":0}}', 'share.reviewWd'],
    ['a fractional working-day count', '{"share":{"extensionWd":2.5}}', 'share.extensionWd'],
    ['a count given as a string', '{"objection":{"negotiateWd":"5"}}', 'objection.negotiateWd'],
    ['an unknown top-level section', '{"sharing":{"reviewWd":15}}', 'sharing'],
    ['a malformed start date', '{"assessment":{"startsOn":"1-15"}}', 'assessment.startsOn'],
  ])('refuses %s, naming SHUZHI_POLICY and the key', (_, json, key) => {
    const problems = problemsOf({ ...base, SHUZHI_POLICY: json });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('SHUZHI_POLICY');
    expect(problems[0]).toContain(key);
  });

  it('refuses SHUZHI_POLICY that is not JSON, naming it', () => {
    const problems = problemsOf({ ...base, SHUZHI_POLICY: '{share: {reviewWd: 15}}' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SHUZHI_POLICY/);
  });

  it('reports a bad policy together with the other problems', () => {
    const problems = problemsOf({ SHUZHI_POLICY: '{"share":{"reviewWd":0}}' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('SHUZHI_POLICY');
    expect(problems[1]).toContain('JWT_SECRET');
  });
});

describe('parseConfig policy file (SHUZHI_POLICY_FILE)', () => {
  policyFiles.set(
    '/etc/shuzhi/policy.json',
    JSON.stringify({ share: { reviewWd: 15, supplementWd: 12 }, open: { agreementWd: 7 } }),
  );
  policyFiles.set('/etc/shuzhi/broken.json', '{"share":');
  policyFiles.set('/etc/shuzhi/zero.json', '{"correction":{"verifyWd":0}}');

  it('reads the policy from the file over the defaults', () => {
    const { policy } = parseConfig({ ...base, SHUZHI_POLICY_FILE: '/etc/shuzhi/policy.json' });
    expect(policy.share).toEqual({
      precheckWd: 2,
      reviewWd: 15,
      supplementWd: 12,
      extensionWd: 10,
      expiryReminderDays: 10,
      objectionWindowWd: 15,
    });
    expect(policy.open).toEqual({ ...domainPolicy.open, agreementWd: 7 });
  });

  it('deep-merges SHUZHI_POLICY over the file: the variable wins key by key, the file keeps the rest', () => {
    const { policy } = parseConfig({
      ...base,
      SHUZHI_POLICY_FILE: '/etc/shuzhi/policy.json',
      SHUZHI_POLICY: '{"share":{"reviewWd":20}}',
    });
    expect(policy.share).toEqual({
      precheckWd: 2,
      reviewWd: 20,
      supplementWd: 12,
      extensionWd: 10,
      expiryReminderDays: 10,
      objectionWindowWd: 15,
    });
    expect(policy.open.agreementWd).toBe(7);
  });

  it.each([
    ['a file that does not exist', '/etc/shuzhi/missing.json', 'ENOENT'],
    ['a file that is not JSON', '/etc/shuzhi/broken.json', 'JSON'],
    ['a file with a zero working-day count', '/etc/shuzhi/zero.json', 'correction.verifyWd'],
  ])('refuses %s, naming SHUZHI_POLICY_FILE', (_, path, detail) => {
    const problems = problemsOf({ ...base, SHUZHI_POLICY_FILE: path });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('SHUZHI_POLICY_FILE');
    expect(problems[0]).toContain(detail);
  });
});

describe('values that must not be misread', () => {
  it('reads TRUST_PROXY=false as false and refuses a value that is no address, naming it', () => {
    expect(parseConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ ...base, TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => parseConfig({ ...base, TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it.each([' ', '3000.5', '-1', 'abc'])('refuses PORT=%j instead of reading it as a number', (port) => {
    expect(() => parseConfig({ ...base, PORT: port })).toThrow(/PORT/);
  });

  it('refuses a misspelt key inside a policy section', () => {
    expect(() => parseConfig({ ...base, SHUZHI_POLICY: '{"share":{"reviewWD":15}}' })).toThrow(/SHUZHI_POLICY/);
  });
});

describe('the identity key', () => {
  it('is required of the production API, and not of the worker or a development stack', () => {
    expect(() => parseConfig({ ...base, NODE_ENV: 'production' }, {}, { requireIdentityKey: true })).toThrow(
      /SHUZHI_IDENTITY_KEY/,
    );
    expect(
      parseConfig(
        { ...base, NODE_ENV: 'production', SHUZHI_IDENTITY_KEY: 'k'.repeat(16) },
        {},
        { requireIdentityKey: true },
      ).identityKey,
    ).toBe('k'.repeat(16));
    expect(parseConfig({ ...base, NODE_ENV: 'production' }, {}, { servesHttp: false }).identityKey).toBeTruthy();
    expect(parseConfig({ ...base, NODE_ENV: 'development' }, {}, { requireIdentityKey: true }).identityKey).toBe(
      'shuzhi-identity-key-for-development',
    );
  });
});
