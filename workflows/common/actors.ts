// Who acts (docs/processes.md "Actors"). Pure and JSON-safe: workflows, activities and the API share it.

export const roles = [
  'agency_staff',
  'agency_reviewer',
  'bureau_coordinator',
  'bureau_admin',
  'assessor',
  'public',
  'gateway',
] as const;
export type Role = (typeof roles)[number];

export const bureauRoles: readonly Role[] = ['bureau_coordinator', 'bureau_admin'];
/** The roles a person holds for an agency (its staff and its reviewers): they carry the agency's code. */
export const agencyRoles: readonly Role[] = ['agency_staff', 'agency_reviewer'];

/** The person behind a decision, in the role they acted in; recorded on every audit event. */
export interface Actor {
  id: string;
  name?: string | null;
  role: Role | 'system';
  agency?: string | null;
}

/** The system itself, e.g. the bureau's automatic compliance pre-check or a deadline passing. */
export const systemActor = (name: string): Actor => ({ id: 'system', name, role: 'system', agency: null });

/** A refusal of an action: a stable error code the API maps to HTTP, and a human message. */
export interface Refusal {
  code: 'INVALID_STATE' | 'FORBIDDEN' | 'VALIDATION_FAILED' | 'NOT_FOUND';
  message: string;
  errors?: { path: string; message: string }[];
}

/**
 * Who may take each action of a process, by role: the one list a process's checks, its API routes and
 * the console's `actions` all read (each process's rules.ts keeps its table beside its checks).
 */
export type ActionRoles<A extends string> = Readonly<Record<A, readonly Role[]>>;

/** Whether `a` acts in one of `allowed` and, in that role, fits the case (`fits`: the right agency, say). */
export const actsIn = (allowed: readonly Role[], a: Actor, fits: (a: Actor) => boolean = () => true): boolean =>
  a.role !== 'system' && allowed.includes(a.role) && fits(a);

export const refuse = (code: Refusal['code'], message: string, errors?: Refusal['errors']): Refusal =>
  errors ? { code, message, errors } : { code, message };

/** Who is looking at a case: the signed-in person's subject, roles and agency (the API's principal). */
export interface Viewer {
  sub: string;
  roles: readonly Role[];
  agency?: string | null | undefined;
}

export const isBureauViewer = (v: Viewer): boolean => v.roles.some((r) => bureauRoles.includes(r));

/** The agency a viewer works for as its staff or reviewer; null for the bureau, assessors and the public. */
export const agencyOfViewer = (v: Viewer): string | null =>
  v.agency && v.roles.some((r) => agencyRoles.includes(r)) ? v.agency : null;

/**
 * The role a viewer acts in: the first of `allowed` they hold that `fits` the case (a reviewer of the
 * right agency, say). Refused when they hold none of the roles, or none that fits (`misfit` says why).
 */
export function pickRole(
  viewer: Viewer,
  allowed: readonly Role[],
  fits: (role: Role) => boolean,
  misfit: (held: Role[]) => string,
): Role | Refusal {
  const held = allowed.filter((r) => viewer.roles.includes(r));
  const role = held.find(fits);
  if (role) return role;
  return refuse('FORBIDDEN', held.length ? misfit(held) : `this needs one of the roles: ${allowed.join(', ')}`);
}
