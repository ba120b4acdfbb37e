// The parts of an objection's page: the parties, the refusal objected to, the objection itself,
// its deadlines, both parties' statements, the consultation minutes, an escalation and the ruling.
import { objectionOutcomeLabels, partyLabels, rulingStageLabels, terms } from '@glossary';
import { Descriptions, Space } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { useAgencyName } from '../components/agencies.ts';
import { DueTag } from '../components/DueTag.tsx';
import { actorText, dateTime, paragraph, ProvisionalTag, Section } from '../share-applications/shared.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { List } from '../components/List.tsx';
import { Paragraph, Text } from '../components/Typography.tsx';

type Objection = Schemas['Objection'];

export function CaseCard({ o }: { o: Objection }) {
  const agencyName = useAgencyName();
  return (
    <Card title={<Section>异议事项</Section>}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
        items={[
          { key: 'resource', label: terms.resource, children: `${o.resourceName}（${o.resourceCode}）` },
          {
            key: 'application',
            label: '共享申请',
            children: <Link to={`/share-applications/${o.applicationId}`}>查看共享申请</Link>,
          },
          { key: 'applicant', label: terms.applicant, children: agencyName(o.applicantAgency) },
          { key: 'provider', label: terms.provider, children: agencyName(o.providerAgency) },
          {
            key: 'coordinator',
            label: terms.coordinator,
            span: 2,
            children: o.coordinator ? actorText(o.coordinator, agencyName) : <Text type="secondary">尚未受理</Text>,
          },
        ]}
      />
    </Card>
  );
}

export function RefusalCard({ o }: { o: Objection }) {
  const agencyName = useAgencyName();
  return (
    <Card title={<Section>{terms.refusal}与异议</Section>}>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          {
            key: 'by',
            label: '决定人',
            children: o.refusal.automatic ? '资源目录（不予共享类）' : actorText(o.refusal.by, agencyName),
          },
          { key: 'at', label: '决定时间', children: dateTime(o.refusal.at) },
          { key: 'reason', label: '不予共享理由', children: paragraph(o.refusal.reason) },
          { key: 'basis', label: terms.legalBasis, children: paragraph(o.refusal.legalBasis) },
          { key: 'statement', label: '异议陈述', children: paragraph(o.statement) },
          { key: 'duty', label: terms.dutyBasis, children: paragraph(o.dutyBasis) },
          { key: 'filed', label: '提出人', children: `${actorText(o.filedBy, agencyName)}，${dateTime(o.filedAt)}` },
        ]}
      />
    </Card>
  );
}

/** The deadlines the objection runs against now (past ones are in the 审批记录). */
export function DeadlinesCard({ o }: { o: Objection }) {
  const provisional = o.deadlineProvisional ? <ProvisionalTag /> : null;
  const row = (key: string, label: string, dueDate: string | null, overdue = false) =>
    dueDate
      ? [
          {
            key,
            label,
            children: (
              <Space size={4} wrap>
                <DueTag dueDate={dueDate} overdue={overdue} />
                {provisional}
              </Space>
            ),
          },
        ]
      : [];
  const items = [
    ...(o.state === 'negotiating' ? row('negotiation', terms.negotiationDue, o.negotiationDueDate, o.overdue) : []),
    ...(o.state === 'coordinating'
      ? [
          ...row('statement', `${terms.provider}${terms.statementDue}`, o.statementDueDate),
          ...row('coordination', terms.coordinationDue, o.coordinationDueDate, o.overdue),
        ]
      : []),
  ];
  return (
    <Card title={<Section>{terms.deadline}</Section>} size="small">
      {items.length ? (
        <Descriptions column={1} size="small" items={items} />
      ) : (
        <Text type="secondary">当前无办理期限</Text>
      )}
    </Card>
  );
}

export function StatementsCard({ o }: { o: Objection }) {
  const agencyName = useAgencyName();
  return (
    <Card title={<Section>双方{terms.statement}</Section>}>
      <List
        items={o.statements}
        itemKey={(_, i) => i}
        empty="暂无陈述"
        render={(s) => (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space size={8} wrap>
              <ToneTag tone={s.party === 'applicant' ? 'blue' : 'purple'}>{partyLabels[s.party]}</ToneTag>
              <Text type="secondary">
                {actorText(s.by, agencyName)} · {dateTime(s.at)}
              </Text>
            </Space>
            <Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s.text}</Paragraph>
          </Space>
        )}
      />
    </Card>
  );
}

export function MinutesCard({ o }: { o: Objection }) {
  const agencyName = useAgencyName();
  if (!o.minutes.length && o.state !== 'coordinating') return null;
  return (
    <Card title={<Section>{terms.minutes}</Section>}>
      <List
        items={o.minutes}
        itemKey={(_, i) => i}
        empty="暂无会商纪要"
        render={(m) => (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Text strong>会商时间 {dateTime(m.heldAt)}</Text>
            <Text type="secondary">
              记录人 {actorText(m.by, agencyName)} · 记录于 {dateTime(m.at)}
            </Text>
            <Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{m.text}</Paragraph>
          </Space>
        )}
      />
    </Card>
  );
}

const outcomeTitles = { negotiation: '协商结果', coordination: terms.ruling, government: '市人民政府决定' } as const;

export function OutcomeCard({ o }: { o: Objection }) {
  const agencyName = useAgencyName();
  if (!o.escalation && !o.ruling) return null;
  const r = o.ruling;
  return (
    <Card title={<Section>{r ? outcomeTitles[r.stage] : '提请市政府'}</Section>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {r && (
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              {
                key: 'outcome',
                label: '结论',
                children: (
                  <ToneTag tone={r.outcome === 'uphold_refusal' ? 'red' : 'green'}>
                    {objectionOutcomeLabels[r.outcome]}
                  </ToneTag>
                ),
              },
              { key: 'stage', label: '办结方式', children: rulingStageLabels[r.stage] },
              { key: 'reasoning', label: '理由', children: paragraph(r.reasoning) },
              ...(r.conditions
                ? [{ key: 'conditions', label: terms.conditions, children: paragraph(r.conditions) }]
                : []),
              ...(r.documentRef ? [{ key: 'doc', label: '决定文号', children: r.documentRef }] : []),
              { key: 'by', label: '作出人', children: `${actorText(r.by, agencyName)}，${dateTime(r.at)}` },
            ]}
          />
        )}
        {o.escalation && (
          <Descriptions
            column={1}
            bordered
            size="small"
            title={r ? '提请市人民政府统筹协调' : undefined}
            items={[
              { key: 'reason', label: '提请理由', children: paragraph(o.escalation.reason) },
              {
                key: 'by',
                label: '提请人',
                children: o.escalation.automatic ? '系统（协调期届满）' : actorText(o.escalation.by, agencyName),
              },
              { key: 'at', label: '提请时间', children: dateTime(o.escalation.at) },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
