// The dialog behind a case's buttons (CaseActions loads it at the first click): the action's form in a
// modal, or a confirmation; a refusal's field errors beside their fields; a case someone else handled
// a moment earlier is reloaded with a word of explanation.
import { actionLabelIn } from '@glossary';
import { useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, messageOf } from '../api/errors.ts';
import type { ActionButtons, ActionLabels, ActionName, ActionSpecs } from './CaseActions.tsx';
import { showFieldErrors } from './fieldErrors.ts';
import type { Process } from './links.ts';
import { toast } from './toast.tsx';

export interface ActionDialogProps {
  process: Process;
  buttons: ActionButtons;
  /** The specs for the case as it is now. */
  specs: ActionSpecs;
  labels?: ActionLabels;
  /** The action clicked last, until the dialog has started it (then `onStarted`). */
  request: { action: ActionName; seq: number } | null;
  onStarted: () => void;
  queryKey: readonly unknown[];
}

export default function ActionDialog({
  process,
  buttons,
  labels,
  specs,
  request,
  onStarted,
  queryKey,
}: ActionDialogProps) {
  const [open, setOpen] = useState<ActionName | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [modal, modalHolder] = Modal.useModal();
  const queryClient = useQueryClient();
  const started = useRef(0);
  const labelOf = (action: ActionName) => labels?.[action] ?? actionLabelIn(process, action);

  const refresh = () =>
    queryClient
      .invalidateQueries({ queryKey: [...queryKey] })
      .then(() => queryClient.invalidateQueries({ queryKey: ['work-items'] }));

  const run = async (action: ActionName, values: Record<string, unknown>) => {
    const spec = specs[action]!;
    setBusy(true);
    try {
      await spec.submit(values);
      toast.success(spec.done ?? `${labelOf(action)}成功`);
      setOpen(null);
      form.resetFields();
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.lostRace) {
        setOpen(null);
        modal.info({ title: '该事项刚刚已由他人办理', content: '页面已刷新为最新状态，请查看后再办理。' });
        await refresh();
      } else if (!showFieldErrors(form, error)) {
        toast.error(
          error instanceof ApiError && error.detail && error.code === 'VALIDATION_FAILED'
            ? `${messageOf(error)}：${error.detail}`
            : messageOf(error),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  const start = (action: ActionName) => {
    const spec = specs[action];
    if (!spec) return;
    if (spec.form) {
      form.resetFields();
      form.setFieldsValue(spec.initialValues ?? {});
      setOpen(action);
      return;
    }
    modal.confirm({
      title: `确认${labelOf(action)}？`,
      content: spec.confirm,
      okText: '确认',
      cancelText: '取消',
      okButtonProps: { danger: buttons[action]?.danger ?? false },
      onOk: () => run(action, {}),
    });
  };

  // Each click (a new seq) starts its action once; the request is then cleared, so a dialog mounted
  // again later (the case gave the person actions again) does not start it a second time.
  useEffect(() => {
    if (!request || request.seq === started.current) return;
    started.current = request.seq;
    start(request.action);
    onStarted();
  }, [request]); // eslint-disable-line react-hooks/exhaustive-deps

  const current = open ? specs[open] : null;
  return (
    <>
      {modalHolder}
      <Modal
        open={!!current}
        title={open ? labelOf(open) : ''}
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={600}
      >
        {current && (
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => run(open!, v)}
            initialValues={current.initialValues}
            preserve={false}
          >
            {current.form!(form)}
          </Form>
        )}
      </Modal>
    </>
  );
}
