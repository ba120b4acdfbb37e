// The buttons of a case: exactly the `actions` the server says the person may take now, each with
// the form its endpoint needs. A refusal's field errors appear beside their fields; a case someone
// else handled a moment earlier is reloaded with a word of explanation.
import { actionLabelIn, type actionLabels } from '@glossary';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, message as antMessage, Modal, Space, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, fieldMessage, messageOf } from '../api/errors.ts';
import type { Process } from './links.ts';

export type ActionName = keyof typeof actionLabels;

export interface ActionSpec<V = Record<string, unknown>> {
  /** The modal's form items; without them the action asks for a confirmation only. */
  form?: (form: FormInstance<V>) => ReactNode;
  initialValues?: Partial<V>;
  /** Confirmation text when there is no form. */
  confirm?: string;
  danger?: boolean;
  primary?: boolean;
  submit: (values: V) => Promise<unknown>;
  /** Said when it succeeded; default: "<label>成功". */
  done?: string;
}

export type ActionSpecs = Partial<Record<ActionName, ActionSpec<any>>>;

/** Applies a refusal's field problems to the form's fields; true when any field took one. */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.errors.length) return false;
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields = error.errors
    .filter((e) => registered.has(e.path))
    .map((e) => ({ name: e.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), errors: [fieldMessage(e.message)] }));
  form.setFields(fields);
  return fields.length > 0;
}

export function CaseActions({ process, actions, specs, queryKey }: {
  process: Process;
  actions: readonly string[];
  specs: ActionSpecs;
  /** The case's query, reloaded after every action (and after a lost race). */
  queryKey: readonly unknown[];
}) {
  const [open, setOpen] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [modal, modalHolder] = Modal.useModal();
  const [message, messageHolder] = antMessage.useMessage();
  const queryClient = useQueryClient();
  const available = actions.filter((a): a is ActionName => a in specs);
  if (!available.length) return null;

  const refresh = () => queryClient.invalidateQueries({ queryKey: [...queryKey] }).then(() => queryClient.invalidateQueries({ queryKey: ['work-items'] }));

  const run = async (action: ActionName, values: Record<string, unknown>) => {
    const spec = specs[action]!;
    setBusy(true);
    try {
      await spec.submit(values);
      message.success(spec.done ?? `${actionLabelIn(process, action)}成功`);
      setOpen(null);
      form.resetFields();
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.lostRace) {
        setOpen(null);
        modal.info({ title: '该事项刚刚已由他人办理', content: '页面已刷新为最新状态，请查看后再办理。' });
        await refresh();
      } else if (!showFieldErrors(form, error)) {
        message.error(error instanceof ApiError && error.detail && error.code === 'VALIDATION_FAILED' ? `${messageOf(error)}：${error.detail}` : messageOf(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const start = (action: ActionName) => {
    const spec = specs[action]!;
    if (spec.form) {
      form.resetFields();
      form.setFieldsValue(spec.initialValues ?? {});
      setOpen(action);
      return;
    }
    modal.confirm({
      title: `确认${actionLabelIn(process, action)}？`,
      content: spec.confirm,
      okText: '确认',
      cancelText: '取消',
      okButtonProps: { danger: spec.danger ?? false },
      onOk: () => run(action, {}),
    });
  };

  const current = open ? specs[open] : null;
  return (
    <>
      {modalHolder}
      {messageHolder}
      <Space wrap>
        {available.map((a) => (
          <Button key={a} type={specs[a]!.primary ? 'primary' : 'default'} danger={specs[a]!.danger ?? false} onClick={() => start(a)}>
            {actionLabelIn(process, a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!current}
        title={open ? actionLabelIn(process, open) : ''}
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={600}
      >
        {current && (
          <Form form={form} layout="vertical" onFinish={(v) => run(open!, v)} initialValues={current.initialValues} preserve={false}>
            {current.form!(form)}
          </Form>
        )}
      </Modal>
    </>
  );
}
