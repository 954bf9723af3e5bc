import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { LINKAGE_KINDS } from "../model";
import type { NetworkEdge, NetworkLayout, NetworkNode } from "../network-layout";
import { linkColour, OTHER_LINK_COLOUR, STAGE_TINTS } from "../palette";
import { useValueChainLabels } from "../useValueChainLabels";

interface NetworkDiagramProps {
  layout: NetworkLayout;
  title: string;
  /** Opens a member's page (Enter or click on an enterprise node). */
  onOpen: (node: NetworkNode) => void;
}

const CHAR_WIDTH = 6.6;

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/** Shortens a name to fit its box, counting grapheme clusters so Thai vowel and tone marks stay on their letters. */
function truncate(text: string, width: number): string {
  const max = Math.max(3, Math.floor((width - 14) / CHAR_WIDTH));
  const clusters = Array.from(graphemes.segment(text), (part) => part.segment);
  return clusters.length <= max ? text : `${clusters.slice(0, max - 1).join("")}…`;
}

/**
 * The network drawn in value-chain lanes. Nodes are keyboard-focusable; pointing at or focusing one highlights its
 * links and shows them (product and annual value) beside it.
 */
export function NetworkDiagram({ layout, title, onOpen }: NetworkDiagramProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useValueChainLabels();
  // useId's characters are not all safe inside url(#…); keep letters and digits only.
  const markerBase = `net${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const [active, setActive] = useState<string | null>(null);
  const nodeByKey = useMemo(() => new Map(layout.nodes.map((node) => [node.key, node])), [layout.nodes]);
  const activeNode = active ? (nodeByKey.get(active) ?? null) : null;
  const activeEdges = activeNode
    ? layout.edges.filter((e) => e.from === activeNode.key || e.to === activeNode.key)
    : [];
  const below = activeNode !== null && activeNode.y < layout.height * 0.55;
  const kindsPresent = [...new Set(layout.edges.map((edge) => edge.kind))];
  const markerKinds = [...LINKAGE_KINDS, "other"];
  const markerId = (kind: string) => `${markerBase}-arrow-${LINKAGE_KINDS.some((k) => k === kind) ? kind : "other"}`;

  const value = (edge: NetworkEdge) =>
    edge.annualValue === null ? null : t("network.perYear", { value: formatNumber(edge.annualValue, locale) });
  const edgeText = (edge: NetworkEdge) => {
    const from = nodeByKey.get(edge.from)?.label ?? edge.from;
    const to = nodeByKey.get(edge.to)?.label ?? edge.to;
    const extra = [edge.product ?? t("network.noProduct"), value(edge)].filter(Boolean).join(" · ");
    return `${t("network.linkLine", { from, kind: labels.linkKind(edge.kind), to })}: ${extra}`;
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, node: NetworkNode) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (node.type === "enterprise") onOpen(node);
    } else if (event.key === "Escape") {
      setActive(null);
    }
  };

  return (
    <div className="network">
      <div className="network-canvas">
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={title}
          className={activeNode ? "has-active" : undefined}
        >
          <defs>
            {markerKinds.map((kind) => (
              <marker
                key={kind}
                id={markerId(kind)}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="7"
                markerHeight="7"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" fill={kind === "other" ? OTHER_LINK_COLOUR : linkColour(kind)} />
              </marker>
            ))}
          </defs>
          {layout.band && (
            <g className="network-band" aria-hidden="true">
              <rect x={8} y={layout.band.y - 6} width={layout.width - 16} height={layout.band.height + 6} rx={8} />
              <text x={20} y={layout.band.y + 14} className="lane-title">
                {t("network.institutionsBand")} ({formatNumber(layout.band.total, locale)})
              </text>
            </g>
          )}
          {layout.lanes.map((lane) => (
            <g key={lane.stage} className="network-lane" aria-hidden="true">
              <rect
                x={lane.x}
                y={layout.lanesTop}
                width={lane.width}
                height={layout.height - layout.lanesTop - 8}
                rx={8}
                fill={STAGE_TINTS[lane.stage]}
              />
              <text x={lane.x + 12} y={layout.lanesTop + 20} className="lane-title">
                {labels.stage(lane.stage)}
              </text>
              <text x={lane.x + 12} y={layout.lanesTop + 36} className="lane-count">
                {lane.shown < lane.total
                  ? t("network.laneShown", {
                      shown: formatNumber(lane.shown, locale),
                      n: formatNumber(lane.total, locale),
                    })
                  : t("network.laneCount", { count: lane.total, n: formatNumber(lane.total, locale) })}
              </text>
            </g>
          ))}
          <g className="network-edges">
            {layout.edges.map((edge) => {
              const on = activeNode !== null && (edge.from === activeNode.key || edge.to === activeNode.key);
              return (
                <path
                  key={edge.id}
                  d={edge.d}
                  className={`edge${on ? " edge-active" : ""}`}
                  stroke={linkColour(edge.kind)}
                  markerEnd={`url(#${markerId(edge.kind)})`}
                  data-link-kind={edge.kind}
                >
                  <title>{edgeText(edge)}</title>
                </path>
              );
            })}
          </g>
          <g className="network-nodes">
            {layout.nodes.map((node) => {
              const stageName = node.stage ? labels.stage(node.stage) : "";
              const aria =
                node.type === "institution"
                  ? t("network.institutionAria", {
                      name: node.label,
                      count: node.degree,
                      n: formatNumber(node.degree, locale),
                    })
                  : t("network.nodeAria", {
                      name: node.label,
                      stage: stageName,
                      count: node.degree,
                      n: formatNumber(node.degree, locale),
                    });
              return (
                <g
                  key={node.key}
                  className={`node node-${node.type}${active === node.key ? " node-active" : ""}`}
                  transform={`translate(${node.x},${node.y})`}
                  tabIndex={0}
                  role={node.type === "enterprise" ? "link" : "img"}
                  aria-label={aria}
                  {...(node.type === "enterprise"
                    ? { "data-enterprise-id": node.id }
                    : { "data-institution-id": node.id })}
                  onPointerEnter={() => setActive(node.key)}
                  onPointerLeave={() => setActive((current) => (current === node.key ? null : current))}
                  onFocus={() => setActive(node.key)}
                  onBlur={() => setActive((current) => (current === node.key ? null : current))}
                  onClick={() => {
                    if (node.type === "enterprise") onOpen(node);
                  }}
                  onKeyDown={(event) => onKeyDown(event, node)}
                >
                  <rect
                    x={-node.width / 2}
                    y={-node.height / 2}
                    width={node.width}
                    height={node.height}
                    rx={node.type === "institution" ? 13 : 5}
                  />
                  {node.showLabel && (
                    <text className="node-label" textAnchor="middle" dy="0.35em">
                      {truncate(node.label, node.width)}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
        {activeNode && (
          <div
            className={`network-tooltip${below ? "" : " network-tooltip-above"}`}
            role="status"
            style={{
              // Kept inside the drawing horizontally; shown below a node in the upper part, above one lower down.
              left: `${Math.min(80, Math.max(20, (activeNode.x / layout.width) * 100))}%`,
              top: `${((below ? activeNode.y + activeNode.height / 2 : activeNode.y - activeNode.height / 2) / layout.height) * 100}%`,
            }}
          >
            <p className="tooltip-title">{activeNode.label}</p>
            {activeEdges.length === 0 ? (
              <p>{t("network.noLinks")}</p>
            ) : (
              <ul>
                {activeEdges.slice(0, 8).map((edge) => (
                  <li key={edge.id}>
                    <span
                      className="swatch swatch-line"
                      style={{ background: linkColour(edge.kind) }}
                      aria-hidden="true"
                    />
                    {edgeText(edge)}
                  </li>
                ))}
                {activeEdges.length > 8 && <li>…</li>}
              </ul>
            )}
          </div>
        )}
      </div>
      <div className="network-legend" role="group" aria-label={t("network.legend")}>
        <span className="muted small">{t("network.legend")}:</span>
        {(kindsPresent.length > 0 ? kindsPresent : [...LINKAGE_KINDS]).map((kind) => (
          <span key={kind} className="legend-item">
            <span className="swatch swatch-line" style={{ background: linkColour(kind) }} aria-hidden="true" />
            {labels.linkKind(kind)}
          </span>
        ))}
      </div>
      <p className="muted small">{t("network.hint")}</p>
    </div>
  );
}
