// One catalog resource: its data items, types, legal basis, conditions, freshness and disputed mark,
// and where each role goes from here — apply to share it, ask for open data, report an error, or
// (the provider) record a data update.
import { openTypeLabels, terms, updateCycleLabels } from '@glossary';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space } from 'antd';
import dayjs from 'dayjs';
import { lazy, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { Later } from '../components/later.tsx';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { useAgencyName } from '../components/agencies.ts';
import { FreshnessTag, OpenTypeTag, ShareTypeTag } from './tags.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';

const DataUpdateDialog = lazy(() => import('./DataUpdateDialog.tsx'));

export default function ResourcePage() {
  const { id = '' } = useParams();
  const p = usePrincipal();
  const agencyName = useAgencyName();
  const [recording, setRecording] = useState(false);
  const resource = useQuery({
    queryKey: ['catalog', 'resource', id],
    queryFn: () => ok(api.GET('/api/v1/catalog/resources/{id}', { params: { path: { id } } })),
  });
  if (resource.isPending) return <Card loading />;
  if (resource.isError) return <Alert type="error" showIcon title={messageOf(resource.error)} />;
  const r = resource.data;
  const isProvider = hasRole(p, 'agency_reviewer') && p.agency === r.providerAgency;
  const mayApply = hasRole(p, 'agency_staff') && !!p.agency && p.agency !== r.providerAgency;
  const mayRequestOpen = hasRole(p, 'public') && r.openType === 'conditional';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
          <div>
            <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
              {r.name}
            </Title>
            <Space size={4} wrap>
              <ShareTypeTag type={r.shareType} />
              <OpenTypeTag type={r.openType} />
              <FreshnessTag freshness={r.freshness} />
              {r.disputed && <ToneTag tone="orange">{terms.disputed}</ToneTag>}
            </Space>
          </div>
          <Space wrap>
            {mayApply && (
              <Link to={`/share-applications/new?resourceId=${r.id}`}>
                <Button type="primary">申请共享</Button>
              </Link>
            )}
            {mayRequestOpen && (
              <Link to={`/open-data-requests/new?resourceId=${r.id}`}>
                <Button type="primary">申请开放使用</Button>
              </Link>
            )}
            {isProvider && <Button onClick={() => setRecording(true)}>登记数据更新</Button>}
            <Link to={`/corrections/new?resourceId=${r.id}`}>
              <Button>报告数据错误</Button>
            </Link>
          </Space>
        </Space>
        {r.shareType === 'not_shared' && mayApply && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            title="该资源不予共享"
            description={`申请将依目录注明的依据不予共享：${r.legalBasis ?? ''}；不予共享后可提出异议。`}
          />
        )}
        {r.disputed && <Alert style={{ marginTop: 16 }} type="info" showIcon title="该资源有数据纠错正在核实中" />}
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          items={[
            { key: 'code', label: '资源编码', children: r.code },
            { key: 'provider', label: terms.provider, children: agencyName(r.providerAgency) },
            { key: 'cycle', label: '更新周期', children: updateCycleLabels[r.updateCycle] },
            {
              key: 'last',
              label: '最近更新',
              children: r.lastDataUpdateAt ? dayjs(r.lastDataUpdateAt).format('YYYY-MM-DD HH:mm') : '尚无更新记录',
            },
            { key: 'open', label: '开放类型', children: openTypeLabels[r.openType] },
            { key: 'basis', label: terms.legalBasis, children: r.legalBasis ?? '—', span: 2 },
            ...(r.shareConditions
              ? [{ key: 'sc', label: terms.conditions, children: r.shareConditions, span: 2 }]
              : []),
            ...(r.openConditions ? [{ key: 'oc', label: '开放条件', children: r.openConditions, span: 2 }] : []),
            { key: 'desc', label: '资源描述', children: r.description ?? '—', span: 2 },
          ]}
        />
      </Card>
      <Card
        title={
          <Title level={3} style={{ fontSize: 16, margin: 0 }}>
            数据项
          </Title>
        }
      >
        <SimpleTable
          look="antd"
          caption="数据项"
          rowKey={(f) => f.name}
          size="small"
          rows={r.fields}
          columns={[
            { title: '名称', key: 'name', render: (f) => f.name },
            { title: '类型', key: 'type', render: (f) => f.type ?? '—' },
            {
              title: '个人信息',
              key: 'personal',
              render: (f) => (f.personal ? <ToneTag tone="orange">个人信息</ToneTag> : '否'),
            },
          ]}
        />
      </Card>
      <Later when={recording}>
        <DataUpdateDialog id={r.id} open={recording} onClose={() => setRecording(false)} />
      </Later>
    </Space>
  );
}
