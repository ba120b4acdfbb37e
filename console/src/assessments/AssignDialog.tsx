// 指派评估机构: the dialog that assigns an assessor (第三方评估机构) to agencies of a cycle, loaded at the
// first click on the cycle page. Agencies the server refuses are named in a warning.
import { actionLabels, assessmentTerms as t, roleLabels } from '@glossary';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, ok } from '../api/client.ts';
import { messageOf } from '../api/errors.ts';
import { showFieldErrors } from '../components/fieldErrors.ts';
import { toast } from '../components/toast.tsx';
import { cycleKey, type AgencyAssessment } from './shared.tsx';

interface AssignForm {
  assessor: string;
  assessorName?: string;
  agencies: string[];
}

/** Opens afresh each time `opened` counts up. */
export default function AssignDialog({
  year,
  assignable,
  opened,
}: {
  year: number;
  assignable: AgencyAssessment[];
  opened: number;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<AssignForm>();
  const [modal, modalHolder] = Modal.useModal();
  const queryClient = useQueryClient();
  const label = actionLabels.assign_assessor;

  useEffect(() => {
    if (opened > 0) setOpen(true);
  }, [opened]);

  const assign = async (v: AssignForm) => {
    setBusy(true);
    try {
      const res = await ok(
        api.POST('/api/v1/assessment-cycles/{year}/assignments', {
          params: { path: { year } },
          body: {
            assessor: v.assessor.trim(),
            agencies: v.agencies,
            ...(v.assessorName?.trim() ? { assessorName: v.assessorName.trim() } : {}),
          },
        }),
      );
      setOpen(false);
      if (res.refused.length) {
        const name = new Map(assignable.map((a) => [a.agencyCode, a.agencyName]));
        modal.warning({
          title: `已指派${res.assigned.length}家，${res.refused.length}家未能指派`,
          content: res.refused.map((r) => name.get(r.agency) ?? r.agency).join('、'),
        });
      } else {
        toast.success(`已为${res.assigned.length}家单位指派${t.assessor}`);
      }
      await queryClient.invalidateQueries({ queryKey: cycleKey(year) });
    } catch (error) {
      if (!showFieldErrors(form, error)) toast.error(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {modalHolder}
      <Modal
        open={open}
        title={label}
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={600}
      >
        <Form form={form} layout="vertical" onFinish={assign} preserve={false}>
          <Form.Item
            label={`${t.assessor}账号`}
            name="assessor"
            extra={`${roleLabels.assessor}登录所用的账号标识`}
            rules={[
              { required: true, whitespace: true, message: `请填写${t.assessor}账号` },
              { max: 200, message: '最多200个字符' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={`${t.assessor}名称`} name="assessorName" rules={[{ max: 200, message: '最多200个字' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="参评单位" name="agencies" rules={[{ required: true, message: '请选择至少一家单位' }]}>
            <Select
              mode="multiple"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="选择要指派的单位"
              options={assignable.map((a) => ({
                value: a.agencyCode,
                label: a.assessor ? `${a.agencyName}（现由${a.assessor.name ?? a.assessor.id}评审）` : a.agencyName,
              }))}
            />
          </Form.Item>
          <Button
            size="small"
            onClick={() =>
              form.setFieldValue(
                'agencies',
                assignable.map((a) => a.agencyCode),
              )
            }
          >
            选择全部可指派单位
          </Button>
        </Form>
      </Modal>
    </>
  );
}
