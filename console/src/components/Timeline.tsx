// 审批记录: every recorded transition of a case — who, in which role and agency, when, from which
// state to which, why, on what legal basis — with the hash that chains it to the event before.
import { eventLabelIn, roleLabels, systemActorLabels, terms } from '@glossary';
import { Descriptions, Timeline as AntTimeline } from 'antd';
import dayjs from 'dayjs';
import type { Process } from './links.ts';
import { stateLabel } from './StateTag.tsx';
import { useAgencyName } from './agencies.ts';
import { Card } from './Card.tsx';
import { CopyText } from './CopyText.tsx';
import { Text } from './Typography.tsx';

export interface TimelineEvent {
  id: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorId: string;
  actorName: string | null;
  actorRole: string;
  actorAgency: string | null;
  at: string;
  reason: string | null;
  legalBasis: string | null;
  hash: string;
}

/** Who acted: a person with their role and agency, or what the system did it for. */
function whoActed(e: TimelineEvent, agencyName: (code: string) => string): string {
  if (e.actorRole === 'system')
    return `系统（${(systemActorLabels as Record<string, string>)[e.actorName ?? ''] ?? e.actorName ?? '自动'}）`;
  const role = (roleLabels as Record<string, string>)[e.actorRole] ?? e.actorRole;
  return `${e.actorName ?? e.actorId}（${role}${e.actorAgency ? ` · ${agencyName(e.actorAgency)}` : ''}）`;
}

export function CaseTimeline({ process, events }: { process: Process; events: TimelineEvent[] }) {
  const agencyName = useAgencyName();
  return (
    <Card title={terms.timeline} size="small">
      <AntTimeline
        items={events.map((e) => ({
          key: e.id,
          content: (
            <div>
              <Text strong>{eventLabelIn(process, e.action)}</Text>
              <Text type="secondary" style={{ marginLeft: 8 }}>
                {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
              </Text>
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 4 }}
                items={[
                  { key: 'who', label: '办理人', children: whoActed(e, agencyName) },
                  {
                    key: 'state',
                    label: '状态',
                    children: `${e.fromState ? stateLabel(process, e.fromState) : '—'} → ${e.toState ? stateLabel(process, e.toState) : '—'}`,
                  },
                  ...(e.reason ? [{ key: 'reason', label: '理由', children: e.reason }] : []),
                  ...(e.legalBasis ? [{ key: 'basis', label: terms.legalBasis, children: e.legalBasis }] : []),
                  {
                    key: 'hash',
                    label: '哈希',
                    children: (
                      <CopyText code text={e.hash} style={{ fontSize: 12 }}>
                        {e.hash.slice(0, 16)}…
                      </CopyText>
                    ),
                  },
                ]}
              />
            </div>
          ),
        }))}
      />
    </Card>
  );
}
