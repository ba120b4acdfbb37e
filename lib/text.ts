// Text the database can hold and a person can read: well-formed Unicode without NUL. PostgreSQL refuses
// NUL in text and a lone UTF-16 surrogate (half of a character, "\ud800") in jsonb, and stores the
// latter as U+FFFD in text columns; so both are refused where a request enters, never at the database.
import type { FieldProblem } from './errors.js';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string, if anything. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (loneSurrogate.test(s)) return 'is not well-formed Unicode (it holds a lone surrogate)';
  return null;
}

/** How deep a request's JSON may nest: no body of the API needs more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * The problems of every string and key in a parsed JSON value, each named by its path, walked with a
 * stack of its own (no recursion, so depth costs no call stack): bad text, and nesting past `maxDepth`
 * (reported once, not walked further). At most `limit` problems are listed.
 */
export function textProblems(
  value: unknown,
  root: string[] = [],
  maxDepth = MAX_JSON_DEPTH,
  limit = 20,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value, path: root }];
  while (stack.length && problems.length < limit) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) problems.push({ path: path.join('.'), message: problem });
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (path.length - root.length >= maxDepth) {
      problems.push({ path: path.join('.'), message: `nests more than ${maxDepth} levels deep` });
      continue;
    }
    for (const [k, child] of Object.entries(v)) {
      const problem = textProblem(k);
      if (problem) problems.push({ path: [...path, k].join('.'), message: `its name ${problem}` });
      stack.push({ value: child, path: [...path, k] });
    }
  }
  return problems;
}
