// Where a case stands in its process: the steps of processes.md's process, the current one highlighted.
import { terms } from '@glossary';
import { Steps } from 'antd';
import type { Process } from './links.ts';

type Status = 'wait' | 'process' | 'finish' | 'error';
interface Stages {
  steps: string[];
  at: (state: string) => { current: number; status: Status };
}

const stages: Record<Process, Stages> = {
  'share-application': {
    steps: ['提交申请', `${terms.provider}审核`, '审核结果', '共享使用'],
    at: (s) =>
      (
        ({
          pending_review: { current: 1, status: 'process' },
          awaiting_supplement: { current: 1, status: 'process' },
          rejected: { current: 2, status: 'error' },
          in_objection: { current: 2, status: 'process' },
          granted: { current: 3, status: 'process' },
          withdrawn: { current: 1, status: 'error' },
          closed: { current: 1, status: 'error' },
          expired: { current: 3, status: 'finish' },
          revoked: { current: 3, status: 'error' },
        }) as const
      )[s] ?? { current: 0, status: 'process' },
  },
  objection: {
    steps: ['提出异议', '双方协商', '大数据局协调', '市政府统筹', '办结'],
    at: (s) =>
      (
        ({
          negotiating: { current: 1, status: 'process' },
          coordinating: { current: 2, status: 'process' },
          escalated: { current: 3, status: 'process' },
          resolved: { current: 4, status: 'finish' },
        }) as const
      )[s] ?? { current: 0, status: 'process' },
  },
  'open-data-request': {
    steps: ['提交申请', '形式审查', `${terms.provider}审核`, '签署协议', '开放使用'],
    at: (s) =>
      (
        ({
          formal_check: { current: 1, status: 'process' },
          returned: { current: 1, status: 'error' },
          provider_review: { current: 2, status: 'process' },
          rejected: { current: 2, status: 'error' },
          awaiting_agreement: { current: 3, status: 'process' },
          lapsed: { current: 3, status: 'error' },
          active: { current: 4, status: 'process' },
          suspended: { current: 4, status: 'error' },
          revoked: { current: 4, status: 'error' },
          expired: { current: 4, status: 'finish' },
        }) as const
      )[s] ?? { current: 0, status: 'process' },
  },
  correction: {
    steps: ['报告错误', `转交${terms.provider}`, '核实', '办结'],
    at: (s) =>
      (
        ({
          forwarding: { current: 1, status: 'process' },
          verifying: { current: 2, status: 'process' },
          corrected: { current: 3, status: 'finish' },
          no_change: { current: 3, status: 'finish' },
          transferred: { current: 3, status: 'finish' },
        }) as const
      )[s] ?? { current: 0, status: 'process' },
  },
  assessment: {
    steps: ['指标采集', '自评', '评审', '公示', '整改', '办结'],
    at: (s) =>
      (
        ({
          collecting: { current: 0, status: 'process' },
          self_assessment: { current: 1, status: 'process' },
          review: { current: 2, status: 'process' },
          reviewed: { current: 2, status: 'finish' },
          notice: { current: 3, status: 'process' },
          rectification: { current: 4, status: 'process' },
          closed: { current: 5, status: 'finish' },
        }) as const
      )[s] ?? { current: 0, status: 'process' },
  },
  'assessment-cycle': {
    steps: ['指标采集', '自评', '评审', '公示', '结果发布', '办结'],
    at: (s) =>
      (
        ({
          collecting: { current: 0, status: 'process' },
          self_assessment: { current: 1, status: 'process' },
          review: { current: 2, status: 'process' },
          notice: { current: 3, status: 'process' },
          final: { current: 4, status: 'process' },
          closed: { current: 5, status: 'finish' },
        }) as const
      )[s] ?? { current: 0, status: 'process' },
  },
};

export function StageBar({ process, state }: { process: Process; state: string }) {
  const { steps, at } = stages[process];
  const { current, status } = at(state);
  return (
    <Steps
      size="small"
      current={current}
      status={status}
      items={steps.map((title) => ({ title }))}
      style={{ marginBottom: 16 }}
      aria-label="办理进度"
    />
  );
}
