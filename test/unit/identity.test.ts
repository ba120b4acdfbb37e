// Table-driven tests of the key-identifier checks (docs/processes.md Catalog: validate both checksums
// wherever they are entered). Valid numbers are built with check characters computed here in a
// different way from lib/identity.ts (weights as powers, check character found by search), and
// the standard published examples are checked by hand.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  creditCodeSchema,
  idNumberSchema,
  maskIdentifier,
  validateCreditCode,
  validateIdNumber,
} from '../../lib/identity.js';
import { identifierKindOf } from '../../lib/identifiers.js';

// ---- independent check characters ---------------------------------------------------------------

/**
 * GB 11643: weight of position k (1-based, left to right) is 2^(18-k) mod 11; the full sum incl. the check
 * value is ≡ 1 (mod 11).
 */
function idCheck(body17: string): string {
  let sum = 0;
  for (let k = 1; k <= 17; k += 1) sum += Number(body17.charAt(k - 1)) * (2 ** (18 - k) % 11);
  for (let c = 0; c <= 10; c += 1) {
    if ((sum + c) % 11 === 1) return c === 10 ? 'X' : String(c);
  }
  throw new Error('unreachable');
}

const CODE_CHARS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

/** GB 32100: weight of position i (0-based) is 3^i mod 31; the check value makes the full sum ≡ 0 (mod 31). */
function creditCheck(body17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of body17) {
    sum += CODE_CHARS.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  const value = CODE_CHARS.findIndex((_, v) => (sum + v) % 31 === 0);
  return CODE_CHARS[value]!;
}

const withIdCheck = (body17: string): string => body17 + idCheck(body17);
const withCreditCheck = (body17: string): string => body17 + creditCheck(body17);

/** Any other check character than the right one, for "wrong check character" cases. */
const otherIdCheck = (id: string): string => id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
const otherCreditCheck = (code: string): string => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');

describe('the independent check-character helpers', () => {
  it('agree with the published examples', () => {
    expect(idCheck('11010519491231002')).toBe('X');
    expect(creditCheck('91350100M000100Y4')).toBe('3');
  });
});

// ---- 身份证号 --------------------------------------------------------------------------------------

const TODAY = '2026-05-20';

describe('validateIdNumber (GB 11643-1999)', () => {
  const valid: Array<[label: string, input: string, normalized: string]> = [
    ['the standard GB 11643 example', '11010519491231002X', '11010519491231002X'],
    ['the same example with lower-case x', '11010519491231002x', '11010519491231002X'],
    ['a digit check character', withIdCheck('37160219900101123'), withIdCheck('37160219900101123')],
    ['a leap day', withIdCheck('44030420000229001'), withIdCheck('44030420000229001')],
    ['1 January 1900, the earliest accepted', withIdCheck('11010119000101001'), withIdCheck('11010119000101001')],
    ['a birth date of today', withIdCheck('11010120260520001'), withIdCheck('11010120260520001')],
  ];
  it.each(valid)('accepts %s', (_label, input, normalized) => {
    expect(validateIdNumber(input, TODAY)).toEqual({ ok: true, normalized });
  });

  it('finds every check character, X included, across generated numbers', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq += 1) {
      const id = withIdCheck(`510104198807${String(10 + (seq % 19)).padStart(2, '0')}${String(seq).padStart(3, '0')}`);
      seen.add(id.charAt(17));
      expect(validateIdNumber(id, TODAY)).toEqual({ ok: true, normalized: id });
      expect(validateIdNumber(otherIdCheck(id), TODAY)).toEqual({
        ok: false,
        reason: `wrong check character (expected ${id.charAt(17)})`,
      });
    }
    expect(seen.size).toBe(11);
  });

  const invalid: Array<[label: string, input: string, reason: string]> = [
    ['a wrong check character', '110105194912310021', 'wrong check character (expected X)'],
    ['17 characters', '11010519491231002', 'must be 18 characters (got 17)'],
    ['19 characters', '11010519491231002X1', 'must be 18 characters (got 19)'],
    ['an empty string', '', 'must be 18 characters (got 0)'],
    [
      'a letter among the 17 digits',
      '1101051949123100AX',
      "only digits before the check character (position 17 is 'A')",
    ],
    [
      'an x before the last position',
      '11010519491231x02X',
      "only digits before the check character (position 15 is 'x')",
    ],
    ['a full-width digit', '１10105194912310021', "only digits before the check character (position 1 is '１')"],
    [
      'a check character that is not a digit or X',
      '11010519491231002Y',
      "check character must be a digit or X (got 'Y')",
    ],
    ['30 February', withIdCheck('11010519900230001'), 'birth date 19900230 is not a real date'],
    [
      '29 February in a non-leap century year',
      withIdCheck('11010519000229001'),
      'birth date 19000229 is not a real date',
    ],
    ['month 13', withIdCheck('11010519901301001'), 'birth date 19901301 is not a real date'],
    ['day 00', withIdCheck('11010519900100001'), 'birth date 19900100 is not a real date'],
    ['a birth year before 1900', withIdCheck('11010518991231001'), 'birth date 18991231 is before 1900'],
    [
      'a birth date after today',
      withIdCheck('11010520260521001'),
      'birth date 20260521 is in the future (today is 2026-05-20)',
    ],
  ];
  it.each(invalid)('rejects %s', (_label, input, reason) => {
    expect(validateIdNumber(input, TODAY)).toEqual({ ok: false, reason });
  });

  it('does not compare the birth date with any clock when no today is given', () => {
    const future = withIdCheck('11010520990101001');
    expect(validateIdNumber(future)).toEqual({ ok: true, normalized: future });
  });

  it.each(['2026-02-30', '20260520', '2026-5-20', ''])('throws on a malformed today %j', (today) => {
    expect(() => validateIdNumber('11010519491231002X', today)).toThrow(RangeError);
  });
});

// ---- 统一社会信用代码 ------------------------------------------------------------------------------

describe('validateCreditCode (GB 32100-2015)', () => {
  const valid: Array<[label: string, input: string, normalized: string]> = [
    ['the commonly cited example', '91350100M000100Y43', '91350100M000100Y43'],
    ['the same example in lower case', '91350100m000100y43', '91350100M000100Y43'],
    [
      'a generated code with letters in the body',
      withCreditCheck('12440300MB2C3D4E5'),
      withCreditCheck('12440300MB2C3D4E5'),
    ],
    [
      'a generated code with registration department Y',
      withCreditCheck('Y1110105MA01ABCDE'),
      withCreditCheck('Y1110105MA01ABCDE'),
    ],
  ];
  it.each(valid)('accepts %s', (_label, input, normalized) => {
    expect(validateCreditCode(input)).toEqual({ ok: true, normalized });
  });

  it('finds every check character across generated codes', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 400; seq += 1) {
      const org = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((shift) => CODE_CHARS[(seq * (shift + 7) + shift) % 31]).join('');
      const code = withCreditCheck(`91310115${org}`);
      seen.add(code.charAt(17));
      expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code });
      expect(validateCreditCode(otherCreditCheck(code))).toEqual({
        ok: false,
        reason: `wrong check character (expected ${code.charAt(17)})`,
      });
    }
    expect(seen.size).toBe(31);
  });

  const invalid: Array<[label: string, input: string, reason: string]> = [
    ['a wrong check character', '91350100M000100Y44', 'wrong check character (expected 3)'],
    ['17 characters', '91350100M000100Y4', 'must be 18 characters (got 17)'],
    ['19 characters', '91350100M000100Y433', 'must be 18 characters (got 19)'],
    ['the letter I', '91350100I000100Y43', 'character I is not allowed (position 9)'],
    ['the letter O', '91350100M0001O0Y43', 'character O is not allowed (position 14)'],
    ['the letter Z', '91350100M000100Z43', 'character Z is not allowed (position 16)'],
    ['the letter S', 'S1350100M000100Y43', 'character S is not allowed (position 1)'],
    ['a lower-case v', '91350100M000100Y4v', 'character V is not allowed (position 18)'],
    ['a hyphen', '91350100-000100Y43', "character '-' at position 9 is not in the GB 32100 alphabet"],
    [
      'a letter in the 行政区划码',
      withCreditCheck('9135A100M000100Y4'),
      'positions 3-8 (行政区划码) must be six digits',
    ],
  ];
  it.each(invalid)('rejects %s', (_label, input, reason) => {
    expect(validateCreditCode(input)).toEqual({ ok: false, reason });
  });
});

// ---- masking -------------------------------------------------------------------------------------

describe('maskIdentifier', () => {
  const cases: Array<[input: string, masked: string]> = [
    ['371602199001011234', '3716**********1234'],
    ['11010519491231002X', '1101**********002X'],
    ['91350100M000100Y43', '9135**********0Y43'],
    ['123456789', '1234*6789'],
    ['12345678', '********'],
    ['abc', '***'],
    ['', ''],
  ];
  it.each(cases)('masks %j as %j', (input, masked) => {
    expect(maskIdentifier(input)).toBe(masked);
  });
});

// ---- zod schemas ---------------------------------------------------------------------------------

describe('idNumberSchema and creditCodeSchema', () => {
  it('parse to the normalised value', () => {
    const body = z.object({ idNumber: idNumberSchema, creditCode: creditCodeSchema });
    const parsed: z.infer<typeof body> = body.parse({
      idNumber: '11010519491231002x',
      creditCode: '91350100m000100y43',
    });
    expect(parsed).toEqual({ idNumber: '11010519491231002X', creditCode: '91350100M000100Y43' });
  });

  const failures: Array<[label: string, schema: z.ZodType<string>, input: unknown, message: string]> = [
    [
      'a 身份证号 with a wrong check character',
      idNumberSchema,
      '110105194912310021',
      'not a valid 身份证号 (GB 11643): wrong check character (expected X)',
    ],
    [
      'a 身份证号 of 17 characters',
      idNumberSchema,
      '11010519491231002',
      'not a valid 身份证号 (GB 11643): must be 18 characters (got 17)',
    ],
    [
      'a 身份证号 born on 30 February',
      idNumberSchema,
      withIdCheck('11010519900230001'),
      'not a valid 身份证号 (GB 11643): birth date 19900230 is not a real date',
    ],
    [
      'a credit code with the letter O',
      creditCodeSchema,
      '91350100M0001O0Y43',
      'not a valid 统一社会信用代码 (GB 32100): character O is not allowed (position 14)',
    ],
    [
      'a credit code with a wrong check character',
      creditCodeSchema,
      '91350100M000100Y44',
      'not a valid 统一社会信用代码 (GB 32100): wrong check character (expected 3)',
    ],
  ];
  it.each(failures)('reject %s with a message naming the rule', (_label, schema, input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('reject a value that is not a string before running the checksum', () => {
    const result = idNumberSchema.safeParse(11010519491231002);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('invalid_type');
  });
});

describe('identifierKindOf: which catalog fields hold an identifier', () => {
  it.each<[string, { name: string; type?: string }, 'id_number' | 'credit_code' | null]>([
    ['a field typed id_number', { name: 'holder', type: 'id_number' }, 'id_number'],
    ['a field named 身份证号', { name: '法定代表人身份证号' }, 'id_number'],
    ['a field typed credit_code', { name: 'org', type: 'credit_code' }, 'credit_code'],
    ['a field named 统一社会信用代码', { name: '统一社会信用代码' }, 'credit_code'],
    ['a field named idNumber', { name: 'idNumber' }, 'id_number'],
    ['an address', { name: 'address', type: 'string' }, null],
  ])('%s', (_, field, kind) => {
    expect(identifierKindOf(field)).toBe(kind);
  });
});
