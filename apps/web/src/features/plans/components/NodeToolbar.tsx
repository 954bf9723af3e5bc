import type { RecordId } from "../../clusters/queries";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { flattenNodes, mayLinkUp, siblingsOf, type PlanNode } from "../model";
import { useDeleteNodeMutation, useMoveNodeMutation } from "../mutations";
import { NodeForm } from "./NodeForm";
import { ServesPicker } from "./ServesPicker";
import { useNodeKindLabel, useNodeTitle } from "./useNodeLabel";

type Mode = "idle" | "edit" | "child" | "link" | "delete";

interface NodeToolbarProps {
  planId: RecordId;
  planLevel: string;
  nodes: PlanNode[];
  node: PlanNode;
  onDeleted: () => void;
}

/** Edit, add a child, move up or down or under another node, link to a higher plan, delete (after confirmation). */
export function NodeToolbar({ planId, planLevel, nodes, node, onDeleted }: NodeToolbarProps) {
  const { t } = useTranslation();
  const kindLabel = useNodeKindLabel();
  const title = useNodeTitle();
  const [mode, setMode] = useState<Mode>("idle");
  const move = useMoveNodeMutation(planId);
  const remove = useDeleteNodeMutation(planId);
  const siblings = siblingsOf(nodes, node);
  const index = siblings.findIndex((sibling) => sibling.id === node.id);
  const below = new Set(flattenNodes([node]).map((n) => n.id));
  const parents = flattenNodes(nodes).filter((candidate) => !below.has(candidate.id));
  const descendants = below.size - 1;
  const idle = () => setMode("idle");

  return (
    <div className="node-toolbar">
      <div className="button-row" role="group" aria-label={t("planEdit.nodeActions")}>
        <button type="button" className="button button-small button-secondary" onClick={() => setMode("edit")}>
          {t("common.edit")}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={() => setMode("child")}>
          {t("planEdit.addChild")}
        </button>
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={index <= 0 || move.isPending}
          onClick={() => move.mutate({ nodeId: node.id, parentId: node.parentId, position: index - 1 })}
        >
          {t("planEdit.moveUp")}
        </button>
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={index < 0 || index >= siblings.length - 1 || move.isPending}
          onClick={() => move.mutate({ nodeId: node.id, parentId: node.parentId, position: index + 1 })}
        >
          {t("planEdit.moveDown")}
        </button>
        {mayLinkUp(planLevel) && (
          <button type="button" className="button button-small button-secondary" onClick={() => setMode("link")}>
            {t("planEdit.link")}
          </button>
        )}
        <button type="button" className="button button-small button-danger" onClick={() => setMode("delete")}>
          {t("planEdit.delete")}
        </button>
      </div>
      <label className="field-inline">
        <span>{t("planEdit.moveUnder")}</span>
        <select
          value={node.parentId ?? ""}
          disabled={move.isPending}
          onChange={(event) => {
            const parentId = event.target.value ? Number(event.target.value) : null;
            const count =
              parentId === null ? nodes.length : (parents.find((p) => p.id === parentId)?.children.length ?? 0);
            move.mutate({ nodeId: node.id, parentId, position: count });
          }}
        >
          <option value="">{t("planEdit.topLevel")}</option>
          {parents.map((parent) => (
            <option key={parent.id} value={parent.id}>
              {kindLabel(parent.kind)} {parent.code} — {title(parent)}
            </option>
          ))}
        </select>
      </label>
      {move.error !== null && <ErrorMessage error={move.error} />}
      {mode === "edit" && <NodeForm key={`edit-${node.id}`} planId={planId} node={node} onDone={idle} />}
      {mode === "child" && (
        <NodeForm key={`child-${node.id}`} planId={planId} node={null} parentId={node.id} onDone={idle} />
      )}
      {mode === "link" && mayLinkUp(planLevel) && (
        <ServesPicker planId={planId} planLevel={planLevel} node={node} onDone={idle} />
      )}
      {mode === "delete" && (
        <div className="alert alert-warning" role="alertdialog" aria-label={t("planEdit.confirmDeleteTitle")}>
          <p>{t("planEdit.confirmDelete", { title: title(node), count: descendants, n: descendants })}</p>
          {remove.error !== null && <ErrorMessage error={remove.error} />}
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(node.id, { onSuccess: onDeleted })}
            >
              {t("planEdit.confirmDeleteButton")}
            </button>
            <button type="button" className="button button-secondary" onClick={idle}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
