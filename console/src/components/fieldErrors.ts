// A refusal's field problems, shown beside the form's fields (the forms name their items like the
// endpoints' body fields). Kept apart from the dialogs so a page's own form needs only this.
import type { FormInstance } from 'antd';
import { ApiError, fieldMessage } from '../api/errors.ts';

/** Applies a refusal's field problems to the form's fields; true when any field took one. */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.errors.length) return false;
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields = error.errors
    .filter((e) => registered.has(e.path))
    .map((e) => ({
      name: e.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      errors: [fieldMessage(e.message)],
    }));
  form.setFields(fields);
  return fields.length > 0;
}
