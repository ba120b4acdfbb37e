// One open-data request: where it stands, what was asked and by whom, its deadlines, the formal
// check's reasons, the decision, the agreement to sign (and the credential, shown once, in the
// answer to the signature), usage reports, revocation and the 审批记录. The buttons are the
// caller's `actions` from the server.
import { actionLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useAgencyName } from '../components/agencies.ts';
import { CaseLayout } from '../components/CaseLayout.tsx';
import { CaseActions } from '../components/CaseActions.tsx';
import { CredentialModal, type IssuedCredential } from '../components/CredentialModal.tsx';
import { openDataButtons } from './buttons.ts';
import { AgreementCard, DeadlinesCard, DecisionCard, FactsCard, ReportsCard, ReturnedCard } from './sections.tsx';
import type { OpenDataRequest } from './shared.ts';

// The forms behind the buttons: loaded at the first click (or once the page is idle).
const loadActions = () => import('./actions.tsx');
import { Card } from '../components/Card.tsx';

/** A line under the heading saying what the request waits for. */
function StatusAlert({ r }: { r: OpenDataRequest }) {
  const agencyName = useAgencyName();
  const late = r.overdue ? `（已${terms.overdue}）` : '';
  switch (r.state) {
    case 'formal_check':
      return (
        <Alert
          type={r.overdue ? 'error' : 'info'}
          showIcon
          title={`等待大数据局形式审查，${terms.formalCheckDue}${r.formalCheckDueDate ?? '—'}${late}`}
        />
      );
    case 'returned':
      return (
        <Alert
          type="warning"
          showIcon
          title="申请未通过形式审查，已退回补正"
          description={r.returnedReasons?.join('；')}
        />
      );
    case 'provider_review':
      return (
        <Alert
          type={r.overdue ? 'error' : 'info'}
          showIcon
          title={`等待${agencyName(r.providerAgency)}审核，${terms.reviewDue}${r.reviewDueDate ?? '—'}${late}`}
        />
      );
    case 'awaiting_agreement':
      return (
        <Alert
          type="warning"
          showIcon
          title={`审核已通过，请于${r.agreementDueDate ?? '—'}前阅读并签署${terms.agreement}`}
        />
      );
    case 'active':
      return (
        <Alert
          type="success"
          showIcon
          title={`使用中，至${r.expiresDate ?? '—'}`}
          description={
            `${terms.credential}每次签发只显示一次，遗失时可重新${actionLabels.credential}（原凭证随即停止使用）。` +
            `请按期报送${terms.usageReport}，${terms.nextReportDue}${r.nextReportDueDate ?? '—'}。`
          }
        />
      );
    case 'suspended':
      return (
        <Alert
          type="error"
          showIcon
          title={`未按期报送${terms.usageReport}，使用已暂停`}
          description={`请于${r.graceDueDate ?? '—'}前补报，逾期将撤销使用。`}
        />
      );
    case 'rejected':
      return <Alert type="error" showIcon title={`不予开放：${r.decision?.reason ?? ''}`} />;
    case 'lapsed':
      return <Alert type="error" showIcon title={`未在期限内签署${terms.agreement}，申请已失效`} />;
    case 'revoked':
      return <Alert type="error" showIcon title={`使用已撤销：${r.revocation?.reason ?? ''}`} />;
    default:
      return null;
  }
}

export default function DetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  // The credential lives only here, in this page's memory: never in the query cache, never in a URL.
  const [credential, setCredential] = useState<IssuedCredential | null>(null);
  const queryKey = useMemo(() => ['open-data-request', id] as const, [id]);
  const query = useQuery({
    queryKey,
    queryFn: () => ok(api.GET('/api/v1/open-data-requests/{id}', { params: { path: { id } } })),
  });
  const r = query.data;
  const resubmitting = !!r?.actions.includes('resubmit');
  const dataset = useQuery({
    queryKey: ['catalog', 'resource', r?.resourceId],
    queryFn: () => ok(api.GET('/api/v1/catalog/resources/{id}', { params: { path: { id: r!.resourceId } } })),
    enabled: resubmitting,
  });
  if (query.isPending) return <Card loading />;
  if (query.isError || !r) {
    const back = (
      <Button type="link" onClick={() => navigate('/open-data-requests')}>
        返回列表
      </Button>
    );
    return <Alert type="error" showIcon title={messageOf(query.error)} action={back} />;
  }
  const datasetFields = dataset.data?.fields.map((f) => f.name) ?? r.fields;

  return (
    <CaseLayout
      process="open-data-request"
      state={r.state}
      title={`开放申请：${r.resourceName}`}
      idLabel="申请编号"
      id={r.id}
      actions={
        <CaseActions
          process="open-data-request"
          actions={r.actions}
          buttons={openDataButtons}
          queryKey={queryKey}
          load={loadActions}
          specs={(m) => m.openDataActionSpecs(r, { datasetFields, onCredential: setCredential })}
        />
      }
      status={<StatusAlert r={r} />}
      main={
        <>
          <AgreementCard r={r} />
          <ReturnedCard r={r} />
          <DecisionCard r={r} />
          <ReportsCard r={r} />
          <FactsCard r={r} />
        </>
      }
      side={<DeadlinesCard r={r} />}
      timeline={r.timeline}
    >
      <CredentialModal issued={credential} onClose={() => setCredential(null)} />
    </CaseLayout>
  );
}
