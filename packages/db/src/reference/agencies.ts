import type { AgencySeed } from "./types.ts";

/**
 * The agencies named in the seed documents (000-004), parents before children. Codes are short, uppercase and
 * stable: other seed data and imports refer to agencies by code. `abbreviation` is the English abbreviation in
 * common use (the Thai one, where there is one, is given in the description).
 */
export const agencies: AgencySeed[] = [
  {
    code: "MOC",
    name: { en: "Ministry of Commerce", th: "กระทรวงพาณิชย์" },
    abbreviation: "MOC",
    kind: "ministry",
    parentCode: null,
    descriptionEn:
      "Owner of the Strategic Plan on Provincial Cluster Trade 2017-2021 (18 provincial clusters). Thai abbreviation พณ.",
  },
  {
    code: "MOC-PCO",
    name: { en: "Provincial Offices of Commercial Affairs", th: "สำนักงานพาณิชย์จังหวัด" },
    abbreviation: null,
    kind: "office",
    parentCode: "MOC",
    descriptionEn:
      "The Ministry of Commerce's offices in the provinces, which carry the provincial cluster trade strategy into the " +
      "areas; parent of the individual provincial offices. Indicator 2.3 of the 2017-2021 plan measures their service users' satisfaction.",
  },
  {
    code: "MOI",
    name: { en: "Ministry of Industry", th: "กระทรวงอุตสาหกรรม" },
    abbreviation: null,
    kind: "ministry",
    parentCode: null,
    descriptionEn: "Thai abbreviation อก.",
  },
  {
    code: "DIP",
    name: { en: "Department of Industrial Promotion", th: "กรมส่งเสริมอุตสาหกรรม" },
    abbreviation: "DIP",
    kind: "department",
    parentCode: "MOI",
    descriptionEn:
      "Lead agency for industrial cluster development since 2003 (pilot clusters with JICA's CSCD study, 2004-2005): " +
      "29 clusters with 680 businesses in FY2021 (budget 19 M baht), 34 clusters in FY2022 (17 M baht). Thai abbreviation กสอ.",
  },
  {
    code: "OSMEP",
    name: { en: "Office of Small and Medium Enterprises Promotion", th: "สำนักงานส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อม" },
    abbreviation: "OSMEP",
    kind: "office",
    parentCode: null,
    descriptionEn:
      "State agency that leads SME promotion policy and co-ordinates the agencies promoting SMEs; runs the SME Cluster " +
      "and SME network support projects (e.g. the 2021 Health and Wellness Economy cluster). Thai abbreviation สสว.",
  },
  {
    code: "THTI",
    name: { en: "Thailand Textile Institute", th: "สถาบันพัฒนาอุตสาหกรรมสิ่งทอ" },
    abbreviation: "THTI",
    kind: "institute",
    parentCode: null,
    descriptionEn:
      "Independent institute in the Ministry of Industry's network; co-operating agency of OSMEP's 2021 Health and " +
      "Wellness Economy cluster (5 textile and lifestyle sub-clusters).",
  },
  {
    code: "DIP-ITC",
    name: { en: "Industry Transformation Center", th: "ศูนย์ปฏิรูปอุตสาหกรรมสู่อนาคต" },
    abbreviation: "ITC",
    kind: "service_centre",
    parentCode: "DIP",
    descriptionEn:
      "Advises SMEs and community enterprises on cost reduction, technology and value-added product development; " +
      "12 branches serving the 77 provinces.",
  },
  {
    code: "DIP-TIDC",
    name: { en: "Thailand Industrial Design Center", th: null },
    abbreviation: "Thai-IDC",
    kind: "service_centre",
    parentCode: "DIP",
    descriptionEn: "Helps clusters with packaging design through computer software and with 3D printing.",
  },
  {
    code: "DIP-SRC",
    name: { en: "SME Support and Rescue Center", th: "ศูนย์สนับสนุนและช่วยเหลือเอสเอ็มอี" },
    abbreviation: null,
    kind: "service_centre",
    parentCode: "DIP",
    descriptionEn:
      "Helps smaller businesses gain better access to finance for their development (SME Support & Rescue Center).",
  },
  {
    code: "DIP-RISPM",
    name: { en: "Regional Integrated SME Promotion Mechanism", th: null },
    abbreviation: "RISMEP",
    kind: "network",
    parentCode: "DIP",
    descriptionEn:
      "Regional network of more than 250 experts advising on issues from marketing and logistics to business law; " +
      "modelled on a JICA study.",
  },
  {
    code: "JICA",
    name: { en: "Japan International Cooperation Agency", th: "องค์การความร่วมมือระหว่างประเทศของญี่ปุ่น" },
    abbreviation: "JICA",
    kind: "office",
    parentCode: null,
    descriptionEn:
      "International partner: supported DIP in 2004-2005 with The Study on Development of Consulting Services to " +
      "Promote SME Cluster and Regional Development (CSCD), which piloted Thailand's cluster development model.",
  },
] satisfies AgencySeed[];
