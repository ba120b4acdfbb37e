// A plain, accessible table of rows and columns for every page: antd's Table weighs more than the rest
// of a page together (see docs/benchmarks.md), and the console's lists need none of its sorting,
// filtering, selection or expansion — they page with 加载更多. Two looks: `plain` (the compact rows
// of 待办 and the assessments) and `antd` (antd Table's own markup and styles, from the theme's
// tokens, for the lists that were antd Tables: the same header, lines, hover and empty row).
import { ConfigProvider, Empty, Spin, theme } from 'antd';
import useTableStyle from 'antd/es/table/style';
import { useContext, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  width?: number | string;
  align?: 'left' | 'center' | 'right';
}

interface TableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowStyle?: (row: T) => CSSProperties | undefined;
  /** Shown in the one row of an empty table (the `antd` look: antd's 暂无数据 when not given). */
  empty?: ReactNode;
  /** The table's accessible name (not shown). */
  caption: string;
  /** `antd`: drawn as antd's Table; `plain` (default): compact rows. */
  look?: 'plain' | 'antd';
  /** antd's sizes (the `antd` look): the default, `middle` or `small` cell padding. */
  size?: 'middle' | 'small';
  /** A spinner over the rows while they load (the `antd` look). */
  loading?: boolean;
  /** The table's width when it is wider than its column: it scrolls sideways (the `antd` look). */
  scrollX?: number;
}

const hidden: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' };

export function SimpleTable<T>(props: TableProps<T>) {
  return props.look === 'antd' ? <AntdLookTable {...props} /> : <PlainTable {...props} />;
}

function PlainTable<T>({ columns, rows, rowKey, rowStyle, empty, caption }: TableProps<T>) {
  const { token } = theme.useToken();
  const cell: CSSProperties = {
    padding: '12px 8px',
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    textAlign: 'left',
    verticalAlign: 'top',
  };
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: token.fontSize }}>
      <caption style={hidden}>{caption}</caption>
      <thead>
        <tr style={{ background: token.colorFillAlter }}>
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              style={{ ...cell, fontWeight: 600, width: c.width, textAlign: c.align ?? 'left' }}
            >
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} style={{ ...cell, textAlign: 'center', padding: 32 }}>
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={rowKey(r)} style={rowStyle?.(r)}>
              {columns.map((c) => (
                <td key={c.key} style={c.align ? { ...cell, textAlign: c.align } : cell}>
                  {c.render(r)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** The width of an element, kept current. */
function useWidth(ref: React.RefObject<HTMLElement | null>, enabled: boolean): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    const observer = new ResizeObserver(() => setWidth(el.offsetWidth));
    observer.observe(el);
    setWidth(el.offsetWidth);
    return () => observer.disconnect();
  }, [ref, enabled]);
  return width;
}

/** antd Table's markup for rows and columns (as rc-table renders it), with antd's table styles. */
function AntdLookTable<T>({
  columns,
  rows,
  rowKey,
  rowStyle,
  empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />,
  caption,
  size,
  loading = false,
  scrollX,
}: TableProps<T>) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('table');
  const rootCls = `${prefixCls}-css-var`;
  const [hashId, cssVarCls] = useTableStyle(prefixCls, rootCls);
  const content = useRef<HTMLDivElement>(null);
  const width = useWidth(content, !!scrollX && rows.length === 0);
  const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');
  const align = (c: Column<T>) => (c.align ? { textAlign: c.align } : undefined);
  // antd draws a column group only up to the last column with a width.
  const lastWidth = columns.reduce((n, c, i) => (c.width !== undefined ? i : n), -1);
  return (
    <div className={cls(cssVarCls, rootCls, `${prefixCls}-wrapper`, hashId)}>
      <Spin spinning={loading}>
        <div
          className={cls(
            prefixCls,
            size === 'middle' && `${prefixCls}-medium`,
            size === 'small' && `${prefixCls}-small`,
            rows.length === 0 && `${prefixCls}-empty`,
            !!scrollX && `${prefixCls}-scroll-horizontal`,
            cssVarCls,
            rootCls,
            hashId,
          )}
        >
          <div className={`${prefixCls}-container`}>
            <div
              ref={content}
              className={`${prefixCls}-content`}
              style={scrollX ? { overflowX: 'auto', overflowY: 'hidden' } : undefined}
            >
              <table style={{ tableLayout: 'auto', ...(scrollX ? { width: scrollX, minWidth: '100%' } : {}) }}>
                <caption style={hidden}>{caption}</caption>
                {lastWidth >= 0 && (
                  <colgroup>
                    {columns.slice(0, lastWidth + 1).map((c) => (
                      <col key={c.key} style={{ width: c.width }} />
                    ))}
                  </colgroup>
                )}
                <thead className={`${prefixCls}-thead`}>
                  <tr>
                    {columns.map((c) => (
                      <th key={c.key} className={`${prefixCls}-cell`} scope="col" style={align(c)}>
                        {c.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className={`${prefixCls}-tbody`}>
                  {rows.length === 0 ? (
                    <tr className={`${prefixCls}-placeholder`}>
                      <td className={`${prefixCls}-cell`} colSpan={columns.length}>
                        {scrollX && width ? (
                          <div
                            className={`${prefixCls}-expanded-row-fixed`}
                            style={{ width, position: 'sticky', left: 0, overflow: 'hidden' }}
                          >
                            {empty}
                          </div>
                        ) : (
                          empty
                        )}
                      </td>
                    </tr>
                  ) : (
                    rows.map((r) => (
                      <tr
                        key={rowKey(r)}
                        data-row-key={rowKey(r)}
                        className={`${prefixCls}-row ${prefixCls}-row-level-0`}
                        style={rowStyle?.(r)}
                      >
                        {columns.map((c) => (
                          <td key={c.key} className={`${prefixCls}-cell`} style={align(c)}>
                            {c.render(r)}
                          </td>
                        ))}
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </Spin>
    </div>
  );
}
