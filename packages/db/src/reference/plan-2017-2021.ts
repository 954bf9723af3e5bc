import type { Bilingual, IndicatorSeed, PlanNodeSeed, PlanSeed } from "./types.ts";

/**
 * The Ministry of Commerce's Strategic Plan on Provincial Cluster Trade 2017-2021 (seed 000, English executive
 * summary): vision, missions, strategic purposes, strategic issues and the 4 strategies, each with its objective
 * (carrying the strategy's indicators and targets) and its sub-strategies and work plans.
 *
 * English is the plan's wording; only PDF line breaks and a few extraction artefacts are repaired ("gsoods" →
 * "goods", "AWl" → "All", "The. Increasing" → "The Increasing", "Strategy 4 ." → "Strategy 4"). Work plans are
 * titled without the plan's lead-in "work plan on". Thai is Sainam's translation of the English (the plan's
 * official Thai wording is not among the seeds); strategy bodies have no Thai yet.
 */
const text = (en: string, th: string | null): Bilingual => ({ en, th });

const indicator = (code: string, name: Bilingual, unit: string | null, targetText: Bilingual): IndicatorSeed => ({
  code,
  name,
  unit,
  targetText,
});

const workPlan = (code: string, en: string, th: string | null): PlanNodeSeed => ({
  kind: "work_plan",
  code,
  title: text(en, th),
});

const vision: PlanNodeSeed = {
  kind: "vision",
  code: "V",
  title: text(
    "Trade and economics of provincial cluster move forward by innovation driven and connecting of local trade to global market",
    "การค้าและเศรษฐกิจของกลุ่มจังหวัดก้าวหน้าด้วยการขับเคลื่อนของนวัตกรรม และเชื่อมโยงการค้าท้องถิ่นสู่ตลาดโลก",
  ),
};

const missions: PlanNodeSeed[] = [
  {
    kind: "mission",
    code: "M1",
    title: text(
      "Develop and increase capacity for economics and trade of provincial clusters by integrating innovation, technology with local wisdom and capacity.",
      "พัฒนาและเพิ่มขีดความสามารถทางเศรษฐกิจและการค้าของกลุ่มจังหวัด โดยบูรณาการนวัตกรรมและเทคโนโลยีเข้ากับภูมิปัญญาและศักยภาพท้องถิ่น",
    ),
  },
  {
    kind: "mission",
    code: "M2",
    title: text(
      "Promote local trade benefit distribution to be fair for all",
      "ส่งเสริมการกระจายประโยชน์จากการค้าท้องถิ่นให้เป็นธรรมแก่ทุกฝ่าย",
    ),
  },
  {
    kind: "mission",
    code: "M3",
    title: text(
      "Connect economics and trade within and interprovincial cluster, ASEAN market and world market",
      "เชื่อมโยงเศรษฐกิจและการค้าภายในกลุ่มจังหวัดและระหว่างกลุ่มจังหวัด ตลาดอาเซียน และตลาดโลก",
    ),
  },
  {
    kind: "mission",
    code: "M4",
    title: text(
      "Develop work system, organization and personnel to be excellent and transparent",
      "พัฒนาระบบงาน องค์กร และบุคลากรให้เป็นเลิศและโปร่งใส",
    ),
  },
];

const purposes: PlanNodeSeed[] = [
  {
    kind: "purpose",
    code: "P1",
    title: text(
      "Trade and economics of provincial clusters has growth in high rate and sustainably.",
      "การค้าและเศรษฐกิจของกลุ่มจังหวัดเติบโตในอัตราสูงและยั่งยืน",
    ),
  },
  {
    kind: "purpose",
    code: "P2",
    title: text(
      "Manufactures, traders and consumers in provincial clusters benefit from local trade and economic growth with fair for all.",
      "ผู้ผลิต ผู้ค้า และผู้บริโภคในกลุ่มจังหวัดได้รับประโยชน์จากการค้าท้องถิ่นและการเติบโตทางเศรษฐกิจอย่างเป็นธรรมทุกฝ่าย",
    ),
  },
  {
    kind: "purpose",
    code: "P3",
    title: text(
      "Manufacturers, traders and consumers are able to access to standard market and quality goods with reasonable price.",
      "ผู้ผลิต ผู้ค้า และผู้บริโภคสามารถเข้าถึงตลาดที่ได้มาตรฐานและสินค้าที่มีคุณภาพในราคาที่เหมาะสม",
    ),
  },
  {
    kind: "purpose",
    code: "P4",
    title: text(
      "Concerned organizations and personnel under the Ministry of Commerce at provincial part possess high capacity",
      "องค์กรและบุคลากรที่เกี่ยวข้องของกระทรวงพาณิชย์ในส่วนภูมิภาคมีขีดความสามารถสูง",
    ),
  },
];

const strategicIssues: PlanNodeSeed[] = [
  {
    kind: "strategic_issue",
    code: "I1",
    title: text(
      "Enhancing commercial competitive capacity of provincial clusters (Competitiveness)",
      "การเสริมสร้างขีดความสามารถในการแข่งขันทางการค้าของกลุ่มจังหวัด (Competitiveness)",
    ),
  },
  {
    kind: "strategic_issue",
    code: "I2",
    title: text(
      "Creating commercial opportunity and fairness in provincial clusters (Commercial Opportunity)",
      "การสร้างโอกาสและความเป็นธรรมทางการค้าในกลุ่มจังหวัด (Commercial Opportunity)",
    ),
  },
  {
    kind: "strategic_issue",
    code: "I3",
    title: text(
      "Commercial promotion to ASEAN market, global market and digital market (Connectivity)",
      "การส่งเสริมการค้าสู่ตลาดอาเซียน ตลาดโลก และตลาดดิจิทัล (Connectivity)",
    ),
  },
  {
    kind: "strategic_issue",
    code: "I4",
    title: text(
      "Increasing competency in management and mobilization of trade in provincial clusters (Capability Building)",
      "การเพิ่มสมรรถนะในการบริหารจัดการและขับเคลื่อนการค้าของกลุ่มจังหวัด (Capability Building)",
    ),
  },
];

const strategy1: PlanNodeSeed = {
  kind: "strategy",
  code: "S1",
  title: text(
    "Enhancing of Commercial Competition Capacity of Provincial Clusters",
    "การเสริมสร้างขีดความสามารถในการแข่งขันทางการค้าของกลุ่มจังหวัด",
  ),
  body: text(
    "Enhancing of commercial competition capacity of provincial cluster strategy aims for upgrading capacity of " +
      "entrepreneurs to be smart enterprises together with building new entrepreneurs and startups, using technology " +
      "and innovation in new business model to upgrade standard of products and strategic service of provincial " +
      "cluster to reach international standard meanwhile to build trade and economic image for provincial clusters " +
      "and strategic products of the provincial clusters. In addition, this strategy focuses on boosting foreign " +
      "investment to provincial clusters to increase commercial capacity and transfer technology appropriated with " +
      "area context in order to mobilize provincial clusters to Thailand 4.0",
    null,
  ),
  children: [
    {
      kind: "objective",
      code: "S1-O",
      title: text(
        "Economic and trade of provincial clusters grow in high rate and sustain",
        "เศรษฐกิจและการค้าของกลุ่มจังหวัดเติบโตในอัตราสูงและยั่งยืน",
      ),
      indicators: [
        indicator(
          "1.1",
          text("GDP growth rate in provincial cluster is high", "อัตราการขยายตัวของผลิตภัณฑ์มวลรวมของกลุ่มจังหวัดอยู่ในระดับสูง"),
          null,
          text("expansion significantly", "ขยายตัวอย่างมีนัยสำคัญ"),
        ),
        indicator(
          "1.2",
          text("Higher number of juristic person registration", "จำนวนการจดทะเบียนนิติบุคคลเพิ่มขึ้น"),
          // The "%" of the seed belongs to the target (a change of the count or value), not to the figure.
          null,
          text("Number of registration increase 1-2%", "จำนวนการจดทะเบียนเพิ่มขึ้นร้อยละ 1-2"),
        ),
        indicator(
          "1.3",
          text("higher income and number of tourists in provincial clusters", "รายได้และจำนวนนักท่องเที่ยวในกลุ่มจังหวัดเพิ่มขึ้น"),
          null,
          text("expansion significantly", "ขยายตัวอย่างมีนัยสำคัญ"),
        ),
        indicator(
          "1.4",
          text(
            "increasing number of intellectual property receiving registration",
            "จำนวนทรัพย์สินทางปัญญาที่ได้รับการจดทะเบียนเพิ่มขึ้น",
          ),
          null,
          text("increasing significantly", "เพิ่มขึ้นอย่างมีนัยสำคัญ"),
        ),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S1.1",
      title: text(
        "Enhancing commercial capacity and increasing capacity of entrepreneur of provincial clusters",
        "การเสริมสร้างขีดความสามารถทางการค้าและเพิ่มศักยภาพผู้ประกอบการของกลุ่มจังหวัด",
      ),
      body: text(
        "Entrepreneur in strategic position of provincial clusters will be considered as first priority.",
        "ให้ความสำคัญลำดับแรกแก่ผู้ประกอบการในสาขาตามตำแหน่งทางยุทธศาสตร์ของกลุ่มจังหวัด",
      ),
      children: [
        workPlan(
          "S1.1-W1",
          "Building competitive capacity for entrepreneur",
          "การสร้างขีดความสามารถในการแข่งขันให้ผู้ประกอบการ",
        ),
        workPlan(
          "S1.1-W2",
          "Utilizing innovation to value added products and services in order to increasing of competitive capacity for entrepreneur",
          "การใช้นวัตกรรมเพิ่มมูลค่าสินค้าและบริการเพื่อเพิ่มขีดความสามารถในการแข่งขันของผู้ประกอบการ",
        ),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S1.2",
      title: text(
        "Building image of provincial clusters and strategic products & services of provincial clusters",
        "การสร้างภาพลักษณ์ของกลุ่มจังหวัด และสินค้าและบริการยุทธศาสตร์ของกลุ่มจังหวัด",
      ),
      children: [
        workPlan(
          "S1.2-W1",
          "Building image of area and products & services of provincial clusters",
          "การสร้างภาพลักษณ์ของพื้นที่ และสินค้าและบริการของกลุ่มจังหวัด",
        ),
        workPlan(
          "S1.2-W2",
          "Publicizing the best of products and services of provincial clusters",
          "การประชาสัมพันธ์สินค้าและบริการที่ดีที่สุดของกลุ่มจังหวัด",
        ),
      ],
    },
  ],
};

const strategy2: PlanNodeSeed = {
  kind: "strategy",
  code: "S2",
  title: text(
    "Creating commercial opportunity and fairness in provincial clusters (Commercial Opportunity)",
    "การสร้างโอกาสและความเป็นธรรมทางการค้าในกลุ่มจังหวัด",
  ),
  body: text(
    "The Creating commercial opportunity and fairness in provincial clusters strategy aims to have manufacturers, " +
      "farmers or vendors and consumers in provincial cluster obtain fair treatment and benefit from trade occur all " +
      "over without exploitation. The strategy also focuses on creating of trade opportunity for micro entrepreneurs " +
      "as well as promotion of social enterprise.",
    null,
  ),
  children: [
    {
      kind: "objective",
      code: "S2-O",
      title: text(
        "All manufacturers, traders, and consumers in provincial clusters benefit from local trade and economic growth with fair for all.",
        "ผู้ผลิต ผู้ค้า และผู้บริโภคทุกฝ่ายในกลุ่มจังหวัดได้รับประโยชน์จากการค้าท้องถิ่นและการเติบโตทางเศรษฐกิจอย่างเป็นธรรม",
      ),
      indicators: [
        indicator(
          "2.1",
          text("Inflation rate in each region is in appropriate frame.", "อัตราเงินเฟ้อของแต่ละภูมิภาคอยู่ในกรอบที่เหมาะสม"),
          "%",
          text(
            "In line with inflation rate targeted by Monetary Policy Committee for each year. Currently, target on medium term is at 2.5% (+/- 1.5%)",
            "สอดคล้องกับเป้าหมายอัตราเงินเฟ้อที่คณะกรรมการนโยบายการเงินกำหนดในแต่ละปี ปัจจุบันเป้าหมายระยะปานกลางอยู่ที่ร้อยละ 2.5 (± 1.5)",
          ),
        ),
        indicator(
          "2.2",
          text(
            "higher proportion of GDP of SME entrepreneurs in provincial clusters",
            "สัดส่วนผลิตภัณฑ์มวลรวมของผู้ประกอบการ SME ในกลุ่มจังหวัดเพิ่มขึ้น",
          ),
          null,
          text("proportion increase significantly", "สัดส่วนเพิ่มขึ้นอย่างมีนัยสำคัญ"),
        ),
        indicator(
          "2.3",
          text(
            "level of satisfaction of service users of Provincial Office of Commercial Affairs",
            "ระดับความพึงพอใจของผู้รับบริการของสำนักงานพาณิชย์จังหวัด",
          ),
          "%",
          text("80-90%", "ร้อยละ 80-90"),
        ),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S2.1",
      title: text(
        "Building trade opportunity for micro entrepreneur and farmers",
        "การสร้างโอกาสทางการค้าให้ผู้ประกอบการรายย่อยและเกษตรกร",
      ),
      children: [
        workPlan(
          "S2.1-W1",
          "Building opportunity for conducting business and linking value chain for farmers and local micro entrepreneur",
          "การสร้างโอกาสในการประกอบธุรกิจและเชื่อมโยงห่วงโซ่มูลค่าให้เกษตรกรและผู้ประกอบการรายย่อยในท้องถิ่น",
        ),
        workPlan(
          "S2.1-W2",
          "Building trade and business knowledge for students and people in general",
          "การสร้างความรู้ด้านการค้าและธุรกิจให้นักเรียนนักศึกษาและประชาชนทั่วไป",
        ),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S2.2",
      title: text(
        "Connecting micro entrepreneur and farmers with value chain of products and services according to strategic position of provincial clusters",
        "การเชื่อมโยงผู้ประกอบการรายย่อยและเกษตรกรเข้ากับห่วงโซ่มูลค่าของสินค้าและบริการตามตำแหน่งทางยุทธศาสตร์ของกลุ่มจังหวัด",
      ),
      children: [
        workPlan(
          "S2.2-W1",
          "Connecting micro entrepreneur and farmers with value chain of products and services according to strategic position of provincial clusters",
          "การเชื่อมโยงผู้ประกอบการรายย่อยและเกษตรกรเข้ากับห่วงโซ่มูลค่าของสินค้าและบริการตามตำแหน่งทางยุทธศาสตร์ของกลุ่มจังหวัด",
        ),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S2.3",
      title: text(
        "Development of consumers and collaboration network building fairness in trade in provincial cluster",
        "การพัฒนาผู้บริโภคและสร้างเครือข่ายความร่วมมือเพื่อความเป็นธรรมทางการค้าในกลุ่มจังหวัด",
      ),
      children: [
        workPlan(
          "S2.3-W1",
          "Enhancing consumer role to be smart consumers",
          "การเสริมสร้างบทบาทผู้บริโภคให้เป็นผู้บริโภคที่ชาญฉลาด",
        ),
        workPlan("S2.3-W2", "Promotion of social business in the area", "การส่งเสริมธุรกิจเพื่อสังคมในพื้นที่"),
      ],
    },
  ],
};

const strategy3: PlanNodeSeed = {
  kind: "strategy",
  code: "S3",
  title: text(
    "Commercial promotion to ASEAN market, global market and digital market",
    "การส่งเสริมการค้าสู่ตลาดอาเซียน ตลาดโลก และตลาดดิจิทัล",
  ),
  body: text(
    "The Promotion of trade to ASEAN market, global market and digital or online market strategy aims to support " +
      "entrepreneur to be able to seek for opportunity to trade within ASEAN market, especially with CLMV market and " +
      "to increase capacity to conduct global trade. In addition, this strategy focuses on supporting entrepreneur to " +
      "utilize e-commerce in trading their products to global market and to consumers in the modern time, which tend " +
      "to buy products and services through online platforms. Moreover, the strategy also emphasizes on upgrading of " +
      "quality and standard of local markets and community markets to be source for selling products and tourist " +
      "attraction in community as well as developing of trade channel and selling area for community products and " +
      "services connecting with tourist attractions in provincial clusters. This strategy will also create " +
      "opportunity for local craftsman and artists to have space to sell their products.",
    null,
  ),
  children: [
    {
      kind: "objective",
      code: "S3-O",
      title: text(
        "Manufacturers, traders and consumers will be able to access to standard market and quality goods in reasonable price.",
        "ผู้ผลิต ผู้ค้า และผู้บริโภคสามารถเข้าถึงตลาดที่ได้มาตรฐานและสินค้าที่มีคุณภาพในราคาที่เหมาะสม",
      ),
      indicators: [
        indicator(
          "3.1",
          text("increasing of retail value in provincial part", "มูลค่าการค้าปลีกในส่วนภูมิภาคเพิ่มขึ้น"),
          // The "%" of the seed belongs to the target (a change of the count or value), not to the figure.
          null,
          text("increase 5%", "เพิ่มขึ้นร้อยละ 5"),
        ),
        indicator(
          "3.2",
          text(
            "% of value of agricultural products connecting by market promotion channel",
            "ร้อยละของมูลค่าสินค้าเกษตรที่เชื่อมโยงผ่านช่องทางส่งเสริมการตลาด",
          ),
          null,
          text("increasing significantly", "เพิ่มขึ้นอย่างมีนัยสำคัญ"),
        ),
        indicator(
          "3.3",
          text("increasing of value of border trade in target areas", "มูลค่าการค้าชายแดนในพื้นที่เป้าหมายเพิ่มขึ้น"),
          null,
          text("Increasing significantly", "เพิ่มขึ้นอย่างมีนัยสำคัญ"),
        ),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S3.1",
      title: text(
        "Promotion and connecting trade business within provincial clusters",
        "การส่งเสริมและเชื่อมโยงธุรกิจการค้าภายในกลุ่มจังหวัด",
      ),
      children: [
        workPlan("S3.1-W1", "Creating trade opportunity with provincial clusters", "การสร้างโอกาสทางการค้ากับกลุ่มจังหวัด"),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S3.2",
      title: text(
        "Promotion, connecting business and develop commercial channel with outside market",
        "การส่งเสริม เชื่อมโยงธุรกิจ และพัฒนาช่องทางการค้ากับตลาดภายนอก",
      ),
      children: [
        workPlan(
          "S3.2-W1",
          "Promotion, connecting business and develop commercial channel with outside market",
          "การส่งเสริม เชื่อมโยงธุรกิจ และพัฒนาช่องทางการค้ากับตลาดภายนอก",
        ),
        workPlan("S3.2-W2", "Creating commercial opportunity in digital market", "การสร้างโอกาสทางการค้าในตลาดดิจิทัล"),
      ],
    },
  ],
};

const strategy4: PlanNodeSeed = {
  kind: "strategy",
  code: "S4",
  title: text(
    "Increasing competency in management and mobilization of trade in provincial clusters",
    "การเพิ่มสมรรถนะในการบริหารจัดการและขับเคลื่อนการค้าของกลุ่มจังหวัด",
  ),
  body: text(
    "The Increasing competency in management and mobilization of trade in provincial clusters strategy aims to " +
      "develop and upgrading capacity and ability of MOE’s personnel and other related agencies in provincial part " +
      "involving in management and mobilizing strategy of provincial cluster trade. The strategy also aims to support " +
      "tool and technology system, trade information, which help supporting operation as well as development " +
      "efficiently system for M&E on trade strategy of provincial clusters.",
    null,
  ),
  children: [
    {
      kind: "objective",
      code: "S4-O",
      title: text(
        "Organizations and personnel of MOE as well as other related agencies at local level possess high capacity",
        "องค์กรและบุคลากรของกระทรวงพาณิชย์และหน่วยงานที่เกี่ยวข้องในระดับพื้นที่มีขีดความสามารถสูง",
      ),
      indicators: [
        indicator(
          "4.1",
          text("Number of personnel received capacity building", "จำนวนบุคลากรที่ได้รับการพัฒนาขีดความสามารถ"),
          "%",
          text("90-100% achieve the criteria set.", "ร้อยละ 90-100 ผ่านเกณฑ์ที่กำหนด"),
        ),
        indicator(
          "4.2",
          text(
            "Level of satisfaction of concerning government agencies and private sector organization in the area",
            "ระดับความพึงพอใจของหน่วยงานภาครัฐและองค์กรภาคเอกชนที่เกี่ยวข้องในพื้นที่",
          ),
          "%",
          text("80%", "ร้อยละ 80"),
        ),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S4.1",
      title: text(
        "Increasing competency in mobilizing of provincial cluster trade",
        "การเพิ่มสมรรถนะในการขับเคลื่อนการค้าของกลุ่มจังหวัด",
      ),
      children: [
        workPlan("S4.1-W1", "Developing capacity of personnel at provincial area", "การพัฒนาศักยภาพบุคลากรในส่วนภูมิภาค"),
        workPlan(
          "S4.1-W2",
          "Building capacity of management system of provincial cluster",
          "การเสริมสร้างศักยภาพของระบบการบริหารจัดการของกลุ่มจังหวัด",
        ),
      ],
    },
    {
      kind: "sub_strategy",
      code: "S4.2",
      title: text(
        "Creating provincial cluster strategy mobilization network",
        "การสร้างเครือข่ายการขับเคลื่อนยุทธศาสตร์กลุ่มจังหวัด",
      ),
      children: [
        workPlan(
          "S4.2-W1",
          "Creating provincial cluster strategy mobilization network",
          "การสร้างเครือข่ายการขับเคลื่อนยุทธศาสตร์กลุ่มจังหวัด",
        ),
      ],
    },
  ],
};

export const plan2017to2021: PlanSeed = {
  code: "MOC-PCT-2017-2021",
  title: text("Strategic Plan on Provincial Cluster Trade 2017-2021", "แผนยุทธศาสตร์การค้ากลุ่มจังหวัด พ.ศ. 2560-2564"),
  level: "national_strategy",
  ownerAgencyCode: "MOC",
  periodStart: "2016-10-01", // start of FY2017 (FY2560)
  periodEnd: "2021-09-30", // end of FY2021 (FY2564)
  nodes: [vision, ...missions, ...purposes, ...strategicIssues, strategy1, strategy2, strategy3, strategy4],
} satisfies PlanSeed;
