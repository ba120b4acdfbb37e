import { freshnessLabels, openTypeLabels, shareTypeLabels } from '@glossary';
import type { Tone } from '../components/tagColors.ts';
import { ToneTag } from '../components/ToneTag.tsx';

type ShareType = keyof typeof shareTypeLabels;
type OpenType = keyof typeof openTypeLabels;
type Freshness = keyof typeof freshnessLabels;
const shareTones: Record<ShareType, Tone> = { unconditional: 'green', conditional: 'blue', not_shared: 'grey' };
const openTones: Record<OpenType, Tone> = { unconditional: 'green', conditional: 'blue', not_open: 'grey' };
const freshnessTones: Record<Freshness, Tone> = { fresh: 'green', due: 'gold', overdue: 'orange', delinquent: 'red' };

/** A share type; `tone` overrides its usual one (the apply page marks 不予共享 red). */
export const ShareTypeTag = ({ type, tone }: { type: ShareType; tone?: Tone }) => (
  <ToneTag tone={tone ?? shareTones[type]}>{shareTypeLabels[type]}</ToneTag>
);
export const OpenTypeTag = ({ type }: { type: OpenType }) => (
  <ToneTag tone={openTones[type]}>{openTypeLabels[type]}</ToneTag>
);
export const FreshnessTag = ({ freshness }: { freshness: Freshness }) => (
  <ToneTag tone={freshnessTones[freshness]}>{freshnessLabels[freshness]}</ToneTag>
);
