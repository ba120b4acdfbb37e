import { freshnessLabels, openTypeLabels, shareTypeLabels } from '@glossary';
import { Tag } from 'antd';

const shareColors = { unconditional: 'green', conditional: 'blue', not_shared: 'default' } as const;
const openColors = { unconditional: 'green', conditional: 'blue', not_open: 'default' } as const;
const freshnessColors = { fresh: 'green', due: 'gold', overdue: 'orange', delinquent: 'red' } as const;

export const ShareTypeTag = ({ type }: { type: keyof typeof shareTypeLabels }) => <Tag color={shareColors[type]}>{shareTypeLabels[type]}</Tag>;
export const OpenTypeTag = ({ type }: { type: keyof typeof openTypeLabels }) => <Tag color={openColors[type]}>{openTypeLabels[type]}</Tag>;
export const FreshnessTag = ({ freshness }: { freshness: keyof typeof freshnessLabels }) => <Tag color={freshnessColors[freshness]}>{freshnessLabels[freshness]}</Tag>;
