import type { RecordId } from "../../clusters/queries";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ChoiceField } from "../../../components/ChoiceField";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { isPlanNodeKind, PLAN_NODE_KINDS, type PlanNode, type PlanNodeKind } from "../model";
import { useCreateNodeMutation, useUpdateNodeMutation } from "../mutations";

/** The fields this form shows the server's errors under. */
const PLACED = ["kind", "code", "titleTh", "titleEn", "bodyTh", "bodyEn"];

interface NodeFormProps {
  planId: RecordId;
  /** The node edited, or null to add a node under `parentId`. */
  node: PlanNode | null;
  parentId?: number | null;
  onDone: () => void;
}

/** Adds a node (under a parent, or as a root) or edits one: kind, code, titles and descriptions in Thai and English. */
export function NodeForm({ planId, node, parentId = null, onDone }: NodeFormProps) {
  const { t } = useTranslation();
  const create = useCreateNodeMutation(planId);
  const update = useUpdateNodeMutation(planId, node?.id ?? "");
  const mutation = node ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const headingId = useId();
  const [, setParams] = useSearchParams();
  const [kind, setKind] = useState<PlanNodeKind>(node && isPlanNodeKind(node.kind) ? node.kind : "project");
  const [form, setForm] = useState({
    code: node?.code ?? "",
    titleTh: node?.titleTh ?? "",
    titleEn: node?.titleEn ?? "",
    bodyTh: node?.bodyTh ?? "",
    bodyEn: node?.bodyEn ?? "",
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = {
      kind,
      code: form.code.trim(),
      titleEn: form.titleEn.trim() || null,
      titleTh: form.titleTh.trim() || null,
      bodyEn: form.bodyEn.trim() || null,
      bodyTh: form.bodyTh.trim() || null,
    };
    if (node) {
      update.mutate(body, { onSuccess: onDone });
      return;
    }
    create.mutate(
      { ...body, parentId },
      {
        onSuccess: (created) => {
          // The new item is selected: the tree opens its parent to show it, and its details (to add the next
          // level under it) are at hand — otherwise a child added under a closed item is nowhere to be seen.
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              next.set("node", String(created.id));
              return next;
            },
            { replace: true },
          );
          onDone();
        },
      },
    );
  };

  return (
    <form className="inline-form node-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} className="form-title">
        {node ? t("planEdit.editNode") : parentId === null ? t("planEdit.addRoot") : t("planEdit.addChild")}
      </h3>
      {mutation.error !== null && <ErrorMessage error={mutation.error} placed={PLACED} />}
      <div className="form-grid">
        <ChoiceField
          label={t("planEdit.kind")}
          error={errors.kind ?? null}
          value={kind}
          options={PLAN_NODE_KINDS}
          isOption={isPlanNodeKind}
          labelOf={(option) => t(`plans.kinds.${option}`)}
          onChange={setKind}
        />
        <FormField label={t("common.code")} error={errors.code ?? null}>
          {(control) => <input {...control} value={form.code} onChange={(event) => set("code")(event.target.value)} />}
        </FormField>
        <FormField label={t("planEdit.titleTh")} error={errors.titleTh ?? null}>
          {(control) => (
            <input
              {...control}
              lang="th"
              value={form.titleTh}
              onChange={(event) => set("titleTh")(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("common.optionalField", { field: t("planEdit.titleEn") })} error={errors.titleEn ?? null}>
          {(control) => (
            <input
              {...control}
              lang="en"
              value={form.titleEn}
              onChange={(event) => set("titleEn")(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("planEdit.bodyTh")} error={errors.bodyTh ?? null}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.bodyTh}
              onChange={(event) => set("bodyTh")(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t("planEdit.bodyEn")} error={errors.bodyEn ?? null}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={form.bodyEn}
              onChange={(event) => set("bodyEn")(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : t("common.save")}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
