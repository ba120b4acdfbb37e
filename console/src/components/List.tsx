// A stand-in for antd's List of items with split lines (antd's list markup and styles, from the
// theme's tokens): a header, the items, a word when there are none — without antd List's pagination.
import { ConfigProvider, Spin } from 'antd';
import useListStyle from 'antd/es/list/style';
import { useContext, type ReactNode } from 'react';

export function List<T>({
  items,
  render,
  itemKey,
  header,
  empty,
}: {
  items: readonly T[];
  render: (item: T) => ReactNode;
  itemKey: (item: T, index: number) => string | number;
  header?: ReactNode;
  /** Shown when there are no items. */
  empty?: ReactNode;
}) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('list');
  const [hashId, cssVarCls] = useListStyle(prefixCls);
  return (
    <div className={`${prefixCls} ${prefixCls}-split ${hashId} ${cssVarCls}`}>
      {header !== undefined && <div className={`${prefixCls}-header`}>{header}</div>}
      <Spin spinning={false}>
        {items.length ? (
          <ul className={`${prefixCls}-items ${prefixCls}-container ${cssVarCls}`}>
            {items.map((item, i) => (
              <li key={itemKey(item, i)} className={`${prefixCls}-item`}>
                {render(item)}
              </li>
            ))}
          </ul>
        ) : (
          <div className={`${prefixCls}-empty-text`}>{empty}</div>
        )}
      </Spin>
    </div>
  );
}
