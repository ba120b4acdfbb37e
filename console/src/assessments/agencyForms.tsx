// The heavier action forms of an agency's assessment (score fields, selects, radios), loaded when
// the page can take one of those actions: scores per applicable indicator under items[n], the
// revised scores of an appeal's answer, and the bureau's verification of a rectification.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { assessmentTerms as t } from '@glossary';
import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { indicatorNamer, type AgencyAssessment } from './shared.tsx';
import { Paragraph, Text } from '../components/Typography.tsx';

const scoreRules = (what: string) => [{ required: true, message: `请填写${what}` }];
const textRules = (what: string, max: number) => [
  { required: true, whitespace: true, message: `请填写${what}` },
  { max, message: `${what}最多${max}个字` },
];

/** The applicable indicators in the framework's order, with what the agency and the system said of each. */
function applicableRows(a: AgencyAssessment) {
  const order = (a.indicators?.indicators ?? []).map((i) => i.code);
  const rank = (code: string) => order.indexOf(code) + 1 || order.length + 1;
  const self = new Map((a.selfAssessment?.value ?? []).map((i) => [i.indicator, i]));
  return [...a.applicable]
    .sort((x, y) => rank(x) - rank(y))
    .map((code) => {
      const indicator = a.indicators?.indicators.find((i) => i.code === code);
      const metric = indicator?.metric ? a.metrics?.[indicator.metric] : null;
      return { code, indicator, systemScore: metric?.applicable ? metric.systemScore : null, self: self.get(code) };
    });
}

/** What to weigh beside an indicator: weight, floor, system score, and (for the assessor) the self-assessment. */
function hint(row: ReturnType<typeof applicableRows>[number], withSelf: boolean): string {
  const parts = [
    ...(row.indicator ? [`${t.weight} ${row.indicator.weight}`] : []),
    ...(row.indicator?.floor !== null && row.indicator?.floor !== undefined
      ? [`${t.floor} ${row.indicator.floor}`]
      : []),
    ...(row.systemScore !== null ? [`${t.systemScore} ${row.systemScore}`] : []),
  ].join('，');
  return withSelf && row.self
    ? `${parts}；${t.selfScore} ${row.self.score}，${t.evidence}：${row.self.evidence ?? '—'}`
    : parts;
}

type Note = { field: 'evidence' | 'comment'; label: string };
const box = { border: '1px solid #f0f0f0', borderRadius: 4, padding: '8px 12px 0', marginBottom: 12 };

/** One indicator's score and its text (evidence or comment) under `items[n]`. */
export function ScoreItems({ a, score, note }: { a: AgencyAssessment; score: string; note: Note }) {
  const name = indicatorNamer(a.indicators);
  return (
    <>
      {applicableRows(a).map((row, n) => (
        <fieldset key={row.code} style={box}>
          <legend style={{ fontWeight: 600, fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
            {name(row.code)}
          </legend>
          <Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {hint(row, note.field === 'comment')}
          </Paragraph>
          <Form.Item name={['items', n, 'indicator']} hidden>
            <Input />
          </Form.Item>
          <Form.Item label={`${name(row.code)}${score}`} name={['items', n, 'score']} rules={scoreRules(score)}>
            <InputNumber min={0} max={100} style={{ width: 160 }} suffix="分" />
          </Form.Item>
          <Form.Item
            label={`${name(row.code)}${note.label}`}
            name={['items', n, note.field]}
            rules={textRules(note.label, 2000)}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </fieldset>
      ))}
    </>
  );
}

export function RevisedScores({ a }: { a: AgencyAssessment }) {
  const name = indicatorNamer(a.indicators);
  return (
    <>
      <Text strong>{t.revisedScores}（采纳申诉时填写，可不填）</Text>
      <Form.List name="revised">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((f, n) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item
                  label={`调整指标${n + 1}`}
                  name={[f.name, 'indicator']}
                  rules={[{ required: true, message: '请选择指标' }]}
                >
                  <Select style={{ width: 200 }} options={a.applicable.map((c) => ({ value: c, label: name(c) }))} />
                </Form.Item>
                <Form.Item label={`调整后得分${n + 1}`} name={[f.name, 'score']} rules={scoreRules('调整后得分')}>
                  <InputNumber min={0} max={100} />
                </Form.Item>
                <Button
                  type="text"
                  aria-label={`删除调整指标${n + 1}`}
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  style={{ marginTop: 30 }}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
              添加{t.revisedScores}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}

export function VerifyFields() {
  return (
    <>
      <Form.Item label="验收结论" name="passed" rules={[{ required: true, message: '请选择验收结论' }]}>
        <Radio.Group
          options={[
            { value: true, label: '通过' },
            { value: false, label: '不通过，重新整改' },
          ]}
        />
      </Form.Item>
      <Form.Item label="验收意见" name="note" rules={[{ max: 4000, message: '验收意见最多4000个字' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
    </>
  );
}
