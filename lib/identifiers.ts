// Key identifiers collected with data (docs/processes.md Catalog, P3): the 身份证号 (GB 11643-1999) and the
// 统一社会信用代码 (GB 32100-2015). Pure functions with no imports at all, so the console checks the
// same check characters as the API (lib/identity.ts wraps these in zod schemas for the API).

export type IdentifierResult = { ok: true; normalized: string } | { ok: false; reason: string };

const LENGTH = 18;

// Only a-z: String#toUpperCase would turn 'ß' into 'SS' and change the length.
export function asciiUpper(value: string): string {
  return value.replace(/[a-z]/g, (c) => c.toUpperCase());
}

// ---- 身份证号 (GB 11643-1999) ----------------------------------------------------------------------

// ISO 7064 MOD 11-2 weights for positions 1-17, and the check character for each sum % 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';
const MIN_BIRTH_YEAR = 1900;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when 'YYYYMMDD' names a day that exists in the Gregorian calendar. */
function isRealDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD' -> 'YYYYMMDD'; a malformed `today` is a caller bug, not a bad identifier. */
function compactToday(today: string): string {
  const compact = /^\d{4}-\d{2}-\d{2}$/.test(today) ? today.replaceAll('-', '') : '';
  if (!isRealDate(compact)) throw new RangeError(`today must be a real date as YYYY-MM-DD, got '${today}'`);
  return compact;
}

function idCheckChar(body: string): string {
  let sum = 0;
  ID_WEIGHTS.forEach((weight, i) => {
    sum += Number(body[i]) * weight;
  });
  return ID_CHECK_CHARS.charAt(sum % 11);
}

/**
 * GB 11643-1999 居民身份证号码: 17 digits + check character (0-9 or X; accept lower-case x, normalise to
 * upper-case). Validates length, digits, a real birth date (YYYYMMDD in positions 7-14, not in the future
 * relative to an optional `today` 'YYYY-MM-DD' argument, year >= 1900), and the ISO 7064 MOD 11-2 check
 * character (weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2; map sum%11 -> '10X98765432').
 */
export function validateIdNumber(
  value: string,
  today?: string,
): { ok: true; normalized: string } | { ok: false; reason: string } {
  // Checked first so a bad argument throws whatever the identifier looks like.
  const todayCompact = today === undefined ? undefined : compactToday(today);
  const chars = Array.from(value);
  if (chars.length !== LENGTH) return { ok: false, reason: `must be 18 characters (got ${chars.length})` };
  const badDigit = chars.slice(0, 17).findIndex((c) => !/^[0-9]$/.test(c));
  if (badDigit !== -1) {
    return {
      ok: false,
      reason: `only digits before the check character (position ${badDigit + 1} is '${chars[badDigit]}')`,
    };
  }
  // The first 17 are ASCII digits, so string index 17 is the 18th character.
  const normalized = asciiUpper(value);
  const body = normalized.slice(0, 17);
  const check = normalized.charAt(17);
  if (!/^[0-9X]$/.test(check))
    return { ok: false, reason: `check character must be a digit or X (got '${chars[17]}')` };

  const birth = body.slice(6, 14);
  if (!isRealDate(birth)) return { ok: false, reason: `birth date ${birth} is not a real date` };
  if (Number(birth.slice(0, 4)) < MIN_BIRTH_YEAR)
    return { ok: false, reason: `birth date ${birth} is before ${MIN_BIRTH_YEAR}` };
  // Without `today` there is no clock to compare with; callers that have one pass it.
  if (todayCompact !== undefined && birth > todayCompact) {
    return { ok: false, reason: `birth date ${birth} is in the future (today is ${today})` };
  }

  const expected = idCheckChar(body);
  if (check !== expected) return { ok: false, reason: `wrong check character (expected ${expected})` };
  return { ok: true, normalized };
}

// ---- 统一社会信用代码 (GB 32100-2015) ------------------------------------------------------------

// The 31 code characters: digits and capitals without I, O, Z, S, V; a character's value is its index.
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_EXCLUDED = 'IOZSV';
// 3^(i-1) mod 31 for positions 1-17.
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

function creditCheckChar(body: string): string {
  let sum = 0;
  CREDIT_WEIGHTS.forEach((weight, i) => {
    sum += CREDIT_ALPHABET.indexOf(body.charAt(i)) * weight;
  });
  return CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * GB 32100-2015 统一社会信用代码: 18 characters from the alphabet '0123456789ABCDEFGHJKLMNPQRTUWXY' (no I, O, Z, S,
 * V); accept lower case and normalise to upper; check character = alphabet[(31 - sum(value(c_i) * w_i) % 31)
 * % 31] with weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28; position 1 (登记管理部门代码) one of 1,5,9,Y…
 * keep it to the alphabet check only; positions 3-8 (行政区划码) six digits.
 */
export function validateCreditCode(value: string): { ok: true; normalized: string } | { ok: false; reason: string } {
  const chars = Array.from(value);
  if (chars.length !== LENGTH) return { ok: false, reason: `must be 18 characters (got ${chars.length})` };
  const normalized = asciiUpper(value);
  for (const [i, c] of Array.from(normalized).entries()) {
    if (CREDIT_EXCLUDED.includes(c)) return { ok: false, reason: `character ${c} is not allowed (position ${i + 1})` };
    if (!CREDIT_ALPHABET.includes(c)) {
      return { ok: false, reason: `character '${c}' at position ${i + 1} is not in the GB 32100 alphabet` };
    }
  }
  // Every character is now in the ASCII alphabet, so string indices are character positions.
  if (!/^\d{6}$/.test(normalized.slice(2, 8))) {
    return { ok: false, reason: 'positions 3-8 (行政区划码) must be six digits' };
  }
  const expected = creditCheckChar(normalized.slice(0, 17));
  if (normalized.charAt(17) !== expected) return { ok: false, reason: `wrong check character (expected ${expected})` };
  return { ok: true, normalized };
}

// ---- identifier fields of a resource ------------------------------------------------------------

/**
 * Which identifier a catalog field holds, from its declared type (`id_number`, `credit_code`, or
 * their Chinese names) or, failing that, its name (身份证号…, 统一社会信用代码…); null for any other field.
 * A value entered for such a field is checked like one entered on a form.
 */
export function identifierKindOf(field: {
  name: string;
  type?: string | undefined;
}): 'id_number' | 'credit_code' | null {
  const said = `${field.type ?? ''} ${field.name}`.toLowerCase();
  if (/id_number|idnumber|身份证/.test(said)) return 'id_number';
  if (/credit_code|creditcode|uscc|信用代码/.test(said)) return 'credit_code';
  return null;
}

/** Checks a value for an identifier field: the 身份证号's check digit, the 统一社会信用代码's check character. */
export function validateIdentifierValue(kind: 'id_number' | 'credit_code', value: string): IdentifierResult {
  return kind === 'id_number' ? validateIdNumber(value) : validateCreditCode(value);
}

// ---- display -------------------------------------------------------------------------------------

/**
 * Masks for display and logs: keep the first 4 and last 4 characters, stars in between: '371602199001011234'
 * -> '3716**********1234'; credit codes likewise. Anything shorter than 9 characters becomes all stars of the
 * same length.
 */
export function maskIdentifier(value: string): string {
  const chars = Array.from(value);
  if (chars.length < 9) return '*'.repeat(chars.length);
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
}
