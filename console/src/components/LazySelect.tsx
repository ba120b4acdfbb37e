// antd's Select, loaded after the page's first render, for pages where a select is not what the page
// is about (a filter above a table, an optional field): its list machinery (some 22 KB gzipped) would
// otherwise be in the page's first load. Until it arrives, a box of the same size holds its place.
import type { SelectProps } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

const Select = lazy(() =>
  import('antd/es/select').then((m) => ({ default: m.default as unknown as ComponentType<SelectProps> })),
);

const box = {
  display: 'inline-flex',
  alignItems: 'center',
  boxSizing: 'border-box',
  height: 32,
  padding: '4px 11px',
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  color: '#767676',
  background: '#fff',
  verticalAlign: 'top',
} as const;

export function LazySelect(props: SelectProps) {
  const chosen = props.options?.find((o) => o.value === props.value)?.label;
  return (
    <Suspense
      fallback={
        <span
          style={{ ...box, width: props.style?.width ?? '100%', maxWidth: props.style?.maxWidth }}
          aria-hidden="true"
        >
          {chosen ?? props.placeholder}
        </span>
      }
    >
      <Select {...props} />
    </Suspense>
  );
}
