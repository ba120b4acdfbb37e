// One share application: where it stands, what was asked, its deadlines, the decision with its
// reasons and legal basis, supplements, renewal, the grant, its objection, and the 审批记录.
// The buttons are the caller's `actions` from the server.
import { stateLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useAgencyName } from '../components/agencies.ts';
import { CaseLayout } from '../components/CaseLayout.tsx';
import { CaseActions } from '../components/CaseActions.tsx';
import { CredentialModal, type IssuedCredential } from '../components/CredentialModal.tsx';
import { shareButtons } from './buttons.ts';
import { DeadlinesCard, DecisionCard, FactsCard, GrantCard, RenewalCard, SupplementCard } from './sections.tsx';
import { Card } from '../components/Card.tsx';

type Application = Schemas['ShareApplication'];
// The forms behind the buttons: loaded at the first click (or once the page is idle).
const loadActions = () => import('./actions.tsx');

/** The objection filed on this application, if any: the latest 提出异议 event names it. */
function objectionOf(a: Application): string | null {
  const filed = (a.timeline ?? []).filter(
    (e) => e.action === 'file_objection' && typeof e.data?.objectionId === 'string',
  );
  return (filed[filed.length - 1]?.data?.objectionId as string | undefined) ?? null;
}

/** A line under the heading saying what the case waits for. */
function StatusAlert({ a, objectionId }: { a: Application; objectionId: string | null }) {
  const agencyName = useAgencyName();
  switch (a.state) {
    case 'pending_review': {
      const overdue = a.overdue ? `（已${terms.overdue}）` : '';
      const title = `等待${agencyName(a.providerAgency)}审核，${terms.reviewDue}${a.reviewDueDate ?? '—'}${overdue}`;
      return <Alert type={a.overdue ? 'error' : 'info'} showIcon title={title} />;
    }
    case 'awaiting_supplement':
      return (
        <Alert
          type="warning"
          showIcon
          title={`数据提供单位要求补正，请于${a.supplementDueDate ?? '—'}前补正`}
          description={a.missing?.join('；')}
        />
      );
    case 'rejected': {
      const objectBy = a.objectionDueDate && !a.decision?.final ? `；如有异议，请于${a.objectionDueDate}前提出` : '';
      return (
        <Alert
          type="error"
          showIcon
          title={`${stateLabels['share-application'].rejected}：${a.decision?.reason ?? ''}`}
          description={`${terms.legalBasis}：${a.decision?.legalBasis ?? '—'}${objectBy}`}
        />
      );
    }
    case 'in_objection': {
      const link = objectionId ? <Link to={`/objections/${objectionId}`}>查看异议协商</Link> : undefined;
      return <Alert type="info" showIcon title="不予共享决定正在异议协商中" action={link} />;
    }
    case 'granted':
      return <Alert type="success" showIcon title={`已共享，授权至${a.grant?.expiresDate ?? '—'}`} />;
    default:
      return null;
  }
}

export default function DetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const objectionAttempt = useRef<{ body: string; key: string } | null>(null);
  // The credential lives only here, in this page's memory: never in the query cache, never in a URL.
  const [credential, setCredential] = useState<IssuedCredential | null>(null);
  const queryKey = useMemo(() => ['share-application', id] as const, [id]);
  const query = useQuery({
    queryKey,
    queryFn: () => ok(api.GET('/api/v1/share-applications/{id}', { params: { path: { id } } })),
  });
  if (query.isPending) return <Card loading />;
  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={messageOf(query.error)}
        action={<Link to="/share-applications">返回列表</Link>}
      />
    );
  }
  const a = query.data;
  const objectionId = objectionOf(a);

  return (
    <CaseLayout
      process="share-application"
      state={a.state}
      title={`共享申请：${a.resourceName}`}
      idLabel="申请编号"
      id={a.id}
      actions={
        <CaseActions
          process="share-application"
          actions={a.actions}
          queryKey={queryKey}
          buttons={shareButtons}
          load={loadActions}
          specs={(m) => m.shareActionSpecs(a, navigate, objectionAttempt, setCredential)}
        />
      }
      status={<StatusAlert a={a} objectionId={objectionId} />}
      main={
        <>
          <DecisionCard a={a} objectionId={objectionId} />
          <GrantCard a={a} />
          <SupplementCard a={a} />
          <RenewalCard a={a} />
          <FactsCard a={a} />
        </>
      }
      side={<DeadlinesCard a={a} />}
      timeline={a.timeline}
    >
      <CredentialModal issued={credential} onClose={() => setCredential(null)} />
    </CaseLayout>
  );
}
