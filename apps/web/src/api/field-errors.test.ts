import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { th } from "../i18n/th";
import { ApiError, isMissingRoute, type ApiErrorDetail } from "./client";
import { countryCodeErrors, fieldErrorsOf, nameInOneLanguageErrors, unplacedErrors } from "./field-errors";

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: "en",
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  });
});

const detail = (
  path: string,
  message: string,
  code: string | null = null,
  params: ApiErrorDetail["params"] = {},
): ApiErrorDetail => ({ path, message, code, params });

const error = new ApiError({
  code: "validation_failed",
  status: 400,
  message: "body: juristicId wrong check digit",
  details: [
    detail("juristicId", "has a wrong check digit", "invalid_check_digit"),
    detail("juristicId", "second message"),
    detail("products.0.name", "must not be empty"),
    detail("nameTh", "Too big: expected string to have <=300 characters", "too_long", { max: 300 }),
  ],
});

describe("fieldErrorsOf", () => {
  it("keys each field's first problem by its path, in words by its code", () => {
    expect(fieldErrorsOf(error, i18n.getFixedT("en"))).toEqual({
      juristicId: "Juristic ID has a wrong check digit.",
      "products.0.name": "must not be empty",
      nameTh: "Name in Thai may be at most 300 characters long.",
    });
  });

  it("says them in Thai in the Thai interface, and keeps the server's text for a detail without a code", () => {
    expect(fieldErrorsOf(error, i18n.getFixedT("th"))).toEqual({
      juristicId: "เลขทะเบียนนิติบุคคลมีเลขตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง",
      "products.0.name": "must not be empty",
      nameTh: "ชื่อภาษาไทยยาวได้ไม่เกิน 300 ตัวอักษร",
    });
  });

  it("gives nothing for errors that are not from the API", () => {
    expect(fieldErrorsOf(new Error("x"), i18n.getFixedT("en"))).toEqual({});
  });

  it("lists the problems no field shows, with the field's name", () => {
    expect(unplacedErrors(error, ["juristicId", "nameTh"], i18n.getFixedT("en"))).toEqual([
      "products.0.name: must not be empty",
    ]);
    expect(unplacedErrors(error, ["products.0.name"], i18n.getFixedT("th"))).toEqual([
      "เลขทะเบียนนิติบุคคลมีเลขตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง",
      "ชื่อภาษาไทยยาวได้ไม่เกิน 300 ตัวอักษร",
    ]);
  });
});

describe("isMissingRoute", () => {
  it("tells a route the server lacks from a record it lacks", () => {
    expect(isMissingRoute(new ApiError({ code: "not_found", status: 404, message: "No route GET /api/search." }))).toBe(
      true,
    );
    expect(isMissingRoute(new ApiError({ code: "not_found", status: 404, message: "cluster 9 was not found." }))).toBe(
      false,
    );
  });
});

describe("nameInOneLanguageErrors", () => {
  const fields = { th: "nameTh", en: "nameEn" };
  it("accepts a Thai name alone, or an English one alone", () => {
    expect(nameInOneLanguageErrors(fields, { th: "โครงการ", en: "" }, i18n.getFixedT("th"))).toEqual({});
    expect(nameInOneLanguageErrors(fields, { th: " ", en: "Programme" }, i18n.getFixedT("th"))).toEqual({});
  });
  it("puts the error under the Thai field when neither is given, worded like the server's", () => {
    expect(nameInOneLanguageErrors(fields, { th: "  ", en: "" }, i18n.getFixedT("th"))).toEqual({
      nameTh: "กรุณากรอกชื่อภาษาไทยหรือชื่อภาษาอังกฤษ",
    });
    expect(nameInOneLanguageErrors({ th: "titleTh", en: "titleEn" }, { th: "", en: "" }, i18n.getFixedT("en"))).toEqual(
      { titleTh: expect.stringContaining("Name in Thai") },
    );
  });
});

describe("countryCodeErrors", () => {
  it("takes assigned codes and words the first refused one as the server would, in Thai and English", () => {
    expect(countryCodeErrors("exportMarkets", ["JP", "GB", "US"], i18n.getFixedT("th"))).toEqual({});
    expect(countryCodeErrors("exportMarkets", ["JP", "UK", "EU"], i18n.getFixedT("th"))).toEqual({
      exportMarkets: "ตลาดส่งออก: UK ไม่ใช่รหัสประเทศตามมาตรฐาน ISO 3166 กรุณาใช้ GB",
    });
    expect(countryCodeErrors("buyerCountry", ["EU"], i18n.getFixedT("en"))).toEqual({
      buyerCountry: "Country: EU is a group of countries; give each country's code.",
    });
    expect(countryCodeErrors("countryCode", ["XK"], i18n.getFixedT("en"))).toEqual({
      countryCode: "Country: XK is not an ISO 3166 country code.",
    });
    expect(countryCodeErrors("countryCode", ["JPN"], i18n.getFixedT("th"))).toEqual({
      countryCode: "ประเทศต้องเป็นรหัสประเทศ ISO 3166 อักษรอังกฤษ 2 ตัว เช่น JP",
    });
  });

  it("words the server's refusal of UK under the field, naming GB", () => {
    const refused = new ApiError({
      code: "validation_failed",
      status: 400,
      message: "countryCode: is not an ISO 3166 country code: use GB",
      details: [
        detail("countryCode", "is not an ISO 3166 country code: use GB", "invalid_choice", {
          reason: "country_alias",
          given: "UK",
          instead: "GB",
        }),
      ],
    });
    expect(fieldErrorsOf(refused, i18n.getFixedT("en"))).toEqual({
      countryCode: "Country: UK is not an ISO 3166 country code; use GB.",
    });
  });
});
