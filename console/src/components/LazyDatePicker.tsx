// antd's DatePicker for a filter bar, loaded after the page's first render: the picker and its
// calendar (some 30 KB gzipped) would otherwise be in the first load of every page with a date filter.
// Until it arrives, a box of the same size holds its place and shows the chosen date.
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, type ComponentType } from 'react';

const DatePicker = lazy(() =>
  import('antd/es/date-picker').then((m) => ({ default: m.default as unknown as ComponentType<LazyDatePickerProps> })),
);

const placeholder = {
  display: 'inline-flex',
  alignItems: 'center',
  boxSizing: 'border-box',
  width: 150,
  height: 32,
  padding: '4px 11px',
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  color: 'rgba(0, 0, 0, 0.88)',
  background: '#fff',
  verticalAlign: 'top',
} as const;

/** A single date, as the filter bars use it. */
export interface LazyDatePickerProps {
  value: Dayjs | null;
  onChange: (date: Dayjs | null) => void;
  disabledDate?: (date: Dayjs) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}

export function LazyDatePicker(props: LazyDatePickerProps) {
  const shown = props.value ? props.value.format('YYYY-MM-DD') : '';
  return (
    <Suspense
      fallback={
        <span style={placeholder} aria-hidden="true">
          {shown}
        </span>
      }
    >
      <DatePicker {...props} />
    </Suspense>
  );
}
