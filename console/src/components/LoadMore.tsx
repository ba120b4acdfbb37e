// 加载更多 under a paged list: the next page of an infinite query, while there is one.
import { Button } from 'antd';

interface Paged {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function LoadMore({ list, spaced = true }: { list: Paged; spaced?: boolean }) {
  if (!list.hasNextPage) return null;
  return (
    <div style={{ textAlign: 'center', ...(spaced ? { marginTop: 16 } : {}) }}>
      <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
        加载更多
      </Button>
    </div>
  );
}
