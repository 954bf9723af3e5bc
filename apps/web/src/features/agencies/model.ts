export type { Agency } from "@sainam/contract";
import type { Agency } from "@sainam/contract";

export interface AgencyNode {
  agency: Agency;
  children: AgencyNode[];
}

/**
 * Arranges agencies under their parents. An agency whose parent is missing from the list becomes a root, and a
 * parent cycle (bad data) is broken rather than looping.
 */
export function buildAgencyTree(agencies: readonly Agency[], compare: (a: Agency, b: Agency) => number): AgencyNode[] {
  const nodes = new Map<number, AgencyNode>();
  for (const agency of agencies) nodes.set(agency.id, { agency, children: [] });
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.agency.parentId;
    const parent = parentId !== null && parentId !== node.agency.id ? nodes.get(parentId) : undefined;
    if (parent && !isAncestor(node, parent)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: AgencyNode[]) => {
    list.sort((a, b) => compare(a.agency, b.agency));
    for (const child of list) sort(child.children);
  };
  sort(roots);
  return roots;
}

function isAncestor(candidate: AgencyNode, of: AgencyNode): boolean {
  const stack = [...candidate.children];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    if (next === of) return true;
    stack.push(...next.children);
  }
  return false;
}
