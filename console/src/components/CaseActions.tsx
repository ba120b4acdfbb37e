// The buttons of a case: exactly the `actions` the server says the person may take now. The buttons
// draw at once (their words from the glossary, their looks from the page's `buttons`); the dialog
// (ActionDialog: the form, the confirmation, the messages) and the page's forms (its actions module)
// load at the first click — fetched ahead once the page is idle, so that click is instant.
import { actionLabelIn, type actionLabels } from '@glossary';
import { Button, Space, type FormInstance } from 'antd';
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import type { ActionDialogProps } from './ActionDialog.tsx';
import { prefetch } from './idle.ts';
import { toast } from './toast.tsx';
import type { Process } from './links.ts';

export type ActionName = keyof typeof actionLabels;

/** How an action's button looks. */
export interface ActionButton {
  primary?: boolean;
  danger?: boolean;
}

/** A case's own words for some of its actions. */
export type ActionLabels = Partial<Record<ActionName, string>>;

/** The actions a page offers a button for, and how each looks; the answer's other actions get none. */
export type ActionButtons = Partial<Record<ActionName, ActionButton>>;

export interface ActionSpec<V = Record<string, unknown>> {
  /** The modal's form items; without them the action asks for a confirmation only. */
  form?: (form: FormInstance<V>) => ReactNode;
  initialValues?: Partial<V>;
  /** Confirmation text when there is no form. */
  confirm?: string;
  submit: (values: V) => Promise<unknown>;
  /** Said when it succeeded; default: "<label>成功". */
  done?: string;
}

export type ActionSpecs = Partial<Record<ActionName, ActionSpec<any>>>;

/** The specs of exactly the actions `B` gives buttons to. */
export type SpecsFor<B extends ActionButtons> = { [K in keyof B]-?: ActionSpec<any> };

const loadDialog = () => import('./ActionDialog.tsx');
let seq = 0;

export function CaseActions<M = undefined>({
  process,
  actions,
  buttons,
  labels,
  load,
  specs,
  queryKey,
}: {
  process: Process;
  actions: readonly string[];
  buttons: ActionButtons;
  /** Words for this case where the action's own would mislead (改派协调人 for the coordinator already assigned). */
  labels?: ActionLabels;
  /** The page's actions module (its forms), loaded at the first click or when the page is idle. */
  load?: () => Promise<M>;
  /** The specs, from the loaded module, for the case as it is now (called at every render). */
  specs: (module: M) => ActionSpecs;
  /** The case's query, reloaded after every action (and after a lost race). */
  queryKey: readonly unknown[];
}) {
  const [Dialog, setDialog] = useState<ComponentType<ActionDialogProps> | null>(null);
  const [module, setModule] = useState<{ m: M } | null>(load ? null : { m: undefined as M });
  const [request, setRequest] = useState<{ action: ActionName; seq: number } | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const available = actions.filter((a): a is ActionName => a in buttons);
  const any = available.length > 0;

  const ready = async () => {
    const [dialog, m] = await Promise.all([
      loadDialog(),
      module ? module.m : loadRef.current ? loadRef.current() : (undefined as M),
    ]);
    setDialog(() => dialog.default);
    setModule((current) => current ?? { m });
  };
  useEffect(() => (any ? prefetch(ready) : undefined), [any]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = async (action: ActionName) => {
    try {
      await ready();
    } catch {
      // The chunk is gone: a new release replaced it while this page was open.
      toast.error('控制台已更新，请刷新页面后再办理');
      return;
    }
    setRequest({ action, seq: ++seq });
  };

  // The dialog stays mounted when the case leaves the person nothing to do: it still shows the
  // outcome of what was just done (or why it could not be).
  return (
    <>
      {Dialog && module && (
        <Dialog
          process={process}
          buttons={buttons}
          labels={labels}
          specs={specs(module.m)}
          request={request}
          onStarted={() => setRequest(null)}
          queryKey={queryKey}
        />
      )}
      {any && (
        <Space wrap>
          {available.map((a) => (
            <Button
              key={a}
              type={buttons[a]!.primary ? 'primary' : 'default'}
              danger={buttons[a]!.danger ?? false}
              onClick={() => {
                void start(a);
              }}
            >
              {labels?.[a] ?? actionLabelIn(process, a)}
            </Button>
          ))}
        </Space>
      )}
    </>
  );
}
