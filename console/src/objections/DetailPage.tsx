// One objection to a refusal (不予共享异议协商): where it stands, the parties, the refusal and the
// objection, deadlines, both parties' statements, the minutes, escalation, the ruling and the
// 审批记录; the printable 卷宗 opens in a new window. The buttons are the caller's `actions`.
import { eventLabels, terms } from '@glossary';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { usePrincipal } from '../auth/session.ts';
import { CaseLayout } from '../components/CaseLayout.tsx';
import { CaseActions } from '../components/CaseActions.tsx';
import { objectionButtons } from './buttons.ts';
import { currentDue } from './due.ts';
import { CaseCard, DeadlinesCard, MinutesCard, OutcomeCard, RefusalCard, StatementsCard } from './sections.tsx';
import { Card } from '../components/Card.tsx';
import { toast } from '../components/toast.tsx';

type Objection = Schemas['Objection'];
// The forms behind the buttons: loaded at the first click (or once the page is idle).
const loadActions = () => import('./actions.tsx');

/**
 * 查看卷宗: the dossier needs the bearer token, so it is fetched here and shown from a blob URL —
 * the token never goes into a URL. The window is opened at the click, before the fetch, so no
 * pop-up blocker stops it.
 */
function DossierButton({ id }: { id: string }) {
  const [busy, setBusy] = useState(false);
  const open = async () => {
    const win = window.open('', '_blank');
    setBusy(true);
    try {
      const html = await ok(api.GET('/api/v1/objections/{id}/dossier', { params: { path: { id } }, parseAs: 'text' }));
      const url = URL.createObjectURL(new Blob([html as string], { type: 'text/html;charset=utf-8' }));
      if (win) win.location.href = url;
      else window.open(url, '_blank');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      win?.close();
      toast.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<PrinterOutlined />} loading={busy} onClick={open}>
        查看{terms.dossier}
      </Button>
    </>
  );
}

function StatusAlert({ o }: { o: Objection }) {
  const due = currentDue(o)?.dueDate ?? '—';
  switch (o.state) {
    case 'negotiating':
      return (
        <Alert
          type="info"
          showIcon
          title={`双方协商中：数据提供单位可在${due}前协商一致予以共享，逾期转由大数据局协调`}
        />
      );
    case 'coordinating':
      return (
        <Alert
          type={o.overdue ? 'error' : 'info'}
          showIcon
          title={o.coordinator ? `大数据局协调中，${terms.coordinationDue}${due}` : '待大数据局受理协调'}
        />
      );
    case 'escalated':
      return <Alert type="warning" showIcon title="已提请市人民政府统筹协调，待录入市政府决定" />;
    default:
      return null;
  }
}

/** The assigned coordinator's 受理协调 can only hand the case to another: 改派协调人. */
const reassigns = (o: { state: string; coordinator?: { id: string } | null }, me: string) =>
  o.state === 'coordinating' && o.coordinator?.id === me;

export default function DetailPage() {
  const { id = '' } = useParams();
  const queryKey = useMemo(() => ['objection', id] as const, [id]);
  const me = usePrincipal();
  const query = useQuery({
    queryKey,
    queryFn: () => ok(api.GET('/api/v1/objections/{id}', { params: { path: { id } } })),
  });
  if (query.isPending) return <Card loading />;
  if (query.isError) {
    return (
      <Alert type="error" showIcon title={messageOf(query.error)} action={<Link to="/objections">返回列表</Link>} />
    );
  }
  const o = query.data;

  return (
    <CaseLayout
      process="objection"
      state={o.state}
      title={`异议协商：${o.resourceName}`}
      idLabel="异议编号"
      id={o.id}
      actions={
        <Space wrap>
          <CaseActions
            process="objection"
            actions={o.actions}
            buttons={objectionButtons}
            queryKey={queryKey}
            labels={o.state === 'coordinating' && o.coordinator ? { assign: eventLabels.reassign } : undefined}
            load={loadActions}
            specs={(m) => m.objectionActionSpecs(o, reassigns(o, me.sub))}
          />
          <DossierButton id={o.id} />
        </Space>
      }
      status={<StatusAlert o={o} />}
      main={
        <>
          <OutcomeCard o={o} />
          <CaseCard o={o} />
          <RefusalCard o={o} />
          <StatementsCard o={o} />
          <MinutesCard o={o} />
        </>
      }
      side={<DeadlinesCard o={o} />}
      timeline={o.timeline}
    />
  );
}
