// Refusals of the admin forms: field problems beside their fields (the API's paths, e.g.
// 'indicators.0.weight'), the rest returned so the page can say them above the form.
import type { FormInstance } from 'antd';
import { ApiError, fieldMessage, messageOf } from '../api/errors.ts';

/** Puts each field problem beside its field; returns the messages no field took (or the error's message). */
export function placeErrors(
  form: FormInstance,
  error: unknown,
  translate: (m: string) => string = fieldMessage,
): string[] {
  if (!(error instanceof ApiError) || !error.errors.length) return [messageOf(error)];
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const e of error.errors) {
    if (registered.has(e.path)) byField.set(e.path, [...(byField.get(e.path) ?? []), translate(e.message)]);
    else rest.push(translate(e.message));
  }
  form.setFields(
    [...byField].map(([path, errors]) => ({
      name: path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      errors,
    })),
  );
  return rest.length || byField.size ? rest : [messageOf(error)];
}
