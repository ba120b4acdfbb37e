// Work for later: what a click will need (a dialog, its forms) is fetched once the page is idle,
// so the first click is instant without the page's first load waiting for it.

/** Runs `work` when the browser is idle (or soon, where it cannot tell); returns a cancel. */
export function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 1000);
  return () => window.clearTimeout(handle);
}

/** Loads a module once the page is idle, ignoring a failure (the click that needs it retries). */
export function prefetch(load: () => Promise<unknown>): () => void {
  return whenIdle(() => {
    load().catch(() => {});
  });
}
