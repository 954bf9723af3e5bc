import {
  analyseValueChain,
  stages,
  suggestionData,
  suggestionGaps,
  suggestLinks,
  type Actor,
  type ChainLink,
  type ChainMember,
  type LinkageKind,
  type Stage,
} from "@sainam/core";
import { linkages, memberships } from "@sainam/db";
import type { AppContext } from "../context.ts";
import { requireCluster } from "../clusters/cluster.service.ts";

function isStage(value: string): value is Stage {
  return stages.some((s) => s === value);
}

const KINDS: readonly LinkageKind[] = [
  "supplies",
  "buys_from",
  "subcontracts",
  "collaborates",
  "advises",
  "finances",
  "trains",
];
function isKind(value: string): value is LinkageKind {
  return KINDS.some((k) => k === value);
}

/** The value-chain analysis of one cluster, computed from its current members, products and links. */
export async function analyseCluster(
  ctx: AppContext,
  actor: Actor,
  clusterId: number,
  options: { suggestionLimit: number },
) {
  await requireCluster(ctx, actor, clusterId, "read");
  const { db } = ctx.database;
  const [members, products, links, institutions] = await Promise.all([
    memberships.listMembers(db, clusterId, { currentOnly: true, publishedOnly: false }),
    memberships.listCurrentMemberProducts(db, clusterId),
    linkages.listClusterLinkages(db, clusterId),
    linkages.listInstitutions(db, { clusterId, visibility: { all: true } }),
  ]);
  const outputs = new Map<number, string[]>();
  const inputs = new Map<number, string[]>();
  for (const p of products) {
    const target = p.direction === "output" ? outputs : inputs;
    target.set(p.enterprise_id, [...(target.get(p.enterprise_id) ?? []), p.name]);
  }
  const chainMembers: ChainMember[] = members.flatMap((m) =>
    isStage(m.stage)
      ? [
          {
            enterpriseId: m.enterprise_id,
            stage: m.stage,
            tsicCode: m.tsic_code,
            outputs: outputs.get(m.enterprise_id) ?? [],
            inputs: inputs.get(m.enterprise_id) ?? [],
          },
        ]
      : [],
  );
  const memberIds = new Set(chainMembers.map((m) => m.enterpriseId));
  const institutionIds = new Set(institutions.map((i) => i.id));
  const inside = (type: string, id: number) => (type === "enterprise" ? memberIds.has(id) : institutionIds.has(id));
  const partyOf = (type: string, id: number) => ({
    type: type === "institution" ? ("institution" as const) : ("enterprise" as const),
    id,
  });
  const chainLinks: ChainLink[] = links.flatMap((l) =>
    isKind(l.kind)
      ? [
          {
            from: partyOf(l.from_type, l.from_id),
            to: partyOf(l.to_type, l.to_id),
            kind: l.kind,
            product: l.product,
            annualValue: l.annual_value,
            insideCluster: inside(l.from_type, l.from_id) && inside(l.to_type, l.to_id),
          },
        ]
      : [],
  );
  const analysis = analyseValueChain({
    members: chainMembers,
    institutions: institutions.map((i) => ({ institutionId: i.id, kind: i.kind })),
    links: chainLinks,
  });
  const suggestions = suggestLinks({ members: chainMembers, links: chainLinks, limit: options.suggestionLimit });
  const data = suggestionData(chainMembers);
  return {
    membersPerStage: {
      upstream: analysis.membersByStage.upstream.length,
      midstream: analysis.membersByStage.midstream.length,
      downstream: analysis.membersByStage.downstream.length,
    },
    membersByStage: {
      upstream: [...analysis.membersByStage.upstream],
      midstream: [...analysis.membersByStage.midstream],
      downstream: [...analysis.membersByStage.downstream],
    },
    emptyStages: [...analysis.missingStages],
    singleSupplierProducts: analysis.singleSupplierProducts.map((p) => ({
      product: p.product,
      supplierId: p.supplierId,
      buyerIds: p.buyers.filter((b) => b.type === "enterprise").map((b) => b.id),
      buyers: p.buyers.map((b) => ({ ...b })),
    })),
    unsuppliedInputs: analysis.unsuppliedInputs.map((u) => ({ product: u.product, neededBy: [...u.neededBy] })),
    unlinkedMemberIds: [...analysis.unlinkedMembers],
    unlinkedInstitutionIds: [...analysis.unlinkedInstitutions],
    linkDensity: analysis.linkDensity,
    insideValueShare: analysis.insideValueShare,
    verticalLinks: analysis.verticalLinks,
    horizontalLinks: analysis.horizontalLinks,
    otherLinks: analysis.otherLinks,
    suggestionData: { ...data, gaps: suggestionGaps(data) },
    suggestions: suggestions.map((x) => ({
      from: x.from,
      to: x.to,
      score: x.score,
      reasons: x.reasons.map((r) => ({ ...r })),
    })),
  };
}
