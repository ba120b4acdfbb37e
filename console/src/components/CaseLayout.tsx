// The page of one case, the same for every process: the header (the title, the state, the case's id,
// the person's buttons), the process's stage bar and a status line; then the case's own sections,
// and beside them its deadlines and 审批记录.
import { Col, Row, Space } from 'antd';
import type { ReactNode } from 'react';
import { Card } from './Card.tsx';
import type { Process } from './links.ts';
import { StageBar } from './StageBar.tsx';
import { StateTag } from './StateTag.tsx';
import { CaseTimeline, type TimelineEvent } from './Timeline.tsx';
import { Text, Title } from './Typography.tsx';

export function CaseLayout({
  process,
  state,
  title,
  idLabel,
  id,
  actions,
  status,
  main,
  side,
  timeline,
  children,
}: {
  process: Process;
  state: string;
  title: ReactNode;
  /** How the process names its id (申请编号, 异议编号, 事项编号). */
  idLabel: string;
  id: string;
  /** The buttons (CaseActions and anything beside them). */
  actions: ReactNode;
  /** A line under the stage bar saying what the case waits for. */
  status?: ReactNode;
  /** The case's own sections, in the wide column. */
  main: ReactNode;
  /** Above the timeline in the narrow column (the deadlines). */
  side?: ReactNode;
  timeline: TimelineEvent[] | undefined;
  /** After the page (its dialogs). */
  children?: ReactNode;
}) {
  const column = (content: ReactNode) => (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {content}
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
          <div>
            <Space align="center" size={8} wrap>
              <Title level={2} style={{ fontSize: 20, margin: 0 }}>
                {title}
              </Title>
              <span role="status" aria-label="办理状态">
                <StateTag process={process} state={state} />
              </span>
            </Space>
            <br />
            <Text type="secondary">
              {idLabel} {id}
            </Text>
          </div>
          {actions}
        </Space>
        <div style={{ marginTop: 16 }}>
          <StageBar process={process} state={state} />
        </div>
        {status}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {column(main)}
        </Col>
        <Col xs={24} xl={8}>
          {column(
            <>
              {side}
              <CaseTimeline process={process} events={timeline ?? []} />
            </>,
          )}
        </Col>
      </Row>
      {children}
    </Space>
  );
}
