// Generates a registry for the benchmarks: N enterprises as a DBD-style CSV (streamed to disk, never held
// whole), with valid juristic IDs, Thai and English names, TSIC codes, provinces and products.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { juristicIdCheckDigit } from "@sainam/core";

const THAI_WORDS = [
  "กาแฟ",
  "ข้าว",
  "ยาง",
  "ผ้าไหม",
  "สมุนไพร",
  "ผลไม้",
  "เครื่องสำอาง",
  "อาหาร",
  "ไม้",
  "เซรามิก",
  "ขนม",
  "น้ำผึ้ง",
  "ชา",
  "ผ้าฝ้าย",
  "เครื่องจักร",
];
const PLACES = ["เชียงใหม่", "ลำปาง", "ขอนแก่น", "ภูเก็ต", "สงขลา", "ระยอง", "อุบล", "นครปฐม", "สุโขทัย", "ตรัง"];
const EN_WORDS = [
  "Coffee",
  "Rice",
  "Rubber",
  "Silk",
  "Herbal",
  "Fruit",
  "Cosmetics",
  "Foods",
  "Timber",
  "Ceramics",
  "Snacks",
  "Honey",
  "Tea",
  "Cotton",
  "Machinery",
];
const TSIC = [
  "10794",
  "10611",
  "22191",
  "13121",
  "21002",
  "10302",
  "20231",
  "10799",
  "16101",
  "23931",
  "10712",
  "01492",
  "10793",
  "13111",
  "28299",
];
const PROVINCES = ["50", "52", "40", "83", "90", "21", "34", "73", "64", "92", "10", "11", "12", "13", "57"];

export function juristicIdOf(n: number): string {
  const first12 = `0105${String(n).padStart(8, "0")}`;
  return `${first12}${juristicIdCheckDigit(first12)}`;
}

export type GeneratedRow = {
  juristicId: string;
  nameTh: string;
  nameEn: string;
  tsic: string;
  province: string;
  capital: number;
  registeredOn: string;
  product: string;
};

export function rowOf(i: number): GeneratedRow {
  const k = i % THAI_WORDS.length;
  const place = PLACES[(i * 7) % PLACES.length] ?? "";
  return {
    juristicId: juristicIdOf(i + 1),
    nameTh: `บริษัท ${THAI_WORDS[k]}${place} ${i} จำกัด`,
    nameEn: `${EN_WORDS[k]} ${place === "" ? "" : "Siam"} ${i} Co., Ltd.`,
    tsic: TSIC[k] ?? "10799",
    province: PROVINCES[(i * 13) % PROVINCES.length] ?? "10",
    capital: 1_000_000 + (i % 50) * 100_000,
    registeredOn: `${1 + (i % 28)}/${1 + (i % 12)}/25${60 + (i % 8)}`,
    product: THAI_WORDS[(k + 1) % THAI_WORDS.length] ?? "",
  };
}

/** Writes a CSV of `count` rows in the layout of DBD's monthly new-registration files (UTF-8). */
export async function writeRegistryCsv(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("\ufeffเลขทะเบียนนิติบุคคล,ชื่อนิติบุคคล,ชื่อภาษาอังกฤษ,วันที่จดทะเบียน,ทุนจดทะเบียน,รหัสประเภทธุรกิจ,รหัสจังหวัด,ผลิตภัณฑ์\n");
  for (let i = 0; i < count; i++) {
    const r = rowOf(i);
    if (
      !out.write(
        `${r.juristicId},${r.nameTh},"${r.nameEn}",${r.registeredOn},"${r.capital.toLocaleString("en-US")}",${r.tsic},${r.province},${r.product}\n`,
      )
    ) {
      await once(out, "drain");
    }
  }
  out.end();
  await once(out, "finish");
}
