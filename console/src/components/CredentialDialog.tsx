// The access credential, shown once: the answer that issues it carries it and nothing stores it (not
// the query cache, not a URL, not the browser's storage). The person copies it now; closing forgets it.
// Loaded by CredentialModal when a credential is issued.
import { terms } from '@glossary';
import { Alert, Button, Modal } from 'antd';
import dayjs from 'dayjs';
import type { IssuedCredential } from './CredentialModal.tsx';
import { CopyText } from './CopyText.tsx';
import { Paragraph } from './Typography.tsx';

export default function CredentialDialog({
  issued,
  onClose,
}: {
  issued: IssuedCredential | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={!!issued}
      title={`${terms.credential}已签发`}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善保存，关闭
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${terms.credential}只显示这一次`}
        description="关闭本窗口后将无法再次查看，请立即复制并妥善保存，不要发送给他人。"
      />
      {issued && (
        <>
          <CopyText
            block
            code
            text={issued.credential}
            tooltips={['复制凭证', '已复制']}
            style={{ wordBreak: 'break-all', fontSize: 14 }}
          >
            {issued.credential}
          </CopyText>
          {issued.expiresAt && (
            <Paragraph type="secondary" style={{ margin: 0 }}>
              有效期至{dayjs(issued.expiresAt).format('YYYY-MM-DD HH:mm')}
            </Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
