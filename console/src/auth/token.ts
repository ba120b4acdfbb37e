// The bearer token: kept in this tab's session storage (never in a URL, never logged) and
// forgotten on sign-out.
const KEY = 'shuzhi.token';
const listeners = new Set<() => void>();

export const getToken = (): string | null => sessionStorage.getItem(KEY);

export function setToken(token: string): void {
  sessionStorage.setItem(KEY, token);
  listeners.forEach((l) => l());
}

export function signOut(): void {
  if (!sessionStorage.getItem(KEY)) return;
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

/** Calls `listener` whenever the person signs in or out. */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
