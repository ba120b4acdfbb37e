// Short notices after an action (申请已提交, a refusal's reason): antd message's look, without its
// notification machinery, which would otherwise come with every page that acts. One host, drawn once
// beside the router (main.tsx), shows them: a notice outlives the dialog, the form or the page that
// raised it, so "申请已提交" is still read after the console moves on to the new case. The region is
// always in the page, so a screen reader announces what appears in it.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { useSyncExternalStore, type ReactNode } from 'react';

type Kind = 'success' | 'error' | 'info' | 'warning';
interface Shown {
  id: number;
  kind: Kind;
  content: ReactNode;
}

let shown: readonly Shown[] = [];
let last = 0;
const listeners = new Set<() => void>();
const publish = (next: readonly Shown[]) => {
  shown = next;
  for (const listen of listeners) listen();
};

/** How long a notice stays: an error longer, since it is read rather than glanced at. */
const shownMs = (kind: Kind) => (kind === 'error' ? 5000 : 3000);

const show =
  (kind: Kind) =>
  (content: ReactNode): void => {
    const id = ++last;
    publish([...shown, { id, kind, content }]);
    window.setTimeout(() => publish(shown.filter((t) => t.id !== id)), shownMs(kind));
  };

/** The calls of antd's message API the console makes. */
export const toast: Record<Kind, (content: ReactNode) => void> = {
  success: show('success'),
  error: show('error'),
  info: show('info'),
  warning: show('warning'),
};

const icons: Record<Kind, ReactNode> = {
  success: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  error: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  info: <InfoCircleFilled style={{ color: '#1d5fbf' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#d48806' }} />,
};

const region = {
  position: 'fixed',
  top: 8,
  left: 0,
  right: 0,
  zIndex: 2010,
  pointerEvents: 'none',
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  gap: 8,
} as const;
const notice = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 8,
  padding: '9px 12px',
  borderRadius: 8,
  background: '#fff',
  color: 'rgba(0, 0, 0, 0.88)',
  fontSize: 14,
  lineHeight: 1.5714,
  pointerEvents: 'auto',
  boxShadow: '0 6px 16px 0 rgba(0, 0, 0, 0.08), 0 3px 6px -4px rgba(0, 0, 0, 0.12), 0 9px 28px 8px rgba(0, 0, 0, 0.05)',
} as const;

const subscribe = (listen: () => void) => {
  listeners.add(listen);
  return () => {
    listeners.delete(listen);
  };
};

/** The one place notices are drawn (main.tsx renders it beside the router). */
export function ToastHost() {
  const current = useSyncExternalStore(subscribe, () => shown);
  return (
    <div style={region} aria-live="polite">
      {current.map((t) => (
        <div key={t.id} style={notice} role={t.kind === 'error' ? 'alert' : undefined}>
          <span aria-hidden="true" style={{ fontSize: 16, display: 'inline-flex' }}>
            {icons[t.kind]}
          </span>
          <span>{t.content}</span>
        </div>
      ))}
    </div>
  );
}
