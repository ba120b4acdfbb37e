// The API's problem codes in Chinese: the one table the console shows errors from.
export const problemMessages = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您无权查看或办理此事项',
  NOT_FOUND: '事项不存在或您无权查看',
  METHOD_NOT_ALLOWED: '该地址不支持此操作',
  INVALID_STATE: '该事项当前状态不能办理此操作',
  DUPLICATE: '该事项已存在，请勿重复提交',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNAVAILABLE: '服务暂时不可用，请稍后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  URI_TOO_LONG: '请求地址过长',
  UNSUPPORTED_MEDIA_TYPE: '提交的内容格式不受支持',
  NOT_IMPLEMENTED: '该功能尚未开通',
  INTERNAL: '系统出现错误，已记录，请稍后重试',
} as const satisfies Record<string, string>;

/** A field problem as the API names it, e.g. { path: 'requester.idNumber', message: '...' }. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A problem document (RFC 9457) from the API, with its message in Chinese. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly state?: string,
  ) {
    super((problemMessages as Record<string, string>)[code] ?? `请求失败（${status}）`);
    this.name = 'ApiError';
  }

  /** Two people acted at once and the other was first: the case has moved on. */
  get lostRace(): boolean {
    return this.code === 'INVALID_STATE';
  }
}

/** The message to show for any error. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '网络异常，请检查网络后重试';
}

/** The API's field messages that recur, in Chinese; others are shown as the API wrote them. */
const fieldMessages: [RegExp, string][] = [
  [/must not be empty|required|^Invalid input: expected \w+, received undefined$/i, '此项为必填'],
  [/must be at most (\d+)|Too big: expected string to have <=(\d+)/i, '内容过长'],
  [/身份证|GB 11643|id ?number/i, '身份证号校验位不正确'],
  [/信用代码|GB 32100|credit ?code/i, '统一社会信用代码校验位不正确'],
  [/must be a real calendar date|must be a date/i, '日期不正确'],
  [/a rejection needs its legal basis/i, '不予共享须注明法律依据'],
  [/a rejection needs a reason|rejection gives its reasons/i, '请填写理由'],
  [/list everything missing at once|must list at least one item/i, '请一次性列明需补正的全部材料'],
  [/how many working days|whole number of working days/i, '请填写延期的工作日数'],
  [/an extension needs a reason/i, '请填写延期理由'],
];

/** A field message in Chinese. */
export function fieldMessage(message: string): string {
  for (const [pattern, zh] of fieldMessages) if (pattern.test(message)) return zh;
  return message;
}
