// 消息: the inbox — what the processes sent to me, to my agency and (for bureau staff) to the bureau,
// newest first; each names its case, and reading one (or 全部标为已读) lowers the header's unread badge.
import { processLabels, terms } from '@glossary';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Space, Spin, Tabs, theme } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { api, ok, type Schemas } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { caseLink, shortId, type Process } from '../components/links.ts';
import { ToneTag } from '../components/ToneTag.tsx';
import { Card } from '../components/Card.tsx';
import { Text, Title } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';
import { LoadMore } from '../components/LoadMore.tsx';

type Notification = Schemas['Notification'];

/** Where a notification's case lives: a process's case, or a catalog resource for the freshness sweep. */
function target(n: Notification): { to: string; what: string } | null {
  if (n.caseType in processLabels) {
    const process = n.caseType as Process;
    return { to: caseLink(process, n.caseId), what: processLabels[process] };
  }
  if (n.caseType === 'freshness') return { to: `/catalog/${n.caseId}`, what: terms.resource };
  return null;
}

export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', unreadOnly],
    queryFn: ({ pageParam }) =>
      ok(
        api.GET('/api/v1/notifications', {
          params: {
            query: {
              limit: 20,
              ...(unreadOnly ? { unread: 'true' as const } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const emptyText = list.isError
    ? messageOf(list.error)
    : list.isPending
      ? '正在加载'
      : unreadOnly
        ? '没有未读消息'
        : '暂无消息';

  const markRead = useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['notifications', 'unread-count'] });
      await queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
    },
    onError: (error) => toast.error(messageOf(error)),
  });

  // The header's badge query: the same key, so marking everything read lowers both at once.
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => ok(api.GET('/api/v1/notifications/unread-count')),
  });
  const markAll = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/notifications/read-all')),
    onSuccess: async ({ marked }) => {
      toast.success(marked ? `已将${marked}条消息标为已读` : '没有未读消息');
      queryClient.setQueryData(['notifications', 'unread-count'], { count: 0 });
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
    onError: (error) => toast.error(messageOf(error)),
  });

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
          {terms.notifications}
        </Title>
        {(unread.data?.count ?? 0) > 0 && (
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
            全部标为已读
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={unreadOnly ? 'unread' : 'all'}
        onChange={(k) => setParams(k === 'unread' ? { unread: 'true' } : {}, { replace: true })}
        items={[
          { key: 'all', label: '全部' },
          { key: 'unread', label: terms.unread },
        ]}
      />
      <Spin spinning={list.isPending}>
        {items.length === 0 ? (
          <Empty description={emptyText} style={{ padding: 32 }} />
        ) : (
          <ul aria-label={unreadOnly ? '未读消息' : '全部消息'} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((n) => (
              <Item
                key={n.id}
                n={n}
                busy={markRead.isPending && markRead.variables === n.id}
                onRead={() => markRead.mutate(n.id)}
              />
            ))}
          </ul>
        )}
      </Spin>
      <LoadMore list={list} />
    </Card>
  );
}

function Item({ n, busy, onRead }: { n: Notification; busy: boolean; onRead: () => void }) {
  const { token } = theme.useToken();
  const unread = !n.readAt;
  const t = target(n);
  return (
    <li
      aria-label={`${unread ? terms.unread : terms.read}：${n.title}`}
      style={{
        display: 'flex',
        gap: 16,
        justifyContent: 'space-between',
        alignItems: 'flex-start',
        padding: '14px 12px',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        background: unread ? token.colorPrimaryBg : undefined,
      }}
    >
      <Space direction="vertical" size={4} style={{ minWidth: 0 }}>
        <Text strong={unread}>{n.title}</Text>
        {n.body && <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>}
        <Space size={12} wrap>
          <Text type="secondary" style={{ fontSize: 12 }}>
            <time dateTime={n.createdAt}>{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</time>
          </Text>
          {t && (
            <Link
              to={t.to}
              onClick={() => {
                if (unread) onRead();
              }}
              style={{ fontSize: 12 }}
            >
              查看{t.what}（{shortId(n.caseId)}）
            </Link>
          )}
        </Space>
      </Space>
      <Space size={8} style={{ flexShrink: 0 }}>
        {unread ? <ToneTag tone="blue">{terms.unread}</ToneTag> : <ToneTag>{terms.read}</ToneTag>}
        {unread && (
          <Button size="small" loading={busy} onClick={onRead} aria-label={`标为已读：${n.title}`}>
            标为已读
          </Button>
        )}
      </Space>
    </li>
  );
}
