// A filter kept in the page's URL (?state=…), so a filtered list can be linked and survives a reload.
import { useSearchParams } from 'react-router';

/** The query parameter `name` and a setter that replaces it (or removes it when empty), keeping the others. */
export function useSearchParam<T extends string>(name: string): [T | undefined, (value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const value = (params.get(name) as T | null) ?? undefined;
  const set = (next: string | undefined) =>
    setParams(
      (prev) => {
        const updated = new URLSearchParams(prev);
        if (next) updated.set(name, next);
        else updated.delete(name);
        return updated;
      },
      { replace: true },
    );
  return [value, set];
}
