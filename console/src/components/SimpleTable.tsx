// A plain, accessible table for the pages a person opens first (the work list): antd's Table
// weighs more than the rest of the first page together (see docs/benchmarks.md).
import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  width?: number | string;
}

export function SimpleTable<T>({ columns, rows, rowKey, rowStyle, empty, caption }: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowStyle?: (row: T) => CSSProperties | undefined;
  empty: ReactNode;
  caption: string;
}) {
  const { token } = theme.useToken();
  const cell: CSSProperties = { padding: '12px 8px', borderBottom: `1px solid ${token.colorBorderSecondary}`, textAlign: 'left', verticalAlign: 'top' };
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: token.fontSize }}>
      <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{caption}</caption>
      <thead>
        <tr style={{ background: token.colorFillAlter }}>
          {columns.map((c) => <th key={c.key} scope="col" style={{ ...cell, fontWeight: 600, width: c.width }}>{c.title}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0
          ? <tr><td colSpan={columns.length} style={{ ...cell, textAlign: 'center', padding: 32 }}>{empty}</td></tr>
          : rows.map((r) => (
            <tr key={rowKey(r)} style={rowStyle?.(r)}>
              {columns.map((c) => <td key={c.key} style={cell}>{c.render(r)}</td>)}
            </tr>
          ))}
      </tbody>
    </table>
  );
}
