import { dealOutcomes, type DealOutcome } from "@sainam/core";
import { useTranslation } from "react-i18next";
import type { FieldControlProps } from "../../../components/FormField";

/** A select of a meeting's outcomes (every deal stage but lead), worded in the interface language. */
export function StageSelect({
  control,
  value,
  onChange,
}: {
  control: FieldControlProps;
  value: DealOutcome;
  onChange: (stage: DealOutcome) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      {...control}
      value={value}
      onChange={(e) => onChange(dealOutcomes.find((s) => s === e.target.value) ?? "follow_up")}
    >
      {dealOutcomes.map((stage) => (
        <option key={stage} value={stage}>
          {t(`deals.stages.${stage}`)}
        </option>
      ))}
    </select>
  );
}

/** Reads a baht amount typed with or without grouping commas; null when empty or not a number. */
export function readBaht(text: string): number | null {
  const cleaned = text.replace(/[,\s฿]/g, "");
  if (cleaned === "") return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
