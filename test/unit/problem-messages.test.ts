// The console names every problem the API can answer in Chinese: a new code without a message would
// show "请求失败（状态码）" to a clerk.
import { describe, expect, it } from 'vitest';
import { problemMessages } from '../../console/src/api/errors.js';
import { errorStatus } from '../../lib/errors.js';

describe('problem codes in the console', () => {
  it('has a Chinese message for every code of lib/errors.ts, and none for codes the API does not have', () => {
    expect(Object.keys(problemMessages).sort()).toEqual(Object.keys(errorStatus).sort());
    for (const text of Object.values(problemMessages)) expect(text).toMatch(/[\u4e00-\u9fff]/);
  });
});
