import { juristicIdCheckDigit } from "@sainam/core";

/**
 * Example data for Sainam's cluster registry: the clusters named in the seed documents (DIP's industrial
 * clusters of seed 001, OSMEP's Health and Wellness Economy cluster of seed 002 with its five sub-clusters,
 * the seven target clusters of OSMEP's SME network support project, seed 003), and INVENTED enterprises,
 * memberships, support-institution links and linkages to show what the registry does. Every enterprise,
 * person, phone number and e-mail address below is fictitious; the loader marks all of it `is_example = 1`
 * so it can be removed in one step. The institutions are real organisations, but their links to example
 * firms are invented.
 *
 * Conventions: codes are stable slugs; dates are ISO C.E.; amounts are baht per year; product names are
 * stored as "ไทย (English)", so a Thai-only or English-only name written elsewhere still matches by word run.
 */

export type ExampleText = { readonly th: string; readonly en: string };
export type ExampleStage = "upstream" | "midstream" | "downstream";
export type ExampleClusterKind = "industry_cluster" | "sme_network_cluster";
export type ExampleMaturity = "emerging" | "developing" | "mature";
export type ExampleInstitutionKind =
  "finance" | "education" | "research" | "government" | "association" | "service_centre" | "expert_pool";
export type ExampleLinkageKind =
  "supplies" | "buys_from" | "subcontracts" | "collaborates" | "advises" | "finances" | "trains";

export type ExampleParticipation = { readonly agency: string; readonly fiscalYear: number; readonly programme: string };

export type ExampleCluster = {
  readonly code: string;
  readonly kind: ExampleClusterKind;
  readonly name: ExampleText;
  readonly description: ExampleText;
  /** A 5-digit TSIC 2009 code of the cluster's core activity. */
  readonly tsicCode: string;
  readonly parentCode: string | null;
  /** Agency codes (reference/agencies.ts). */
  readonly coordinatingAgency: string;
  readonly cooperatingAgency: string | null;
  readonly policyTags: readonly string[];
  readonly maturity: ExampleMaturity | null;
  /** Empty: no province restriction (the whole country). */
  readonly provinceCodes: readonly string[];
  readonly participations: readonly ExampleParticipation[];
  readonly published: boolean;
};

export type ExampleProduct = ExampleText & { readonly tsicCode: string | null };

export type ExampleContact = {
  readonly name: string;
  readonly position: string;
  readonly phone: string;
  readonly email: string;
};

export type ExampleEnterprise = {
  readonly party: "enterprise";
  /** Stable key inside the example data set (not stored). */
  readonly key: string;
  /** 13 digits with a valid mod-11 check digit; null for community enterprises. */
  readonly juristicId: string | null;
  /** Community-enterprise registration number (วิสาหกิจชุมชน), else null. */
  readonly ceRegistrationNo: string | null;
  readonly name: ExampleText;
  readonly businessType: ExampleText;
  readonly tsicCode: string;
  readonly provinceCode: string;
  readonly districtCode: string;
  readonly registeredOn: string;
  readonly revenue: number;
  readonly employees: number;
  readonly outputs: readonly ExampleProduct[];
  readonly inputs: readonly ExampleProduct[];
  readonly contact: ExampleContact | null;
};

export type ExampleInstitution = {
  readonly party: "institution";
  readonly key: string;
  readonly kind: ExampleInstitutionKind;
  /** Thai name; null where the reference data has none either. */
  readonly nameTh: string | null;
  readonly nameEn: string;
  readonly description: string;
  /** Agency code when the institution is one of the reference agencies or their branches. */
  readonly agency: string | null;
  readonly provinceCode: string | null;
};

export type ExampleMembership = {
  readonly enterprise: ExampleEnterprise;
  readonly cluster: ExampleCluster;
  readonly stage: ExampleStage;
  readonly joinedOn: string;
};

export type ExampleClusterInstitution = {
  readonly cluster: ExampleCluster;
  readonly institution: ExampleInstitution;
  readonly role: string;
};

export type ExampleParty = ExampleEnterprise | ExampleInstitution;

export type ExampleLinkage = {
  readonly cluster: ExampleCluster;
  readonly from: ExampleParty;
  readonly to: ExampleParty;
  readonly kind: ExampleLinkageKind;
  readonly product: ExampleText | null;
  readonly annualValue: number | null;
};

// ——— Helpers ———

/** The one stored form of a bilingual text: "ไทย (English)". */
export function bilingual(text: ExampleText): string {
  return `${text.th} (${text.en})`;
}

function withCheckDigit(first12: string): string {
  const check = juristicIdCheckDigit(first12);
  if (check === null) throw new Error(`example data: ${first12} is not 12 digits`);
  return `${first12}${check}`;
}

/**
 * A juristic ID in the Department of Business Development's layout: 0, the registrar's 2-digit province
 * code, the kind (3 = limited partnership, 5 = company limited), the last 3 digits of the B.E. year of
 * registration, a 5-digit serial and the check digit. Serials from 90001 up keep clear of real registrations
 * as far as a made-up number can.
 */
function dbdId(provinceCode: string, kind: "3" | "5", registeredOn: string, serial: number): string {
  const yearBe = Number(registeredOn.slice(0, 4)) + 543;
  return withCheckDigit(`0${provinceCode}${kind}${String(yearBe).slice(1)}${String(90_000 + serial).padStart(5, "0")}`);
}

/** A cooperative is not registered with the DBD: it carries a 13-digit Revenue Department taxpayer number. */
function taxpayerId(serial: number): string {
  return withCheckDigit(`0993000${String(90_000 + serial).padStart(5, "0")}`);
}

/** A community-enterprise registration number, 5-PP-AA-TT/1-NNNN: province, district (amphoe), sub-district, serial. */
function ceNumber(districtCode: string, subdistrict: string, serial: number): string {
  return `5-${districtCode.slice(0, 2)}-${districtCode.slice(2)}-${subdistrict}/1-${String(serial).padStart(4, "0")}`;
}

function product(th: string, en: string, tsicCode: string | null): ExampleProduct {
  return { th, en, tsicCode };
}

type EnterpriseInput = Omit<ExampleEnterprise, "party" | "juristicId" | "ceRegistrationNo" | "contact"> & {
  readonly contact?: ExampleContact;
};

function company(input: EnterpriseInput & { readonly serial: number; readonly kind: "3" | "5" }): ExampleEnterprise {
  const { serial, kind, contact, ...rest } = input;
  return {
    party: "enterprise",
    ...rest,
    juristicId: dbdId(input.provinceCode, kind, input.registeredOn, serial),
    ceRegistrationNo: null,
    contact: contact ?? null,
  };
}

function cooperative(input: EnterpriseInput & { readonly serial: number }): ExampleEnterprise {
  const { serial, contact, ...rest } = input;
  return {
    party: "enterprise",
    ...rest,
    juristicId: taxpayerId(serial),
    ceRegistrationNo: null,
    contact: contact ?? null,
  };
}

function communityEnterprise(
  input: EnterpriseInput & { readonly subdistrict: string; readonly serial: number },
): ExampleEnterprise {
  const { serial, subdistrict, contact, ...rest } = input;
  return {
    party: "enterprise",
    ...rest,
    juristicId: null,
    ceRegistrationNo: ceNumber(input.districtCode, subdistrict, serial),
    contact: contact ?? null,
  };
}

function institution(input: Omit<ExampleInstitution, "party">): ExampleInstitution {
  return { party: "institution", ...input };
}

// ——— Clusters ———

const DIP_PROGRAMME = "การพัฒนาการรวมกลุ่มและเชื่อมโยงอุตสาหกรรม (DIP industrial cluster development)";
const dipYears: ExampleParticipation[] = [
  { agency: "DIP", fiscalYear: 2021, programme: DIP_PROGRAMME },
  { agency: "DIP", fiscalYear: 2022, programme: DIP_PROGRAMME },
];
const METRO_AND_CHIANG_MAI = ["10", "11", "12", "13", "50"];

function dipCluster(
  input: Omit<
    ExampleCluster,
    "kind" | "parentCode" | "coordinatingAgency" | "cooperatingAgency" | "participations" | "published"
  >,
): ExampleCluster {
  return {
    ...input,
    kind: "industry_cluster",
    parentCode: null,
    coordinatingAgency: "DIP",
    cooperatingAgency: null,
    participations: dipYears,
    published: true,
  };
}

export const dipCoffee = dipCluster({
  code: "dip-coffee",
  name: { th: "คลัสเตอร์กาแฟ", en: "Coffee Cluster" },
  description: {
    th: "เกษตรกรผู้ปลูกกาแฟอาราบิก้าบนพื้นที่สูง โรงแปรรูป ผู้คั่ว ร้านกาแฟ และผู้ส่งออกในเชียงใหม่และเชียงราย รวมกลุ่มเพื่อยกระดับคุณภาพและมูลค่าของกาแฟภาคเหนือ",
    en: "Highland Arabica growers, processors, roasters, cafés and exporters in Chiang Mai and Chiang Rai, grouped to raise the quality and value of northern Thai coffee.",
  },
  tsicCode: "10761",
  policyTags: ["BCG"],
  maturity: "developing",
  provinceCodes: ["50", "57"],
});

export const dipSpaHerbs = dipCluster({
  code: "dip-spa-herbs",
  name: { th: "คลัสเตอร์สปาและสมุนไพร", en: "Spa and Herbs Cluster" },
  description: {
    th: "ผู้ปลูกสมุนไพร ผู้ผลิตผลิตภัณฑ์สปาและเครื่องสำอางจากสมุนไพร และผู้ให้บริการสปา พัฒนาผลิตภัณฑ์และมาตรฐานร่วมกัน",
    en: "Herb growers, makers of herbal spa and cosmetic products and spa operators, developing products and standards together.",
  },
  tsicCode: "20232",
  policyTags: ["BCG"],
  maturity: "developing",
  provinceCodes: ["25", "50", "73"],
});

export const dipFruitProcessing = dipCluster({
  code: "dip-fruit-processing",
  name: { th: "คลัสเตอร์แปรรูปผลไม้", en: "Fruit Processing Cluster" },
  description: {
    th: "ชาวสวนผลไม้และโรงงานแปรรูปผลไม้ภาคตะวันออก เช่น ทุเรียนและมังคุดอบแห้งและฟรีซดราย เพื่อลดการสูญเสียและเพิ่มมูลค่าผลผลิต",
    en: "Eastern fruit growers and processors (dried and freeze-dried durian, mangosteen and other fruit), cutting losses and adding value to the harvest.",
  },
  tsicCode: "10304",
  policyTags: ["BCG"],
  maturity: "developing",
  provinceCodes: ["21", "22"],
});

export const dipRubber = dipCluster({
  code: "dip-rubber",
  name: { th: "คลัสเตอร์ยางพารา", en: "Rubber Cluster" },
  description: {
    th: "สหกรณ์และกลุ่มชาวสวนยางรายย่อย โรงงานน้ำยางข้นและยางแท่ง และผู้ผลิตผลิตภัณฑ์ยางในภาคใต้ เชื่อมโยงตั้งแต่น้ำยางสดถึงผลิตภัณฑ์สำเร็จรูป",
    en: "Smallholder co-operatives and groups, latex-concentrate and block-rubber plants and rubber-product makers in the South, linked from field latex to finished goods.",
  },
  tsicCode: "22199",
  policyTags: ["BCG"],
  maturity: "mature",
  provinceCodes: ["80", "84", "90", "92", "93", "95"],
});

export const dipMedicalEquipment = dipCluster({
  code: "dip-medical-equipment",
  name: { th: "คลัสเตอร์เครื่องมือแพทย์", en: "Medical Equipment Cluster" },
  description: {
    th: "ผู้ผลิตเครื่องมือและอุปกรณ์ทางการแพทย์ในกรุงเทพฯ ปริมณฑล และเชียงใหม่ ซึ่งเป็นคลัสเตอร์เป้าหมายของกรมส่งเสริมอุตสาหกรรม",
    en: "Makers of medical instruments and equipment in Bangkok, its neighbouring provinces and Chiang Mai; one of DIP's target clusters.",
  },
  tsicCode: "32501",
  policyTags: ["TH4.0"],
  maturity: "emerging",
  provinceCodes: METRO_AND_CHIANG_MAI,
});

export const dipRoboticsAutomation = dipCluster({
  code: "dip-robotics-automation",
  name: { th: "คลัสเตอร์หุ่นยนต์และระบบอัตโนมัติ", en: "Robotics and Automation Cluster" },
  description: {
    th: "ผู้ผลิตหุ่นยนต์ ผู้วางระบบอัตโนมัติ และผู้ให้บริการวิศวกรรมในกรุงเทพฯ ปริมณฑล และเชียงใหม่",
    en: "Robot makers, automation system integrators and engineering services in Bangkok, its neighbouring provinces and Chiang Mai.",
  },
  tsicCode: "28299",
  policyTags: ["TH4.0"],
  maturity: "emerging",
  provinceCodes: METRO_AND_CHIANG_MAI,
});

export const dipDigitalProducts = dipCluster({
  code: "dip-digital-products",
  name: { th: "คลัสเตอร์ผลิตภัณฑ์ดิจิทัล", en: "Digital Products Cluster" },
  description: {
    th: "ผู้พัฒนาซอฟต์แวร์ แอปพลิเคชัน และเนื้อหาดิจิทัลในกรุงเทพฯ ปริมณฑล และเชียงใหม่",
    en: "Developers of software, applications and digital content in Bangkok, its neighbouring provinces and Chiang Mai.",
  },
  tsicCode: "58202",
  policyTags: ["TH4.0"],
  maturity: "emerging",
  provinceCodes: METRO_AND_CHIANG_MAI,
});

const OSMEP_CLUSTER_2021 =
  "โครงการสนับสนุนและพัฒนาเครือข่าย SME ปี 2564 (Project on Supporting and Development of SME Cluster 2021)";

export const osmepHealthWellness: ExampleCluster = {
  code: "osmep-health-wellness",
  kind: "sme_network_cluster",
  name: { th: "คลัสเตอร์เศรษฐกิจสุขภาพและสุขภาวะ", en: "Health and Wellness Economy Cluster" },
  description: {
    th: "ผู้ผลิตสิ่งทอและผลิตภัณฑ์ไลฟ์สไตล์ขนาดย่อยถึงขนาดกลาง เชื่อมโยงตั้งแต่ต้นน้ำถึงปลายน้ำ ตามแนวทางเศรษฐกิจ BCG เป้าหมายการพัฒนาที่ยั่งยืน และหลักปรัชญาของเศรษฐกิจพอเพียง โดยมีสถาบันพัฒนาอุตสาหกรรมสิ่งทอเป็นหน่วยร่วมดำเนินการ แบ่งเป็น 5 คลัสเตอร์ย่อย",
    en: "Micro to medium textile and lifestyle producers linked from upstream to downstream along the BCG model, the SDGs and the Sufficiency Economy Philosophy, with the Thailand Textile Institute as co-operating agency; five sub-clusters.",
  },
  tsicCode: "13121",
  parentCode: null,
  coordinatingAgency: "OSMEP",
  cooperatingAgency: "THTI",
  policyTags: ["BCG", "SDG:3", "SDG:8", "SDG:12", "SEP"],
  maturity: "developing",
  provinceCodes: [],
  participations: [
    { agency: "OSMEP", fiscalYear: 2021, programme: OSMEP_CLUSTER_2021 },
    { agency: "THTI", fiscalYear: 2021, programme: OSMEP_CLUSTER_2021 },
  ],
  published: true,
};

function subCluster(
  input: Pick<ExampleCluster, "code" | "name" | "description" | "tsicCode" | "policyTags" | "provinceCodes">,
): ExampleCluster {
  return {
    ...input,
    kind: "sme_network_cluster",
    parentCode: osmepHealthWellness.code,
    coordinatingAgency: "OSMEP",
    cooperatingAgency: "THTI",
    maturity: "emerging",
    // Programme participation is recorded once, on the parent cluster, so the programme counts one cluster.
    participations: [],
    published: true,
  };
}

export const hwHempNaturalFibre = subCluster({
  code: "osmep-hw-hemp-natural-fibre",
  name: { th: "คลัสเตอร์กัญชงและเส้นใยธรรมชาติ", en: "Hemp and Natural Fibre Cluster" },
  description: {
    th: "ผู้ปลูกและแปรรูปเส้นใยกัญชงและเส้นใยกล้วย ผู้ทอผ้า และผู้ผลิตกระเป๋าและเสื้อผ้าจากเส้นใยธรรมชาติ",
    en: "Growers and processors of hemp and banana fibre, weavers, and makers of bags and clothing from natural fibres.",
  },
  tsicCode: "13111",
  policyTags: ["BCG", "BCG:bio"],
  provinceCodes: ["50", "55", "57"],
});

export const hwCircularTextile = subCluster({
  code: "osmep-hw-circular-textile",
  name: { th: "คลัสเตอร์สิ่งทอหมุนเวียน", en: "Circular Textile Cluster" },
  description: {
    th: "การนำเศษผ้าฝ้ายกลับมาปั่นเป็นเส้นด้ายรีไซเคิล ถักเป็นผ้า และผลิตเสื้อยืดและเสื้อผ้าเด็ก ลดของเสียตามแนวทางเศรษฐกิจหมุนเวียน",
    en: "Cotton scraps spun back into recycled yarn, knitted into fabric and made into T-shirts and baby clothes: less waste, along the circular economy.",
  },
  tsicCode: "13112",
  policyTags: ["BCG", "BCG:circular", "SDG:12"],
  provinceCodes: ["10", "11", "74"],
});

export const hwSportech = subCluster({
  code: "osmep-hw-sportech",
  name: { th: "คลัสเตอร์สปอร์ตเทค", en: "Sportech Cluster" },
  description: {
    th: "ผู้ผลิตผ้าฟังก์ชันสำหรับกีฬา ผู้ผลิตชุดกีฬา และร้านจำหน่ายอุปกรณ์กีฬา",
    en: "Makers of functional sports fabrics and sportswear, and sports retailers.",
  },
  tsicCode: "14115",
  policyTags: ["BCG", "SDG:3"],
  provinceCodes: ["10", "11", "12"],
});

export const hwAgeingCentral = subCluster({
  code: "osmep-hw-ageing-central",
  name: { th: "คลัสเตอร์ไลฟ์สไตล์ผู้สูงวัย ภาคกลาง", en: "Ageing Lifestyle Cluster – Central Region" },
  description: {
    th: "สิ่งทอเพื่อการดูแลผู้สูงอายุและผู้ป่วยในภาคกลาง เช่น ผ้ายกเคลื่อนย้ายผู้ป่วยและหน้ากากผ้าต้านแบคทีเรีย",
    en: "Textiles for the care of older people and patients in the Central Region, such as patient transfer sheets and anti-bacterial face masks.",
  },
  tsicCode: "13929",
  policyTags: ["BCG", "SDG:3"],
  provinceCodes: ["10", "12", "13", "73"],
});

export const hwAgeingIsan = subCluster({
  code: "osmep-hw-ageing-isan",
  name: {
    th: "คลัสเตอร์ไลฟ์สไตล์ผู้สูงวัย ภาคตะวันออกเฉียงเหนือ (อีสาน)",
    en: "Ageing Lifestyle Cluster – North Eastern (Isan) Region",
  },
  description: {
    th: "ผ้าฝ้ายย้อมครามธรรมชาติ ผ้าไหมทอมือ และผลิตภัณฑ์ไลฟ์สไตล์จากภูมิปัญญาอีสาน สำหรับตลาดสุขภาพและผู้สูงวัย",
    en: "Natural indigo-dyed cotton, handwoven silk and lifestyle products from Isan craft traditions, for the wellness and ageing markets.",
  },
  tsicCode: "13121",
  policyTags: ["BCG", "BCG:bio", "SDG:3"],
  provinceCodes: ["30", "34", "40", "47", "48"],
});

const OSMEP_NETWORK_YEAR_3 = {
  th: "กลุ่มเครือข่าย SME เป้าหมายของโครงการสนับสนุนเครือข่าย SME ปีที่ 3 ของ สสว. ดำเนินการใน 77 จังหวัดทั่วประเทศ",
  en: "A target SME network of OSMEP's SME network support project, year 3, run in all 77 provinces.",
};

function osmepTarget(input: {
  code: string;
  name: ExampleText;
  description: ExampleText;
  tsicCode: string;
  policyTags: readonly string[];
}): ExampleCluster {
  return {
    code: input.code,
    kind: "sme_network_cluster",
    name: input.name,
    description: {
      th: `${input.description.th} ${OSMEP_NETWORK_YEAR_3.th}`,
      en: `${input.description.en} ${OSMEP_NETWORK_YEAR_3.en}`,
    },
    tsicCode: input.tsicCode,
    parentCode: null,
    coordinatingAgency: "OSMEP",
    cooperatingAgency: null,
    policyTags: input.policyTags,
    maturity: null,
    provinceCodes: [],
    // Seed 003 names the project year (3) but not the fiscal year, so no participation row is invented.
    participations: [],
    published: true,
  };
}

export const osmepSportEconomy = osmepTarget({
  code: "osmep-sport-economy",
  name: { th: "คลัสเตอร์ Sport Economy", en: "Sport Economy Cluster" },
  description: {
    th: "ธุรกิจเศรษฐกิจการกีฬา ทั้งอุปกรณ์ เครื่องแต่งกาย บริการ และการท่องเที่ยวเชิงกีฬา",
    en: "The sport economy: equipment, apparel, services and sports tourism.",
  },
  tsicCode: "32309",
  policyTags: [],
});

export const osmepAgriTech = osmepTarget({
  code: "osmep-agritech",
  name: { th: "คลัสเตอร์ เทคโนโลยีเพื่อการเกษตร", en: "Agricultural Technology Cluster" },
  description: {
    th: "ผู้พัฒนาเครื่องจักร ระบบอัจฉริยะ และบริการเทคโนโลยีสำหรับการเกษตร",
    en: "Developers of machinery, smart systems and technology services for agriculture.",
  },
  tsicCode: "28219",
  policyTags: ["TH4.0"],
});

export const osmepBcgFashion = osmepTarget({
  code: "osmep-bcg-fashion-lifestyle",
  name: { th: "คลัสเตอร์ BCG Fashion Lifestyle", en: "BCG Fashion Lifestyle Cluster" },
  description: {
    th: "แฟชั่นและสินค้าไลฟ์สไตล์ที่ใช้วัสดุชีวภาพ วัสดุรีไซเคิล และกระบวนการผลิตที่เป็นมิตรต่อสิ่งแวดล้อม",
    en: "Fashion and lifestyle goods from bio-based and recycled materials and green production.",
  },
  tsicCode: "14112",
  policyTags: ["BCG"],
});

export const osmepThaiTextiles = osmepTarget({
  code: "osmep-thai-textiles",
  name: { th: "คลัสเตอร์ ผ้าไทย", en: "Thai Textiles Cluster" },
  description: {
    th: "ผู้ผลิตผ้าทอมือและผ้าพื้นถิ่นของไทย ตั้งแต่เส้นใยและสีย้อมธรรมชาติถึงผลิตภัณฑ์",
    en: "Makers of Thai handwoven and regional textiles, from fibres and natural dyes to finished products.",
  },
  tsicCode: "13121",
  policyTags: ["BCG"],
});

export const osmepOrnamentalPlants = osmepTarget({
  code: "osmep-ornamental-plants",
  name: { th: "คลัสเตอร์ ไม้ดอกไม้ประดับ", en: "Ornamental Flowers and Plants Cluster" },
  description: {
    th: "ผู้ปลูก ผู้รวบรวม และผู้ส่งออกไม้ดอกไม้ประดับ",
    en: "Growers, collectors and exporters of flowers and ornamental plants.",
  },
  tsicCode: "01301",
  policyTags: [],
});

export const osmepHealthRetreatment = osmepTarget({
  code: "osmep-health-retreatment",
  name: { th: "คลัสเตอร์ Health Retreatment", en: "Health Retreatment Cluster" },
  description: {
    th: "ธุรกิจการท่องเที่ยวเชิงสุขภาพ สปา และการพักฟื้นดูแลสุขภาพ พร้อมผู้ผลิตผลิตภัณฑ์ที่เกี่ยวข้อง",
    en: "Wellness tourism, spas and health retreats, with the makers of their products.",
  },
  tsicCode: "86909",
  policyTags: ["SDG:3"],
});

export const osmepBettaFish = osmepTarget({
  code: "osmep-betta-fish",
  name: { th: "คลัสเตอร์ ปลากัด", en: "Betta Fish Cluster" },
  description: {
    th: "ผู้เพาะพันธุ์ ผู้รวบรวม และผู้ส่งออกปลากัดสวยงาม สัตว์น้ำประจำชาติไทย",
    en: "Breeders, collectors and exporters of ornamental betta fish, Thailand's national aquatic animal.",
  },
  tsicCode: "03225",
  policyTags: [],
});

/** All example clusters, parents before children. */
export const exampleClusters: readonly ExampleCluster[] = [
  dipCoffee,
  dipSpaHerbs,
  dipFruitProcessing,
  dipRubber,
  dipMedicalEquipment,
  dipRoboticsAutomation,
  dipDigitalProducts,
  osmepHealthWellness,
  hwHempNaturalFibre,
  hwCircularTextile,
  hwSportech,
  hwAgeingCentral,
  hwAgeingIsan,
  osmepSportEconomy,
  osmepAgriTech,
  osmepBcgFashion,
  osmepThaiTextiles,
  osmepOrnamentalPlants,
  osmepHealthRetreatment,
  osmepBettaFish,
];

// ——— Products (outputs of some members are inputs of others) ———

export const products = {
  coffeeCherries: product("เชอร์รี่กาแฟ", "coffee cherries", "01272"),
  greenCoffee: product("สารกาแฟ", "green coffee beans", "10761"),
  roastedBeans: product("เมล็ดกาแฟคั่ว", "roasted coffee beans", "10761"),
  dripBags: product("กาแฟดริปแบบซอง", "drip bag coffee", "10761"),
  coffeeFoilBags: product("ถุงฟอยล์บรรจุกาแฟ", "coffee foil bags", "22220"),
  coffeeDrinks: product("เครื่องดื่มกาแฟ", "coffee drinks", "56302"),
  juteSacks: product("กระสอบปอ", "jute sacks", "13929"),
  hempFibre: product("เส้นใยกัญชง", "hemp fibre", "01169"),
  bananaFibre: product("เส้นใยกล้วย", "banana fibre", "13111"),
  hempFabric: product("ผ้าทอใยกัญชง", "hemp woven fabric", "13121"),
  bananaFabric: product("ผ้าทอใยกล้วย", "banana fibre fabric", "13121"),
  bananaBags: product("กระเป๋าเส้นใยกล้วย", "banana fibre bags", "15121"),
  hempClothing: product("เสื้อผ้าใยกัญชง", "hemp clothing", "14112"),
  cottonScraps: product("เศษผ้าฝ้าย", "cotton fabric scraps", null),
  recycledYarn: product("เส้นด้ายฝ้ายรีไซเคิล", "recycled cotton yarn", "13112"),
  recycledKnit: product("ผ้าถักฝ้ายรีไซเคิล", "recycled cotton knit fabric", "13910"),
  recycledTShirts: product("เสื้อยืดฝ้ายรีไซเคิล", "recycled cotton T-shirts", "14301"),
  organicCottonYarn: product("เส้นด้ายฝ้ายออร์แกนิก", "organic cotton yarn", "13112"),
  organicCottonFabric: product("ผ้าฝ้ายออร์แกนิก", "organic cotton fabric", "13121"),
  babyClothes: product("เสื้อผ้าเด็กอ่อนฝ้ายออร์แกนิก", "organic cotton baby clothes", "14114"),
  recycledPolyesterYarn: product("เส้นด้ายโพลีเอสเตอร์รีไซเคิล", "recycled polyester yarn", "13113"),
  wickingFabric: product("ผ้าระบายความชื้นสำหรับชุดกีฬา", "moisture-wicking sports fabric", "13910"),
  sportswear: product("ชุดกีฬา", "sportswear", "14115"),
  syntheticWoven: product("ผ้าทอเส้นใยสังเคราะห์ความเหนียวสูง", "high-tenacity synthetic woven fabric", "13122"),
  patientTransferSheets: product("ผ้ายกเคลื่อนย้ายผู้ป่วย", "patient transfer sheets", "13929"),
  antibacterialCotton: product("ผ้าฝ้ายเคลือบสารต้านแบคทีเรีย", "anti-bacterial finished cotton fabric", "13139"),
  faceMasks: product("หน้ากากผ้าต้านแบคทีเรีย", "anti-bacterial face masks", "13929"),
  indigoPaste: product("เนื้อครามธรรมชาติ", "natural indigo dye paste", "20112"),
  indigoFabric: product("ผ้าฝ้ายย้อมครามธรรมชาติ", "natural indigo dyed fabrics", "13121"),
  handwovenSilk: product("ผ้าไหมทอมือ", "handwoven silk fabric", "13121"),
  batikScarves: product("ผ้าพันคอไหมบาติก", "batik silk scarves", "14139"),
  freshLatex: product("น้ำยางสด", "fresh field latex", "01291"),
  cupLump: product("ยางก้อนถ้วย", "cup lump rubber", "01291"),
  ammonia: product("แอมโมเนีย", "ammonia", "20113"),
  concentratedLatex: product("น้ำยางข้น", "concentrated latex", "22192"),
  str20: product("ยางแท่ง STR 20", "block rubber STR 20", "22191"),
  medicalGloves: product("ถุงมือยางทางการแพทย์", "medical rubber gloves", "22193"),
  latexPillows: product("หมอนยางพารา", "latex pillows", "22199"),
  latexMattresses: product("ที่นอนยางพารา", "latex mattresses", "22199"),
  rubberParts: product("ชิ้นส่วนยางอุตสาหกรรม", "industrial rubber parts", "22199"),
  driedHerbs: product("สมุนไพรแห้ง", "dried herbs", "01289"),
  herbalCompress: product("ลูกประคบสมุนไพร", "herbal compress balls", "21002"),
  massageOil: product("น้ำมันนวดสมุนไพร", "herbal massage oil", "20232"),
  freshDurian: product("ทุเรียนสด", "fresh durian", "01222"),
  freezeDriedDurian: product("ทุเรียนฟรีซดราย", "freeze-dried durian", "10304"),
  patientBeds: product("เตียงผู้ป่วยปรับระดับไฟฟ้า", "electric adjustable patient beds", "32501"),
  linearActuators: product("ชุดขับเคลื่อนเชิงเส้น", "linear actuators", "27101"),
  robotCells: product("เซลล์หุ่นยนต์อัตโนมัติ", "robotic work cells", "28299"),
  bettaFish: product("ปลากัดสวยงาม", "ornamental betta fish", "03225"),
  cutOrchids: product("กล้วยไม้ตัดดอก", "cut orchid flowers", "01193"),
};
const p = products;

// ——— Enterprises (invented) ———

// Coffee: farmer groups upstream, a processor, roasters and a packaging maker midstream, cafés, an exporter and an online brand downstream.
export const cfHuaiSan = communityEnterprise({
  key: "cf-huai-san",
  subdistrict: "03",
  serial: 12,
  name: { th: "วิสาหกิจชุมชนกาแฟอาราบิก้าบ้านห้วยสาน", en: "Ban Huai San Arabica Coffee Community Enterprise" },
  businessType: { th: "ปลูกกาแฟอาราบิก้าและเก็บเชอร์รี่กาแฟ", en: "Arabica coffee growing and cherry harvesting" },
  tsicCode: "01272",
  provinceCode: "57",
  districtCode: "5710",
  registeredOn: "2016-05-20",
  revenue: 1_450_000,
  employees: 4,
  outputs: [p.coffeeCherries],
  inputs: [],
  contact: {
    name: "นายอาทิตย์ ดอยงาม",
    position: "ประธานกลุ่ม (group chair)",
    phone: "0800000101",
    email: "athit.d@example.org",
  },
});

export const cfPaKia = communityEnterprise({
  key: "cf-pa-kia",
  subdistrict: "05",
  serial: 31,
  name: { th: "วิสาหกิจชุมชนผู้ปลูกกาแฟบ้านป่าเกี๊ยะใหม่", en: "Ban Pa Kia Mai Coffee Growers Community Enterprise" },
  businessType: { th: "ปลูกกาแฟใต้ร่มไม้และเก็บเชอร์รี่กาแฟ", en: "Shade-grown coffee and cherry harvesting" },
  tsicCode: "01272",
  provinceCode: "50",
  districtCode: "5006",
  registeredOn: "2019-08-02",
  revenue: 980_000,
  employees: 3,
  outputs: [p.coffeeCherries],
  inputs: [],
});

export const cfLannaProcessing = company({
  key: "cf-lanna-processing",
  kind: "5",
  serial: 101,
  name: { th: "บริษัท ล้านนาคอฟฟี่โปรเซสซิ่ง จำกัด", en: "Lanna Coffee Processing Co., Ltd." },
  businessType: { th: "แปรรูปเชอร์รี่กาแฟเป็นสารกาแฟ", en: "Processing coffee cherries into green coffee" },
  tsicCode: "10761",
  provinceCode: "50",
  districtCode: "5005",
  registeredOn: "2012-08-14",
  revenue: 42_000_000,
  employees: 38,
  outputs: [p.greenCoffee],
  inputs: [p.coffeeCherries, p.juteSacks],
  contact: {
    name: "นางสาวพิมพ์ชนก แสงคำ",
    position: "ผู้จัดการโรงงาน (plant manager)",
    phone: "0800000102",
    email: "pimchanok.s@example.org",
  },
});

export const cfKhuaDoi = company({
  key: "cf-khua-doi",
  kind: "3",
  serial: 102,
  name: { th: "ห้างหุ้นส่วนจำกัด คั่วดอย", en: "Khua Doi Limited Partnership" },
  businessType: { th: "คั่วกาแฟและผลิตกาแฟดริปแบบซอง", en: "Coffee roasting and drip bags" },
  tsicCode: "10761",
  provinceCode: "50",
  districtCode: "5001",
  registeredOn: "2017-02-03",
  revenue: 9_600_000,
  employees: 14,
  outputs: [p.roastedBeans, p.dripBags],
  inputs: [p.greenCoffee, p.coffeeFoilBags],
  contact: {
    name: "นายธนากร คั่วหอม",
    position: "หุ้นส่วนผู้จัดการ (managing partner)",
    phone: "0800000103",
    email: "thanakorn.k@example.org",
  },
});

export const cfChiangRaiRoastery = company({
  key: "cf-chiang-rai-roastery",
  kind: "5",
  serial: 103,
  name: { th: "บริษัท เชียงรายโรสเตอรี่ จำกัด", en: "Chiang Rai Roastery Co., Ltd." },
  businessType: { th: "คั่วกาแฟสำหรับร้านค้าปลีกและผู้ส่งออก", en: "Coffee roasting for retailers and exporters" },
  tsicCode: "10761",
  provinceCode: "57",
  districtCode: "5701",
  registeredOn: "2009-11-02",
  revenue: 135_000_000,
  employees: 72,
  outputs: [p.roastedBeans],
  inputs: [p.greenCoffee, p.coffeeFoilBags],
});

export const cfLannaPack = company({
  key: "cf-lanna-pack",
  kind: "3",
  serial: 104,
  name: { th: "หจก. ล้านนาแพ็คเกจจิ้ง", en: "Lanna Packaging Ltd., Part." },
  businessType: { th: "ผลิตถุงบรรจุภัณฑ์พลาสติกและฟอยล์", en: "Plastic and foil packaging bags" },
  tsicCode: "22220",
  provinceCode: "50",
  districtCode: "5019",
  registeredOn: "2014-06-30",
  revenue: 16_500_000,
  employees: 22,
  outputs: [p.coffeeFoilBags],
  inputs: [],
});

export const cfBaanSuan = company({
  key: "cf-baan-suan",
  kind: "5",
  serial: 105,
  name: { th: "บริษัท บ้านสวนกาแฟ จำกัด", en: "Baan Suan Kafae Co., Ltd." },
  businessType: { th: "ร้านกาแฟ 6 สาขา", en: "Café chain, six branches" },
  tsicCode: "56302",
  provinceCode: "50",
  districtCode: "5001",
  registeredOn: "2015-04-01",
  revenue: 24_000_000,
  employees: 28,
  outputs: [p.coffeeDrinks],
  inputs: [p.roastedBeans],
  contact: {
    name: "นางสาวกัลยา สวนงาม",
    position: "กรรมการผู้จัดการ (managing director)",
    phone: "0800000104",
    email: "kanlaya.s@example.org",
  },
});

export const cfRimPing = company({
  key: "cf-rim-ping",
  kind: "3",
  serial: 106,
  name: { th: "หจก. ริมปิงคาเฟ่", en: "Rim Ping Café Ltd., Part." },
  businessType: { th: "ร้านกาแฟริมแม่น้ำปิง", en: "Riverside café" },
  tsicCode: "56302",
  provinceCode: "50",
  districtCode: "5001",
  registeredOn: "2020-01-15",
  revenue: 1_500_000,
  employees: 4,
  outputs: [p.coffeeDrinks],
  inputs: [p.roastedBeans],
});

export const cfNorthernBeans = company({
  key: "cf-northern-beans",
  kind: "5",
  serial: 107,
  name: { th: "บริษัท นอร์เทิร์นบีนส์ เอ็กซ์ปอร์ต จำกัด", en: "Northern Beans Export Co., Ltd." },
  businessType: { th: "ส่งออกสารกาแฟและกาแฟคั่ว", en: "Export of green and roasted coffee" },
  tsicCode: "46318",
  provinceCode: "50",
  districtCode: "5015",
  registeredOn: "2011-09-09",
  revenue: 185_000_000,
  employees: 42,
  outputs: [],
  inputs: [p.greenCoffee, p.roastedBeans],
});

export const cfDoiDrip = company({
  key: "cf-doi-drip",
  kind: "5",
  serial: 108,
  name: { th: "บริษัท ดอยดริป จำกัด", en: "Doi Drip Co., Ltd." },
  businessType: { th: "แบรนด์กาแฟดริปจำหน่ายทางออนไลน์", en: "Online drip-coffee brand" },
  tsicCode: "47912",
  provinceCode: "50",
  districtCode: "5014",
  registeredOn: "2021-03-03",
  revenue: 1_700_000,
  employees: 3,
  outputs: [],
  inputs: [p.dripBags],
});

// Health and Wellness: Hemp and Natural Fibre sub-cluster.
export const hnPaKhaHemp = communityEnterprise({
  key: "hn-pa-kha-hemp",
  subdistrict: "02",
  serial: 7,
  name: { th: "วิสาหกิจชุมชนเส้นใยกัญชงบ้านป่าคา", en: "Ban Pa Kha Hemp Fibre Community Enterprise" },
  businessType: { th: "ปลูกกัญชงและลอกเส้นใย", en: "Hemp growing and fibre stripping" },
  tsicCode: "01169",
  provinceCode: "50",
  districtCode: "5003",
  registeredOn: "2019-07-11",
  revenue: 850_000,
  employees: 5,
  outputs: [p.hempFibre],
  inputs: [],
  contact: {
    name: "นางมะลิ ศรีดอย",
    position: "ประธานกลุ่ม (group chair)",
    phone: "0800000105",
    email: "mali.s@example.org",
  },
});

export const hnBananaFibre = communityEnterprise({
  key: "hn-banana-fibre",
  subdistrict: "04",
  serial: 19,
  name: { th: "วิสาหกิจชุมชนเส้นใยกล้วยบ้านดอนแก้ว", en: "Ban Don Kaeo Banana Fibre Community Enterprise" },
  businessType: { th: "แยกเส้นใยจากกาบกล้วย", en: "Extracting fibre from banana stems" },
  tsicCode: "13111",
  provinceCode: "55",
  districtCode: "5511",
  registeredOn: "2018-03-15",
  revenue: 620_000,
  employees: 6,
  outputs: [p.bananaFibre],
  inputs: [],
});

export const hnNaturalWeave = company({
  key: "hn-natural-weave",
  kind: "3",
  serial: 109,
  name: { th: "ห้างหุ้นส่วนจำกัด ทอใยธรรมชาติ", en: "Natural Fibre Weaving Limited Partnership" },
  businessType: { th: "ทอผ้าจากเส้นใยกัญชงและเส้นใยกล้วย", en: "Weaving hemp and banana-fibre fabric" },
  tsicCode: "13121",
  provinceCode: "50",
  districtCode: "5013",
  registeredOn: "2013-10-21",
  revenue: 12_800_000,
  employees: 26,
  outputs: [p.hempFabric, p.bananaFabric],
  inputs: [p.hempFibre, p.bananaFibre],
});

export const hnBananaBags = company({
  key: "hn-banana-bags",
  kind: "5",
  serial: 110,
  name: { th: "บริษัท บานาน่าไฟเบอร์ดีไซน์ จำกัด", en: "Banana Fibre Design Co., Ltd." },
  businessType: { th: "ออกแบบและผลิตกระเป๋าจากเส้นใยกล้วย", en: "Designing and making banana-fibre bags" },
  tsicCode: "15121",
  provinceCode: "50",
  districtCode: "5007",
  registeredOn: "2018-01-08",
  revenue: 6_200_000,
  employees: 11,
  outputs: [p.bananaBags],
  inputs: [p.bananaFabric],
  contact: {
    name: "นางสาวนภัสสร ใยดี",
    position: "ผู้ก่อตั้ง (founder)",
    phone: "0800000106",
    email: "napatsorn.y@example.org",
  },
});

export const hnHempLifestyle = company({
  key: "hn-hemp-lifestyle",
  kind: "5",
  serial: 111,
  name: { th: "บริษัท เฮมพ์ไลฟ์สไตล์ จำกัด", en: "Hemp Lifestyle Co., Ltd." },
  businessType: { th: "เสื้อผ้าจากผ้าใยกัญชง", en: "Clothing from hemp fabric" },
  tsicCode: "14112",
  provinceCode: "57",
  districtCode: "5701",
  registeredOn: "2020-06-19",
  revenue: 1_600_000,
  employees: 5,
  outputs: [p.hempClothing],
  inputs: [p.hempFabric],
});

// Circular Textile sub-cluster.
export const ctCottonLoop = company({
  key: "ct-cotton-loop",
  kind: "5",
  serial: 112,
  name: { th: "บริษัท วงจรฝ้าย จำกัด", en: "Cotton Loop Co., Ltd." },
  businessType: { th: "ปั่นเส้นด้ายจากเศษผ้าฝ้ายรีไซเคิล", en: "Spinning yarn from recycled cotton scraps" },
  tsicCode: "13112",
  provinceCode: "11",
  districtCode: "1103",
  registeredOn: "2010-05-27",
  revenue: 210_000_000,
  employees: 125,
  outputs: [p.recycledYarn],
  inputs: [p.cottonScraps],
  contact: {
    name: "นายวีระ หมุนเวียน",
    position: "ผู้อำนวยการฝ่ายผลิต (production director)",
    phone: "0800000107",
    email: "weera.m@example.org",
  },
});

export const ctKnit = company({
  key: "ct-krathum-baen-knitting",
  kind: "3",
  serial: 113,
  name: { th: "ห้างหุ้นส่วนจำกัด กระทุ่มแบนนิตติ้ง", en: "Krathum Baen Knitting Limited Partnership" },
  businessType: { th: "ถักผ้าจากเส้นด้ายรีไซเคิล", en: "Knitting fabric from recycled yarn" },
  tsicCode: "13910",
  provinceCode: "74",
  districtCode: "7402",
  registeredOn: "2008-12-01",
  revenue: 58_000_000,
  employees: 64,
  outputs: [p.recycledKnit],
  inputs: [p.recycledYarn],
});

export const ctGreenTees = company({
  key: "ct-green-tees",
  kind: "5",
  serial: 114,
  name: { th: "บริษัท กรีนทีส์ จำกัด", en: "Green Tees Co., Ltd." },
  businessType: { th: "ผลิตเสื้อยืดจากผ้าฝ้ายรีไซเคิล", en: "T-shirts from recycled cotton" },
  tsicCode: "14301",
  provinceCode: "10",
  districtCode: "1021",
  registeredOn: "2019-09-02",
  revenue: 14_500_000,
  employees: 18,
  outputs: [p.recycledTShirts, p.cottonScraps],
  inputs: [p.recycledKnit],
});

export const ctLamunBaby = company({
  key: "ct-lamun-baby",
  kind: "5",
  serial: 115,
  name: { th: "บริษัท ละมุนเบบี้ จำกัด", en: "Lamun Baby Co., Ltd." },
  businessType: { th: "เสื้อผ้าเด็กอ่อนจากฝ้ายออร์แกนิก", en: "Organic cotton baby clothes" },
  tsicCode: "14114",
  provinceCode: "10",
  districtCode: "1006",
  registeredOn: "2017-07-17",
  revenue: 8_800_000,
  employees: 12,
  outputs: [p.babyClothes],
  inputs: [p.organicCottonFabric],
});

// Sportech sub-cluster.
export const spFunctionalFabric = company({
  key: "sp-functional-fabric",
  kind: "5",
  serial: 116,
  name: { th: "บริษัท ไทยฟังก์ชันนัลเท็กซ์ไทล์ จำกัด", en: "Thai Functional Textile Co., Ltd." },
  businessType: { th: "ผลิตผ้าถักฟังก์ชันสำหรับชุดกีฬา", en: "Functional knitted fabric for sportswear" },
  tsicCode: "13910",
  provinceCode: "11",
  districtCode: "1101",
  registeredOn: "2006-03-14",
  revenue: 320_000_000,
  employees: 160,
  outputs: [p.wickingFabric],
  inputs: [p.recycledPolyesterYarn],
});

export const spActiveWear = company({
  key: "sp-active-wear",
  kind: "5",
  serial: 117,
  name: { th: "บริษัท แอคทีฟแวร์ไทย จำกัด", en: "Active Wear Thai Co., Ltd." },
  businessType: { th: "ผลิตชุดกีฬาและชุดวิ่ง", en: "Sportswear and running apparel" },
  tsicCode: "14115",
  provinceCode: "12",
  districtCode: "1203",
  registeredOn: "2014-02-20",
  revenue: 46_000_000,
  employees: 48,
  outputs: [p.sportswear],
  inputs: [p.wickingFabric],
  contact: {
    name: "นายกิตติ วิ่งไว",
    position: "ผู้จัดการฝ่ายขาย (sales manager)",
    phone: "0800000108",
    email: "kitti.w@example.org",
  },
});

export const spRunnersShop = company({
  key: "sp-runners-shop",
  kind: "3",
  serial: 118,
  name: { th: "ห้างหุ้นส่วนจำกัด รันเนอร์สช็อป", en: "Runners Shop Limited Partnership" },
  businessType: { th: "ร้านจำหน่ายอุปกรณ์และชุดวิ่ง", en: "Running gear shop" },
  tsicCode: "47630",
  provinceCode: "10",
  districtCode: "1030",
  registeredOn: "2019-11-11",
  revenue: 1_750_000,
  employees: 3,
  outputs: [],
  inputs: [p.sportswear],
});

// Ageing Lifestyle – Central Region sub-cluster.
export const acMeditex = company({
  key: "ac-meditex",
  kind: "5",
  serial: 119,
  name: { th: "บริษัท เมดิเท็กซ์ จำกัด", en: "Meditex Co., Ltd." },
  businessType: { th: "ผลิตผ้ายกเคลื่อนย้ายผู้ป่วยและสิ่งทอทางการแพทย์", en: "Patient transfer sheets and medical textiles" },
  tsicCode: "13929",
  provinceCode: "13",
  districtCode: "1302",
  registeredOn: "2016-08-08",
  revenue: 27_000_000,
  employees: 34,
  outputs: [p.patientTransferSheets],
  inputs: [p.syntheticWoven],
  contact: {
    name: "นางสาวศิริพร ดูแล",
    position: "ผู้จัดการทั่วไป (general manager)",
    phone: "0800000109",
    email: "siriporn.d@example.org",
  },
});

export const acSafeMask = company({
  key: "ac-safe-mask",
  kind: "5",
  serial: 120,
  name: { th: "บริษัท เซฟมาสก์ จำกัด", en: "Safe Mask Co., Ltd." },
  businessType: { th: "ผลิตหน้ากากผ้าต้านแบคทีเรีย", en: "Anti-bacterial cloth face masks" },
  tsicCode: "13929",
  provinceCode: "73",
  districtCode: "7306",
  registeredOn: "2020-04-02",
  revenue: 19_000_000,
  employees: 40,
  outputs: [p.faceMasks],
  inputs: [p.antibacterialCotton],
});

export const acFinishing = company({
  key: "ac-nonthaburi-finishing",
  kind: "3",
  serial: 121,
  name: { th: "ห้างหุ้นส่วนจำกัด นนทบุรีเท็กซ์ไทล์ฟินิชชิ่ง", en: "Nonthaburi Textile Finishing Limited Partnership" },
  businessType: { th: "ตกแต่งสำเร็จผ้าต้านแบคทีเรียและกันน้ำ", en: "Anti-bacterial and water-repellent textile finishing" },
  tsicCode: "13139",
  provinceCode: "12",
  districtCode: "1204",
  registeredOn: "2011-01-25",
  revenue: 35_000_000,
  employees: 45,
  outputs: [p.antibacterialCotton],
  inputs: [],
});

export const acSeniorCare = company({
  key: "ac-senior-care",
  kind: "5",
  serial: 122,
  name: { th: "บริษัท ซีเนียร์แคร์ซัพพลาย จำกัด", en: "Senior Care Supply Co., Ltd." },
  businessType: { th: "ค้าส่งเวชภัณฑ์และอุปกรณ์ดูแลผู้สูงอายุ", en: "Wholesale of medical and elderly-care supplies" },
  tsicCode: "46441",
  provinceCode: "10",
  districtCode: "1017",
  registeredOn: "2015-10-05",
  revenue: 72_000_000,
  employees: 26,
  outputs: [],
  inputs: [p.patientTransferSheets, p.faceMasks],
});

// Ageing Lifestyle – North Eastern (Isan) Region sub-cluster.
export const aiIndigo = communityEnterprise({
  key: "ai-indigo",
  subdistrict: "06",
  serial: 24,
  name: { th: "วิสาหกิจชุมชนปลูกครามบ้านโคกสะอาด", en: "Ban Khok Sa-at Indigo Growers Community Enterprise" },
  businessType: { th: "ปลูกครามและทำเนื้อครามธรรมชาติ", en: "Growing indigo and making natural indigo paste" },
  tsicCode: "20112",
  provinceCode: "47",
  districtCode: "4704",
  registeredOn: "2015-09-10",
  revenue: 1_100_000,
  employees: 5,
  outputs: [p.indigoPaste],
  inputs: [],
  contact: {
    name: "นางบุญมี คำคราม",
    position: "ประธานกลุ่ม (group chair)",
    phone: "0800000110",
    email: "bunmi.k@example.org",
  },
});

export const aiSilk = communityEnterprise({
  key: "ai-silk",
  subdistrict: "01",
  serial: 42,
  name: { th: "วิสาหกิจชุมชนทอผ้าไหมบ้านโนนสะอาด", en: "Ban Non Sa-at Silk Weavers Community Enterprise" },
  businessType: { th: "ทอผ้าไหมมัดหมี่ด้วยมือ", en: "Handweaving mudmee silk" },
  tsicCode: "13121",
  provinceCode: "40",
  districtCode: "4018",
  registeredOn: "2014-04-22",
  revenue: 2_400_000,
  employees: 18,
  outputs: [p.handwovenSilk],
  inputs: [],
});

export const aiSakonWeave = company({
  key: "ai-sakon-weave",
  kind: "3",
  serial: 123,
  name: { th: "ห้างหุ้นส่วนจำกัด สกลครามทอมือ", en: "Sakon Indigo Handweave Limited Partnership" },
  businessType: { th: "ทอและย้อมผ้าฝ้ายด้วยครามธรรมชาติ", en: "Weaving and natural-indigo dyeing of cotton" },
  tsicCode: "13121",
  provinceCode: "47",
  districtCode: "4701",
  registeredOn: "2012-06-06",
  revenue: 11_000_000,
  employees: 30,
  outputs: [p.indigoFabric, p.organicCottonFabric],
  inputs: [p.indigoPaste, p.organicCottonYarn],
  contact: {
    name: "นางสาวอรอุมา ทอทอง",
    position: "หุ้นส่วนผู้จัดการ (managing partner)",
    phone: "0800000111",
    email: "ornuma.t@example.org",
  },
});

export const aiBatik = company({
  key: "ai-batik",
  kind: "5",
  serial: 124,
  name: { th: "บริษัท อีสานซิลค์สตูดิโอ จำกัด", en: "Isan Silk Studio Co., Ltd." },
  businessType: { th: "ผ้าพันคอไหมเขียนเทียน (บาติก)", en: "Batik silk scarves" },
  tsicCode: "14139",
  provinceCode: "40",
  districtCode: "4001",
  registeredOn: "2018-05-14",
  revenue: 5_400_000,
  employees: 9,
  outputs: [p.batikScarves],
  inputs: [p.handwovenSilk],
});

// Health and Wellness: a downstream member of the parent cluster, buying across the sub-clusters.
export const hwWellnessStyle = company({
  key: "hw-wellness-style",
  kind: "5",
  serial: 125,
  name: { th: "บริษัท ไทยเวลเนสสไตล์ จำกัด", en: "Thai Wellness Style Co., Ltd." },
  businessType: { th: "ร้านค้าออนไลน์สินค้าไลฟ์สไตล์เพื่อสุขภาพ", en: "Online shop for wellness lifestyle goods" },
  tsicCode: "47912",
  provinceCode: "10",
  districtCode: "1039",
  registeredOn: "2019-02-14",
  revenue: 38_000_000,
  employees: 16,
  outputs: [],
  inputs: [p.bananaBags, p.batikScarves, p.recycledTShirts, p.babyClothes, p.indigoFabric],
});

// Rubber: smallholder co-operatives and a community enterprise upstream, latex and block-rubber plants midstream, products downstream.
export const rbThungYao = cooperative({
  key: "rb-thung-yao",
  serial: 126,
  name: { th: "สหกรณ์กองทุนสวนยางบ้านทุ่งยาว จำกัด", en: "Ban Thung Yao Rubber Fund Cooperative Ltd." },
  businessType: { th: "รวบรวมน้ำยางสดจากสมาชิกชาวสวนยาง", en: "Collecting field latex from smallholder members" },
  tsicCode: "01291",
  provinceCode: "92",
  districtCode: "9204",
  registeredOn: "2001-06-12",
  revenue: 48_000_000,
  employees: 9,
  outputs: [p.freshLatex],
  inputs: [],
  contact: {
    name: "นายประสิทธิ์ ทองยาง",
    position: "ผู้จัดการสหกรณ์ (co-operative manager)",
    phone: "0800000112",
    email: "prasit.t@example.org",
  },
});

export const rbPaBon = communityEnterprise({
  key: "rb-pa-bon",
  subdistrict: "02",
  serial: 8,
  name: { th: "วิสาหกิจชุมชนชาวสวนยางบ้านป่าบอน", en: "Ban Pa Bon Rubber Smallholders Community Enterprise" },
  businessType: { th: "กรีดยางและรวบรวมยางก้อนถ้วย", en: "Tapping and collecting cup lump rubber" },
  tsicCode: "01291",
  provinceCode: "93",
  districtCode: "9308",
  registeredOn: "2017-11-20",
  revenue: 1_650_000,
  employees: 5,
  outputs: [p.cupLump],
  inputs: [],
});

export const rbThaksinLatex = company({
  key: "rb-thaksin-latex",
  kind: "5",
  serial: 127,
  name: { th: "บริษัท ทักษิณลาเท็กซ์ จำกัด", en: "Thaksin Latex Co., Ltd." },
  businessType: { th: "ผลิตน้ำยางข้น", en: "Latex concentrate" },
  tsicCode: "22192",
  provinceCode: "90",
  districtCode: "9011",
  registeredOn: "2003-02-17",
  revenue: 460_000_000,
  employees: 140,
  outputs: [p.concentratedLatex],
  inputs: [p.freshLatex, p.ammonia],
  contact: {
    name: "นายอนุชา ข้นดี",
    position: "ผู้จัดการฝ่ายจัดซื้อ (purchasing manager)",
    phone: "0800000113",
    email: "anucha.k@example.org",
  },
});

export const rbTrangBlock = company({
  key: "rb-trang-block",
  kind: "5",
  serial: 128,
  name: { th: "บริษัท ตรังบล็อกรับเบอร์ จำกัด", en: "Trang Block Rubber Co., Ltd." },
  businessType: { th: "ผลิตยางแท่ง STR 20", en: "Block rubber (STR 20)" },
  tsicCode: "22191",
  provinceCode: "92",
  districtCode: "9201",
  registeredOn: "2007-08-01",
  revenue: 290_000_000,
  employees: 95,
  outputs: [p.str20],
  inputs: [p.cupLump],
});

export const rbSongkhlaGlove = company({
  key: "rb-songkhla-glove",
  kind: "5",
  serial: 129,
  name: { th: "บริษัท สงขลาโกลฟ จำกัด", en: "Songkhla Glove Co., Ltd." },
  businessType: { th: "ผลิตถุงมือยางทางการแพทย์", en: "Medical rubber gloves" },
  tsicCode: "22193",
  provinceCode: "90",
  districtCode: "9010",
  registeredOn: "2012-12-12",
  revenue: 420_000_000,
  employees: 195,
  outputs: [p.medicalGloves],
  inputs: [p.concentratedLatex],
});

export const rbLatexFoam = company({
  key: "rb-latex-foam",
  kind: "3",
  serial: 130,
  name: { th: "ห้างหุ้นส่วนจำกัด พัทลุงลาเท็กซ์โฟม", en: "Phatthalung Latex Foam Limited Partnership" },
  businessType: { th: "ผลิตหมอนและที่นอนยางพารา", en: "Latex pillows and mattresses" },
  tsicCode: "22199",
  provinceCode: "93",
  districtCode: "9301",
  registeredOn: "2016-03-03",
  revenue: 22_000_000,
  employees: 38,
  outputs: [p.latexPillows, p.latexMattresses],
  inputs: [p.concentratedLatex],
});

export const rbSuratParts = company({
  key: "rb-surat-parts",
  kind: "5",
  serial: 131,
  name: { th: "บริษัท สุราษฎร์รับเบอร์พาร์ท จำกัด", en: "Surat Rubber Parts Co., Ltd." },
  businessType: { th: "ผลิตชิ้นส่วนยางสำหรับอุตสาหกรรม", en: "Industrial rubber parts" },
  tsicCode: "22199",
  provinceCode: "84",
  districtCode: "8417",
  registeredOn: "2010-10-10",
  revenue: 64_000_000,
  employees: 58,
  outputs: [p.rubberParts],
  inputs: [p.str20],
});

export const rbBaanLapDee = company({
  key: "rb-baan-lap-dee",
  kind: "5",
  serial: 132,
  name: { th: "บริษัท บ้านหลับดี จำกัด", en: "Baan Lap Dee Co., Ltd." },
  businessType: { th: "ร้านจำหน่ายเครื่องนอนยางพารา", en: "Latex bedding shop" },
  tsicCode: "47591",
  provinceCode: "84",
  districtCode: "8401",
  registeredOn: "2018-07-07",
  revenue: 12_000_000,
  employees: 10,
  outputs: [],
  inputs: [p.latexPillows, p.latexMattresses],
});

// A few members of other clusters.
export const shHerbGroup = communityEnterprise({
  key: "sh-herb-group",
  subdistrict: "03",
  serial: 15,
  name: { th: "วิสาหกิจชุมชนสมุนไพรบ้านดงบัง", en: "Ban Dong Bang Herb Growers Community Enterprise" },
  businessType: { th: "ปลูกและอบแห้งสมุนไพร", en: "Growing and drying herbs" },
  tsicCode: "01289",
  provinceCode: "25",
  districtCode: "2507",
  registeredOn: "2016-02-02",
  revenue: 1_300_000,
  employees: 6,
  outputs: [p.driedHerbs],
  inputs: [],
});

export const shSiamSpaHerbal = company({
  key: "sh-siam-spa-herbal",
  kind: "5",
  serial: 133,
  name: { th: "บริษัท สยามสปาเฮอร์บัล จำกัด", en: "Siam Spa Herbal Co., Ltd." },
  businessType: { th: "ผลิตลูกประคบและน้ำมันนวดสมุนไพร", en: "Herbal compress balls and massage oils" },
  tsicCode: "20232",
  provinceCode: "50",
  districtCode: "5015",
  registeredOn: "2013-05-05",
  revenue: 31_000_000,
  employees: 27,
  outputs: [p.herbalCompress, p.massageOil],
  inputs: [p.driedHerbs],
});

export const fpDurianGroup = communityEnterprise({
  key: "fp-durian-group",
  subdistrict: "01",
  serial: 27,
  name: { th: "วิสาหกิจชุมชนทุเรียนคุณภาพบ้านพลวง", en: "Ban Phluang Quality Durian Community Enterprise" },
  businessType: { th: "ปลูกทุเรียนคุณภาพ", en: "Quality durian growing" },
  tsicCode: "01222",
  provinceCode: "22",
  districtCode: "2210",
  registeredOn: "2015-06-18",
  revenue: 4_800_000,
  employees: 8,
  outputs: [p.freshDurian],
  inputs: [],
});

export const fpChanFreezeDry = company({
  key: "fp-chan-freeze-dry",
  kind: "5",
  serial: 134,
  name: { th: "บริษัท จันท์ฟรีซดราย จำกัด", en: "Chan Freeze Dry Co., Ltd." },
  businessType: { th: "แปรรูปผลไม้แบบฟรีซดราย", en: "Freeze-drying fruit" },
  tsicCode: "10304",
  provinceCode: "22",
  districtCode: "2202",
  registeredOn: "2019-01-21",
  revenue: 88_000_000,
  employees: 70,
  outputs: [p.freezeDriedDurian],
  inputs: [p.freshDurian],
  contact: {
    name: "นางสาวปวีณา จันทร์หอม",
    position: "ผู้จัดการฝ่ายจัดซื้อ (purchasing manager)",
    phone: "0800000114",
    email: "paweena.c@example.org",
  },
});

export const meThaiMedDevice = company({
  key: "me-thai-med-device",
  kind: "5",
  serial: 135,
  name: { th: "บริษัท ไทยเมดดีไวซ์ จำกัด", en: "Thai Med Device Co., Ltd." },
  businessType: { th: "ผลิตเตียงผู้ป่วยปรับระดับไฟฟ้า", en: "Electric adjustable patient beds" },
  tsicCode: "32501",
  provinceCode: "13",
  districtCode: "1302",
  registeredOn: "2018-09-25",
  revenue: 42_000_000,
  employees: 36,
  outputs: [p.patientBeds],
  inputs: [p.linearActuators],
});

export const raSiamAutomation = company({
  key: "ra-siam-automation",
  kind: "5",
  serial: 136,
  name: { th: "บริษัท สยามออโตเมชันซิสเต็มส์ จำกัด", en: "Siam Automation Systems Co., Ltd." },
  businessType: { th: "ออกแบบและติดตั้งเซลล์หุ่นยนต์ในสายการผลิต", en: "Designing and installing robotic work cells" },
  tsicCode: "28299",
  provinceCode: "11",
  districtCode: "1103",
  registeredOn: "2011-04-04",
  revenue: 150_000_000,
  employees: 85,
  outputs: [p.robotCells],
  inputs: [],
});

export const btBettaGroup = communityEnterprise({
  key: "bt-betta-group",
  subdistrict: "05",
  serial: 33,
  name: { th: "วิสาหกิจชุมชนปลากัดสวยงามบ้านหลวง", en: "Ban Luang Ornamental Betta Community Enterprise" },
  businessType: { th: "เพาะพันธุ์ปลากัดสวยงามเพื่อจำหน่ายและส่งออก", en: "Breeding ornamental betta for sale and export" },
  tsicCode: "03225",
  provinceCode: "73",
  districtCode: "7302",
  registeredOn: "2018-10-01",
  revenue: 1_200_000,
  employees: 4,
  outputs: [p.bettaFish],
  inputs: [],
});

export const opOrchidGroup = communityEnterprise({
  key: "op-orchid-group",
  subdistrict: "09",
  serial: 21,
  name: { th: "วิสาหกิจชุมชนกล้วยไม้ตัดดอกสามพราน", en: "Sam Phran Cut Orchid Community Enterprise" },
  businessType: { th: "ปลูกกล้วยไม้ตัดดอกเพื่อส่งออก", en: "Growing cut orchids for export" },
  tsicCode: "01193",
  provinceCode: "73",
  districtCode: "7306",
  registeredOn: "2016-12-05",
  revenue: 3_600_000,
  employees: 12,
  outputs: [p.cutOrchids],
  inputs: [],
});

export const exampleEnterprises: readonly ExampleEnterprise[] = [
  cfHuaiSan,
  cfPaKia,
  cfLannaProcessing,
  cfKhuaDoi,
  cfChiangRaiRoastery,
  cfLannaPack,
  cfBaanSuan,
  cfRimPing,
  cfNorthernBeans,
  cfDoiDrip,
  hnPaKhaHemp,
  hnBananaFibre,
  hnNaturalWeave,
  hnBananaBags,
  hnHempLifestyle,
  ctCottonLoop,
  ctKnit,
  ctGreenTees,
  ctLamunBaby,
  spFunctionalFabric,
  spActiveWear,
  spRunnersShop,
  acMeditex,
  acSafeMask,
  acFinishing,
  acSeniorCare,
  aiIndigo,
  aiSilk,
  aiSakonWeave,
  aiBatik,
  hwWellnessStyle,
  rbThungYao,
  rbPaBon,
  rbThaksinLatex,
  rbTrangBlock,
  rbSongkhlaGlove,
  rbLatexFoam,
  rbSuratParts,
  rbBaanLapDee,
  shHerbGroup,
  shSiamSpaHerbal,
  fpDurianGroup,
  fpChanFreezeDry,
  meThaiMedDevice,
  raSiamAutomation,
  btBettaGroup,
  opOrchidGroup,
];

// ——— Memberships ———

function members(
  cluster: ExampleCluster,
  joinedOn: string,
  rows: ReadonlyArray<readonly [ExampleEnterprise, ExampleStage]>,
  later: ReadonlyArray<readonly [ExampleEnterprise, ExampleStage, string]> = [],
): ExampleMembership[] {
  return [
    ...rows.map(([enterprise, stage]) => ({ enterprise, cluster, stage, joinedOn })),
    ...later.map(([enterprise, stage, date]) => ({ enterprise, cluster, stage, joinedOn: date })),
  ];
}

export const exampleMemberships: readonly ExampleMembership[] = [
  ...members(
    dipCoffee,
    "2020-11-02",
    [
      [cfHuaiSan, "upstream"],
      [cfLannaProcessing, "midstream"],
      [cfKhuaDoi, "midstream"],
      [cfChiangRaiRoastery, "midstream"],
      [cfLannaPack, "midstream"],
      [cfBaanSuan, "downstream"],
      [cfNorthernBeans, "downstream"],
    ],
    // Joined in fiscal year 2022.
    [
      [cfPaKia, "upstream", "2021-11-15"],
      [cfRimPing, "downstream", "2021-12-01"],
      [cfDoiDrip, "downstream", "2021-10-20"],
    ],
  ),
  ...members(hwHempNaturalFibre, "2021-02-01", [
    [hnPaKhaHemp, "upstream"],
    [hnBananaFibre, "upstream"],
    [hnNaturalWeave, "midstream"],
    [hnBananaBags, "downstream"],
    [hnHempLifestyle, "downstream"],
  ]),
  ...members(hwCircularTextile, "2021-02-01", [
    [ctCottonLoop, "upstream"],
    [ctKnit, "midstream"],
    [ctGreenTees, "downstream"],
    [ctLamunBaby, "downstream"],
  ]),
  ...members(hwSportech, "2021-02-08", [
    [spFunctionalFabric, "upstream"],
    [spActiveWear, "midstream"],
    [spRunnersShop, "downstream"],
  ]),
  ...members(hwAgeingCentral, "2021-02-08", [
    [acFinishing, "upstream"],
    [acMeditex, "midstream"],
    [acSafeMask, "midstream"],
    [acSeniorCare, "downstream"],
  ]),
  ...members(hwAgeingIsan, "2021-02-15", [
    [aiIndigo, "upstream"],
    [aiSilk, "midstream"],
    [aiSakonWeave, "midstream"],
    [aiBatik, "downstream"],
  ]),
  ...members(osmepHealthWellness, "2021-03-01", [[hwWellnessStyle, "downstream"]]),
  ...members(
    dipRubber,
    "2020-10-19",
    [
      [rbThungYao, "upstream"],
      [rbPaBon, "upstream"],
      [rbThaksinLatex, "midstream"],
      [rbTrangBlock, "midstream"],
      [rbSongkhlaGlove, "downstream"],
      [rbLatexFoam, "downstream"],
      [rbSuratParts, "downstream"],
    ],
    [[rbBaanLapDee, "downstream", "2021-11-08"]],
  ),
  ...members(dipSpaHerbs, "2020-12-01", [
    [shHerbGroup, "upstream"],
    [shSiamSpaHerbal, "midstream"],
  ]),
  ...members(dipFruitProcessing, "2020-11-16", [
    [fpDurianGroup, "upstream"],
    [fpChanFreezeDry, "midstream"],
  ]),
  ...members(dipMedicalEquipment, "2021-01-11", [[meThaiMedDevice, "midstream"]]),
  ...members(dipRoboticsAutomation, "2021-01-11", [[raSiamAutomation, "midstream"]]),
  // Firms in a second cluster: one firm, one record, two memberships (de-duplication by juristic ID / registration number).
  ...members(osmepThaiTextiles, "2022-03-01", [
    [aiSilk, "midstream"],
    [aiSakonWeave, "midstream"],
  ]),
  ...members(osmepSportEconomy, "2022-03-01", [[spRunnersShop, "downstream"]]),
  ...members(osmepBcgFashion, "2022-03-15", [
    [hnBananaBags, "downstream"],
    [ctGreenTees, "downstream"],
  ]),
  ...members(osmepHealthRetreatment, "2022-04-01", [[shSiamSpaHerbal, "midstream"]]),
  ...members(osmepBettaFish, "2022-04-01", [[btBettaGroup, "upstream"]]),
  ...members(osmepOrnamentalPlants, "2022-04-01", [[opOrchidGroup, "upstream"]]),
];

// ——— Support institutions (real organisations; their links here are examples) ———

export const instChiangMaiUniversity = institution({
  key: "chiang-mai-university",
  kind: "education",
  nameTh: "มหาวิทยาลัยเชียงใหม่",
  nameEn: "Chiang Mai University",
  description: "University in Chiang Mai: research and training on coffee processing and on natural fibres.",
  agency: null,
  provinceCode: "50",
});

export const instItcChiangMai = institution({
  key: "itc-chiang-mai",
  kind: "service_centre",
  nameTh: "ศูนย์ปฏิรูปอุตสาหกรรมสู่อนาคต สาขาเชียงใหม่",
  nameEn: "Industry Transformation Center – Chiang Mai branch",
  description: "ITC branch: advice on cost reduction, technology and value-added product development.",
  agency: "DIP-ITC",
  provinceCode: "50",
});

export const instItcSongkhla = institution({
  key: "itc-songkhla",
  kind: "service_centre",
  nameTh: "ศูนย์ปฏิรูปอุตสาหกรรมสู่อนาคต สาขาสงขลา",
  nameEn: "Industry Transformation Center – Songkhla branch",
  description: "ITC branch for the lower South: advice on cost reduction, energy and technology.",
  agency: "DIP-ITC",
  provinceCode: "90",
});

export const instThaiIdc = institution({
  key: "thailand-industrial-design-center",
  kind: "service_centre",
  nameTh: null,
  nameEn: "Thailand Industrial Design Center",
  description: "Helps clusters with packaging design through computer software and with 3D printing.",
  agency: "DIP-TIDC",
  provinceCode: "10",
});

export const instSmeBank = institution({
  key: "sme-d-bank",
  kind: "finance",
  nameTh: "ธนาคารพัฒนาวิสาหกิจขนาดกลางและขนาดย่อมแห่งประเทศไทย",
  nameEn: "SME Development Bank of Thailand (SME D Bank)",
  description: "State bank lending to SMEs: equipment loans and working capital.",
  agency: null,
  provinceCode: "10",
});

export const instSmeRescue = institution({
  key: "sme-support-rescue-center",
  kind: "service_centre",
  nameTh: "ศูนย์สนับสนุนและช่วยเหลือเอสเอ็มอี",
  nameEn: "SME Support and Rescue Center",
  description: "Helps smaller businesses gain access to finance for their development.",
  agency: "DIP-SRC",
  provinceCode: "10",
});

export const instThti = institution({
  key: "thailand-textile-institute",
  kind: "research",
  nameTh: "สถาบันพัฒนาอุตสาหกรรมสิ่งทอ",
  nameEn: "Thailand Textile Institute",
  description:
    "Co-operating agency of the Health and Wellness Economy cluster: textile testing, design, standards and training.",
  agency: "THTI",
  provinceCode: "10",
});

export const instRismep = institution({
  key: "rismep-expert-pool",
  kind: "expert_pool",
  nameTh: null,
  nameEn: "Regional Integrated SME Promotion Mechanism – expert pool",
  description: "More than 250 experts advising on marketing, logistics, business law and more.",
  agency: "DIP-RISPM",
  provinceCode: null,
});

export const instRubberAuthority = institution({
  key: "rubber-authority-of-thailand",
  kind: "government",
  nameTh: "การยางแห่งประเทศไทย",
  nameEn: "Rubber Authority of Thailand",
  description:
    "State enterprise for the rubber sector: support to smallholders, rubber market information and standards.",
  agency: null,
  provinceCode: "10",
});

export const instPsu = institution({
  key: "prince-of-songkla-university",
  kind: "education",
  nameTh: "มหาวิทยาลัยสงขลานครินทร์",
  nameEn: "Prince of Songkla University",
  description: "University in Songkhla: rubber technology research and training.",
  agency: null,
  provinceCode: "90",
});

export const instFtiChiangMai = institution({
  key: "fti-chiang-mai",
  kind: "association",
  nameTh: "สภาอุตสาหกรรมจังหวัดเชียงใหม่",
  nameEn: "Federation of Thai Industries – Chiang Mai chapter",
  description: "Provincial chapter of the industry federation: business networking and policy dialogue.",
  agency: null,
  provinceCode: "50",
});

export const exampleInstitutions: readonly ExampleInstitution[] = [
  instChiangMaiUniversity,
  instItcChiangMai,
  instItcSongkhla,
  instThaiIdc,
  instSmeBank,
  instSmeRescue,
  instThti,
  instRismep,
  instRubberAuthority,
  instPsu,
  instFtiChiangMai,
];

export const exampleClusterInstitutions: readonly ExampleClusterInstitution[] = [
  {
    cluster: dipCoffee,
    institution: instChiangMaiUniversity,
    role: "Research and training on coffee processing and quality",
  },
  { cluster: dipCoffee, institution: instItcChiangMai, role: "Cost reduction and technology advice" },
  { cluster: dipCoffee, institution: instThaiIdc, role: "Packaging design" },
  { cluster: dipCoffee, institution: instSmeBank, role: "Equipment and working-capital loans" },
  { cluster: dipCoffee, institution: instFtiChiangMai, role: "Business network" },
  { cluster: dipSpaHerbs, institution: instItcChiangMai, role: "Product development advice" },
  { cluster: dipFruitProcessing, institution: instThaiIdc, role: "Packaging design and 3D printing" },
  { cluster: dipRubber, institution: instRubberAuthority, role: "Smallholder support and market information" },
  { cluster: dipRubber, institution: instPsu, role: "Rubber technology research" },
  { cluster: dipRubber, institution: instItcSongkhla, role: "Cost reduction and energy advice" },
  { cluster: dipRubber, institution: instSmeRescue, role: "Access to finance" },
  { cluster: dipRubber, institution: instSmeBank, role: "Loans" },
  { cluster: osmepHealthWellness, institution: instThti, role: "Co-operating agency: testing, design and training" },
  { cluster: osmepHealthWellness, institution: instSmeBank, role: "Working-capital loans" },
  { cluster: hwHempNaturalFibre, institution: instThti, role: "Fibre and fabric standards" },
  { cluster: hwHempNaturalFibre, institution: instChiangMaiUniversity, role: "Natural-fibre research" },
  { cluster: hwCircularTextile, institution: instThti, role: "Recycled-fibre testing" },
  { cluster: hwSportech, institution: instThti, role: "Functional-textile testing" },
  { cluster: hwSportech, institution: instRismep, role: "Marketing advice" },
  { cluster: hwAgeingCentral, institution: instThti, role: "Anti-bacterial and medical-textile testing" },
  { cluster: hwAgeingIsan, institution: instThti, role: "Natural-dye and design training" },
  { cluster: osmepThaiTextiles, institution: instThti, role: "Design and standards" },
];

// ——— Linkages ———

function link(
  cluster: ExampleCluster,
  from: ExampleParty,
  kind: ExampleLinkageKind,
  to: ExampleParty,
  product: ExampleText | null,
  annualValue: number | null,
): ExampleLinkage {
  return { cluster, from, to, kind, product, annualValue };
}

function service(th: string, en: string): ExampleText {
  return { th, en };
}

/**
 * Left out on purpose, so the analysis has something to find: members with no link at all (cfPaKia,
 * cfRimPing, hnHempLifestyle, rbSuratParts, and ctLamunBaby inside the Circular Textile sub-cluster, whose one
 * link is recorded on the parent) and output → input pairs with no link (cfPaKia → cfLannaProcessing coffee
 * cherries, cfLannaPack → cfChiangRaiRoastery foil bags, cfKhuaDoi → cfRimPing roasted beans, hnNaturalWeave →
 * hnHempLifestyle hemp fabric, acSafeMask → acSeniorCare face masks, rbThaksinLatex → rbLatexFoam concentrated
 * latex, rbTrangBlock → rbSuratParts STR 20). Some inputs no member makes (jute sacks, organic cotton yarn,
 * ammonia …). Institutions without a link: the Chiang Mai FTI chapter, and ITC Chiang Mai in the spa cluster.
 */
export const exampleLinkages: readonly ExampleLinkage[] = [
  // Coffee.
  link(dipCoffee, cfHuaiSan, "supplies", cfLannaProcessing, p.coffeeCherries, 1_200_000),
  link(dipCoffee, cfLannaProcessing, "supplies", cfKhuaDoi, p.greenCoffee, 2_400_000),
  link(dipCoffee, cfLannaProcessing, "supplies", cfChiangRaiRoastery, p.greenCoffee, 9_800_000),
  link(dipCoffee, cfNorthernBeans, "buys_from", cfLannaProcessing, p.greenCoffee, 15_000_000),
  link(dipCoffee, cfLannaPack, "supplies", cfKhuaDoi, p.coffeeFoilBags, 380_000),
  link(dipCoffee, cfKhuaDoi, "supplies", cfBaanSuan, p.roastedBeans, 1_900_000),
  link(dipCoffee, cfChiangRaiRoastery, "supplies", cfNorthernBeans, p.roastedBeans, 12_500_000),
  link(dipCoffee, cfDoiDrip, "subcontracts", cfKhuaDoi, p.dripBags, 650_000),
  link(
    dipCoffee,
    instChiangMaiUniversity,
    "trains",
    cfLannaProcessing,
    service("อบรมการแปรรูปกาแฟแบบเปียก", "wet-processing training"),
    null,
  ),
  link(dipCoffee, instItcChiangMai, "advises", cfKhuaDoi, service("ลดต้นทุนการคั่ว", "roasting cost reduction"), null),
  link(dipCoffee, instThaiIdc, "advises", cfDoiDrip, service("ออกแบบบรรจุภัณฑ์", "packaging design"), null),
  link(
    dipCoffee,
    instSmeBank,
    "finances",
    cfChiangRaiRoastery,
    service("สินเชื่อเครื่องคั่วกาแฟ", "coffee roaster loan"),
    6_000_000,
  ),
  // Hemp and Natural Fibre.
  link(hwHempNaturalFibre, hnPaKhaHemp, "supplies", hnNaturalWeave, p.hempFibre, 420_000),
  link(hwHempNaturalFibre, hnBananaFibre, "supplies", hnNaturalWeave, p.bananaFibre, 300_000),
  link(hwHempNaturalFibre, hnNaturalWeave, "supplies", hnBananaBags, p.bananaFabric, 1_100_000),
  link(
    hwHempNaturalFibre,
    hnPaKhaHemp,
    "collaborates",
    hnBananaFibre,
    service("ใช้เครื่องแยกเส้นใยร่วมกัน", "shared fibre decorticator"),
    null,
  ),
  link(
    hwHempNaturalFibre,
    instThti,
    "trains",
    hnNaturalWeave,
    service("มาตรฐานผ้าทอใยกัญชง", "hemp fabric standards"),
    null,
  ),
  // Circular Textile: the scraps go back up the chain.
  link(hwCircularTextile, ctCottonLoop, "supplies", ctKnit, p.recycledYarn, 18_000_000),
  link(hwCircularTextile, ctKnit, "supplies", ctGreenTees, p.recycledKnit, 5_200_000),
  link(hwCircularTextile, ctGreenTees, "supplies", ctCottonLoop, p.cottonScraps, 240_000),
  // Sportech.
  link(hwSportech, spFunctionalFabric, "supplies", spActiveWear, p.wickingFabric, 12_000_000),
  link(hwSportech, spRunnersShop, "buys_from", spActiveWear, p.sportswear, 450_000),
  link(hwSportech, instRismep, "advises", spActiveWear, service("การตลาดออนไลน์", "online marketing"), null),
  // Ageing Lifestyle – Central.
  link(hwAgeingCentral, acFinishing, "supplies", acSafeMask, p.antibacterialCotton, 3_600_000),
  link(hwAgeingCentral, acSeniorCare, "buys_from", acMeditex, p.patientTransferSheets, 2_800_000),
  link(
    hwAgeingCentral,
    acMeditex,
    "subcontracts",
    acFinishing,
    service("ตกแต่งผ้ากันน้ำ", "water-repellent finishing"),
    600_000,
  ),
  link(
    hwAgeingCentral,
    instThti,
    "advises",
    acSafeMask,
    service("ทดสอบประสิทธิภาพต้านแบคทีเรีย", "anti-bacterial performance testing"),
    null,
  ),
  // Ageing Lifestyle – Isan.
  link(hwAgeingIsan, aiIndigo, "supplies", aiSakonWeave, p.indigoPaste, 350_000),
  link(hwAgeingIsan, aiSilk, "supplies", aiBatik, p.handwovenSilk, 820_000),
  link(hwAgeingIsan, instThti, "trains", aiSakonWeave, service("การย้อมครามให้สีคงทน", "colour-fast indigo dyeing"), null),
  // Across the Health and Wellness sub-clusters, recorded on the parent cluster.
  link(osmepHealthWellness, hnBananaBags, "supplies", hwWellnessStyle, p.bananaBags, 950_000),
  link(osmepHealthWellness, aiBatik, "supplies", hwWellnessStyle, p.batikScarves, 700_000),
  link(osmepHealthWellness, aiSakonWeave, "supplies", ctLamunBaby, p.organicCottonFabric, 900_000),
  link(
    osmepHealthWellness,
    instSmeBank,
    "finances",
    hwWellnessStyle,
    service("สินเชื่อเงินทุนหมุนเวียน", "working-capital loan"),
    3_000_000,
  ),
  // Rubber.
  link(dipRubber, rbThungYao, "supplies", rbThaksinLatex, p.freshLatex, 31_000_000),
  link(dipRubber, rbPaBon, "supplies", rbTrangBlock, p.cupLump, 1_400_000),
  link(dipRubber, rbThaksinLatex, "supplies", rbSongkhlaGlove, p.concentratedLatex, 96_000_000),
  link(dipRubber, rbLatexFoam, "supplies", rbBaanLapDee, p.latexPillows, 4_500_000),
  link(dipRubber, rbLatexFoam, "supplies", rbBaanLapDee, p.latexMattresses, 3_200_000),
  link(
    dipRubber,
    instRubberAuthority,
    "advises",
    rbThungYao,
    service("ราคาและมาตรฐานน้ำยาง", "latex prices and quality standards"),
    null,
  ),
  link(dipRubber, instPsu, "trains", rbLatexFoam, service("เทคโนโลยีการผลิตยางฟองน้ำ", "latex foam technology"), null),
  link(dipRubber, instItcSongkhla, "advises", rbTrangBlock, service("ลดการใช้พลังงาน", "energy cost reduction"), null),
  link(dipRubber, instSmeRescue, "advises", rbLatexFoam, service("การเข้าถึงแหล่งเงินทุน", "access to finance"), null),
  link(dipRubber, instSmeBank, "finances", rbTrangBlock, service("สินเชื่อเครื่องจักร", "machinery loan"), 12_000_000),
  // Spa and herbs; fruit processing.
  link(dipSpaHerbs, shHerbGroup, "supplies", shSiamSpaHerbal, p.driedHerbs, 600_000),
  link(dipFruitProcessing, fpDurianGroup, "supplies", fpChanFreezeDry, p.freshDurian, 3_800_000),
];
