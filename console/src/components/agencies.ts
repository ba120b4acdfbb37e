// Agency names by code, for showing 市公安局 rather than its code.
import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../api/client.ts';

async function allAgencies(): Promise<Schemas['Agency'][]> {
  const all: Schemas['Agency'][] = [];
  for (let cursor: string | undefined; ;) {
    const page = await ok(
      api.GET('/api/v1/agencies', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } }),
    );
    all.push(...page.items);
    if (!page.nextCursor) return all;
    cursor = page.nextCursor;
  }
}

export function useAgencies() {
  return useQuery({ queryKey: ['agencies'], queryFn: allAgencies, staleTime: 5 * 60_000 });
}

/** The agency's name, or its code until the names are loaded (or when it is unknown). */
export function useAgencyName(): (code: string | null | undefined) => string {
  const { data } = useAgencies();
  const names = new Map((data ?? []).map((a) => [a.code, a.name]));
  return (code) => (code ? (names.get(code) ?? code) : '—');
}
