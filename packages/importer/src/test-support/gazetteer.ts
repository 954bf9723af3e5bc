import type { Gazetteer } from "../gazetteer.ts";

/** A slice of the reference geography (codes and names as in districts.csv / provinces.csv), for tests. */
export const testGazetteer: Gazetteer = {
  provinces: [
    { code: "10", nameTh: "กรุงเทพมหานคร", nameEn: "Bangkok" },
    { code: "12", nameTh: "นนทบุรี", nameEn: "Nonthaburi" },
    { code: "16", nameTh: "ลพบุรี", nameEn: "Lopburi" },
    { code: "19", nameTh: "สระบุรี", nameEn: "Saraburi" },
    { code: "30", nameTh: "นครราชสีมา", nameEn: "Nakhon Ratchasima" },
    { code: "50", nameTh: "เชียงใหม่", nameEn: "Chiang Mai" },
    { code: "90", nameTh: "สงขลา", nameEn: "Songkhla" },
  ],
  districts: [
    { code: "1004", provinceCode: "10", nameTh: "เขตบางรัก", nameEn: "Khet Bang Rak" },
    { code: "1019", provinceCode: "10", nameTh: "เขตตลิ่งชัน", nameEn: "Khet Taling Chan" },
    { code: "1030", provinceCode: "10", nameTh: "เขตจตุจักร", nameEn: "Khet Chatuchak" },
    { code: "1039", provinceCode: "10", nameTh: "เขตวัฒนา", nameEn: "Khet Watthana" },
    { code: "1201", provinceCode: "12", nameTh: "เมืองนนทบุรี", nameEn: "Mueang Nonthaburi" },
    { code: "1203", provinceCode: "12", nameTh: "บางใหญ่", nameEn: "Bang Yai" },
    { code: "1601", provinceCode: "16", nameTh: "เมืองลพบุรี", nameEn: "Mueang Lop Buri" },
    { code: "1913", provinceCode: "19", nameTh: "เฉลิมพระเกียรติ", nameEn: "Chaloem Phra Kiat" },
    { code: "3032", provinceCode: "30", nameTh: "เฉลิมพระเกียรติ", nameEn: "Chaloem Phra Kiat" },
    { code: "5001", provinceCode: "50", nameTh: "เมืองเชียงใหม่", nameEn: "Mueang Chiang Mai" },
    { code: "5013", provinceCode: "50", nameTh: "สันกำแพง", nameEn: "San Kamphaeng" },
    { code: "9001", provinceCode: "90", nameTh: "เมืองสงขลา", nameEn: "Mueang Songkhla" },
    { code: "9011", provinceCode: "90", nameTh: "หาดใหญ่", nameEn: "Hat Yai" },
  ],
};
