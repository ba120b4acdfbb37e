// The forms of an agency's assessment actions, each named like its endpoint's body: items[n].score
// and .evidence / .comment per applicable indicator, the appeal and its answer, the rectification's
// plan and reports, the bureau's verification, and assigning this agency's assessor.
import { assessmentTerms as t, roleLabels, terms } from '@glossary';
import type { QueryClient } from '@tanstack/react-query';
import { Form, Input } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { api, ok } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import type { SpecsFor } from '../components/CaseActions.tsx';
import type { agencyButtons } from './buttons.ts';
import type { AgencyAssessment } from './shared.tsx';
import { Paragraph, Text } from '../components/Typography.tsx';

const textRules = (what: string, max: number) => [
  { required: true, whitespace: true, message: `请填写${what}` },
  { max, message: `${what}最多${max}个字` },
];
const area = (minRows: number) => <Input.TextArea autoSize={{ minRows, maxRows: 10 }} />;

// Score fields, selects and radios load with the first form that needs them, not with the page.
const forms = () => import('./agencyForms.tsx');
const ScoreItems = lazy(() => forms().then((m) => ({ default: m.ScoreItems })));
const RevisedScores = lazy(() => forms().then((m) => ({ default: m.RevisedScores })));
const VerifyFields = lazy(() => forms().then((m) => ({ default: m.VerifyFields })));
const loading = <Text type="secondary">正在加载…</Text>;
const later = (node: ReactNode) => <Suspense fallback={loading}>{node}</Suspense>;
const heavy = ['self_assessment', 'review', 'answer_appeal', 'verify_rectification'];

type Scored = { items: { indicator: string; score: number; evidence?: string; comment?: string }[] };
type Refused = { agency: string; code: string; message: string };

export function agencySpecs(a: AgencyAssessment, queryClient: QueryClient): SpecsFor<typeof agencyButtons> {
  if (a.actions.some((x) => heavy.includes(x))) void forms();
  const path = { year: a.year, code: a.agencyCode };
  const items = a.applicable.map((indicator) => ({ indicator }));
  // The cycle's counts and lists change with every step of an agency.
  const done = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['assessment-cycle', a.year] }),
      queryClient.invalidateQueries({ queryKey: ['assessment', 'own'] }),
    ]);
  const then = async <T,>(call: Promise<T>) => {
    const r = await call;
    await done();
    return r;
  };
  const base = '/api/v1/assessment-cycles/{year}/agencies/{code}' as const;
  const rectify = (stage: 'plan' | 'report') => (v: { text: string }) =>
    then(ok(api.POST(`${base}/rectification`, { params: { path }, body: { stage, text: v.text } })));

  return {
    self_assessment: {
      initialValues: { items },
      form: () => (
        <>
          <Paragraph type="secondary">请对每项适用指标自评打分（0–100分），并填写{t.evidence}。</Paragraph>
          {later(<ScoreItems a={a} score={t.selfScore} note={{ field: 'evidence', label: t.evidence }} />)}
        </>
      ),
      submit: (v: Scored) =>
        then(
          ok(
            api.POST(`${base}/self-assessment`, {
              params: { path },
              body: {
                items: v.items.map((i) => ({ indicator: i.indicator, score: i.score, evidence: i.evidence ?? '' })),
              },
            }),
          ),
        ),
    },
    review: {
      initialValues: { items },
      form: () => (
        <>
          <Paragraph type="secondary">请对每项适用指标评审打分（0–100分），并填写{t.reviewComment}。</Paragraph>
          {later(<ScoreItems a={a} score={t.reviewScore} note={{ field: 'comment', label: t.reviewComment }} />)}
        </>
      ),
      submit: (v: Scored) =>
        then(
          ok(
            api.POST(`${base}/review`, {
              params: { path },
              body: {
                items: v.items.map((i) => ({ indicator: i.indicator, score: i.score, comment: i.comment ?? '' })),
              },
            }),
          ),
        ),
    },
    appeal: {
      form: () => (
        <Form.Item
          label={`${t.appeal}理由`}
          name="text"
          rules={textRules(`${t.appeal}理由`, 4000)}
          extra={`${terms.notice}期内可提出一次${t.appeal}`}
        >
          {area(4)}
        </Form.Item>
      ),
      submit: (v: { text: string }) =>
        then(ok(api.POST(`${base}/appeal`, { params: { path }, body: { text: v.text } }))),
    },
    answer_appeal: {
      initialValues: { revised: [] },
      form: () => (
        <>
          {a.appeal && (
            <Paragraph>
              {t.appeal}：{a.appeal.text}
            </Paragraph>
          )}
          <Form.Item label="答复意见" name="text" rules={textRules('答复意见', 4000)}>
            {area(3)}
          </Form.Item>
          {later(<RevisedScores a={a} />)}
        </>
      ),
      submit: (v: { text: string; revised?: { indicator: string; score: number }[] }) =>
        then(
          ok(api.POST(`${base}/appeal/answer`, { params: { path }, body: { text: v.text, revised: v.revised ?? [] } })),
        ),
    },
    rectification_plan: {
      form: () => (
        <Form.Item
          label={t.rectificationPlan}
          name="text"
          rules={textRules(t.rectificationPlan, 4000)}
          extra="写明整改措施、责任人和完成时限"
        >
          {area(4)}
        </Form.Item>
      ),
      submit: rectify('plan'),
    },
    rectification_report: {
      form: () => (
        <Form.Item
          label={t.rectificationReport}
          name="text"
          rules={textRules(t.rectificationReport, 4000)}
          extra="写明整改完成情况"
        >
          {area(4)}
        </Form.Item>
      ),
      submit: rectify('report'),
    },
    verify_rectification: {
      form: () => later(<VerifyFields />),
      submit: (v: { passed: boolean; note?: string }) =>
        then(
          ok(
            api.POST(`${base}/rectification/verification`, {
              params: { path },
              body: { passed: v.passed, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
            }),
          ),
        ),
    },
    assign_assessor: {
      form: () => (
        <>
          <Form.Item
            label={`${t.assessor}账号`}
            name="assessor"
            extra={`${roleLabels.assessor}登录所用的账号标识`}
            rules={[
              { required: true, whitespace: true, message: `请填写${t.assessor}账号` },
              { max: 200, message: '最多200个字符' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={`${t.assessor}名称`} name="assessorName" rules={[{ max: 200, message: '最多200个字' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </>
      ),
      submit: async (v: { assessor: string; assessorName?: string }) => {
        const name = v.assessorName?.trim();
        const res = await ok(
          api.POST('/api/v1/assessment-cycles/{year}/assignments', {
            params: { path: { year: a.year } },
            body: { assessor: v.assessor.trim(), agencies: [a.agencyCode], ...(name ? { assessorName: name } : {}) },
          }),
        );
        const refused = res.refused[0] as Refused | undefined;
        // The assignment answers per agency: a refusal of this one is this action's refusal.
        if (refused) throw new ApiError(refused.code === 'INVALID_STATE' ? 409 : 400, refused.code, refused.message);
        await done();
        return res;
      },
    },
  };
}
