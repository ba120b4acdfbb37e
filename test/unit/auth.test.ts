// Bearer tokens (docs/api.md "Auth"): a token must say when it ends and when it was issued; it is
// refused past its end, once older than the maximum age whatever its end says, and when dated
// ahead of our clock by more than the tolerance.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../api/plugins/auth.js';
import { AppError } from '../../lib/errors.js';

const SECRET = 'q7Vx2Lr9Kp4Ws8Zt3Ym6Bn1Hc5Jd0Fg-test-only';
const auth = createAuthenticator({ mode: 'jwt', secret: SECRET, maxAgeSeconds: 3600, clockToleranceSeconds: 60 });
const now = () => Math.floor(Date.now() / 1000);

/** A token for a bureau coordinator, with the claims given (seconds since the epoch; null leaves one out). */
function token(claims: { iat?: number | null; exp?: number | null; nbf?: number }) {
  const t = new SignJWT({ roles: ['bureau_coordinator'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-1');
  if (claims.iat !== null) t.setIssuedAt(claims.iat ?? now());
  if (claims.exp !== null) t.setExpirationTime(claims.exp ?? now() + 600);
  if (claims.nbf !== undefined) t.setNotBefore(claims.nbf);
  return t.sign(new TextEncoder().encode(SECRET));
}
const refusal = async (jwt: Promise<string>) => {
  const error = await auth.verify(await jwt).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('UNAUTHENTICATED');
  return (error as AppError).message;
};

describe('token lifetimes', () => {
  it('takes a fresh token, and one dated slightly ahead within the clock tolerance', async () => {
    expect((await auth.verify(await token({}))).sub).toBe('u-1');
    expect((await auth.verify(await token({ iat: now() + 30 }))).sub).toBe('u-1');
  });

  it('refuses a token without exp: it would never expire', async () => {
    expect(await refusal(token({ exp: null }))).toMatch(/"exp" claim/);
  });

  it('refuses a token without iat: its age cannot be known', async () => {
    expect(await refusal(token({ iat: null }))).toMatch(/"iat" claim/);
  });

  it('refuses a token dated a day ahead', async () => {
    expect(await refusal(token({ iat: now() + 86_400, exp: now() + 2 * 86_400 }))).toMatch(/should be in the past/);
  });

  it('refuses a token older than the maximum age, even if its exp is far off', async () => {
    expect(await refusal(token({ iat: now() - 3600 - 120, exp: now() + 86_400 * 365 }))).toMatch(/too far in the past/);
  });

  it('refuses an expired token beyond the tolerance, and one not yet valid', async () => {
    expect(await refusal(token({ iat: now() - 600, exp: now() - 120 }))).toMatch(/"exp" claim/);
    expect(await refusal(token({ nbf: now() + 600 }))).toMatch(/"nbf" claim/);
  });
});

describe('token claims', () => {
  const signed = (claims: Record<string, unknown>, sub = 'u-1') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));

  it('refuses a claim the case would record as its actor when it is not text the database can hold', async () => {
    // A display name is often set by the person: a NUL or a lone surrogate in it would be refused by
    // PostgreSQL when the case records its actor, after the case had moved.
    const staff = { roles: ['agency_staff'], agency: 'A1' };
    expect(await refusal(signed({ ...staff, name: '张\u0000三' }))).toMatch(/name: contains a NUL/);
    expect(await refusal(signed({ ...staff, name: '张\ud800' }))).toMatch(/name: is not well-formed/);
    expect(await refusal(signed({ ...staff, agency: 'A\u00001' }))).toMatch(/agency: contains a NUL/);
    expect(await refusal(signed(staff, 'u\udc00'))).toMatch(/sub: is not well-formed/);
    expect((await auth.verify(await signed({ ...staff, name: '张三' }))).name).toBe('张三');
  });
});
