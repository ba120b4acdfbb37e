// The access credential, shown once: the answer to the signature carries it and nothing stores it.
// The person copies it now; closing the dialog forgets it.
import { terms } from '@glossary';
import { Alert, Button, Modal, Typography } from 'antd';

export function CredentialModal({ credential, onClose }: { credential: string | null; onClose: () => void }) {
  return (
    <Modal open={!!credential} title={`${terms.credential}已签发`} onCancel={onClose}
      maskClosable={false} keyboard={false} destroyOnHidden
      footer={<Button type="primary" onClick={onClose}>我已妥善保存，关闭</Button>}>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${terms.credential}只显示这一次`}
        description="关闭本窗口后将无法再次查看，请立即复制并妥善保存，不要发送给他人。" />
      {credential && (
        <Typography.Paragraph code copyable={{ text: credential, tooltips: ['复制凭证', '已复制'] }}
          style={{ wordBreak: 'break-all', fontSize: 14 }}>
          {credential}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
