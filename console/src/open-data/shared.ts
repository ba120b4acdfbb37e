// What an open-data request waits for now: the deadline of its current step, in the glossary's words.
import { terms } from '@glossary';
import type { FormRule } from 'antd';
import type { Schemas } from '../api/client.ts';
import { ApiError, messageOf } from '../api/errors.ts';

export type OpenDataRequest = Schemas['OpenDataRequest'];

/** The longest period of use a request may ask for (the API's periodMonths limit). */
export const MAX_PERIOD_MONTHS = 36;

export const periodRules: FormRule[] = [
  { required: true, message: `请填写${terms.periodOfUse}` },
  { type: 'number', min: 1, max: MAX_PERIOD_MONTHS, message: `${terms.periodOfUse}为1至${MAX_PERIOD_MONTHS}个月` },
];

/** A refusal that landed on no field, as one message (a validation refusal with its detail). */
export const errorText = (error: unknown): string =>
  error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.detail
    ? `${messageOf(error)}：${error.detail}`
    : messageOf(error);

/** The deadline the request runs against in its state, or null when it waits for none. */
export function currentDue(r: OpenDataRequest): { label: string; dueDate: string | null } | null {
  switch (r.state) {
    case 'formal_check':
      return { label: terms.formalCheckDue, dueDate: r.formalCheckDueDate };
    case 'provider_review':
      return { label: terms.reviewDue, dueDate: r.reviewDueDate };
    case 'awaiting_agreement':
      return { label: terms.agreementDue, dueDate: r.agreementDueDate };
    case 'active':
      return { label: terms.nextReportDue, dueDate: r.nextReportDueDate };
    case 'suspended':
      return { label: terms.graceDue, dueDate: r.graceDueDate ?? r.nextReportDueDate };
    default:
      return null;
  }
}

/** 个人 / 组织. */
export const requesterKindLabel = (kind: string): string =>
  kind === 'organization' ? terms.organization : terms.person;
