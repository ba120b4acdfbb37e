// Parts a page shows only after a click (a dialog, an upload form): loaded with React.lazy when first
// needed — and fetched ahead once the page is idle — so the page's first render never waits for them.
import { Suspense, useState, type ReactNode } from 'react';

/** Renders `children` (a lazy part) once `when` first holds, and keeps it, so a closing dialog animates out. */
export function Later({
  when,
  children,
  fallback = null,
}: {
  when: boolean;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  const [needed, setNeeded] = useState(when);
  if (when && !needed) setNeeded(true);
  return needed ? <Suspense fallback={fallback}>{children}</Suspense> : null;
}
