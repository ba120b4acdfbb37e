// Who the menu shows each page to, by path: the side menu (menu.tsx) shows an entry by these rules,
// and the page guard refuses the pages under an entry to anyone it is not shown to (the server stays
// the authority on what each person may see and do). Kept apart from the menu's icons, so the pages
// that ask (mayOpen) do not load them.
import { hasRole, isAgencyUser, isBureau, type Principal } from '../auth/session.ts';

type Rule = (p: Principal) => boolean;
const everyone: Rule = () => true;

export const menuRules = {
  '/work': everyone,
  '/catalog': (p) => !hasRole(p, 'public', 'assessor') || isBureau(p),
  '/share-applications': (p) => isAgencyUser(p) || isBureau(p),
  '/objections': (p) => isAgencyUser(p) || isBureau(p),
  '/open-data': (p) => hasRole(p, 'public'),
  '/open-data-requests': (p) => hasRole(p, 'public', 'agency_reviewer', 'agency_staff') || isBureau(p),
  '/corrections': everyone,
  '/assessments': (p) => isBureau(p) || hasRole(p, 'assessor', 'agency_staff', 'agency_reviewer'),
  '/statistics': (p) => isAgencyUser(p) || isBureau(p),
  '/admin': (p) => hasRole(p, 'bureau_admin'),
  '/admin/agencies': everyone,
  '/admin/calendar': everyone,
  '/admin/indicators': everyone,
  '/admin/agreements': everyone,
  '/admin/audit': everyone,
  '/admin/schedules': everyone,
} satisfies Record<string, Rule>;

export type MenuKey = keyof typeof menuRules;

/** Whether the menu lets `p` open `path`: every entry covering it (its own path and all below) is shown to them. */
export function mayOpen(p: Principal, path: string): boolean {
  return Object.entries(menuRules).every(([key, show]) => !(path === key || path.startsWith(`${key}/`)) || show(p));
}

/** Where a person starts: the public on 开放数据, everyone else on 待办. */
export const homeOf = (p: Principal): string => (hasRole(p, 'public') ? '/open-data' : '/work');
