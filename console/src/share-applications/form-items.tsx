// Form pieces the share application and objection action forms share: rules with Chinese
// messages, a labelled text area, a notice, optional body fields left out when blank, and a
// checkbox group as a field.
import { Alert, Checkbox, Form, Input, type GetProps } from 'antd';

export const required = (message: string) => ({ required: true, whitespace: true, message });
export const max = (n: number) => ({ max: n, message: `最多${n}个字` });

/** A trimmed text, or nothing when left blank. */
export const opt = (s: string | undefined | null): string | undefined => (s?.trim() ? s.trim() : undefined);

/** `{ [key]: text }` when the text was given, `{}` otherwise (optional body fields are then omitted). */
export const optional = <K extends string>(key: K, s: string | undefined | null) =>
  (opt(s) ? { [key]: opt(s)! } : {}) as Partial<Record<K, string>>;

export const text = (label: string, name: string, rules: object[] = [], rows = 3, extra?: string) => (
  <Form.Item label={label} name={name} rules={rules} extra={extra}>
    <Input.TextArea rows={rows} />
  </Form.Item>
);

export const notice = (title: string) => <Alert type="info" showIcon style={{ marginBottom: 16 }} title={title} />;

/**
 * A checkbox group as a form field: a labelled group (role="group" takes no aria-required, which
 * Form.Item adds to a required field's control).
 */
type GroupProps = GetProps<typeof Checkbox.Group> & { label: string; 'aria-required'?: unknown };
export function CheckboxGroupField({ label, ...props }: GroupProps) {
  const { 'aria-required': _required, ...rest } = props;
  return <Checkbox.Group role="group" aria-label={label} {...rest} />;
}
