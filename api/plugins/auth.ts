// Bearer JWT authentication (HS256 secret or the identity provider's JWKS) and the caller's principal.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { textProblem } from '../../lib/text.js';
import type { Config } from '../../lib/config.js';
import { agencyRoles, isBureauViewer, roles, type Actor, type Role } from '../../workflows/common/actors.js';

/** A claim the case records as its actor: text the database can hold (no NUL, no lone surrogate). */
const claimText = (min: number, max: number) =>
  (min > 0 ? z.string().min(min) : z.string()).max(max).superRefine((s, ctx) => {
    const problem = textProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const principalSchema = z.object({
  sub: claimText(1, 200),
  roles: z.array(z.enum(roles)).min(1),
  agency: claimText(1, 64).optional(),
  name: claimText(0, 200).optional(),
});
export type Principal = z.infer<typeof principalSchema>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** Why the request's token was refused, answered once the rate limit has counted it. */
    authFailure: unknown;
  }
  interface FastifyContextConfig {
    /** The route takes writes without a token (the dev tokens); every other write needs one. */
    anonymous?: boolean;
    /** The route checks its own Authorization header, which is no user's token (/metrics). */
    ownAuth?: boolean;
  }
}

export interface Authenticator {
  verify(token: string): Promise<Principal>;
  sign?(principal: Principal): Promise<string>;
}

export function createAuthenticator(auth: Config['auth']): Authenticator {
  const secret = auth.secret ? new TextEncoder().encode(auth.secret) : null;
  const jwks: JWTVerifyGetKey | null = auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : null;
  // A token says when it ends and when it was issued; it is refused past its end, once older than the
  // maximum age whatever its end says, and when dated ahead of our clock by more than the tolerance.
  const verifyOptions = {
    ...(auth.issuer ? { issuer: auth.issuer } : {}),
    ...(auth.audience ? { audience: auth.audience } : {}),
    requiredClaims: ['exp', 'iat'],
    maxTokenAge: auth.maxAgeSeconds,
    clockTolerance: auth.clockToleranceSeconds,
  };
  return {
    async verify(token) {
      let payload: unknown;
      try {
        payload = jwks
          ? (await jwtVerify(token, jwks, verifyOptions)).payload
          : (await jwtVerify(token, secret!, { ...verifyOptions, algorithms: ['HS256'] })).payload;
      } catch (error) {
        throw new AppError('UNAUTHENTICATED', `invalid token: ${(error as Error).message}`);
      }
      const parsed = principalSchema.safeParse(payload);
      if (!parsed.success)
        throw new AppError(
          'UNAUTHENTICATED',
          `token claims are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      const p = parsed.data;
      const needsAgency = p.roles.some((r) => agencyRoles.includes(r));
      if (needsAgency && !p.agency) throw new AppError('UNAUTHENTICATED', 'agency roles need the agency claim');
      return p;
    },
    ...(auth.mode === 'dev' && secret
      ? {
          sign: (p: Principal) => {
            let jwt = new SignJWT({
              roles: p.roles,
              ...(p.agency ? { agency: p.agency } : {}),
              ...(p.name ? { name: p.name } : {}),
            })
              .setProtectedHeader({ alg: 'HS256' })
              .setSubject(p.sub)
              .setIssuedAt()
              .setExpirationTime(`${Math.min(auth.maxAgeSeconds, 43_200)}s`);
            if (auth.issuer) jwt = jwt.setIssuer(auth.issuer);
            if (auth.audience) jwt = jwt.setAudience(auth.audience);
            return jwt.sign(secret);
          },
        }
      : {}),
  };
}

/** Whether the route needs a token: every route of the API but those its schema marks public. */
function needsToken(request: FastifyRequest): boolean {
  if (request.is404 || !request.url.startsWith('/api/')) return false;
  if (request.routeOptions.config?.anonymous === true) return false;
  const security = (request.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
  return !(Array.isArray(security) && security.length === 0);
}

/**
 * Verifies the token as a request arrives (onRequest), so the rate limit (a route's own onRequest hook,
 * after this one) can count a person's requests by their subject. A refusal waits for the limit to
 * count it too, then answers before the body is read (preParsing).
 */
export function registerAuth(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('authFailure', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.ownAuth) return;
    const header = request.headers.authorization;
    try {
      // A request to the API without a token is refused before its body or its query is read: parsing a
      // megabyte for nobody costs the one event loop, and a caller learns nothing of the route's rules.
      // Only a route marked public (`security: []` in its schema, or `config: { anonymous: true }`) takes one.
      if (!header && needsToken(request)) throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <token>');
      if (!header) return;
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new AppError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
      request.principal = await authenticator.verify(match[1]!);
    } catch (error) {
      request.authFailure = error;
    }
  });
  app.addHook('preParsing', async (request) => {
    if (request.authFailure) throw request.authFailure;
  });
}

/** The authenticated caller, or 401. */
export function caller(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <token>');
  return request.principal;
}

/**
 * Who may read or change what belongs to no one process (reference data, the audit trail, operations);
 * each process's own table is in its rules.ts (shareRoles, objectionRoles, openDataRoles,
 * assessmentRoles, correctionRoles). The routes name these, never a list of their own.
 */
export const referenceRoles = {
  registerAgency: ['bureau_admin'],
  catalogResource: ['bureau_admin', 'agency_reviewer'],
  recordDataUpdate: ['agency_reviewer'],
  publishCalendar: ['bureau_admin'],
  followCalendarPublication: ['bureau_admin', 'bureau_coordinator'],
  verifyAudit: ['bureau_admin'],
  readSchedules: ['bureau_coordinator', 'bureau_admin'],
  introspectCredential: ['gateway'],
} as const satisfies Record<string, readonly Role[]>;

/** A reviewer catalogs only its own agency's resources; the bureau's admin any agency's. */
export const mayCatalogFor = (p: Principal, providerAgency: string): boolean =>
  p.roles.includes('bureau_admin') || (p.roles.includes('agency_reviewer') && p.agency === providerAgency);

/** The caller when they hold one of `allowed`, acting in the first such role; else 403. */
export function requireRole(request: FastifyRequest, allowed: readonly Role[]): { principal: Principal; role: Role } {
  const principal = caller(request);
  const role = allowed.find((r) => principal.roles.includes(r));
  if (!role) throw new AppError('FORBIDDEN', `this needs one of the roles: ${allowed.join(', ')}`);
  return { principal, role };
}

export const isBureau = (p: Principal): boolean => isBureauViewer(p);

export const actorOf = (p: Principal, role: Role): Actor => ({
  id: p.sub,
  name: p.name ?? null,
  role,
  agency: p.agency ?? null,
});
