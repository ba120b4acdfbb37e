// The agreement as the requester reads it: on the request's page and in the signing dialog.
import { terms } from '@glossary';
import { Paragraph } from '../components/Typography.tsx';

/** The agreement as the requester reads it before signing: every line, scrollable. */
export function AgreementText({ text: body, id }: { text: string; id?: string }) {
  return (
    <div
      id={id}
      role="region"
      aria-label={terms.agreement}
      tabIndex={0}
      style={{ maxHeight: 360, overflowY: 'auto', padding: 12, border: '1px solid rgba(5,5,5,0.12)', borderRadius: 6 }}
    >
      <Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{body}</Paragraph>
    </div>
  );
}
