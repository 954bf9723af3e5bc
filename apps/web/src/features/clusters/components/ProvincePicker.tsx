import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { useProvinces, useRegions } from "../../provinces/queries";

interface ProvincePickerProps {
  legend: string;
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string | null;
}

/** Choose several provinces: checkboxes grouped by region, with a filter box and the choice shown as removable chips. */
export function ProvincePicker({ legend, selected, onChange, error }: ProvincePickerProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const regions = useRegions();
  const provinces = useProvinces();
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const errorId = useId();
  const needle = filter.trim().toLowerCase();
  const nameOf = (code: string) => {
    const province = provinces.data?.find((p) => p.code === code);
    return province ? localName(locale, province) : code;
  };
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...new Set([...selected, code])] : selected.filter((c) => c !== code);
    onChange(next.sort());
  };

  return (
    <fieldset className="province-picker" aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}{" "}
        <span className="muted small">
          ({t("registry.provincesSelected", { n: formatNumber(selected.length, locale) })})
        </span>
      </legend>
      {selected.length > 0 && (
        <ul className="chip-list picked">
          {selected.map((code) => (
            <li key={code}>
              <button
                type="button"
                className="chip chip-remove"
                aria-label={`${t("common.remove")}: ${nameOf(code)}`}
                onClick={() => toggle(code, false)}
              >
                {nameOf(code)} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field field-inline">
        <label htmlFor={filterId}>{t("registry.provincesFilter")}</label>
        <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </div>
      <div className="picker-box">
        {(regions.data ?? []).map((region) => {
          const inRegion = (provinces.data ?? [])
            .filter((p) => p.regionCode === region.code)
            .filter(
              (p) => !needle || p.nameTh.toLowerCase().includes(needle) || p.nameEn.toLowerCase().includes(needle),
            )
            .sort((a, b) => localName(locale, a).localeCompare(localName(locale, b), locale));
          if (inRegion.length === 0) return null;
          return (
            <fieldset key={region.code} className="picker-group">
              <legend>{localName(locale, region)}</legend>
              {inRegion.map((province) => (
                <label key={province.code} className="check">
                  <input
                    type="checkbox"
                    checked={selected.includes(province.code)}
                    onChange={(event) => toggle(province.code, event.target.checked)}
                  />
                  {localName(locale, province)}
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
