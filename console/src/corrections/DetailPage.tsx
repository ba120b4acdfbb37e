// One correction: where it stands, the report, the verification deadline and its one extension
// (approved by the provider's head, recorded by name), a return to the bureau and its forwarding
// deadline, the outcome, and the 审批记录. The buttons
// are the caller's `actions` from the server.
import { correctionOutcomeLabels, processLabels, terms } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useAgencies, useAgencyName } from '../components/agencies.ts';
import { CaseLayout } from '../components/CaseLayout.tsx';
import { CaseActions } from '../components/CaseActions.tsx';
import { DueTag } from '../components/DueTag.tsx';
import { StateTag } from '../components/StateTag.tsx';
import { actorText, dateTime, Section } from '../share-applications/shared.tsx';
import { correctionButtons } from './buttons.ts';
import { Card } from '../components/Card.tsx';
import { Paragraph } from '../components/Typography.tsx';

type Correction = Schemas['Correction'];
// The forms behind the buttons: loaded at the first click (or once the page is idle).
const loadActions = () => import('./actions.tsx');
const paragraph = (s: string | null | undefined) =>
  s ? <Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s}</Paragraph> : '—';

function StatusAlert({ c }: { c: Correction }) {
  const agencyName = useAgencyName();
  const late = c.overdue ? `（已${terms.overdue}）` : '';
  if (c.state === 'forwarding' && c.returned) {
    return (
      <Alert
        type={c.overdue ? 'error' : 'warning'}
        showIcon
        title={`${agencyName(c.returned.agency)}已退回大数据局，等待协调人转交核实单位，${terms.forwardDue}${c.forwardDueDate ?? '—'}${late}`}
        description={`${terms.returnReason}：${c.returned.reason}`}
      />
    );
  }
  if (c.state === 'verifying' || c.state === 'forwarding') {
    return (
      <Alert
        type={c.overdue ? 'error' : 'info'}
        showIcon
        title={`等待${agencyName(c.assignedAgency)}核实，${terms.verifyDue}${c.verifyDueDate ?? '—'}${late}`}
        description={`核实完成前，该资源标注为“${terms.disputed}”。`}
      />
    );
  }
  if (!c.outcome) return null;
  const label = correctionOutcomeLabels[c.outcome.outcome];
  const to = c.outcome.transferTo ? `：${agencyName(c.outcome.transferTo)}` : '';
  return (
    <Alert
      type={c.outcome.outcome === 'corrected' ? 'success' : 'info'}
      showIcon
      title={`${terms.outcome}：${label}${to}`}
      description={c.outcome.note}
    />
  );
}

function ReportCard({ c }: { c: Correction }) {
  const agencyName = useAgencyName();
  return (
    <Card title={<Section>报告内容</Section>}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
        items={[
          { key: 'resource', label: terms.resource, children: `${c.resourceName}（${c.resourceCode}）`, span: 2 },
          { key: 'provider', label: terms.provider, children: agencyName(c.providerAgency) },
          { key: 'verifier', label: terms.verifyingAgency, children: agencyName(c.assignedAgency) },
          { key: 'record', label: terms.recordRef, children: c.recordRef },
          { key: 'field', label: terms.dataItems, children: c.field ?? '—' },
          { key: 'current', label: terms.currentValue, children: c.currentValue ?? '—' },
          { key: 'claimed', label: terms.claimedValue, children: c.claimedValue ?? '—' },
          { key: 'description', label: terms.errorDescription, span: 2, children: paragraph(c.description) },
          { key: 'evidence', label: terms.evidence, span: 2, children: paragraph(c.evidence) },
          {
            key: 'reporter',
            label: terms.reporter,
            children: c.reporterAgency ? agencyName(c.reporterAgency) : '公众用户',
          },
          { key: 'submitted', label: '报告时间', children: dateTime(c.submittedAt) },
          ...(c.transferredFrom
            ? [
                {
                  key: 'from',
                  label: '转办自',
                  span: 2,
                  children: <Link to={`/corrections/${c.transferredFrom}`}>原纠错事项</Link>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function VerificationCard({ c }: { c: Correction }) {
  const agencyName = useAgencyName();
  const o = c.outcome;
  return (
    <Card title={<Section>核实</Section>}>
      <Descriptions
        column={1}
        size="small"
        items={[
          // A returned report awaits the bureau: the verification deadline it was returned under no longer runs.
          ...(c.state === 'forwarding'
            ? []
            : [
                {
                  key: 'due',
                  label: terms.verifyDue,
                  children:
                    c.state === 'verifying' ? (
                      <DueTag dueDate={c.verifyDueDate} overdue={c.overdue} />
                    ) : (
                      (c.verifyDueDate ?? '—')
                    ),
                },
              ]),
          ...(c.returned
            ? [
                {
                  key: 'returned',
                  label: '退回',
                  children: `${agencyName(c.returned.agency)}退回大数据局 · ${actorText(c.returned.by, agencyName)} · ${dateTime(c.returned.at)}`,
                },
                { key: 'returnReason', label: terms.returnReason, children: paragraph(c.returned.reason) },
                {
                  key: 'forwardDue',
                  label: terms.forwardDue,
                  children:
                    c.state === 'forwarding' ? (
                      <DueTag dueDate={c.forwardDueDate} overdue={c.overdue} />
                    ) : (
                      (c.forwardDueDate ?? '—')
                    ),
                },
              ]
            : []),
          ...(c.extension
            ? [
                {
                  key: 'ext',
                  label: '延期',
                  children: `已延期一次 · ${actorText(c.extension.by, agencyName)} · ${dateTime(c.extension.at)}`,
                },
                { key: 'approvedBy', label: terms.approvedBy, children: c.extension.approvedBy },
                { key: 'extReason', label: '延期理由', children: paragraph(c.extension.reason) },
              ]
            : []),
          ...(o
            ? [
                { key: 'outcome', label: terms.outcome, children: <StateTag process="correction" state={o.outcome} /> },
                ...(o.transferTo ? [{ key: 'to', label: terms.transferTo, children: agencyName(o.transferTo) }] : []),
                ...(o.transferredCorrectionId
                  ? [
                      {
                        key: 'new',
                        label: '转办事项',
                        children: <Link to={`/corrections/${o.transferredCorrectionId}`}>查看转办后的纠错事项</Link>,
                      },
                    ]
                  : []),
                { key: 'note', label: terms.verifyNote, children: paragraph(o.note) },
                { key: 'by', label: '核实人', children: `${actorText(o.by, agencyName)} · ${dateTime(o.at)}` },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export default function DetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const queryKey = useMemo(() => ['correction', id] as const, [id]);
  const query = useQuery({
    queryKey,
    queryFn: () => ok(api.GET('/api/v1/corrections/{id}', { params: { path: { id } } })),
  });
  if (query.isPending) return <Card loading />;
  if (query.isError) {
    const back = (
      <Button type="link" onClick={() => navigate('/corrections')}>
        返回列表
      </Button>
    );
    return <Alert type="error" showIcon title={messageOf(query.error)} action={back} />;
  }
  const c = query.data;

  return (
    <CaseLayout
      process="correction"
      state={c.state}
      title={`${processLabels.correction}：${c.resourceName}`}
      idLabel="事项编号"
      id={c.id}
      actions={
        <CaseActions
          process="correction"
          actions={c.actions}
          buttons={correctionButtons}
          queryKey={queryKey}
          load={loadActions}
          specs={(m) => m.correctionActionSpecs(c, agencies.data ?? [])}
        />
      }
      status={<StatusAlert c={c} />}
      main={<ReportCard c={c} />}
      side={<VerificationCard c={c} />}
      timeline={c.timeline}
    />
  );
}
