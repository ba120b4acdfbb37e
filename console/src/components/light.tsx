// Small stand-ins for antd's Typography, Card and Tabs on the pages everyone opens first (the frame,
// the work list): antd's Typography brings its editor, and with it Form and Input, into every page
// that uses it (see docs/benchmarks.md). Styled from the same theme tokens. The stand-ins that draw
// antd's own markup and styles (Typography.tsx, Card.tsx, List.tsx, CopyText.tsx) are modules of
// their own, so the frame, which needs only these, does not load them.
import { theme } from 'antd';
import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';

/** The page's heading (one per page), as 待办 draws it. */
export function PageTitle({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <h2 style={{ fontSize: 20, fontWeight: 600, margin: '0 0 16px', color: token.colorTextHeading }}>{children}</h2>
  );
}

/** Secondary text, in the theme's (AA-contrast) secondary colour. */
export function Muted({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return <span style={{ color: token.colorTextSecondary, ...style }}>{children}</span>;
}

/** A white panel, like a borderless card. */
export function Panel({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <section style={{ background: token.colorBgContainer, borderRadius: token.borderRadiusLG, padding: 24 }}>
      {children}
    </section>
  );
}

/** Tabs with the ARIA tab pattern: arrow keys move between them, the selected one is marked. */
export function TabBar<K extends string>({
  tabs,
  active,
  onChange,
  label,
}: {
  tabs: { key: K; label: string }[];
  active: K;
  onChange: (key: K) => void;
  label: string;
}) {
  const { token } = theme.useToken();
  const move = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    onChange(next.key);
    (
      e.currentTarget.parentElement?.querySelectorAll('button')[tabs.indexOf(next)] as HTMLButtonElement | undefined
    )?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      style={{ display: 'flex', gap: 32, borderBottom: `1px solid ${token.colorBorderSecondary}`, marginBottom: 16 }}
    >
      {tabs.map((t, i) => {
        const selected = t.key === active;
        return (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(t.key)}
            onKeyDown={(e) => move(e, i)}
            style={{
              background: 'none',
              border: 'none',
              padding: '12px 0',
              cursor: 'pointer',
              fontSize: token.fontSize,
              color: selected ? token.colorPrimary : token.colorText,
              borderBottom: `2px solid ${selected ? token.colorPrimary : 'transparent'}`,
              marginBottom: -1,
            }}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
