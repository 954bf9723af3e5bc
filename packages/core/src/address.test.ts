import { describe, it, expect } from "vitest";
import type { Gazetteer } from "./address.ts";
import { parseThaiAddress } from "./address.ts";

// Rows copied from data/provinces.csv and data/districts.csv (DOPA codes).
const gazetteer: Gazetteer = {
  provinces: [
    { code: "10", nameTh: "กรุงเทพมหานคร", nameEn: "Bangkok" },
    { code: "11", nameTh: "สมุทรปราการ", nameEn: "Samut Prakan" },
    { code: "14", nameTh: "พระนครศรีอยุธยา", nameEn: "Phra Nakhon Si Ayutthaya" },
    { code: "30", nameTh: "นครราชสีมา", nameEn: "Nakhon Ratchasima" },
    { code: "43", nameTh: "หนองคาย", nameEn: "Nong Khai" },
    { code: "50", nameTh: "เชียงใหม่", nameEn: "Chiang Mai" },
    { code: "54", nameTh: "แพร่", nameEn: "Phrae" },
    { code: "55", nameTh: "น่าน", nameEn: "Nan" },
    { code: "57", nameTh: "เชียงราย", nameEn: "Chiang Rai" },
    { code: "90", nameTh: "สงขลา", nameEn: "Songkhla" },
  ],
  districts: [
    { code: "1014", provinceCode: "10", nameTh: "เขตพญาไท", nameEn: "Khet Phaya Thai" },
    { code: "1016", provinceCode: "10", nameTh: "เขตบางกอกใหญ่", nameEn: "Khet Bangkok Yai" },
    { code: "1037", provinceCode: "10", nameTh: "เขตราชเทวี", nameEn: "Khet Ratchathewi" },
    { code: "1101", provinceCode: "11", nameTh: "เมืองสมุทรปราการ", nameEn: "Mueang Samut Prakan" },
    { code: "1103", provinceCode: "11", nameTh: "บางพลี", nameEn: "Bang Phli" },
    { code: "1401", provinceCode: "14", nameTh: "พระนครศรีอยุธยา", nameEn: "Phra Nakhon Si Ayutthaya" },
    { code: "1404", provinceCode: "14", nameTh: "บางไทร", nameEn: "Bang Sai" },
    { code: "3001", provinceCode: "30", nameTh: "เมืองนครราชสีมา", nameEn: "Mueang Nakhon Ratchasima" },
    { code: "3027", provinceCode: "30", nameTh: "เมืองยาง", nameEn: "Mueang Yang" },
    { code: "3032", provinceCode: "30", nameTh: "เฉลิมพระเกียรติ", nameEn: "Chaloem Phra Kiat" },
    { code: "4301", provinceCode: "43", nameTh: "เมืองหนองคาย", nameEn: "Mueang Nong Khai" },
    { code: "4307", provinceCode: "43", nameTh: "ศรีเชียงใหม่", nameEn: "Si Chiang Mai" },
    { code: "5001", provinceCode: "50", nameTh: "เมืองเชียงใหม่", nameEn: "Mueang Chiang Mai" },
    { code: "5007", provinceCode: "50", nameTh: "แม่ริม", nameEn: "Mae Rim" },
    { code: "5014", provinceCode: "50", nameTh: "สันทราย", nameEn: "San Sai" },
    { code: "5401", provinceCode: "54", nameTh: "เมืองแพร่", nameEn: "Mueang Phrae" },
    { code: "5501", provinceCode: "55", nameTh: "เมืองน่าน", nameEn: "Mueang Nan" },
    { code: "5515", provinceCode: "55", nameTh: "เฉลิมพระเกียรติ", nameEn: "Chaloem Phra Kiat" },
    { code: "5701", provinceCode: "57", nameTh: "เมืองเชียงราย", nameEn: "Mueang Chiang Rai" },
    { code: "5705", provinceCode: "57", nameTh: "พาน", nameEn: "Phan" },
    { code: "9001", provinceCode: "90", nameTh: "เมืองสงขลา", nameEn: "Mueang Songkhla" },
    { code: "9011", provinceCode: "90", nameTh: "หาดใหญ่", nameEn: "Hat Yai" },
  ],
};

const parse = (text: string) => parseThaiAddress(text, gazetteer);

describe("parseThaiAddress — Thai addresses with markers", () => {
  it("reads อ. and จ. and the postcode, ignoring the sub-district after ต.", () => {
    expect(parse("99/1 หมู่ 3 ต.สันทราย อ.เมืองเชียงใหม่ จ.เชียงใหม่ 50000")).toEqual({
      provinceCode: "50",
      districtCode: "5001",
      postcode: "50000",
      confidence: "exact",
    });
  });

  it("reads a Bangkok address with แขวง and เขต", () => {
    expect(parse("123 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพมหานคร 10400")).toEqual({
      provinceCode: "10",
      districtCode: "1014",
      postcode: "10400",
      confidence: "exact",
    });
  });

  it("reads อำเภอเมือง alone as the province's Mueang district", () => {
    expect(parse("เลขที่ 5 ตำบลบ้านใหม่ อำเภอเมือง จังหวัดนครราชสีมา")).toEqual({
      provinceCode: "30",
      districtCode: "3001",
      postcode: null,
      confidence: "exact",
    });
  });

  it("does not take another district starting with เมือง for อ.เมือง", () => {
    expect(parse("อ.เมือง จ.นครราชสีมา").districtCode).toBe("3001");
    expect(parse("อ.เมืองยาง จ.นครราชสีมา").districtCode).toBe("3027");
  });

  it("reads อ.เมือง of Ayutthaya, whose capital district carries the province's own name", () => {
    expect(parse("อ.เมือง จ.พระนครศรีอยุธยา").districtCode).toBe("1401");
  });

  it("does not read a sub-district as the district even when a district has that name", () => {
    expect(parse("ต.แม่ริม อ.สันทราย จ.เชียงใหม่")).toMatchObject({ districtCode: "5014" });
    expect(parse("ต.สันทราย จ.เชียงใหม่")).toMatchObject({
      provinceCode: "50",
      districtCode: null,
      confidence: "partial",
    });
  });

  it("reads markers glued to the word before them", () => {
    expect(parse("ต.สันทรายอ.เมืองเชียงใหม่จ.เชียงใหม่")).toMatchObject({ provinceCode: "50", districtCode: "5001" });
  });

  it("reads a marker followed by a space", () => {
    expect(parse("อำเภอ แม่ริม จังหวัด เชียงใหม่")).toMatchObject({
      provinceCode: "50",
      districtCode: "5007",
      confidence: "exact",
    });
  });

  it("keeps a district name that ends in เขต whole", () => {
    const withEnding = {
      provinces: [{ code: "24", nameTh: "ฉะเชิงเทรา", nameEn: "Chachoengsao" }],
      districts: [{ code: "2408", provinceCode: "24", nameTh: "สนามชัยเขต", nameEn: "Sanam Chai Khet" }],
    };
    expect(parseThaiAddress("อ.สนามชัยเขต จ.ฉะเชิงเทรา", withEnding)).toMatchObject({
      districtCode: "2408",
      confidence: "exact",
    });
  });

  it("ignores a road named after a province", () => {
    expect(parse("ถนนเชียงใหม่ อ.หาดใหญ่ จ.สงขลา")).toMatchObject({ provinceCode: "90", districtCode: "9011" });
  });

  it("reads Thai digits in the postcode", () => {
    expect(parse("อ.แม่ริม จ.เชียงใหม่ ๕๐๑๘๐")).toMatchObject({ postcode: "50180", districtCode: "5007" });
  });

  it("reads an address written over several lines", () => {
    expect(parse("99 หมู่ 1\nอ.พาน\nจ.เชียงราย\n57120")).toMatchObject({
      provinceCode: "57",
      districtCode: "5705",
      postcode: "57120",
    });
  });
});

describe("parseThaiAddress — Bangkok's everyday names", () => {
  it.each(["กทม.", "กทม", "กรุงเทพฯ", "กรุงเทพ", "กรุงเทพมหานคร", "Bangkok", "Krung Thep Maha Nakhon", "BKK"])(
    "reads %s as Bangkok",
    (name) => {
      expect(parse(name)).toEqual({ provinceCode: "10", districtCode: null, postcode: null, confidence: "partial" });
    },
  );

  it("reads a district after กทม. and กรุงเทพฯ", () => {
    expect(parse("เขตราชเทวี กทม. 10400")).toMatchObject({
      provinceCode: "10",
      districtCode: "1037",
      confidence: "exact",
    });
    expect(parse("แขวงถนนเพชรบุรี เขตราชเทวี กรุงเทพฯ")).toMatchObject({ provinceCode: "10", districtCode: "1037" });
  });

  it("finds a Bangkok district with or without its เขต / Khet", () => {
    expect(parse("พญาไท กรุงเทพฯ").districtCode).toBe("1014");
    expect(parse("Khet Phaya Thai, Bangkok 10400").districtCode).toBe("1014");
    expect(parse("Phaya Thai District, Bangkok").districtCode).toBe("1014");
  });

  it("does not mistake the district Bangkok Yai for the word Bangkok", () => {
    expect(parse("Khet Bangkok Yai, Bangkok")).toMatchObject({
      provinceCode: "10",
      districtCode: "1016",
      confidence: "exact",
    });
  });
});

describe("parseThaiAddress — English addresses", () => {
  it("reads a District and a province after a comma", () => {
    expect(parse("12 Moo 4, Mueang Chiang Mai District, Chiang Mai 50000")).toEqual({
      provinceCode: "50",
      districtCode: "5001",
      postcode: "50000",
      confidence: "exact",
    });
  });

  it("reads Mueang District alone as the province's Mueang district", () => {
    expect(parse("Mueang District, Chiang Rai")).toMatchObject({ provinceCode: "57", districtCode: "5701" });
  });

  it("reads the Muang spelling", () => {
    expect(parse("Muang Chiang Mai, Chiang Mai")).toMatchObject({ districtCode: "5001" });
  });

  it("reads Amphoe and Changwat", () => {
    expect(parse("Amphoe Mae Rim Changwat Chiang Mai")).toMatchObject({
      provinceCode: "50",
      districtCode: "5007",
      confidence: "exact",
    });
  });

  it("reads the words of a name run together and in any case", () => {
    expect(parse("HAT YAI, SONGKHLA")).toMatchObject({ provinceCode: "90", districtCode: "9011" });
    expect(parse("Maerim, Chiangmai")).toMatchObject({ provinceCode: "50", districtCode: "5007" });
  });

  it("ignores the Tambon and the Road", () => {
    expect(parse("Tambon San Sai, Amphoe Mae Rim, Chiang Mai")).toMatchObject({ districtCode: "5007" });
    expect(parse("Chiang Rai Road, Hat Yai, Songkhla")).toMatchObject({ provinceCode: "90", districtCode: "9011" });
  });
});

describe("parseThaiAddress — the district always lies in the province", () => {
  it("returns no district when the named district belongs to another province", () => {
    expect(parse("อ.สันทราย จ.เชียงราย")).toEqual({
      provinceCode: "57",
      districtCode: null,
      postcode: null,
      confidence: "partial",
    });
  });

  it("returns no district for อ.เมือง in Bangkok, which has none", () => {
    expect(parse("อ.เมือง กรุงเทพฯ")).toMatchObject({ provinceCode: "10", districtCode: null });
  });

  it("prefers the marked province over a province name inside the district's name", () => {
    expect(parse("อ.ศรีเชียงใหม่ จ.หนองคาย")).toMatchObject({
      provinceCode: "43",
      districtCode: "4307",
      confidence: "exact",
    });
  });

  it("prefers a province standing as a word over one glued inside a district name", () => {
    expect(parse("ศรีเชียงใหม่ หนองคาย")).toMatchObject({ provinceCode: "43", districtCode: "4307" });
  });

  it("does not read a province-named capital district into an address naming only the province", () => {
    expect(parse("พระนครศรีอยุธยา")).toMatchObject({ provinceCode: "14", districtCode: null, confidence: "partial" });
  });
});

describe("parseThaiAddress — inferring the province", () => {
  it("infers the province from a district found in only one province", () => {
    expect(parse("เขตพญาไท")).toEqual({
      provinceCode: "10",
      districtCode: "1014",
      postcode: null,
      confidence: "partial",
    });
    expect(parse("อ.เมืองเชียงใหม่")).toMatchObject({ provinceCode: "50", districtCode: "5001", confidence: "partial" });
  });

  it("does not guess between provinces that share a district name", () => {
    expect(parse("อำเภอเฉลิมพระเกียรติ")).toEqual({
      provinceCode: null,
      districtCode: null,
      postcode: null,
      confidence: "none",
    });
  });

  it("lets the postcode choose between provinces that share a district name", () => {
    expect(parse("อำเภอเฉลิมพระเกียรติ 30000")).toEqual({
      provinceCode: "30",
      districtCode: "3032",
      postcode: "30000",
      confidence: "partial",
    });
    expect(parse("อำเภอเฉลิมพระเกียรติ 55130")).toMatchObject({ provinceCode: "55", districtCode: "5515" });
  });
});

describe("parseThaiAddress — the postcode", () => {
  it("never names a province on its own", () => {
    expect(parse("10270")).toEqual({ provinceCode: null, districtCode: null, postcode: "10270", confidence: "none" });
  });

  it("does not override the province named, since postal prefixes are not DOPA codes", () => {
    // Bang Phli, Samut Prakan (DOPA 11) has postcode 10540: its postal prefix is Bangkok's code.
    expect(parse("อ.บางพลี จ.สมุทรปราการ 10540")).toEqual({
      provinceCode: "11",
      districtCode: "1103",
      postcode: "10540",
      confidence: "exact",
    });
  });

  it("breaks a tie between two provinces named alike", () => {
    expect(parse("เชียงราย เชียงใหม่ 57100")).toMatchObject({ provinceCode: "57", confidence: "partial" });
  });

  it("falls back to the province named last when nothing breaks the tie", () => {
    expect(parse("เชียงราย เชียงใหม่")).toMatchObject({ provinceCode: "50", confidence: "partial" });
  });

  it("does not take a house number for a postcode", () => {
    expect(parse("12345/6 อ.แม่ริม จ.เชียงใหม่").postcode).toBeNull();
    expect(parse("เลขที่ 123 อ.แม่ริม จ.เชียงใหม่").postcode).toBeNull();
  });

  it("takes the last 5-digit number as the postcode", () => {
    expect(parse("ห้อง 10101 อ.แม่ริม จ.เชียงใหม่ 50180").postcode).toBe("50180");
  });

  it("rejects a number outside the range of Thai postcodes", () => {
    expect(parse("อ.แม่ริม จ.เชียงใหม่ 00123").postcode).toBeNull();
    expect(parse("อ.แม่ริม จ.เชียงใหม่ 99999").postcode).toBeNull();
  });
});

describe("parseThaiAddress — what is not an address", () => {
  it("returns none for empty text", () => {
    expect(parse("")).toEqual({ provinceCode: null, districtCode: null, postcode: null, confidence: "none" });
  });

  it("does not find a province inside an ordinary word", () => {
    // ICU cuts เผยแพร่ as เผย|แพร่, but แพร่ (Phrae) glued into a word with nothing to back it is not a province.
    expect(parse("ผลิตภัณฑ์เผยแพร่").provinceCode).toBeNull();
  });

  it("does not match part of an English word", () => {
    expect(parse("Nantes, France").provinceCode).toBeNull();
  });

  it("returns none when no name is known", () => {
    expect(parse("1600 Amphitheatre Parkway, Mountain View")).toMatchObject({ provinceCode: null, confidence: "none" });
  });
});

describe("parseThaiAddress — Bangkok in other names", () => {
  it("does not read Bangkok Bank (ธนาคารกรุงเทพ) as Bangkok", () => {
    expect(parse("ธนาคารกรุงเทพ").provinceCode).toBeNull();
    expect(parse("ธนาคารกรุงเทพ สาขาแม่ริม อ.แม่ริม จ.เชียงใหม่")).toMatchObject({
      provinceCode: "50",
      districtCode: "5007",
      confidence: "exact",
    });
  });
});
