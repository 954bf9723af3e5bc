/**
 * Example programmes from the seed documents, attributed to the reference agencies.
 *
 * DIP's industrial cluster development (seed 001, a news article quoting DIP) gives aggregates only, which are
 * kept as the programme's REPORTED figures, word for word:
 * - FY2021: "DIP allocated 19 million baht for 29 clusters for fiscal 2021"; "29 [clusters] with 680 businesses
 *   this year"; "The department expects industrial cluster development will contribute 1.2 billion baht to the
 *   economy in fiscal 2021" — so 1.2 bn baht is an EXPECTED value for FY2021, not a verified result, and 19 M baht
 *   is an allocation.
 * - FY2022: "It plans to spend 17 million baht for 34 clusters in fiscal 2022" — a PLANNED budget; no firm count
 *   and no value are given for FY2022.
 * The seed names no firms: Sainam records only the example clusters named in it (7 of the 29) and the invented
 * example firms that are members of them. No firm records are made up to reach 680.
 *
 * OSMEP's Project on Supporting and Development of SME Cluster 2021 (seed 002) gives no budget or firm count; it
 * supports the Health and Wellness Economy cluster (its five sub-clusters are counted through the parent).
 */

export type ExampleReportedFigure = {
  readonly fiscalYear: number;
  readonly clusters: number | null;
  readonly firms: number | null;
  readonly budget: number | null;
  readonly budgetKind: "allocated" | "planned" | null;
  readonly value: number | null;
  readonly valueKind: "expected" | "actual" | null;
  readonly source: string;
  readonly note: string | null;
};

export type ExampleProgramme = {
  readonly code: string;
  /** Agency code (reference/agencies.ts). */
  readonly agency: string;
  readonly name: { readonly th: string; readonly en: string };
  readonly description: { readonly th: string; readonly en: string };
  readonly firstFiscalYear: number;
  readonly lastFiscalYear: number | null;
  /** Example cluster codes supported, per fiscal year. */
  readonly clusters: ReadonlyArray<{ readonly fiscalYear: number; readonly codes: readonly string[] }>;
  /**
   * Fiscal years in which the example member firms of the supported clusters (and of their sub-clusters) are
   * recorded as supported, each through the programme's cluster they belong to.
   */
  readonly membersSupportedIn: readonly number[];
  readonly reported: readonly ExampleReportedFigure[];
};

const SEED_001 = 'DIP, reported in "Industry clusters set to generate B1.2bn" (seed 001)';
const DIP_CLUSTERS = [
  "dip-coffee",
  "dip-spa-herbs",
  "dip-fruit-processing",
  "dip-rubber",
  "dip-medical-equipment",
  "dip-robotics-automation",
  "dip-digital-products",
];

export const dipClusterProgramme: ExampleProgramme = {
  code: "dip-industrial-cluster-development",
  agency: "DIP",
  name: { th: "การพัฒนาการรวมกลุ่มและเชื่อมโยงอุตสาหกรรม", en: "DIP industrial cluster development" },
  description: {
    th: "กรมส่งเสริมอุตสาหกรรมรวมกลุ่ม SME และวิสาหกิจชุมชนเป็นคลัสเตอร์ เพื่อรับคำปรึกษาจากผู้เชี่ยวชาญด้านการยกระดับผลิตภัณฑ์ การออกแบบบรรจุภัณฑ์ และการเงิน ผ่านศูนย์ ITC ศูนย์ออกแบบ TIDC ศูนย์ SRC และเครือข่ายผู้เชี่ยวชาญกว่า 250 คน",
    en: "DIP groups SMEs and community enterprises into clusters to receive advice from experts on product upgrades, packaging design and finance, through the Industry Transformation Centre, the Thailand Industrial Design Center, the SME Support and Rescue Center and more than 250 experts.",
  },
  firstFiscalYear: 2021,
  lastFiscalYear: 2022,
  clusters: [
    { fiscalYear: 2021, codes: DIP_CLUSTERS },
    { fiscalYear: 2022, codes: DIP_CLUSTERS },
  ],
  membersSupportedIn: [2021],
  reported: [
    {
      fiscalYear: 2021,
      clusters: 29,
      firms: 680,
      budget: 19_000_000,
      budgetKind: "allocated",
      value: 1_200_000_000,
      valueKind: "expected",
      source: SEED_001,
      note: '"DIP allocated 19 million baht for 29 clusters for fiscal 2021"; 29 clusters "with 680 businesses this year"; "expects industrial cluster development will contribute 1.2 billion baht to the economy in fiscal 2021".',
    },
    {
      fiscalYear: 2022,
      clusters: 34,
      firms: null,
      budget: 17_000_000,
      budgetKind: "planned",
      value: null,
      valueKind: null,
      source: SEED_001,
      note: '"It plans to spend 17 million baht for 34 clusters in fiscal 2022." No firm count or value is given for fiscal 2022.',
    },
  ],
};

export const osmepCluster2021Programme: ExampleProgramme = {
  code: "osmep-sme-cluster-2021",
  agency: "OSMEP",
  name: {
    th: "โครงการสนับสนุนและพัฒนาเครือข่าย SME ปี 2564",
    en: "Project on Supporting and Development of SME Cluster 2021",
  },
  description: {
    th: "สสว. ร่วมกับสถาบันพัฒนาอุตสาหกรรมสิ่งทอ เชื่อมโยงผู้ประกอบการตั้งแต่ต้นน้ำถึงปลายน้ำ พัฒนาขีดความสามารถ เพิ่มมูลค่าทางการตลาด และจัดทำแผนพัฒนาเชิงกลยุทธ์ของคลัสเตอร์เศรษฐกิจสุขภาพและสุขภาวะ ผู้แทน 35 รายร่วมกิจกรรมการตลาด",
    en: "OSMEP with the Thailand Textile Institute: upstream-to-downstream linkage, capacity building, marketing value and a strategic development plan for the Health and Wellness Economy cluster; 35 representatives take part in marketing activities.",
  },
  firstFiscalYear: 2021,
  lastFiscalYear: 2021,
  clusters: [{ fiscalYear: 2021, codes: ["osmep-health-wellness"] }],
  membersSupportedIn: [2021],
  reported: [],
};

export const exampleProgrammes: readonly ExampleProgramme[] = [dipClusterProgramme, osmepCluster2021Programme];
