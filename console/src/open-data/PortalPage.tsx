// 开放数据: the public's portal of conditionally-open datasets — who provides each, what it holds,
// on what conditions and how often it is updated — and the ways to 申请使用 one or 报告数据错误 in it.
import { openTypeLabels, terms, updateCycleLabels } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Empty, Input, Space, Spin, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { useAgencyName } from '../components/agencies.ts';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Paragraph, Title } from '../components/Typography.tsx';
import { LoadMore } from '../components/LoadMore.tsx';

type Resource = Schemas['Resource'];

/**
 * A dataset's heading, an h3 under the page's h2 (not the share pages' Section: it would bring their forms'
 * Checkbox).
 */
const Section = ({ children }: { children: ReactNode }) => (
  <Title level={3} style={{ fontSize: 16, margin: 0 }}>
    {children}
  </Title>
);

const requestLink = (r: Resource) => `/open-data-requests/new?resourceId=${r.id}`;
const correctionLink = (r: Resource) => `/corrections/new?resourceId=${r.id}`;
const FieldTags = ({ r }: { r: Resource }) => (
  <Space size={[4, 4]} wrap>
    {r.fields.map((f) => (
      <Tag key={f.name}>{f.name}</Tag>
    ))}
  </Space>
);

export default function PortalPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const [opened, setOpened] = useState<Resource | null>(null);
  const navigate = useNavigate();
  const agencyName = useAgencyName();
  const list = useInfiniteQuery({
    queryKey: ['catalog', 'open-data', q],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/catalog/resources', {
          params: {
            query: {
              openType: 'conditional',
              limit: 20,
              ...(q ? { q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const search = (v: string) => {
    const next = new URLSearchParams(params);
    if (v.trim()) next.set('q', v.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {terms.openData}
        </Title>
        <Paragraph type="secondary">
          {`以下为${openTypeLabels.conditional}的公共数据。申请使用须说明${terms.use}和${terms.scenario}，签署${terms.commitment}，` +
            `经大数据局形式审查、${terms.provider}审核同意并签署${terms.agreement}后获得${terms.credential}。`}
        </Paragraph>
        <Input.Search
          aria-label="搜索开放数据"
          placeholder="数据名称、编码或描述"
          allowClear
          defaultValue={q}
          style={{ maxWidth: 360 }}
          onSearch={search}
          enterButton="搜索"
        />
      </Card>
      {list.isError && <Alert type="error" showIcon title={messageOf(list.error)} />}
      <Spin spinning={list.isPending}>
        {rows.length === 0 && !list.isPending ? (
          <Card>
            <Empty description={q ? '没有符合条件的开放数据' : '暂无有条件开放的数据'} />
          </Card>
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {rows.map((r) => (
              <Card
                key={r.id}
                title={<Section>{r.name}</Section>}
                extra={
                  <Space>
                    <Button onClick={() => setOpened(r)} aria-label={`查看详情：${r.name}`}>
                      查看详情
                    </Button>
                    <Button onClick={() => navigate(correctionLink(r))} aria-label={`报告数据错误：${r.name}`}>
                      报告数据错误
                    </Button>
                    <Button type="primary" onClick={() => navigate(requestLink(r))} aria-label={`申请使用：${r.name}`}>
                      申请使用
                    </Button>
                  </Space>
                }
              >
                <Descriptions
                  column={{ xs: 1, md: 2 }}
                  size="small"
                  items={[
                    { key: 'provider', label: terms.provider, children: agencyName(r.providerAgency) },
                    { key: 'cycle', label: terms.updateCycle, children: updateCycleLabels[r.updateCycle] },
                    { key: 'description', label: '数据描述', span: 2, children: r.description ?? '—' },
                    { key: 'fields', label: terms.dataItems, span: 2, children: <FieldTags r={r} /> },
                    { key: 'conditions', label: terms.openConditions, span: 2, children: r.openConditions ?? '—' },
                  ]}
                />
              </Card>
            ))}
          </Space>
        )}
      </Spin>
      <LoadMore list={list} spaced={false} />
      <DatasetDrawer r={opened} onClose={() => setOpened(null)} />
    </Space>
  );
}

/** One dataset in full, with the way to ask for it. */
function DatasetDrawer({ r, onClose }: { r: Resource | null; onClose: () => void }) {
  const agencyName = useAgencyName();
  const navigate = useNavigate();
  return (
    <Drawer
      open={!!r}
      onClose={onClose}
      size={560}
      title={r?.name}
      closable={{ 'aria-label': '关闭' }}
      extra={
        r && (
          <Space>
            <Button onClick={() => navigate(correctionLink(r))}>报告数据错误</Button>
            <Button type="primary" onClick={() => navigate(requestLink(r))}>
              申请使用
            </Button>
          </Space>
        )
      }
    >
      {r && (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'code', label: '数据编码', children: r.code },
            { key: 'provider', label: terms.provider, children: agencyName(r.providerAgency) },
            { key: 'type', label: '开放类型', children: openTypeLabels[r.openType] },
            { key: 'description', label: '数据描述', children: r.description ?? '—' },
            {
              key: 'fields',
              label: terms.dataItems,
              children: (
                <Space size={[4, 4]} wrap>
                  {r.fields.map((f) => (
                    <Tag key={f.name}>
                      {f.name}
                      {f.type ? `（${f.type}）` : ''}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'conditions', label: terms.openConditions, children: r.openConditions ?? '—' },
            { key: 'cycle', label: terms.updateCycle, children: updateCycleLabels[r.updateCycle] },
            { key: 'updated', label: '最近更新', children: r.lastDataUpdateAt?.slice(0, 10) ?? '—' },
            { key: 'basis', label: terms.legalBasis, children: r.legalBasis ?? '—' },
            ...(r.disputed
              ? [{ key: 'disputed', label: '数据状态', children: <ToneTag tone="orange">{terms.disputed}</ToneTag> }]
              : []),
          ]}
        />
      )}
    </Drawer>
  );
}
