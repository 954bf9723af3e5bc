import type { Bilingual, ProvincialClusterSeed } from "./types.ts";

/**
 * The 18 provincial clusters of the Ministry of Commerce's Strategic Plan on Provincial Cluster Trade 2017-2021
 * (seed 000, table "Trade Strategic Position of 18 Provincial Clusters"), in the plan's numbering.
 *
 * - English: the plan's own wording; only line and page breaks of the PDF extraction are undone (plus the stray
 *   ")" after cluster 18's position and the space before a comma in cluster 7's first issue). Spelling as in the
 *   plan ("Losgistic", "Trade in related to", "safety food") is kept on purpose.
 * - Provinces: DOPA codes of files/provinces.csv; the comment beside each list gives the plan's spelling.
 *   Bangkok (10) belongs to none of the 18.
 * - Thai: cluster names are the official names of the กลุ่มจังหวัด; positions and issues are Sainam's translation
 *   of the English text (not the plan's official Thai wording), null where no settled Thai rendering exists.
 */
const text = (en: string, th: string | null): Bilingual => ({ en, th });

export const provincialClusters: ProvincialClusterSeed[] = [
  {
    number: 1,
    name: text("Upper Central Provincial Cluster 1", "กลุ่มจังหวัดภาคกลางตอนบน 1"),
    // Nonthaburi, Pathum Thani, Phra Nakhon Si Ayutthaya and Saraburi
    provinceCodes: ["12", "13", "14", "19"],
    position: text(
      "Green Industry Cluster, Food Innopolis, Innovation Education and Logistics Hub",
      "คลัสเตอร์อุตสาหกรรมสีเขียว เมืองนวัตกรรมอาหาร นวัตกรรมการศึกษา และศูนย์กลางโลจิสติกส์",
    ),
    commonTradeIssues: [
      text("Trade related to Green Industry", "การค้าที่เกี่ยวข้องกับอุตสาหกรรมสีเขียว"),
      text("Trade related to cultural tourism and world heritage", "การค้าที่เกี่ยวข้องกับการท่องเที่ยวเชิงวัฒนธรรมและมรดกโลก"),
      text(
        "Trade related to safe food and healthy food (e.g. functional food, food for ageing, etc.)",
        "การค้าที่เกี่ยวข้องกับอาหารปลอดภัยและอาหารเพื่อสุขภาพ (เช่น อาหารฟังก์ชัน อาหารสำหรับผู้สูงอายุ ฯลฯ)",
      ),
      text("Source of knowledge on educational innovation", "แหล่งองค์ความรู้ด้านนวัตกรรมการศึกษา"),
      text("logistics hub", "ศูนย์กลางโลจิสติกส์"),
    ],
  },
  {
    number: 2,
    name: text("Upper Central Provincial Cluster 2", "กลุ่มจังหวัดภาคกลางตอนบน 2"),
    // Chai Nat, Lop Buri, Sing Buri and Ang Thong
    provinceCodes: ["18", "16", "17", "15"],
    position: text("Organic Food Production Based", "ฐานการผลิตอาหารอินทรีย์"),
    commonTradeIssues: [text("Trade related to healthy and organic food", "การค้าที่เกี่ยวข้องกับอาหารเพื่อสุขภาพและอาหารอินทรีย์")],
  },
  {
    number: 3,
    name: text("Middle Central Provincial Cluster", "กลุ่มจังหวัดภาคกลางตอนกลาง"),
    // Chachoengsao, Nakhon Nayok, Prachin Buri, Samut Prakan and Sa Kaeo
    provinceCodes: ["24", "26", "25", "11", "27"],
    position: text(
      "Green Industry Hub, Green Tourism and Gateway to ASEAN & Global",
      "ศูนย์กลางอุตสาหกรรมสีเขียว การท่องเที่ยวสีเขียว และประตูสู่อาเซียนและโลก",
    ),
    commonTradeIssues: [
      text("Trade related to Green Industry and Green Tourism", "การค้าที่เกี่ยวข้องกับอุตสาหกรรมสีเขียวและการท่องเที่ยวสีเขียว"),
      text("Trade in healthy food", "การค้าอาหารเพื่อสุขภาพ"),
      text("Trade with Cambodia, ASEAN and the world", "การค้ากับกัมพูชา อาเซียน และโลก"),
    ],
  },
  {
    number: 4,
    name: text("Lower Central Provincial Cluster 1", "กลุ่มจังหวัดภาคกลางตอนล่าง 1"),
    // Kanchanaburi, Nakhon Pathom, Ratchaburi and Suphan Buri
    provinceCodes: ["71", "73", "70", "72"],
    position: text("Western Creative Tourism and trade Destination", "แหล่งท่องเที่ยวเชิงสร้างสรรค์และการค้าภาคตะวันตก"),
    commonTradeIssues: [
      text("Trade related to creative tourism", "การค้าที่เกี่ยวข้องกับการท่องเที่ยวเชิงสร้างสรรค์"),
      text("Trade related to safe food and healthy food", "การค้าที่เกี่ยวข้องกับอาหารปลอดภัยและอาหารเพื่อสุขภาพ"),
    ],
  },
  {
    number: 5,
    name: text("Lower Central Provincial Cluster 2", "กลุ่มจังหวัดภาคกลางตอนล่าง 2"),
    // Prachuap Khiri Khan, Phetchaburi, Samut Songkhram and Samut Sakhon
    provinceCodes: ["77", "76", "75", "74"],
    position: text(
      "Seafood and Agricultural Trade Centre and Global Tourism Destination",
      "ศูนย์กลางการค้าอาหารทะเลและสินค้าเกษตร และแหล่งท่องเที่ยวระดับโลก",
    ),
    commonTradeIssues: [
      text("Trade related to fisheries and processed products", "การค้าที่เกี่ยวข้องกับการประมงและผลิตภัณฑ์แปรรูป"),
      text("Trade related to international tourism", "การค้าที่เกี่ยวข้องกับการท่องเที่ยวระหว่างประเทศ"),
    ],
  },
  {
    number: 6,
    name: text("Southern Provincial Cluster (East Coast)", "กลุ่มจังหวัดภาคใต้ฝั่งอ่าวไทย"),
    // Chumphon, Nakhon Si Thammarat, Phatthalung and Surat Thani
    provinceCodes: ["86", "80", "93", "84"],
    position: text(
      "Southern Agricultural Trading Centre (Rubber, Oil Palm and Fruit)",
      "ศูนย์กลางการค้าสินค้าเกษตรภาคใต้ (ยางพารา ปาล์มน้ำมัน และผลไม้)",
    ),
    commonTradeIssues: [
      text("Trade related to rubber and oil palm", "การค้าที่เกี่ยวข้องกับยางพาราและปาล์มน้ำมัน"),
      text("Trade related to fruits and safety food", "การค้าที่เกี่ยวข้องกับผลไม้และอาหารปลอดภัย"),
    ],
  },
  {
    number: 7,
    name: text("Southern Provincial Cluster (West Coast)", "กลุ่มจังหวัดภาคใต้ฝั่งอันดามัน"),
    // Krabi, Trang, Phangnga, Phuket and Ranong
    provinceCodes: ["81", "92", "82", "83", "85"],
    position: text("Creative Cluster-city of Gastronomy and World Class Tourism", null),
    commonTradeIssues: [
      text("Trade related to safe food, healthy food and gastronomy", null),
      text("Trade related to world class tourism", "การค้าที่เกี่ยวข้องกับการท่องเที่ยวระดับโลก"),
    ],
  },
  {
    number: 8,
    name: text("Southern Provincial Cluster (Southern Most)", "กลุ่มจังหวัดภาคใต้ชายแดน"),
    // Narathiwat, Pattani, Yala, Songkhla and Satun
    provinceCodes: ["96", "94", "95", "90", "91"],
    position: text(
      "Southern Agricultural and Food Innopolis and Gateway to Southern ASEAN",
      "เมืองนวัตกรรมเกษตรและอาหารภาคใต้ และประตูสู่อาเซียนตอนใต้",
    ),
    commonTradeIssues: [
      text(
        "Trade related to agricultural products and food products (rubber, seafood and halal food products)",
        "การค้าที่เกี่ยวข้องกับสินค้าเกษตรและผลิตภัณฑ์อาหาร (ยางพารา อาหารทะเล และผลิตภัณฑ์อาหารฮาลาล)",
      ),
      text("Trade with Southern ASEAN", "การค้ากับอาเซียนตอนใต้"),
    ],
  },
  {
    number: 9,
    name: text("Eastern Provincial Cluster", "กลุ่มจังหวัดภาคตะวันออก"),
    // Chanthaburi, Chon Buri, Trat and Rayong
    provinceCodes: ["22", "20", "23", "21"],
    position: text(
      "Organic Fruit, Hi-Tech & Clean Industry and Medical Tourism Destination",
      "ผลไม้อินทรีย์ อุตสาหกรรมเทคโนโลยีขั้นสูงและอุตสาหกรรมสะอาด และแหล่งท่องเที่ยวเชิงการแพทย์",
    ),
    commonTradeIssues: [
      text("Trade related to healthy food and fruit", "การค้าที่เกี่ยวข้องกับอาหารเพื่อสุขภาพและผลไม้"),
      text("Trade related to clean industry and green factory", "การค้าที่เกี่ยวข้องกับอุตสาหกรรมสะอาดและโรงงานสีเขียว"),
      text("Trade related to medical tourism services", "การค้าที่เกี่ยวข้องกับบริการท่องเที่ยวเชิงการแพทย์"),
    ],
  },
  {
    number: 10,
    name: text("Upper North-Eastern Provincial Cluster 1", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน 1"),
    // Loei, Nong Khai, Bueng Kan, Nong Bua Lam Phu and Udon Thani
    provinceCodes: ["42", "43", "38", "39", "41"],
    position: text(
      "GMS Trading Centre and Gateway to Eastern ASEAN & China",
      "ศูนย์กลางการค้าอนุภูมิภาคลุ่มแม่น้ำโขง (GMS) และประตูสู่อาเซียนตะวันออกและจีน",
    ),
    commonTradeIssues: [
      text("Trade connected to Eastern ASEAN & China", "การค้าเชื่อมโยงกับอาเซียนตะวันออกและจีน"),
      text(
        "Trade in agricultural products and trade related to GMS tourism",
        "การค้าสินค้าเกษตรและการค้าที่เกี่ยวข้องกับการท่องเที่ยวในอนุภูมิภาคลุ่มแม่น้ำโขง (GMS)",
      ),
    ],
  },
  {
    number: 11,
    name: text("Upper North-Eastern Provincial Cluster 2", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนบน 2"),
    // Nakhon Phanom, Mukdahan and Sakon Nakhon
    provinceCodes: ["48", "49", "47"],
    position: text("Trading Center to ASEAN and Southern China", "ศูนย์กลางการค้าสู่อาเซียนและจีนตอนใต้"),
    commonTradeIssues: [
      text("Trade related to high quality agriculture and livestock", "การค้าที่เกี่ยวข้องกับสินค้าเกษตรและปศุสัตว์คุณภาพสูง"),
      text("Trade related to Green industry and religion", "การค้าที่เกี่ยวข้องกับอุตสาหกรรมสีเขียวและศาสนา"),
    ],
  },
  {
    number: 12,
    name: text("Middle North-Eastern Provincial Cluster", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนกลาง"),
    // Kalasin, Khon Kaen, Maha Sarakham and Roi Et
    provinceCodes: ["46", "40", "44", "45"],
    position: text(
      "North-eastern Agricultural Food Innopolis and Losgistic Hub",
      "เมืองนวัตกรรมอาหารเกษตรภาคตะวันออกเฉียงเหนือ และศูนย์กลางโลจิสติกส์",
    ),
    commonTradeIssues: [
      text(
        "Trade related to agriculture and innovative food products",
        "การค้าที่เกี่ยวข้องกับสินค้าเกษตรและผลิตภัณฑ์อาหารเชิงนวัตกรรม",
      ),
      text(
        "Trade in related to educational services, health services, international conference and logistics",
        "การค้าที่เกี่ยวข้องกับบริการการศึกษา บริการสุขภาพ การประชุมนานาชาติ และโลจิสติกส์",
      ),
    ],
  },
  {
    number: 13,
    name: text("Lower North-Eastern Provincial Cluster 1", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนล่าง 1"),
    // Nakhon Ratchasima, Chaiyaphum, Buri Ram and Surin
    provinceCodes: ["30", "36", "31", "32"],
    position: text(
      "Khmer Civilization and Sport Creative Cluster and Agricultural trading Centre",
      "คลัสเตอร์สร้างสรรค์ด้านอารยธรรมขอมและกีฬา และศูนย์กลางการค้าสินค้าเกษตร",
    ),
    commonTradeIssues: [
      text("Trade related to agricultural products", "การค้าที่เกี่ยวข้องกับสินค้าเกษตร"),
      text(
        "Trade related to Khmer civilization tourism and sport tourism",
        "การค้าที่เกี่ยวข้องกับการท่องเที่ยวอารยธรรมขอมและการท่องเที่ยวเชิงกีฬา",
      ),
    ],
  },
  {
    number: 14,
    name: text("Lower North-Eastern Provincial Cluster 2", "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนล่าง 2"),
    // Yasothon, Si Sa Ket, Amnat Charoen and Ubon Ratchathani
    provinceCodes: ["35", "33", "37", "34"],
    position: text(
      "World Jasmine Rice Production Centre and Gateway to Eastern ASEAN",
      "ศูนย์กลางการผลิตข้าวหอมมะลิของโลก และประตูสู่อาเซียนตะวันออก",
    ),
    commonTradeIssues: [
      text("Trade related Jasmine rice", "การค้าที่เกี่ยวข้องกับข้าวหอมมะลิ"),
      text("Trade related to safe food and healthy food", "การค้าที่เกี่ยวข้องกับอาหารปลอดภัยและอาหารเพื่อสุขภาพ"),
      text("Border trade", "การค้าชายแดน"),
    ],
  },
  {
    number: 15,
    name: text("Upper Northern Provincial Cluster 1", "กลุ่มจังหวัดภาคเหนือตอนบน 1"),
    // Chiang Mai, Mae Hong Son, Lampang and Lamphun
    provinceCodes: ["50", "58", "52", "51"],
    position: text(
      "Northern Creative Cluster and Agricultural and Food Innopolis",
      "คลัสเตอร์สร้างสรรค์ภาคเหนือ และเมืองนวัตกรรมเกษตรและอาหาร",
    ),
    commonTradeIssues: [
      text(
        "Trade related to creative economy and cultural tourism",
        "การค้าที่เกี่ยวข้องกับเศรษฐกิจสร้างสรรค์และการท่องเที่ยวเชิงวัฒนธรรม",
      ),
      text("Trade in related to safe food and healthy food", "การค้าที่เกี่ยวข้องกับอาหารปลอดภัยและอาหารเพื่อสุขภาพ"),
    ],
  },
  {
    number: 16,
    name: text("Upper Northern Provincial Cluster 2", "กลุ่มจังหวัดภาคเหนือตอนบน 2"),
    // Chiang Rai, Nan, Phayao and Phrae
    provinceCodes: ["57", "55", "56", "54"],
    position: text(
      "Northern Trade and Green Tourism Destination and Gateway to GMS & ASEAN+3",
      "แหล่งการค้าและการท่องเที่ยวสีเขียวภาคเหนือ และประตูสู่อนุภูมิภาคลุ่มแม่น้ำโขง (GMS) และอาเซียน+3",
    ),
    commonTradeIssues: [
      text("Border trade and trade with GMS and ASEAN+3", "การค้าชายแดนและการค้ากับอนุภูมิภาคลุ่มแม่น้ำโขง (GMS) และอาเซียน+3"),
      text("trade related to green tourism", "การค้าที่เกี่ยวข้องกับการท่องเที่ยวสีเขียว"),
      text("Trade related to safe food and healthy food", "การค้าที่เกี่ยวข้องกับอาหารปลอดภัยและอาหารเพื่อสุขภาพ"),
    ],
  },
  {
    number: 17,
    name: text("Lower Northern Provincial Cluster 1", "กลุ่มจังหวัดภาคเหนือตอนล่าง 1"),
    // Tak, Phitsanulok, Phetchabun, Sukhothai and Uttaradit
    provinceCodes: ["63", "65", "67", "64", "53"],
    position: text(
      "Indo-China Trade and Service Centre and Gateway to Myanmar",
      "ศูนย์กลางการค้าและบริการอินโดจีน และประตูสู่เมียนมา",
    ),
    commonTradeIssues: [
      text("Border trade with Myanmar", "การค้าชายแดนกับเมียนมา"),
      text(
        "Trade related to services and facilities provided by East-West Economic Corridor and North-South Economic Corridor",
        "การค้าที่เกี่ยวข้องกับบริการและสิ่งอำนวยความสะดวกตามแนวระเบียงเศรษฐกิจตะวันออก-ตะวันตกและระเบียงเศรษฐกิจเหนือ-ใต้",
      ),
      text(
        "Logistic services, health services and services for seniors",
        "บริการโลจิสติกส์ บริการสุขภาพ และบริการสำหรับผู้สูงอายุ",
      ),
    ],
  },
  {
    number: 18,
    name: text("Lower Northern Provincial Cluster 2", "กลุ่มจังหวัดภาคเหนือตอนล่าง 2"),
    // Kamphaeng Phet, Nakhon Sawan, Phichit and Uthai Thani
    provinceCodes: ["62", "60", "66", "61"],
    position: text("Rice Business Centre and Heritage Tourism Destination", "ศูนย์กลางธุรกิจข้าว และแหล่งท่องเที่ยวเชิงมรดก"),
    commonTradeIssues: [
      text("Trade related to rice business and safe food", "การค้าที่เกี่ยวข้องกับธุรกิจข้าวและอาหารปลอดภัย"),
      text("Trade related to world heritage", "การค้าที่เกี่ยวข้องกับมรดกโลก"),
    ],
  },
] satisfies ProvincialClusterSeed[];
