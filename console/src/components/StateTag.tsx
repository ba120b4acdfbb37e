import { stateLabels } from '@glossary';
import { Tag } from 'antd';
import type { Process } from './links.ts';

const ended = new Set(['withdrawn', 'closed', 'expired', 'revoked', 'lapsed', 'resolved', 'corrected', 'no_change', 'transferred', 'final']);
const refused = new Set(['rejected', 'suspended']);
const good = new Set(['granted', 'active']);

/** A case's state in its process's words. */
export function stateLabel(process: Process, state: string): string {
  return (stateLabels[process] as Record<string, string>)[state] ?? state;
}

export function StateTag({ process, state }: { process: Process; state: string }) {
  const color = good.has(state) ? 'green' : refused.has(state) ? 'red' : ended.has(state) ? 'default' : 'blue';
  // antd's green text on its pale green falls short of WCAG AA contrast; a darker green passes.
  return <Tag color={color} style={color === 'green' ? { color: '#237804' } : undefined}>{stateLabel(process, state)}</Tag>;
}
