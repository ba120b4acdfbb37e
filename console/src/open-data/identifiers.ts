// The 身份证号 (GB 11643) and 统一社会信用代码 (GB 32100) checks of the request form: the very
// validators the API uses (@identifiers = lib/identifiers.ts), their English reasons in Chinese.
import { terms } from '@glossary';
import { validateCreditCode, validateIdNumber } from '@identifiers';
import type { FormRule } from 'antd';
import dayjs from 'dayjs';

export type IdentifierKind = 'idNumber' | 'creditCode';

const label: Record<IdentifierKind, string> = { idNumber: terms.idNumber, creditCode: terms.creditCode };

/** One validator reason (see lib/identifiers.ts) as the person reads it beside the field. */
export function identifierMessage(kind: IdentifierKind, reason: string): string {
  const name = label[kind];
  const m = (re: RegExp) => reason.match(re);
  let r: RegExpMatchArray | null;
  if ((r = m(/must be 18 characters \(got (\d+)\)/))) return `${name}应为18位（已输入${r[1]}位）`;
  if ((r = m(/position (\d+) is '(.*)'\)/))) return `${name}前17位只能是数字（第${r[1]}位为“${r[2]}”）`;
  if (m(/check character must be a digit or X/)) return `${name}最后一位只能是数字或X`;
  if ((r = m(/birth date (\d{8}) is not a real date/))) return `${name}中的出生日期${r[1]}不是有效日期`;
  if ((r = m(/birth date (\d{8}) is before (\d+)/))) return `${name}中的出生日期早于${r[2]}年`;
  if (m(/birth date \d{8} is in the future/)) return `${name}中的出生日期晚于今天`;
  if (m(/wrong check character/)) return `${name}校验位不正确，请核对`;
  if ((r = m(/character (\w) is not allowed \(position (\d+)\)/)))
    return `${name}第${r[2]}位不能是字母${r[1]}（不使用I、O、Z、S、V）`;
  if ((r = m(/character '(.*)' at position (\d+) is not in/))) return `${name}第${r[2]}位“${r[1]}”不是有效字符`;
  if (m(/positions 3-8/)) return `${name}第3至8位（登记管理机关行政区划码）应为6位数字`;
  return `${name}不正确`;
}

/** The check as a form rule: run on every keystroke, so the message appears as the person types. */
export function identifierRule(kind: IdentifierKind): FormRule {
  return {
    validator: async (_rule, value: string | undefined) => {
      const v = (value ?? '').trim();
      if (!v) return;
      const result = kind === 'idNumber' ? validateIdNumber(v, dayjs().format('YYYY-MM-DD')) : validateCreditCode(v);
      if (!result.ok) throw new Error(identifierMessage(kind, result.reason));
    },
  };
}

/** A server refusal of an identifier ("not a valid 身份证号 (GB 11643): <reason>") in the same words. */
export function serverIdentifierMessage(kind: IdentifierKind, message: string): string {
  const reason = message.includes(': ') ? message.slice(message.indexOf(': ') + 2) : message;
  return identifierMessage(kind, reason);
}
