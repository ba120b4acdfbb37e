// The numbers behind a chart as a plain table: what a screen reader reads instead of the canvas,
// and what anyone can check the chart against.
import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

export function DataTable({
  id,
  caption,
  head,
  rows,
  empty = '暂无数据',
}: {
  id: string;
  caption: string;
  head: string[];
  rows: ReactNode[][];
  empty?: string;
}) {
  const { token } = theme.useToken();
  const cell: CSSProperties = {
    padding: '6px 8px',
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    textAlign: 'left',
  };
  const num: CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' };
  const quiet: CSSProperties = { color: token.colorTextSecondary };
  return (
    <table id={id} style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}>
      <caption style={{ ...quiet, captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{caption}</caption>
      <thead>
        <tr style={{ background: token.colorFillAlter }}>
          {head.map((h, i) => (
            <th key={h} scope="col" style={{ ...(i ? num : cell), fontWeight: 600 }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={head.length} style={{ ...cell, ...quiet, textAlign: 'center' }}>
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row" style={{ ...cell, fontWeight: 400 }}>
                    {c}
                  </th>
                ) : (
                  // A number, or the dash that stands for none, lines up with the numbers of its column.
                  <td key={j} style={typeof c === 'number' || c === '—' ? num : cell}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
