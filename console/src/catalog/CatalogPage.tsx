// 资源目录: browse and search the public-data catalog — share and open type, legal basis, update
// cycle, freshness, the disputed mark; the bureau (and a reviewer, for its own agency) adds resources.
import { freshnessLabels, openTypeLabels, shareTypeLabels, terms, updateCycleLabels } from '@glossary';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space } from 'antd';
import { lazy, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { hasRole, usePrincipal } from '../auth/session.ts';
import { useAgencies, useAgencyName } from '../components/agencies.ts';
import { Later } from '../components/later.tsx';
import { FreshnessTag, OpenTypeTag, ShareTypeTag } from './tags.tsx';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { SimpleTable } from '../components/SimpleTable.tsx';
import { LoadMore } from '../components/LoadMore.tsx';

// The admin's form loads when it is first opened.
const NewResourceModal = lazy(() => import('./NewResourceModal.tsx').then((m) => ({ default: m.NewResourceModal })));

type Resource = Schemas['Resource'];
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default function CatalogPage() {
  const p = usePrincipal();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const agencies = useAgencies();
  const agencyName = useAgencyName();
  const filter = {
    q: params.get('q') ?? undefined,
    provider: params.get('provider') ?? undefined,
    shareType: (params.get('shareType') as Resource['shareType'] | null) ?? undefined,
    openType: (params.get('openType') as Resource['openType'] | null) ?? undefined,
    freshness: (params.get('freshness') as Resource['freshness'] | null) ?? undefined,
  };
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const defined = Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as typeof filter;
  const list = useInfiniteQuery({
    queryKey: ['catalog', defined],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/catalog/resources', {
          params: { query: { limit: 50, ...defined, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const mayAdd = hasRole(p, 'bureau_admin') || (hasRole(p, 'agency_reviewer') && !!p.agency);

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {terms.catalog}
        </Title>
        {mayAdd && (
          <Button type="primary" onClick={() => setAdding(true)}>
            新增资源
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="搜索资源"
          placeholder="资源名称、编码或描述"
          allowClear
          defaultValue={filter.q}
          style={{ width: 260 }}
          onSearch={(v) => set('q', v.trim() || undefined)}
        />
        <Select
          aria-label={terms.provider}
          placeholder={`全部${terms.provider}`}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          value={filter.provider}
          onChange={(v) => set('provider', v)}
          options={(agencies.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
        />
        <Select
          aria-label="共享类型"
          placeholder="共享类型"
          allowClear
          style={{ width: 140 }}
          value={filter.shareType}
          onChange={(v) => set('shareType', v)}
          options={options(shareTypeLabels)}
        />
        <Select
          aria-label="开放类型"
          placeholder="开放类型"
          allowClear
          style={{ width: 140 }}
          value={filter.openType}
          onChange={(v) => set('openType', v)}
          options={options(openTypeLabels)}
        />
        <Select
          aria-label="更新状态"
          placeholder="更新状态"
          allowClear
          style={{ width: 140 }}
          value={filter.freshness}
          onChange={(v) => set('freshness', v)}
          options={options(freshnessLabels)}
        />
      </Space>
      <SimpleTable<Resource>
        look="antd"
        caption={terms.catalog}
        rowKey={(r) => r.id}
        rows={rows}
        loading={list.isPending}
        empty={list.isError ? messageOf(list.error) : '目录中暂无符合条件的资源'}
        columns={[
          {
            title: '资源名称',
            key: 'name',
            render: (r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/catalog/${r.id}`}>{r.name}</Link>
                <Text type="secondary" style={{ fontSize: 12 }}>
                  {r.code}
                </Text>
              </Space>
            ),
          },
          { title: terms.provider, key: 'provider', render: (r) => agencyName(r.providerAgency) },
          { title: '共享类型', key: 'share', render: (r) => <ShareTypeTag type={r.shareType} /> },
          { title: '开放类型', key: 'open', render: (r) => <OpenTypeTag type={r.openType} /> },
          { title: '更新周期', key: 'cycle', render: (r) => updateCycleLabels[r.updateCycle] },
          {
            title: '更新状态',
            key: 'freshness',
            render: (r) => (
              <Space size={4}>
                <FreshnessTag freshness={r.freshness} />
                {r.disputed && <ToneTag tone="orange">{terms.disputed}</ToneTag>}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore list={list} />
      <Later when={adding}>
        <NewResourceModal open={adding} onClose={() => setAdding(false)} />
      </Later>
    </Card>
  );
}
