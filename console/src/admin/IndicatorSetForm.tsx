// A new version of the indicator framework (评估指标体系): grade thresholds and the indicators with
// their weights, floors and system metrics. Versions are never edited; a new one is published.
import { assessmentTerms, gradeLabels, metricSourceLabels } from '@glossary';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { api, ok, type Schemas } from '../api/client.ts';
import { ApiError, fieldMessage } from '../api/errors.ts';
import { placeErrors } from './forms.ts';
import { Card } from '../components/Card.tsx';
import { Paragraph, Title } from '../components/Typography.tsx';
import { toast } from '../components/toast.tsx';

type IndicatorSet = Schemas['IndicatorSet'];
type Indicator = IndicatorSet['indicators'][number];
interface Values extends IndicatorSet {
  makeDefault: boolean;
}

const metricOptions = Object.entries(metricSourceLabels).map(([value, label]) => ({ value, label }));
const gradeRule = `须满足 100 ≥ ${gradeLabels.excellent} > ${gradeLabels.good} > ${gradeLabels.pass} > 0`;
const alwaysApplies = `至少一个指标须始终适用（不关联${assessmentTerms.metrics}，或关联“${metricSourceLabels.catalog}”）`;
const blank: Indicator = { code: '', name: '', weight: 10, floor: null, metric: null };
const max = (n: number) => ({ max: n, message: `最多${n}字` });

/** The API's refusals of a framework, in Chinese. */
function indicatorProblem(message: string): string {
  if (/excellent > good > pass/.test(message)) return gradeRule;
  if (/codes must be unique/.test(message)) return '指标代码不能重复';
  if (/must always apply/.test(message)) return alwaysApplies;
  if (/lower_snake/.test(message)) return '代码须以小写字母开头，只含小写字母、数字和下划线';
  if (/letters, digits, dot, dash, underscore/.test(message)) return '版本号只能包含字母、数字、点、连字符和下划线';
  if (/must be positive/.test(message)) return `${assessmentTerms.weight}须大于0`;
  if (/must be 0\.\.100/.test(message)) return '须在0到100之间';
  return fieldMessage(message);
}

export function IndicatorSetForm({ base, onDone }: { base: IndicatorSet | undefined; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const indicators = Form.useWatch('indicators', form) as Partial<Indicator>[] | undefined;
  const totalWeight = (indicators ?? []).reduce((n, i) => n + (Number(i?.weight) || 0), 0);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const body = {
        version: v.version.trim(),
        title: v.title.trim(),
        grades: v.grades,
        makeDefault: !!v.makeDefault,
        indicators: v.indicators.map((i) => ({
          code: i.code.trim(),
          name: i.name.trim(),
          weight: i.weight,
          floor: i.floor ?? null,
          metric: i.metric ?? null,
          ...(i.description?.trim() ? { description: i.description.trim() } : {}),
        })),
      };
      const created = await ok(api.POST('/api/v1/assessment-indicators', { body }));
      toast.success(`已发布指标体系版本 ${created.version}`);
      await queryClient.invalidateQueries({ queryKey: ['assessment-indicators'] });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DUPLICATE') {
        form.setFields([{ name: 'version', errors: ['该版本号已存在；已发布的版本不可修改，请使用新的版本号'] }]);
      } else {
        const rest = placeErrors(form, error, indicatorProblem);
        setProblem(rest.length ? rest.join('；') : null);
      }
    } finally {
      setBusy(false);
    }
  };

  const initialValues: Partial<Values> = {
    version: '',
    title: '',
    makeDefault: false,
    grades: base?.grades ?? { excellent: 90, good: 80, pass: 60 },
    indicators: base?.indicators.map((i) => ({ ...i })) ?? [{ ...blank, weight: 100 }],
  };

  return (
    <Card
      size="small"
      title={
        <Title level={3} style={{ fontSize: 16, margin: 0 }}>
          新增指标版本
        </Title>
      }
    >
      <Paragraph type="secondary">
        已按{base ? `版本 ${base.version}` : '空白模板'}
        预填，修改后以新版本号发布；已发布的版本不可修改，进行中的评估周期仍使用其启动时的版本。
      </Paragraph>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="version"
              label="版本号"
              rules={[
                { required: true, whitespace: true, message: '请填写版本号' },
                {
                  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
                  message: '版本号只能包含字母、数字、点、连字符和下划线，最多64位',
                },
              ]}
            >
              <Input placeholder="如 2027-v1" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label="版本名称"
              rules={[{ required: true, whitespace: true, message: '请填写版本名称' }, max(200)]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Title level={4} style={{ fontSize: 14 }}>
          等级分数线
        </Title>
        <Row gutter={16}>
          {(['excellent', 'good', 'pass'] as const).map((g) => (
            <Col key={g} xs={24} sm={8}>
              <Form.Item
                name={['grades', g]}
                label={`${gradeLabels[g]}（不低于）`}
                dependencies={[
                  ['grades', 'excellent'],
                  ['grades', 'good'],
                  ['grades', 'pass'],
                ]}
                rules={[
                  { required: true, message: '请填写分数线' },
                  ({ getFieldValue }) => ({
                    validator: async () => {
                      const [e, gd, p] = (['excellent', 'good', 'pass'] as const).map((k) =>
                        getFieldValue(['grades', k]),
                      ) as number[];
                      const given = [e, gd, p].every((x) => typeof x === 'number');
                      if (given && !(e! <= 100 && e! > gd! && gd! > p! && p! > 0)) throw new Error(gradeRule);
                    },
                  }),
                ]}
              >
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Title level={4} style={{ fontSize: 14 }}>
          {assessmentTerms.indicator}（{assessmentTerms.weight}合计 {totalWeight}）
        </Title>
        <Form.List
          name="indicators"
          rules={[
            {
              validator: async (_, list: Partial<Indicator>[] | undefined) => {
                if (!list?.length) throw new Error('至少需要一个指标');
                const codes = list.map((i) => i?.code?.trim()).filter(Boolean);
                if (new Set(codes).size !== codes.length) throw new Error('指标代码不能重复');
                if (!list.some((i) => !i?.metric || i.metric === 'catalog')) throw new Error(alwaysApplies);
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, n) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  style={{ marginBottom: 12 }}
                  title={`指标 ${n + 1}`}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label={`删除指标 ${n + 1}`}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[field.name, 'code']}
                        label="指标代码"
                        rules={[
                          { required: true, whitespace: true, message: '请填写指标代码' },
                          { pattern: /^[a-z][a-z0-9_]{1,63}$/, message: indicatorProblem('lower_snake') },
                        ]}
                      >
                        <Input autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label="指标名称"
                        rules={[{ required: true, whitespace: true, message: '请填写指标名称' }, max(200)]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={3}>
                      <Form.Item
                        name={[field.name, 'weight']}
                        label={assessmentTerms.weight}
                        rules={[{ required: true, message: `请填写${assessmentTerms.weight}` }]}
                      >
                        <InputNumber min={0.01} max={1000} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={3}>
                      <Form.Item
                        name={[field.name, 'floor']}
                        label={assessmentTerms.floor}
                        tooltip="低于此分须整改；不填为不设最低分"
                      >
                        <InputNumber min={0} max={100} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={4}>
                      <Form.Item name={[field.name, 'metric']} label={assessmentTerms.metrics}>
                        <Select allowClear placeholder="不关联" options={metricOptions} />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item
                        name={[field.name, 'description']}
                        label="说明"
                        rules={[max(2000)]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ ...blank })}
                style={{ marginBottom: 16 }}
              >
                添加指标
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="makeDefault" valuePropName="checked">
          <Checkbox>设为默认版本（此后启动的评估周期默认采用）</Checkbox>
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            发布版本
          </Button>
          <Button onClick={onDone}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
