import { partyKey, STAGES, type PartyType, type Stage } from "./model";

/**
 * Lays a cluster's network out in value-chain lanes: three vertical lanes left to right for upstream, midstream and
 * downstream members, and a band across the top for the support institutions (the horizontal links). Positions
 * depend only on the data, never on the order it arrived in, so the picture is the same on every visit.
 */

export interface LayoutMember {
  id: string;
  stage: Stage;
  label: string;
}

export interface LayoutInstitution {
  id: string;
  label: string;
}

/** A party of the drawing: ids are text here, as the nodes' keys and the address carry them. */
export interface LayoutParty {
  type: PartyType;
  id: string;
}

export interface LayoutLink {
  id: string;
  from: LayoutParty;
  to: LayoutParty;
  kind: string;
  product: string | null;
  annualValue: number | null;
}

export interface NetworkNode {
  /** `enterprise:12` or `institution:3`: unique across both kinds of party. */
  key: string;
  type: PartyType;
  id: string;
  label: string;
  stage: Stage | null;
  /** Centre of the node's box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Links drawn or not, in either direction. */
  degree: number;
  /** Whether the box is wide enough for its name. */
  showLabel: boolean;
}

export interface NetworkEdge {
  id: string;
  from: string;
  to: string;
  kind: string;
  product: string | null;
  annualValue: number | null;
  /** SVG path data from the source's side to the target's side. */
  d: string;
}

export interface NetworkLane {
  stage: Stage;
  x: number;
  width: number;
  /** Members at this stage, and how many of them are drawn. */
  total: number;
  shown: number;
}

export interface NetworkBand {
  y: number;
  height: number;
  total: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  lanesTop: number;
  lanes: NetworkLane[];
  band: NetworkBand | null;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** True when only the busiest members are drawn (a large cluster). */
  reduced: boolean;
  /** Links not drawn: to a party outside the picture (not a member, or left out of a reduced view). */
  hiddenLinks: number;
}

export interface LayoutOptions {
  width?: number;
  /** Above this many members only the busiest are drawn. */
  maxMembers?: number;
  /** How many members per lane a reduced view keeps. */
  busiestPerLane?: number;
}

export const LARGE_CLUSTER = 150;
const MARGIN = 16;
const LANE_GAP = 24;
const LANE_HEADER = 44;
const ROW_GAP = 36;
const ROWS_PER_COLUMN = 20;
const LABELLED_HEIGHT = 26;
const SMALL_HEIGHT = 14;
const MIN_LABEL_WIDTH = 96;
const BAND_HEADER = 30;
const BAND_ROW = 40;
const BAND_GAP = 28;

/** Ids are compared as numbers when both are numbers, so 2 comes before 10; otherwise as text, never by locale. */
export function compareIds(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders a lane by the mean position of each node's neighbours in `reference` (the barycentre heuristic). */
function orderByNeighbours(
  lane: string[],
  reference: Map<string, number>,
  neighbours: Map<string, Set<string>>,
  current: Map<string, number>,
): string[] {
  const weight = (key: string): number => {
    const positions = [...(neighbours.get(key) ?? [])]
      .map((other) => reference.get(other))
      .filter((value): value is number => value !== undefined);
    if (positions.length === 0) return current.get(key) ?? 0;
    return positions.reduce((sum, value) => sum + value, 0) / positions.length;
  };
  const weights = new Map(lane.map((key) => [key, weight(key)]));
  return [...lane].sort((a, b) => {
    const diff = (weights.get(a) ?? 0) - (weights.get(b) ?? 0);
    if (diff !== 0) return diff;
    return (current.get(a) ?? 0) - (current.get(b) ?? 0);
  });
}

function relativePositions(lane: string[]): Map<string, number> {
  return new Map(lane.map((key, index) => [key, lane.length <= 1 ? 0.5 : index / (lane.length - 1)]));
}

function edgePath(from: NetworkNode, to: NetworkNode): string {
  const r = (value: number) => Math.round(value * 10) / 10;
  if (from.type === "institution" || to.type === "institution") {
    // Vertical links between the band and a lane leave and enter through the top or bottom of the boxes.
    const down = to.y > from.y;
    const sy = from.y + (down ? from.height / 2 : -from.height / 2);
    const ty = to.y + (down ? -to.height / 2 : to.height / 2);
    const bend = Math.max(30, Math.abs(ty - sy) / 2);
    return `M${r(from.x)},${r(sy)} C${r(from.x)},${r(sy + (down ? bend : -bend))} ${r(to.x)},${r(ty - (down ? bend : -bend))} ${r(to.x)},${r(ty)}`;
  }
  if (Math.abs(from.x - to.x) < 1) {
    // Same column: an arc out to the right and back.
    const sx = from.x + from.width / 2;
    const tx = to.x + to.width / 2;
    const out = 24 + Math.min(60, Math.abs(to.y - from.y) * 0.25);
    return `M${r(sx)},${r(from.y)} C${r(sx + out)},${r(from.y)} ${r(tx + out)},${r(to.y)} ${r(tx)},${r(to.y)}`;
  }
  const forward = to.x > from.x;
  const sx = from.x + (forward ? from.width / 2 : -from.width / 2);
  const tx = to.x + (forward ? -to.width / 2 : to.width / 2);
  const mid = (tx - sx) / 2;
  return `M${r(sx)},${r(from.y)} C${r(sx + mid)},${r(from.y)} ${r(tx - mid)},${r(to.y)} ${r(tx)},${r(to.y)}`;
}

export function layoutNetwork(
  members: readonly LayoutMember[],
  institutions: readonly LayoutInstitution[],
  links: readonly LayoutLink[],
  options: LayoutOptions = {},
): NetworkLayout {
  const width = options.width ?? 960;
  const maxMembers = options.maxMembers ?? LARGE_CLUSTER;
  const busiestPerLane = options.busiestPerLane ?? 12;

  // De-duplicate and sort first, so the input order never matters.
  const memberById = new Map<string, LayoutMember>();
  for (const member of [...members].sort((a, b) => compareIds(a.id, b.id))) {
    if (!memberById.has(member.id)) memberById.set(member.id, member);
  }
  const institutionById = new Map<string, LayoutInstitution>();
  for (const institution of [...institutions].sort((a, b) => compareIds(a.id, b.id))) {
    if (!institutionById.has(institution.id)) institutionById.set(institution.id, institution);
  }
  const sortedLinks = [...links].sort((a, b) => compareIds(a.id, b.id));

  const exists = (party: LayoutParty) =>
    party.type === "enterprise" ? memberById.has(party.id) : institutionById.has(party.id);

  const degree = new Map<string, number>();
  for (const link of sortedLinks) {
    for (const party of [link.from, link.to]) {
      if (exists(party)) degree.set(partyKey(party), (degree.get(partyKey(party)) ?? 0) + 1);
    }
  }

  const reduced = memberById.size > maxMembers;
  const laneMembers = new Map<Stage, string[]>(STAGES.map((stage) => [stage, []]));
  const laneTotals = new Map<Stage, number>(STAGES.map((stage) => [stage, 0]));
  for (const member of memberById.values()) {
    laneMembers.get(member.stage)?.push(`enterprise:${member.id}`);
    laneTotals.set(member.stage, (laneTotals.get(member.stage) ?? 0) + 1);
  }
  if (reduced) {
    for (const stage of STAGES) {
      const busiest = [...(laneMembers.get(stage) ?? [])]
        .sort(
          (a, b) =>
            (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || compareIds(a.split(":")[1] ?? "", b.split(":")[1] ?? ""),
        )
        .slice(0, busiestPerLane)
        .sort((a, b) => compareIds(a.split(":")[1] ?? "", b.split(":")[1] ?? ""));
      laneMembers.set(stage, busiest);
    }
  }
  const shown = new Set<string>([
    ...STAGES.flatMap((stage) => laneMembers.get(stage) ?? []),
    ...[...institutionById.keys()].map((id) => `institution:${id}`),
  ]);

  const drawn = sortedLinks.filter((link) => shown.has(partyKey(link.from)) && shown.has(partyKey(link.to)));
  const neighbours = new Map<string, Set<string>>();
  for (const link of drawn) {
    const a = partyKey(link.from);
    const b = partyKey(link.to);
    if (a === b) continue;
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    if (!neighbours.has(b)) neighbours.set(b, new Set());
    neighbours.get(a)?.add(b);
    neighbours.get(b)?.add(a);
  }

  // Two barycentre sweeps (left to right, then back) to untangle the links between neighbouring lanes.
  let up = laneMembers.get("upstream") ?? [];
  let mid = laneMembers.get("midstream") ?? [];
  let down = laneMembers.get("downstream") ?? [];
  mid = orderByNeighbours(mid, relativePositions(up), neighbours, relativePositions(mid));
  down = orderByNeighbours(down, relativePositions(mid), neighbours, relativePositions(down));
  mid = orderByNeighbours(mid, relativePositions(down), neighbours, relativePositions(mid));
  up = orderByNeighbours(up, relativePositions(mid), neighbours, relativePositions(up));
  const ordered: Record<Stage, string[]> = { upstream: up, midstream: mid, downstream: down };

  const nodes: NetworkNode[] = [];
  const inner = width - MARGIN * 2;

  // The institutions' band across the top.
  let band: NetworkBand | null = null;
  let lanesTop = MARGIN;
  const institutionList = [...institutionById.values()];
  if (institutionList.length > 0) {
    const columns = Math.max(1, Math.min(institutionList.length, Math.floor(inner / 150)));
    const rows = Math.ceil(institutionList.length / columns);
    const cell = inner / columns;
    const boxWidth = Math.min(200, cell - 12);
    band = { y: MARGIN, height: BAND_HEADER + rows * BAND_ROW, total: institutionList.length };
    institutionList.forEach((institution, index) => {
      const row = Math.floor(index / columns);
      const column = index % columns;
      const inRow = Math.min(columns, institutionList.length - row * columns);
      // Centre a short last row.
      const offset = ((columns - inRow) * cell) / 2;
      nodes.push({
        key: `institution:${institution.id}`,
        type: "institution",
        id: institution.id,
        label: institution.label,
        stage: null,
        x: MARGIN + offset + cell * (column + 0.5),
        y: MARGIN + BAND_HEADER + row * BAND_ROW + BAND_ROW / 2,
        width: boxWidth,
        height: LABELLED_HEIGHT,
        degree: degree.get(`institution:${institution.id}`) ?? 0,
        showLabel: boxWidth >= MIN_LABEL_WIDTH,
      });
    });
    lanesTop = band.y + band.height + BAND_GAP;
  }

  const laneWidth = (inner - LANE_GAP * 2) / 3;
  let tallest = 0;
  const lanes: NetworkLane[] = STAGES.map((stage, laneIndex) => {
    const keys = ordered[stage];
    const x = MARGIN + laneIndex * (laneWidth + LANE_GAP);
    const columns = Math.max(1, Math.ceil(keys.length / ROWS_PER_COLUMN));
    const rows = Math.ceil(keys.length / columns);
    tallest = Math.max(tallest, rows);
    const cell = laneWidth / columns;
    const boxWidth = Math.min(220, cell - 10);
    const showLabel = boxWidth >= MIN_LABEL_WIDTH;
    keys.forEach((key, index) => {
      // Fill column by column so neighbours in the order stay neighbours on screen.
      const column = Math.floor(index / rows);
      const row = index % rows;
      const memberId = key.slice("enterprise:".length);
      const member = memberById.get(memberId);
      nodes.push({
        key,
        type: "enterprise",
        id: memberId,
        label: member?.label ?? memberId,
        stage,
        x: x + cell * (column + 0.5),
        y: lanesTop + LANE_HEADER + row * ROW_GAP + ROW_GAP / 2,
        width: boxWidth,
        height: showLabel ? LABELLED_HEIGHT : SMALL_HEIGHT,
        degree: degree.get(key) ?? 0,
        showLabel,
      });
    });
    return { stage, x, width: laneWidth, total: laneTotals.get(stage) ?? 0, shown: keys.length };
  });

  const nodeByKey = new Map(nodes.map((node) => [node.key, node]));
  const edges: NetworkEdge[] = [];
  for (const link of drawn) {
    const from = nodeByKey.get(partyKey(link.from));
    const to = nodeByKey.get(partyKey(link.to));
    if (!from || !to || from === to) continue;
    edges.push({
      id: link.id,
      from: from.key,
      to: to.key,
      kind: link.kind,
      product: link.product,
      annualValue: link.annualValue,
      d: edgePath(from, to),
    });
  }

  const height = lanesTop + LANE_HEADER + Math.max(1, tallest) * ROW_GAP + MARGIN;
  return {
    width,
    height,
    lanesTop,
    lanes,
    band,
    nodes,
    edges,
    reduced,
    hiddenLinks: sortedLinks.length - edges.length,
  };
}
