import type { CellResult } from "./cell-values.ts";

/** The codes of the TSIC 2009 list (Thailand Standard Industrial Classification), as the server loads them from its reference data. */
export type TsicCodes = ReadonlyArray<string>;

const indexes = new WeakMap<TsicCodes, ReadonlySet<string>>();

function indexOf(codes: TsicCodes): ReadonlySet<string> {
  let index = indexes.get(codes);
  if (!index) indexes.set(codes, (index = new Set(codes)));
  return index;
}

/**
 * Checks a TSIC code as read from a file (1-5 digits, readTsicCode) against the TSIC 2009 list: a code on the list
 * stays as written; a 4-digit code that is not on the list but whose 5-digit form with the leading 0 is (Excel
 * drops it: "1110" for 01110) gets its 0 back; anything else is not a TSIC 2009 code.
 */
export function checkTsicCode(code: string, codes: TsicCodes): CellResult<string> {
  const index = indexOf(codes);
  if (index.has(code)) return { ok: true, value: code };
  if (code.length === 4 && index.has(`0${code}`)) return { ok: true, value: `0${code}` };
  return { ok: false, message: `not a TSIC 2009 code: ${code}`, code: "not_found", params: { list: "TSIC 2009" } };
}
