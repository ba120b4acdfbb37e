// The parts of an open-data request's page: what was asked and by whom (the identifier masked), its
// deadlines, the formal check's returned reasons, the decision and signature, the agreement to sign,
// usage reports and warnings, and the revocation.
import { actionLabelIn, terms } from '@glossary';
import { Descriptions, Empty, Space, Tag } from 'antd';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { actorText, date, dateTime, Section } from '../share-applications/shared.tsx';
import { AgreementText } from './AgreementText.tsx';
import { requesterKindLabel, type OpenDataRequest } from './shared.ts';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Paragraph, Text } from '../components/Typography.tsx';

const paragraph = (s: string | null | undefined) =>
  s ? <Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s}</Paragraph> : '—';

export function FactsCard({ r }: { r: OpenDataRequest }) {
  const agencyName = useAgencyName();
  return (
    <Card title={<Section>申请信息</Section>}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
        items={[
          { key: 'resource', label: terms.resource, children: `${r.resourceName}（${r.resourceCode}）`, span: 2 },
          { key: 'provider', label: terms.provider, children: agencyName(r.providerAgency) },
          { key: 'submitted', label: '提交时间', children: dateTime(r.submittedAt) },
          { key: 'kind', label: terms.requesterKind, children: requesterKindLabel(r.requester.kind) },
          { key: 'name', label: terms.requester, children: r.requester.name },
          {
            key: 'identifier',
            label: r.requester.kind === 'organization' ? terms.creditCode : terms.idNumber,
            children: (
              <Space size={6}>
                <span>{r.requester.identifier}</span>
                <Text type="secondary">（已脱敏）</Text>
              </Space>
            ),
          },
          { key: 'contact', label: terms.contact, children: r.requester.contact },
          {
            key: 'fields',
            label: `申请${terms.dataItems}`,
            span: 2,
            children: (
              <Space size={[4, 4]} wrap>
                {r.fields.map((f) => (
                  <Tag key={f}>{f}</Tag>
                ))}
              </Space>
            ),
          },
          { key: 'purpose', label: terms.use, span: 2, children: paragraph(r.purpose) },
          { key: 'scenario', label: terms.scenario, span: 2, children: paragraph(r.scenario) },
          { key: 'period', label: terms.periodOfUse, children: `${r.periodMonths}个月` },
          { key: 'expires', label: '使用截止日期', children: r.expiresDate ?? '—' },
          { key: 'security', label: terms.processingEnvironment, span: 2, children: paragraph(r.securityMeasures) },
        ]}
      />
    </Card>
  );
}

/** The deadlines of the steps the request has reached; the current one shows what is left. */
export function DeadlinesCard({ r }: { r: OpenDataRequest }) {
  const row = (key: string, label: string, dueDate: string | null, current: boolean) =>
    dueDate
      ? [
          {
            key,
            label,
            children: current ? <DueTag dueDate={dueDate} overdue={r.overdue} /> : <Text>{dueDate}</Text>,
          },
        ]
      : [];
  const items = [
    ...row('formal', terms.formalCheckDue, r.formalCheckDueDate, r.state === 'formal_check'),
    ...row('review', terms.reviewDue, r.reviewDueDate, r.state === 'provider_review'),
    ...row('agreement', terms.agreementDue, r.agreementDueDate, r.state === 'awaiting_agreement'),
    ...(r.state === 'active' || r.state === 'suspended'
      ? row('report', terms.nextReportDue, r.nextReportDueDate, r.state === 'active')
      : []),
    ...(r.state === 'suspended' ? row('grace', terms.graceDue, r.graceDueDate, true) : []),
  ];
  return (
    <Card title={<Section>{terms.deadline}</Section>}>
      {items.length ? (
        <Descriptions column={1} size="small" items={items} />
      ) : (
        <Text type="secondary">当前无办理期限</Text>
      )}
    </Card>
  );
}

export function ReturnedCard({ r }: { r: OpenDataRequest }) {
  if (!r.returnedReasons?.length) return null;
  return (
    <Card title={<Section>{terms.returnedReasons}</Section>}>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {r.returnedReasons.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ol>
    </Card>
  );
}

export function DecisionCard({ r }: { r: OpenDataRequest }) {
  const agencyName = useAgencyName();
  if (!r.decision && !r.signature && !r.revocation) return null;
  const d = r.decision;
  return (
    <Card title={<Section>审核与协议</Section>}>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          ...(d
            ? [
                {
                  key: 'decision',
                  label: '审核结论',
                  children:
                    d.decision === 'approve' ? (
                      <ToneTag tone="green">{actionLabelIn('open-data-request', 'approve')}</ToneTag>
                    ) : (
                      <ToneTag tone="red">{actionLabelIn('open-data-request', 'reject')}</ToneTag>
                    ),
                },
                { key: 'by', label: '审核人', children: `${actorText(d.by, agencyName)} · ${dateTime(d.at)}` },
                ...(d.reason ? [{ key: 'reason', label: '理由', children: paragraph(d.reason) }] : []),
                ...(d.conditions
                  ? [{ key: 'conditions', label: terms.useConditions, children: paragraph(d.conditions) }]
                  : []),
              ]
            : []),
          ...(r.signature
            ? [
                {
                  key: 'signed',
                  label: '协议签署',
                  children: `第${r.signature.version}版 · ${actorText(r.signature.by, agencyName)} · ${dateTime(r.signature.at)}`,
                },
                { key: 'activated', label: '开放使用', children: `${date(r.activatedAt)} 至 ${r.expiresDate ?? '—'}` },
              ]
            : []),
          ...(r.revocation
            ? [
                {
                  key: 'revoked',
                  label: terms.revocation,
                  children: `${actorText(r.revocation.by, agencyName)} · ${dateTime(r.revocation.at)}`,
                },
                { key: 'revokeReason', label: '撤销理由', children: paragraph(r.revocation.reason) },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** While the agreement awaits signature: its text, in full. */
export function AgreementCard({ r }: { r: OpenDataRequest }) {
  if (r.state !== 'awaiting_agreement' || !r.agreementText) return null;
  return (
    <Card
      title={
        <Section>
          {terms.agreement}（第{r.agreementVersion}版）
        </Section>
      }
    >
      <Paragraph type="secondary">请完整阅读协议，同意后点击“签署协议”。签署后即获得{terms.credential}。</Paragraph>
      <AgreementText text={r.agreementText} id="agreement-text" />
    </Card>
  );
}

export function ReportsCard({ r }: { r: OpenDataRequest }) {
  const agencyName = useAgencyName();
  if (!r.signature) return null;
  return (
    <Card
      title={<Section>{terms.usageReport}</Section>}
      extra={
        r.warnings > 0 && (
          <ToneTag tone="red">
            {terms.warnings}：{r.warnings}
          </ToneTag>
        )
      }
    >
      {r.reports.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`尚未报送${terms.usageReport}`} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {[...r.reports].reverse().map((rep) => (
            <Descriptions
              key={rep.seq}
              column={1}
              bordered
              size="small"
              items={[
                { key: 'period', label: terms.reportPeriod, children: rep.period },
                { key: 'summary', label: terms.usageSummary, children: paragraph(rep.summary) },
                ...(rep.outcomes
                  ? [{ key: 'outcomes', label: terms.usageOutcomes, children: paragraph(rep.outcomes) }]
                  : []),
                { key: 'at', label: '报送', children: `${actorText(rep.by, agencyName)} · ${dateTime(rep.at)}` },
              ]}
            />
          ))}
        </Space>
      )}
    </Card>
  );
}
