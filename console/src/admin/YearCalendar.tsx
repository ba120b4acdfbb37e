// A year of the working-day calendar, month by month: each day marked 节假日 (休), 调休上班 (班),
// 周末 or 工作日, with its kind in its accessible name ("2026年10月1日 星期四 节假日").
import { terms } from '@glossary';
import { Col, Row, Space, theme } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import {
  countKinds,
  daysInMonth,
  dayKind,
  isoDate,
  weekdayMon,
  weekdayNames,
  type DayKind,
  type YearLists,
} from './calendar-dates.ts';
import { Text } from '../components/Typography.tsx';

export const kindLabels: Record<DayKind, string> = {
  holiday: terms.holiday,
  makeUp: terms.makeUpDay,
  weekend: terms.weekend,
  working: terms.workingDay,
};
// Text and background pairs that keep WCAG AA contrast for small text.
const kindStyle: Record<DayKind, CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#a8071a' },
  makeUp: { background: '#fff7e6', color: '#873800' },
  weekend: { background: '#f5f5f5', color: '#595959' },
  working: { background: '#ffffff', color: 'rgba(0, 0, 0, 0.88)' },
};
const head: CSSProperties = { fontWeight: 400, fontSize: 12, padding: '2px 0' };
const marker: Partial<Record<DayKind, string>> = { holiday: '休', makeUp: '班' };
const swatch: CSSProperties = {
  display: 'inline-block',
  width: 22,
  height: 22,
  lineHeight: '22px',
  textAlign: 'center',
  borderRadius: 4,
  border: '1px solid #d9d9d9',
  fontSize: 12,
};

export function KindLegend({ year, lists }: { year: number; lists: YearLists }) {
  const c = countKinds(year, lists);
  const days = c.holiday + c.makeUp + c.weekend + c.working;
  return (
    <Space wrap size="large">
      <Text strong>
        全年{days}天：{terms.workingDay} {c.working + c.makeUp} 天（含{terms.makeUpDay} {c.makeUp} 天），
        {terms.holiday} {c.holiday} 天，{terms.weekend} {c.weekend} 天
      </Text>
      <Space wrap size="middle">
        {(Object.keys(kindLabels) as DayKind[]).map((k) => (
          <Space key={k} size={6}>
            <span aria-hidden style={{ ...swatch, ...kindStyle[k] }}>
              {marker[k] ?? ''}
            </span>
            <Text>{kindLabels[k]}</Text>
          </Space>
        ))}
      </Space>
    </Space>
  );
}

interface MonthProps {
  year: number;
  month: number;
  holidays: Set<string>;
  workdays: Set<string>;
}

function Month({ year, month, holidays, workdays }: MonthProps) {
  const { token } = theme.useToken();
  const today = dayjs().format('YYYY-MM-DD');
  const first = weekdayMon(isoDate(year, month, 1));
  const cells: (string | null)[] = [...Array<null>(first).fill(null)];
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(isoDate(year, month, d));
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const cell: CSSProperties = {
    width: '14.28%',
    height: 34,
    padding: 0,
    textAlign: 'center',
    fontSize: 13,
    border: `1px solid ${token.colorBorderSecondary}`,
  };
  const todayStyle: CSSProperties = { outline: `2px solid ${token.colorPrimary}`, outlineOffset: -2 };

  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '4px 0 6px' }}>
        {year}年{month}月
      </caption>
      <thead>
        <tr>
          {weekdayNames.map((w) => (
            <th key={w} scope="col" abbr={w} style={{ ...head, color: token.colorTextSecondary }}>
              {w.slice(2)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {week.map((date, j) => {
              if (!date) return <td key={j} style={{ ...cell, border: 'none' }} />;
              const kind = dayKind(date, holidays, workdays);
              const day = Number(date.slice(8));
              const name = `${year}年${month}月${day}日 ${weekdayNames[weekdayMon(date)]} ${kindLabels[kind]}`;
              const marked = kind === 'holiday' || kind === 'makeUp';
              return (
                <td
                  key={j}
                  aria-label={name}
                  title={name}
                  data-kind={kind}
                  style={{ ...cell, ...kindStyle[kind], ...(date === today ? todayStyle : {}) }}
                >
                  <span style={{ display: 'block', lineHeight: '16px', fontWeight: marked ? 600 : 400 }}>{day}</span>
                  <span style={{ display: 'block', lineHeight: '12px', fontSize: 10, minHeight: 12 }}>
                    {marker[kind] ?? ''}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function YearCalendar({ year, lists }: { year: number; lists: YearLists }) {
  const holidays = new Set(lists.holidays);
  const workdays = new Set(lists.workdays);
  return (
    <Row gutter={[20, 16]}>
      {Array.from({ length: 12 }, (_, i) => (
        <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
          <Month year={year} month={i + 1} holidays={holidays} workdays={workdays} />
        </Col>
      ))}
    </Row>
  );
}
