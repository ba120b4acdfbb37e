// A stand-in for antd's Card with the same props and looks (antd's card markup and styles, from the
// theme's tokens): title, extra, the small and inner sizes, a loading skeleton — without antd Card's
// tab list, whose Tabs, Menu and Dropdown would otherwise come with every page.
import { ConfigProvider, Skeleton } from 'antd';
import useCardStyle from 'antd/es/card/style';
import { Children, Fragment, isValidElement, useContext, type CSSProperties, type ReactNode } from 'react';

const shown = (node: ReactNode) => node !== undefined && node !== null && node !== false && node !== '';

/** Whether `children` holds anything React renders (as antd counts a card's body: fragments unpacked). */
function hasNodes(children: ReactNode): boolean {
  let found = false;
  Children.forEach(children, (child) => {
    if (found || child === null || child === undefined) return;
    if (isValidElement<{ children?: ReactNode }>(child) && child.type === Fragment)
      found = hasNodes(child.props.children);
    else found = true;
  });
  return found;
}

export function Card({
  title,
  extra,
  size,
  type,
  loading,
  style,
  children,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'small';
  type?: 'inner';
  loading?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
}) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('card');
  const [hashId, cssVarCls] = useCardStyle(prefixCls);
  const className = [
    prefixCls,
    loading && `${prefixCls}-loading`,
    `${prefixCls}-bordered`,
    size === 'small' && `${prefixCls}-small`,
    type && `${prefixCls}-type-${type}`,
    hashId,
    cssVarCls,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div style={style} className={className}>
      {(shown(title) || shown(extra)) && (
        <div className={`${prefixCls}-head`}>
          <div className={`${prefixCls}-head-wrapper`}>
            {shown(title) && <div className={`${prefixCls}-head-title`}>{title}</div>}
            {shown(extra) && <div className={`${prefixCls}-extra`}>{extra}</div>}
          </div>
        </div>
      )}
      {(loading || hasNodes(children)) && (
        <div className={`${prefixCls}-body`}>
          {loading ? <Skeleton loading active paragraph={{ rows: 4 }} title={false} /> : children}
        </div>
      )}
    </div>
  );
}
