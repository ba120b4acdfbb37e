// Short notices after an action (申请已提交, a refusal's reason): antd message's look, without its
// notification machinery, which would otherwise come with every page that acts. The region is always
// in the page, so a screen reader announces what appears in it.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

type Kind = 'success' | 'error' | 'info' | 'warning';

/** The calls of antd's message API the console makes. */
export type ToastApi = Record<Kind, (content: ReactNode) => void>;

const icons: Record<Kind, ReactNode> = {
  success: <CheckCircleFilled style={{ color: '#389e0d' }} />,
  error: <CloseCircleFilled style={{ color: '#cf1322' }} />,
  info: <InfoCircleFilled style={{ color: '#1d5fbf' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#d48806' }} />,
};
/** How long a notice stays: an error longer, since it is read rather than glanced at. */
const shownMs = (kind: Kind) => (kind === 'error' ? 5000 : 3000);

const region = {
  position: 'fixed', top: 8, left: 0, right: 0, zIndex: 2010, pointerEvents: 'none',
  display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8,
} as const;
const notice = {
  display: 'inline-flex', alignItems: 'center', gap: 8, padding: '9px 12px', borderRadius: 8,
  background: '#fff', color: 'rgba(0, 0, 0, 0.88)', fontSize: 14, lineHeight: 1.5714, pointerEvents: 'auto',
  boxShadow: '0 6px 16px 0 rgba(0, 0, 0, 0.08), 0 3px 6px -4px rgba(0, 0, 0, 0.12), 0 9px 28px 8px rgba(0, 0, 0, 0.05)',
} as const;

/** Like antd's `message.useMessage()`: the API, and the element to render where the page is. */
export function useToast(): [ToastApi, ReactNode] {
  const [shown, setShown] = useState<{ id: number; kind: Kind; content: ReactNode }[]>([]);
  const last = useRef(0);
  const api = useMemo(() => {
    const show = (kind: Kind) => (content: ReactNode) => {
      const id = ++last.current;
      setShown((all) => [...all, { id, kind, content }]);
      window.setTimeout(() => setShown((all) => all.filter((t) => t.id !== id)), shownMs(kind));
    };
    return { success: show('success'), error: show('error'), info: show('info'), warning: show('warning') };
  }, []);
  const holder = createPortal(
    <div style={region} aria-live="polite">
      {shown.map((t) => (
        <div key={t.id} style={notice} role={t.kind === 'error' ? 'alert' : undefined}>
          <span aria-hidden="true" style={{ fontSize: 16, display: 'inline-flex' }}>{icons[t.kind]}</span>
          <span>{t.content}</span>
        </div>
      ))}
    </div>,
    document.body,
  );
  return [api, holder];
}
