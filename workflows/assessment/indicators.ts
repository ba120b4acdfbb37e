// The default indicator framework (评估指标体系) the database is seeded with. A city publishes its
// own versions through the API; a cycle keeps the version it started with.
import type { IndicatorSet } from './types.js';

export const DEFAULT_INDICATORS: IndicatorSet = {
  version: 'default-v1',
  title: '公共数据管理年度评估指标（默认）',
  grades: { excellent: 90, good: 80, pass: 60 },
  indicators: [
    {
      code: 'catalog_completeness',
      name: '目录编制完整性',
      weight: 20,
      floor: 60,
      metric: 'catalog',
      description:
        'Resources with description, data items and the legal basis their type requires (滨州办法 目录编制).',
    },
    {
      code: 'data_freshness',
      name: '数据按时更新',
      weight: 20,
      floor: 60,
      metric: 'freshness',
      description: 'Resources updated within their declared cycle (更新周期).',
    },
    {
      code: 'share_timeliness',
      name: '共享申请办理时效',
      weight: 20,
      floor: 60,
      metric: 'share',
      description: 'Conditional share applications answered within the review deadline.',
    },
    {
      code: 'objection_outcomes',
      name: '共享异议协商结果',
      weight: 10,
      floor: null,
      metric: 'objection',
      description: 'Objections to refusals in which the refusal was upheld.',
    },
    {
      code: 'open_timeliness',
      name: '开放申请办理时效',
      weight: 15,
      floor: 60,
      metric: 'open',
      description: 'Open-data requests reviewed within the provider deadline.',
    },
    {
      code: 'correction_timeliness',
      name: '数据纠错核实时效',
      weight: 15,
      floor: 60,
      metric: 'correction',
      description: 'Reported errors verified within the deadline.',
    },
  ],
};
