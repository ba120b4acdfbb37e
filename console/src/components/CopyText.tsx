// Text with a copy button, as antd's Typography `copyable` draws it (its markup, its styles, its
// tooltip), for hashes, ids and credentials.
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { ConfigProvider, Tooltip } from 'antd';
import { useContext, useEffect, useRef, useState, type MouseEvent } from 'react';
import { TypographyElement, type TypographyProps } from './Typography.tsx';

/** Copies to the clipboard: the async API where the page is a secure context, else the copy command. */
async function copyToClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const onCopy = (e: ClipboardEvent) => {
    e.preventDefault();
    e.clipboardData?.setData('text/plain', text);
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
}

/**
 * Text with a copy button after it (a hash, an id, a credential), as antd's `copyable` draws it: the
 * button is named by its tooltip (复制 / `tooltips[0]`), and for three seconds after a copy it shows a
 * tick and says 复制成功 (or `tooltips[1]`).
 */
export function CopyText({
  text,
  tooltips = ['复制', '复制成功'],
  block = false,
  ...props
}: Omit<TypographyProps, 'strong'> & {
  /** What is copied (the text shown may be shortened). */
  text: string;
  tooltips?: [string, string];
  /** A paragraph rather than inline text. */
  block?: boolean;
}) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('typography');
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    await copyToClipboard(text);
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 3000);
  };
  const hint = copied ? tooltips[1] : tooltips[0];
  const button = (
    <span className={`${prefixCls}-actions`}>
      <Tooltip title={hint}>
        <button
          type="button"
          aria-label={hint}
          onClick={copy}
          className={copied ? `${prefixCls}-copy ${prefixCls}-copy-success` : `${prefixCls}-copy`}
        >
          {copied ? <CheckOutlined /> : <CopyOutlined />}
        </button>
      </Tooltip>
    </span>
  );
  return <TypographyElement component={block ? 'div' : 'span'} {...props} extra={button} />;
}
