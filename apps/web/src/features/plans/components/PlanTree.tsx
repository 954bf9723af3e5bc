import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { branchIds, pathTo, visibleNodes, type PlanNode } from "../model";
import { useNodeKindLabel, useNodeTitle } from "./useNodeLabel";

interface PlanTreeProps {
  nodes: PlanNode[];
  label: string;
  selectedId: number | null;
  onSelect: (node: PlanNode) => void;
}

/**
 * The plan as a WAI-ARIA tree view: one tab stop (roving tabindex); Up/Down move, Right expands or enters,
 * Left collapses or goes to the parent, Home/End jump, Enter or Space selects, `*` expands the siblings.
 */
export function PlanTree({ nodes, label, selectedId, onSelect }: PlanTreeProps) {
  const { t } = useTranslation();
  const kindLabel = useNodeKindLabel();
  const title = useNodeTitle();

  const [expanded, setExpanded] = useState<Set<number>>(() => {
    // Open the first level, so strategies show their objective and sub-strategies at a glance,
    // and every ancestor of a node selected through the address.
    const open = new Set(nodes.filter((n) => n.children.length > 0).map((n) => n.id));
    if (selectedId !== null) for (const ancestor of pathTo(nodes, selectedId).slice(0, -1)) open.add(ancestor.id);
    return open;
  });
  const [focusedId, setFocusedId] = useState<number | null>(selectedId ?? nodes[0]?.id ?? null);
  const moveFocus = useRef(false);
  const items = useRef(new Map<number, HTMLLIElement>());

  const rows = useMemo(() => visibleNodes(nodes, expanded), [nodes, expanded]);
  const allBranches = useMemo(() => branchIds(nodes), [nodes]);

  // The focused row may disappear when its parent collapses; focus then falls back to a visible row.
  const tabStop = rows.some((row) => row.node.id === focusedId) ? focusedId : (rows[0]?.node.id ?? null);

  useEffect(() => {
    if (!moveFocus.current || tabStop === null) return;
    moveFocus.current = false;
    items.current.get(tabStop)?.focus();
  }, [tabStop]);

  // A selection made elsewhere (the address) opens the way to the node.
  useEffect(() => {
    if (selectedId === null) return;
    const ancestors = pathTo(nodes, selectedId).slice(0, -1);
    if (ancestors.length === 0) return;
    setExpanded((current) => {
      if (ancestors.every((a) => current.has(a.id))) return current;
      const next = new Set(current);
      for (const a of ancestors) next.add(a.id);
      return next;
    });
  }, [nodes, selectedId]);

  const focus = (id: number | undefined) => {
    if (id === undefined) return;
    moveFocus.current = true;
    setFocusedId(id);
    // Already the tab stop: the effect will not run, so focus directly.
    if (id === tabStop) items.current.get(id)?.focus();
  };

  const setOpen = (id: number, open: boolean) =>
    setExpanded((current) => {
      if (current.has(id) === open) return current;
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = rows.findIndex((row) => row.node.id === tabStop);
    const row = rows[index];
    if (!row) return;
    const { node } = row;
    const hasChildren = node.children.length > 0;
    const isOpen = expanded.has(node.id);
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        focus(rows[index + 1]?.node.id);
        break;
      case "ArrowUp":
        focus(rows[index - 1]?.node.id);
        break;
      case "ArrowRight":
        if (hasChildren && !isOpen) setOpen(node.id, true);
        else if (hasChildren) focus(node.children[0]?.id);
        break;
      case "ArrowLeft":
        if (hasChildren && isOpen) setOpen(node.id, false);
        else if (row.parentId !== null) focus(row.parentId);
        break;
      case "Home":
        focus(rows[0]?.node.id);
        break;
      case "End":
        focus(rows[rows.length - 1]?.node.id);
        break;
      case "Enter":
      case " ":
        onSelect(node);
        break;
      case "*": {
        const siblings = row.parentId !== null ? (pathTo(nodes, row.parentId).at(-1)?.children ?? []) : nodes;
        setExpanded((current) => {
          const next = new Set(current);
          for (const sibling of siblings) if (sibling.children.length > 0) next.add(sibling.id);
          return next;
        });
        break;
      }
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const renderLevel = (list: PlanNode[], level: number) =>
    list.map((node, index) => {
      const hasChildren = node.children.length > 0;
      const isOpen = hasChildren && expanded.has(node.id);
      const selected = node.id === selectedId;
      return (
        <li
          key={node.id}
          ref={(element) => {
            if (element) items.current.set(node.id, element);
            else items.current.delete(node.id);
          }}
          role="treeitem"
          aria-level={level}
          aria-posinset={index + 1}
          aria-setsize={list.length}
          aria-expanded={hasChildren ? isOpen : undefined}
          aria-selected={selected}
          tabIndex={node.id === tabStop ? 0 : -1}
          data-node-code={node.code}
          data-node-kind={node.kind}
          className="treeitem"
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocusedId(node.id);
          }}
        >
          <div
            className={`treeitem-row${selected ? " is-selected" : ""}`}
            style={{ paddingInlineStart: `${(level - 1) * 1.25 + 0.25}rem` }}
            onClick={(event) => {
              event.stopPropagation();
              setFocusedId(node.id);
              items.current.get(node.id)?.focus();
              onSelect(node);
            }}
          >
            <span
              className={`twisty${hasChildren ? "" : " twisty-leaf"}`}
              aria-hidden="true"
              onClick={(event) => {
                if (!hasChildren) return;
                event.stopPropagation();
                setFocusedId(node.id);
                items.current.get(node.id)?.focus();
                setOpen(node.id, !isOpen);
              }}
            >
              {hasChildren ? (isOpen ? "▾" : "▸") : "•"}
            </span>
            <span className={`kind-badge kind-${node.kind}`}>{kindLabel(node.kind)}</span>
            {node.code && <span className="node-code">{node.code}</span>}
            <span className="node-title">{title(node)}</span>
          </div>
          {hasChildren && isOpen && <ul role="group">{renderLevel(node.children, level + 1)}</ul>}
        </li>
      );
    });

  return (
    <div className="plan-tree">
      <div className="tree-toolbar">
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => setExpanded(new Set(allBranches))}
        >
          {t("plans.expandAll")}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={() => setExpanded(new Set())}>
          {t("plans.collapseAll")}
        </button>
      </div>
      <p className="muted small" id="plan-tree-hint">
        {t("plans.treeHint")}
      </p>
      <ul role="tree" aria-label={label} aria-describedby="plan-tree-hint" className="tree" onKeyDown={onKeyDown}>
        {renderLevel(nodes, 1)}
      </ul>
    </div>
  );
}
