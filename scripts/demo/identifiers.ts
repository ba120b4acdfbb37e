// Valid identifiers for the demo's open-data requesters and records: the check character is computed
// (GB 11643 / GB 32100), then confirmed with the validators the API itself uses.
import { validateCreditCode, validateIdNumber } from '../../lib/identity.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A 居民身份证号码: 6-digit 行政区划码, birth date YYYYMMDD, 3-digit 顺序码 (odd for men, even for
 * women), then the ISO 7064 MOD 11-2 check character.
 */
export function idNumber(region: string, birth: string, sequence: string): string {
  const body = `${region}${birth}${sequence}`;
  if (!/^\d{17}$/.test(body)) throw new RangeError(`an id number body is 17 digits, got '${body}'`);
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + Number(body[i]) * w, 0);
  return confirmed(`${body}${ID_CHECK_CHARS[sum % 11]}`, validateIdNumber);
}

/**
 * A 统一社会信用代码: 登记管理部门码 and 机构类别码 (e.g. '91' for a company), 6-digit 行政区划码,
 * 9-character 主体标识码, then the MOD 31 check character.
 */
export function creditCode(kind: string, region: string, subject: string): string {
  const body = `${kind}${region}${subject}`;
  if (body.length !== 17 || [...body].some((c) => !CREDIT_ALPHABET.includes(c))) {
    throw new RangeError(`a credit code body is 17 characters of the GB 32100 alphabet, got '${body}'`);
  }
  const sum = CREDIT_WEIGHTS.reduce((acc, w, i) => acc + CREDIT_ALPHABET.indexOf(body[i]!) * w, 0);
  return confirmed(`${body}${CREDIT_ALPHABET[(31 - (sum % 31)) % 31]}`, validateCreditCode);
}

function confirmed(value: string, validate: (v: string) => { ok: true } | { ok: false; reason: string }): string {
  const result = validate(value);
  if (!result.ok) throw new RangeError(`computed identifier ${value} is not valid: ${result.reason}`);
  return value;
}
