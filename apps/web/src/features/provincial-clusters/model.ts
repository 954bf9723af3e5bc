import { arrayOf, id, num, object, str, withDefault, nullable, type Decoded } from "../../api/decode";

export const provincialClusterDecoder = object({
  id,
  number: num,
  nameEn: withDefault(str, ""),
  nameTh: nullable(str),
  positionEn: withDefault(str, ""),
  positionTh: nullable(str),
  // Entries are parallel (issue i in both languages); an untranslated one arrives as null.
  issuesEn: withDefault(arrayOf(nullable(str)), []),
  issuesTh: withDefault(arrayOf(nullable(str)), []),
  provinces: withDefault(
    arrayOf(object({ code: str, nameTh: withDefault(str, ""), nameEn: withDefault(str, "") })),
    [],
  ),
});

export type ProvincialCluster = Decoded<typeof provincialClusterDecoder>;

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
