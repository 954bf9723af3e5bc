import type { ProvincialCluster } from "@sainam/contract";

export type { ProvincialCluster } from "@sainam/contract";

/** The cluster's common trade issues in the interface language, each falling back to the other language. */
export function localIssues(cluster: Pick<ProvincialCluster, "issuesEn" | "issuesTh">, locale: "th" | "en"): string[] {
  const first = locale === "th" ? cluster.issuesTh : cluster.issuesEn;
  const second = locale === "th" ? cluster.issuesEn : cluster.issuesTh;
  const out: string[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const text = first[i] || second[i];
    if (text && text.trim() !== "") out.push(text);
  }
  return out;
}
