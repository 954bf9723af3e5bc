import type { Product } from "@sainam/contract";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { fieldErrorsOf } from "../../../api/field-errors";
import { DateInput } from "../../../components/DateInput";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { formatDate } from "../../../lib/format";
import { CERTIFICATION_KINDS, productName } from "../model";
import { useCertificationMutation, usePhotoMutation, usePublishMutation } from "../mutations";
import { ProductForm } from "./ProductForm";

type Kind = (typeof CERTIFICATION_KINDS)[number];

/** One of a firm's products for its editors: its fields, photos, certifications, and publishing. */
export function ProductEditor({ product }: { product: Product }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const publish = usePublishMutation();
  const name = productName(locale, product);
  return (
    <li className="card product-editor">
      <h2 className="card-title">{name}</h2>
      <p className="card-meta">
        {t("products.status")}:{" "}
        <span className={`tag${product.status === "published" ? "" : " tag-off"}`}>
          {t(`products.statuses.${product.status}`)}
        </span>
      </p>
      {publish.isError && <ErrorMessage error={publish.error} />}
      {product.editable && (
        <p className="button-row">
          <button type="button" className="button button-secondary" onClick={() => setEditing(!editing)}>
            {editing ? t("products.close") : t("products.edit")}
          </button>{" "}
          <button
            type="button"
            className="button button-primary"
            disabled={publish.isPending}
            onClick={() => publish.mutate({ id: product.id, publish: product.status !== "published" })}
          >
            {product.status === "published" ? t("products.unpublish") : t("products.publish")}
          </button>{" "}
          {product.status === "published" && <Link to={`/catalogue/${product.id}`}>{t("products.view")}</Link>}
        </p>
      )}
      {editing && (
        <ProductForm enterpriseId={product.enterpriseId} product={product} onDone={() => setEditing(false)} />
      )}
      <Photos product={product} name={name} />
      <Certifications product={product} />
      <p className="muted">{formatDate(product.updatedAt, locale)}</p>
    </li>
  );
}

function Photos({ product, name }: { product: Product; name: string }) {
  const { t } = useTranslation();
  const photos = usePhotoMutation(product.id);
  return (
    <section aria-label={t("products.photos")}>
      <h3>{t("products.photos")}</h3>
      {photos.isError && <ErrorMessage error={photos.error} />}
      <ul className="photo-strip">
        {product.photos.map((photo) => (
          <li key={photo.id}>
            <img src={photo.thumbnailUrl} alt={name} width={160} loading="lazy" />
            {product.editable && (
              <button type="button" className="button button-link" onClick={() => photos.mutate({ remove: photo.id })}>
                {t("products.removePhoto")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {product.editable && (
        <label className="field">
          <span>{photos.isPending ? t("products.uploading") : t("products.addPhoto")}</span>
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            disabled={photos.isPending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) photos.mutate({ add: file });
              e.target.value = "";
            }}
          />
        </label>
      )}
    </section>
  );
}

function Certifications({ product }: { product: Product }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const certs = useCertificationMutation(product.id);
  const [kind, setKind] = useState<Kind>("fda");
  const [number, setNumber] = useState("");
  const [stars, setStars] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const errors = fieldErrorsOf(certs.error, t);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    certs.mutate(
      {
        add: {
          kind,
          number: number.trim() === "" ? null : number.trim(),
          otopStars: kind === "otop" && stars !== "" ? Number(stars) : null,
          expiresOn: /^\d{4}-\d{2}-\d{2}$/.test(expiresOn) ? expiresOn : null,
        },
      },
      { onSuccess: () => (setNumber(""), setStars(""), setExpiresOn("")) },
    );
  };
  return (
    <section aria-label={t("products.certifications")}>
      <h3>{t("products.certifications")}</h3>
      <ul className="tags">
        {product.certifications.map((c) => (
          <li key={c.id} className={`tag${c.expired ? " tag-off" : ""}`}>
            {t(`catalogue.kinds.${c.kind}`)}
            {c.number ? ` ${c.number}` : ""}
            {c.otopStars ? ` · ${t("catalogue.stars", { count: c.otopStars })}` : ""}
            {c.expiresOn
              ? ` · ${c.expired ? t("catalogue.expired") : t("catalogue.expires", { date: formatDate(c.expiresOn, locale) })}`
              : ""}
            {product.editable && (
              <>
                {" "}
                <button type="button" className="button button-link" onClick={() => certs.mutate({ remove: c.id })}>
                  {t("products.remove")}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {product.editable && (
        <form className="form inline-form" onSubmit={submit} aria-label={t("products.addCertification")}>
          {certs.isError && <ErrorMessage error={certs.error} placed={["number", "otopStars", "expiresOn"]} />}
          <div className="form-grid">
            <FormField label={t("products.certKind")}>
              {(c) => (
                <select {...c} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                  {CERTIFICATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`catalogue.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t("products.certNumber")} error={errors.number}>
              {(c) => <input {...c} value={number} onChange={(e) => setNumber(e.target.value)} />}
            </FormField>
            {kind === "otop" && (
              <FormField label={t("products.otopStars")} error={errors.otopStars}>
                {(c) => (
                  <select {...c} value={stars} onChange={(e) => setStars(e.target.value)} required>
                    <option value="" />
                    {[1, 2, 3, 4, 5].map((s) => (
                      <option key={s} value={s}>
                        {t("catalogue.stars", { count: s })}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            )}
            <DateInput
              label={t("products.expiresOn")}
              value={expiresOn}
              onChange={setExpiresOn}
              error={errors.expiresOn ?? null}
            />
          </div>
          <p>
            <button type="submit" className="button button-secondary" disabled={certs.isPending}>
              {t("products.addCertification")}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
