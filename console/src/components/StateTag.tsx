import { stateLabels } from '@glossary';
import type { Process } from './links.ts';
import type { Tone } from './tagColors.ts';
import { ToneTag } from './ToneTag.tsx';

const ended = new Set([
  'withdrawn',
  'closed',
  'expired',
  'revoked',
  'lapsed',
  'resolved',
  'corrected',
  'no_change',
  'transferred',
  'final',
]);
const refused = new Set(['rejected', 'suspended']);
const good = new Set(['granted', 'active']);

/** A case's state in its process's words. */
export function stateLabel(process: Process, state: string): string {
  return (stateLabels[process] as Record<string, string>)[state] ?? state;
}

/** The tone of a state: live access green, a refusal red, an ended case grey, anything under way blue. */
export const stateTone = (state: string): Tone =>
  good.has(state) ? 'green' : refused.has(state) ? 'red' : ended.has(state) ? 'grey' : 'blue';

export function StateTag({ process, state }: { process: Process; state: string }) {
  return <ToneTag tone={stateTone(state)}>{stateLabel(process, state)}</ToneTag>;
}
