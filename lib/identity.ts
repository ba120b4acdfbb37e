// Key identifiers collected with data (docs/processes.md Catalog, P3): the 身份证号 (GB 11643-1999) and the
// 统一社会信用代码 (GB 32100-2015). The pure validators live in lib/identifiers.ts (shared with the
// console); the zod schemas here wrap the same validators.
import { z } from 'zod';
import { asciiUpper, type IdentifierResult, validateCreditCode, validateIdNumber } from './identifiers.js';

export { maskIdentifier, validateCreditCode, validateIdNumber, type IdentifierResult } from './identifiers.js';

// ---- zod -----------------------------------------------------------------------------------------

// Stays a ZodString (overwrite, not transform) so the same schema renders in OpenAPI for input and output.
function identifierSchema(
  label: string,
  validate: (value: string) => IdentifierResult,
  description: string,
): z.ZodString {
  return z
    .string()
    .overwrite(asciiUpper)
    .superRefine((value, ctx) => {
      const result = validate(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: `not a valid ${label}: ${result.reason}` });
    })
    .describe(description);
}

/** 身份证号, upper-cased; the birth date is not compared with today (use validateIdNumber with `today` for that). */
export const idNumberSchema: z.ZodString = identifierSchema(
  '身份证号 (GB 11643)',
  (value) => validateIdNumber(value),
  '居民身份证号码 (GB 11643-1999), 18 characters, check character 0-9 or X',
);

/** 统一社会信用代码, upper-cased. */
export const creditCodeSchema: z.ZodString = identifierSchema(
  '统一社会信用代码 (GB 32100)',
  validateCreditCode,
  '统一社会信用代码 (GB 32100-2015), 18 characters',
);
