// The access credential, shown once: the answer that issues it carries it and nothing stores it (not
// the query cache, not a URL, not the browser's storage). The person copies it now; closing forgets it.
import { terms } from '@glossary';
import { Alert, Button, Modal, Typography } from 'antd';
import dayjs from 'dayjs';

/** A credential just issued, held only in the memory of the page that asked for it. */
export interface IssuedCredential { credential: string; expiresAt?: string | null }

export function CredentialModal({ issued, onClose }: { issued: IssuedCredential | null; onClose: () => void }) {
  return (
    <Modal open={!!issued} title={`${terms.credential}已签发`} onCancel={onClose}
      maskClosable={false} keyboard={false} destroyOnHidden
      footer={<Button type="primary" onClick={onClose}>我已妥善保存，关闭</Button>}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${terms.credential}只显示这一次`}
        description="关闭本窗口后将无法再次查看，请立即复制并妥善保存，不要发送给他人。" />
      {issued && (
        <>
          <Typography.Paragraph code copyable={{ text: issued.credential, tooltips: ['复制凭证', '已复制'] }}
            style={{ wordBreak: 'break-all', fontSize: 14 }}>
            {issued.credential}
          </Typography.Paragraph>
          {issued.expiresAt && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              有效期至{dayjs(issued.expiresAt).format('YYYY-MM-DD HH:mm')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
