// A page-sized notice in place of the page (nothing chosen yet, not the right kind of resource):
// antd Result's layout with its icon, title and actions, without the illustrations it carries.
import { ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';

const icons = {
  info: <InfoCircleFilled style={{ color: '#1d5fbf' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#d48806' }} />,
};

export function Notice({
  status,
  title,
  subTitle,
  extra,
}: {
  status: keyof typeof icons;
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div style={{ padding: '48px 32px', textAlign: 'center' }}>
      <div aria-hidden="true" style={{ fontSize: 72, lineHeight: 1, marginBottom: 24 }}>
        {icons[status]}
      </div>
      <div style={{ fontSize: 24, lineHeight: 1.33, color: 'rgba(0, 0, 0, 0.88)' }}>{title}</div>
      {subTitle && <div style={{ marginTop: 4, fontSize: 14, color: '#595959' }}>{subTitle}</div>}
      {extra && <div style={{ marginTop: 24 }}>{extra}</div>}
    </div>
  );
}
