// The parts of a share application's page: what was asked, its deadlines, the decision, the
// supplement asked for and given, the renewal, and the grant.
import {
  actionLabels,
  deliveryMethodLabels,
  eventLabels,
  grantStateLabels,
  renewalStateLabels,
  shareTypeLabels,
  terms,
} from '@glossary';
import { Descriptions, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { shortId } from '../components/links.ts';
import { actorText, date, dateTime, paragraph, ProvisionalTag, Section, tags } from './shared.tsx';
import type { Tone } from '../components/tagColors.ts';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { List } from '../components/List.tsx';
import { CopyText } from '../components/CopyText.tsx';
import { Text } from '../components/Typography.tsx';

type Application = Schemas['ShareApplication'];
type DecisionRecord = NonNullable<Application['decision']>;

const label = (labels: Record<string, string>, key: string): string => labels[key] ?? key;
const None = ({ children }: { children: ReactNode }) => <Text type="secondary">{children}</Text>;

export function FactsCard({ a }: { a: Application }) {
  const agencyName = useAgencyName();
  return (
    <Card title={<Section>申请信息</Section>}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
        items={[
          {
            key: 'resource',
            label: terms.resource,
            span: 2,
            children: (
              <Link to={`/catalog/${a.resourceId}`}>
                {a.resourceName}（{a.resourceCode}）
              </Link>
            ),
          },
          { key: 'type', label: terms.shareType, children: label(shareTypeLabels, a.shareType) },
          { key: 'submitted', label: '提交时间', children: dateTime(a.submittedAt) },
          { key: 'applicant', label: terms.applicant, children: agencyName(a.applicantAgency) },
          { key: 'provider', label: terms.provider, children: agencyName(a.providerAgency) },
          { key: 'fields', label: `申请${terms.dataItems}`, span: 2, children: tags(a.fields) },
          { key: 'purpose', label: terms.purpose, span: 2, children: paragraph(a.purpose) },
          { key: 'duty', label: terms.dutyBasis, span: 2, children: paragraph(a.dutyBasis) },
          { key: 'scope', label: terms.usageScope, span: 2, children: paragraph(a.usageScope) },
          { key: 'period', label: terms.periodOfUse, children: `${a.periodMonths}个月` },
          { key: 'delivery', label: terms.deliveryMethod, children: deliveryMethodLabels[a.deliveryMethod] },
          { key: 'security', label: terms.securityMeasures, span: 2, children: paragraph(a.securityMeasures) },
        ]}
      />
    </Card>
  );
}

/** The deadlines the case runs against now (past ones are in the 审批记录). */
export function DeadlinesCard({ a }: { a: Application }) {
  const due = (dueDate: string | null, overdue = false, note?: ReactNode) => (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        <DueTag dueDate={dueDate} overdue={overdue} />
        {a.deadlineProvisional && <ProvisionalTag />}
      </Space>
      {note}
    </Space>
  );
  const extension = a.extension && (
    <None>
      已延期{a.extension.extendWd}个工作日：{a.extension.reason}
    </None>
  );
  const renewal = a.state === 'granted' && a.renewal?.state === 'pending_review' ? a.renewal : null;
  const items = [
    ...(a.state === 'pending_review'
      ? [{ key: 'review', label: terms.reviewDue, children: due(a.reviewDueDate, a.overdue, extension) }]
      : []),
    ...(a.state === 'awaiting_supplement'
      ? [{ key: 'supplement', label: terms.supplementDue, children: due(a.supplementDueDate) }]
      : []),
    ...(a.state === 'rejected' && a.objectionDueDate && !a.decision?.final
      ? [{ key: 'objection', label: terms.objectionDue, children: due(a.objectionDueDate) }]
      : []),
    ...(renewal
      ? [
          {
            key: 'renewal',
            label: `${terms.renewal}${terms.reviewDue}`,
            children: due(renewal.reviewDueDate, renewal.overdue),
          },
        ]
      : []),
    ...(a.grant?.state === 'active'
      ? [{ key: 'grant', label: terms.grantExpiry, children: <DueTag dueDate={a.grant.expiresDate} /> }]
      : []),
    ...(a.urgedCount > 0 ? [{ key: 'urged', label: '督办', children: `已督办${a.urgedCount}次` }] : []),
  ];
  return (
    <Card title={<Section>{terms.deadline}</Section>} size="small">
      {items.length ? <Descriptions column={1} size="small" items={items} /> : <None>当前无办理期限</None>}
    </Card>
  );
}

function decisionLabel(d: DecisionRecord): string {
  if (d.automatic) return d.decision === 'reject' ? eventLabels.auto_reject : eventLabels.auto_grant;
  return label(actionLabels, d.decision);
}

const decisionTone = (d: DecisionRecord): Tone =>
  d.decision === 'approve' ? 'green' : d.decision === 'reject' ? 'red' : 'blue';

export function DecisionItems({ d }: { d: DecisionRecord }) {
  const agencyName = useAgencyName();
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      items={[
        { key: 'decision', label: '决定', children: <ToneTag tone={decisionTone(d)}>{decisionLabel(d)}</ToneTag> },
        { key: 'by', label: '办理人', children: d.automatic ? '资源目录（系统）' : actorText(d.by, agencyName) },
        { key: 'at', label: '决定时间', children: dateTime(d.at) },
        ...(d.reason ? [{ key: 'reason', label: '理由', children: paragraph(d.reason) }] : []),
        ...(d.legalBasis ? [{ key: 'basis', label: terms.legalBasis, children: paragraph(d.legalBasis) }] : []),
        ...(d.conditions ? [{ key: 'conditions', label: terms.conditions, children: paragraph(d.conditions) }] : []),
        ...(d.final ? [{ key: 'final', label: '效力', children: '异议协调后的最终决定' }] : []),
      ]}
    />
  );
}

export function DecisionCard({ a, objectionId }: { a: Application; objectionId: string | null }) {
  if (!a.decision && !objectionId) return null;
  return (
    <Card title={<Section>审核结果</Section>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {a.decision ? <DecisionItems d={a.decision} /> : null}
        {objectionId && <Link to={`/objections/${objectionId}`}>查看异议协商</Link>}
      </Space>
    </Card>
  );
}

const changeLabels: Record<string, string> = {
  purpose: terms.purpose,
  dutyBasis: terms.dutyBasis,
  usageScope: terms.usageScope,
};

export function SupplementCard({ a }: { a: Application }) {
  const agencyName = useAgencyName();
  if (!a.missing?.length && !a.supplements.length) return null;
  return (
    <Card title={<Section>补正</Section>}>
      {a.missing?.length ? (
        <>
          <Text strong>要求补正（{terms.missingItems}）</Text>
          <ol style={{ marginTop: 8 }}>
            {a.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
        </>
      ) : null}
      {a.supplements.length ? (
        <List
          header={<Text strong>补正记录</Text>}
          items={a.supplements}
          itemKey={(_, i) => i}
          render={(s) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <None>
                {dateTime(s.at)} · {actorText(s.by, agencyName)}
              </None>
              {s.missing.length > 0 && <Text>要求补正：{s.missing.join('；')}</Text>}
              {paragraph(s.note)}
              {Object.entries(s.changes).map(([k, v]) => (
                <Text key={k}>
                  更正{changeLabels[k] ?? k}：{v}
                </Text>
              ))}
            </Space>
          )}
        />
      ) : null}
    </Card>
  );
}

export function RenewalCard({ a }: { a: Application }) {
  const agencyName = useAgencyName();
  const r = a.renewal;
  if (!r) return null;
  return (
    <Card title={<Section>{terms.renewal}</Section>}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        items={[
          { key: 'state', label: '状态', children: <Tag>{label(renewalStateLabels, r.state)}</Tag> },
          { key: 'period', label: '续期期限', children: `${r.periodMonths}个月` },
          { key: 'by', label: '申请人', children: actorText(r.requestedBy, agencyName) },
          { key: 'at', label: '申请时间', children: dateTime(r.requestedAt) },
          { key: 'reason', label: '续期理由', span: 2, children: paragraph(r.reason) },
        ]}
      />
      {r.decision && (
        <div style={{ marginTop: 12 }}>
          <DecisionItems d={r.decision} />
        </div>
      )}
    </Card>
  );
}

export function GrantCard({ a }: { a: Application }) {
  const g = a.grant;
  if (!g) return null;
  return (
    <Card title={<Section>{terms.grant}</Section>}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        items={[
          {
            key: 'state',
            label: '授权状态',
            children: <ToneTag tone={g.state === 'active' ? 'green' : 'grey'}>{grantStateLabels[g.state]}</ToneTag>,
          },
          { key: 'expires', label: terms.grantExpiry, children: date(g.expiresDate) },
          { key: 'granted', label: '授权时间', children: dateTime(g.grantedAt) },
          { key: 'id', label: '授权编号', children: <CopyText text={g.id}>{shortId(g.id)}</CopyText> },
          { key: 'fields', label: `共享${terms.dataItems}`, span: 2, children: tags(g.fields) },
          { key: 'conditions', label: terms.conditions, span: 2, children: paragraph(g.conditions) },
          ...(g.revokedAt
            ? [
                { key: 'revoked', label: '撤销时间', children: dateTime(g.revokedAt) },
                { key: 'revokedReason', label: '撤销理由', children: paragraph(g.revokedReason) },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
