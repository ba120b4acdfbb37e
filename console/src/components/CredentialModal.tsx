// A credential just issued, shown once in a dialog (CredentialDialog, loaded when one is issued and
// fetched ahead once the page is idle). The credential lives only in the memory of the page that asked.
import { lazy, useEffect } from 'react';
import { prefetch } from './idle.ts';
import { Later } from './later.tsx';

/** A credential just issued, held only in the memory of the page that asked for it. */
export interface IssuedCredential {
  credential: string;
  expiresAt?: string | null;
}

const load = () => import('./CredentialDialog.tsx');
const CredentialDialog = lazy(load);

export function CredentialModal({ issued, onClose }: { issued: IssuedCredential | null; onClose: () => void }) {
  useEffect(() => prefetch(load), []);
  return (
    <Later when={!!issued}>
      <CredentialDialog issued={issued} onClose={onClose} />
    </Later>
  );
}
