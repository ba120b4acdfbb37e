// Stand-ins for antd's Typography.Title, .Text and .Paragraph with the same props and looks: antd's
// typography element (its classes and its styles, from the theme's tokens) without its editor, whose
// Input.TextArea and rc-form would otherwise come with every page.
import { ConfigProvider } from 'antd';
import { InternalTypography } from 'antd/es/typography/Typography';
import { useContext, type AriaRole, type CSSProperties, type ReactNode } from 'react';

export interface TypographyProps {
  children?: ReactNode;
  /** Secondary: the theme's (AA-contrast) description colour. */
  type?: 'secondary';
  strong?: boolean;
  code?: boolean;
  style?: CSSProperties;
  className?: string;
  id?: string;
  title?: string;
  role?: AriaRole;
  'aria-live'?: 'polite' | 'assertive' | 'off';
}

/** antd's typography element: its classes, its styles, its decorations (strong, code). */
export function TypographyElement({
  component,
  type,
  strong,
  code,
  className,
  children,
  extra,
  ...rest
}: TypographyProps & {
  component: 'span' | 'div' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5';
  /** Drawn after the text, inside its decorations (where antd puts the copy button). */
  extra?: ReactNode;
}) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('typography');
  let content: ReactNode = (
    <>
      {children}
      {extra}
    </>
  );
  if (strong) content = <strong>{content}</strong>;
  if (code) content = <code>{content}</code>;
  return (
    <InternalTypography
      {...rest}
      component={component}
      prefixCls={prefixCls}
      className={[type && `${prefixCls}-${type}`, className].filter(Boolean).join(' ')}
    >
      {content}
    </InternalTypography>
  );
}

/** A heading: `level` 2 is the page's (one per page), 3 and 4 the sections under it. */
export function Title({
  level,
  ...props
}: Omit<TypographyProps, 'type' | 'strong' | 'code'> & { level: 1 | 2 | 3 | 4 | 5 }) {
  return <TypographyElement component={`h${level}`} {...props} />;
}

/** Inline text: secondary, strong or code. */
export function Text(props: TypographyProps) {
  return <TypographyElement component="span" {...props} />;
}

/** A paragraph (a block with antd's paragraph spacing). */
export function Paragraph(props: Omit<TypographyProps, 'strong'>) {
  return <TypographyElement component="div" {...props} />;
}
