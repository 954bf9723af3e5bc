import type { Product, UpdateProductBody } from "@sainam/contract";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { countryCodeErrors, fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { numberOrNull, parseMarkets } from "../model";
import { useSaveProductMutation } from "../mutations";

const PLACED = [
  "nameTh",
  "nameEn",
  "tsicCode",
  "hsCode",
  "descriptionTh",
  "descriptionEn",
  "priceMin",
  "priceMax",
  "priceUnit",
  "minOrder",
  "minOrderUnit",
  "capacityPerMonth",
  "capacityUnit",
  "exportMarkets",
];

const text = (value: string | null | undefined) => value ?? "";
const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
const numberText = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** Adds a product to a firm or changes one: names, category, description, price, order, capacity, markets. */
export function ProductForm({
  enterpriseId,
  product,
  onDone,
}: {
  enterpriseId: number;
  product?: Product;
  onDone: (saved: Product | null) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveProductMutation(enterpriseId);
  const headingId = useId();
  const [f, setF] = useState({
    nameTh: text(product?.nameTh),
    nameEn: text(product?.nameEn),
    tsicCode: text(product?.tsicCode),
    hsCode: text(product?.hsCode),
    descriptionTh: text(product?.descriptionTh),
    descriptionEn: text(product?.descriptionEn),
    priceMin: numberText(product?.priceMin),
    priceMax: numberText(product?.priceMax),
    priceUnit: text(product?.priceUnit),
    minOrder: numberText(product?.minOrder),
    minOrderUnit: text(product?.minOrderUnit),
    capacityPerMonth: numberText(product?.capacityPerMonth),
    capacityUnit: text(product?.capacityUnit),
    exportMarkets: (product?.exportMarkets ?? []).join(", "),
  });
  const [checked, setChecked] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(save.error, t), ...checked };
  const set = (key: keyof typeof f) => (value: string) => setF((before) => ({ ...before, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const markets = countryCodeErrors("exportMarkets", parseMarkets(f.exportMarkets), t);
    setChecked(markets);
    if (Object.keys(markets).length > 0) return;
    const fields: UpdateProductBody = {
      nameTh: orNull(f.nameTh),
      nameEn: orNull(f.nameEn),
      tsicCode: orNull(f.tsicCode),
      hsCode: orNull(f.hsCode),
      descriptionTh: orNull(f.descriptionTh),
      descriptionEn: orNull(f.descriptionEn),
      priceMin: numberOrNull(f.priceMin),
      priceMax: numberOrNull(f.priceMax),
      priceUnit: orNull(f.priceUnit),
      minOrder: numberOrNull(f.minOrder),
      minOrderUnit: orNull(f.minOrderUnit),
      capacityPerMonth: numberOrNull(f.capacityPerMonth),
      capacityUnit: orNull(f.capacityUnit),
      exportMarkets: parseMarkets(f.exportMarkets),
    };
    const done = { onSuccess: (saved: Product) => onDone(saved) };
    if (product) save.mutate({ id: product.id, changes: fields }, done);
    else save.mutate({ id: null, body: fields }, done);
  };

  const field = (
    key: keyof typeof f,
    label: string,
    options: { type?: string; area?: boolean; path?: string } = {},
  ) => (
    <FormField label={label} error={errors[options.path ?? key]}>
      {(c) =>
        options.area ? (
          <textarea {...c} rows={3} value={f[key]} onChange={(e) => set(key)(e.target.value)} />
        ) : (
          <input
            {...c}
            inputMode={options.type === "number" ? "decimal" : undefined}
            value={f[key]}
            onChange={(e) => set(key)(e.target.value)}
          />
        )
      }
    </FormField>
  );

  return (
    <form className="form inline-form" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId} className="form-title">
        {product ? t("products.edit") : t("products.add")}
      </h2>
      {save.isError && <ErrorMessage error={save.error} placed={PLACED} />}
      <div className="form-grid">
        {field("nameTh", t("products.nameTh"))}
        {field("nameEn", t("products.nameEn"))}
        {field("tsicCode", t("products.tsicCode"))}
        {field("hsCode", t("products.hsCode"))}
        {field("priceMin", t("products.priceMin"), { type: "number" })}
        {field("priceMax", t("products.priceMax"), { type: "number" })}
        {field("priceUnit", t("products.priceUnit"))}
        {field("minOrder", t("products.minOrder"), { type: "number" })}
        {field("minOrderUnit", t("products.minOrderUnit"))}
        {field("capacityPerMonth", t("products.capacity"), { type: "number" })}
        {field("capacityUnit", t("products.capacityUnit"))}
        {field("exportMarkets", t("products.exportMarkets"))}
      </div>
      {field("descriptionTh", t("products.descriptionTh"), { area: true })}
      {field("descriptionEn", t("products.descriptionEn"), { area: true })}
      <p className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t("products.saving") : t("products.save")}
        </button>{" "}
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t("products.close")}
        </button>
      </p>
    </form>
  );
}
