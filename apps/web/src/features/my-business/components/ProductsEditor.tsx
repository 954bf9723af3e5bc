import type { MyBusiness } from "@sainam/contract";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { isProductDirection, PRODUCT_DIRECTIONS } from "../../enterprises/model";
import { useUpdateEnterpriseMutation } from "../../enterprises/mutations";
import { draftOf, emptyProduct, productProblems, productsAfter, type ProductDraft } from "../products";

type Product = NonNullable<MyBusiness["enterprise"]>["products"][number];

interface ProductsEditorProps {
  enterpriseId: number;
  products: readonly Product[];
  /** Whether the signed-in user may change them (the server decides again on saving). */
  canEdit: boolean;
}

/**
 * The firm's products, each changed or removed on its own and new ones added one at a time. Every change sends
 * the whole list (the server replaces it), so what is shown after saving is what the server kept.
 */
export function ProductsEditor({ enterpriseId, products, canEdit }: ProductsEditorProps) {
  const { t } = useTranslation();
  const update = useUpdateEnterpriseMutation(String(enterpriseId));
  // Which product is open in the form: its index, "new" for one being added, or none.
  const [open, setOpen] = useState<number | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingId = useId();

  const save = (index: number | null, draft: ProductDraft) => {
    setNotice(null);
    update.mutate(
      { products: productsAfter(products, { index, draft }) },
      {
        onSuccess: () => {
          setOpen(null);
          const name = draft.name.trim();
          setNotice(index === null ? t("myBusiness.productAdded", { name }) : t("myBusiness.productSaved", { name }));
        },
      },
    );
  };
  const remove = (index: number) => {
    const name = products[index]?.name ?? "";
    setNotice(null);
    setOpen(null);
    update.mutate(
      { products: productsAfter(products, { remove: index }) },
      { onSuccess: () => setNotice(t("myBusiness.productRemoved", { name })) },
    );
  };
  const openForm = (which: number | "new") => {
    update.reset();
    setNotice(null);
    setOpen(which);
  };

  // Server errors by field of the product being saved ("products.2.name" → "name").
  const server = fieldErrorsOf(update.error);
  const serverErrorsOf = (index: number) => ({
    name: server[`products.${index}.name`] ?? null,
    tsicCode: server[`products.${index}.tsicCode`] ?? null,
    direction: server[`products.${index}.direction`] ?? null,
  });
  const placedError = open !== null && Object.keys(server).some((path) => path.startsWith("products."));

  return (
    <section aria-labelledby={headingId} className="my-products">
      <h2 id={headingId}>{t("enterprises.products")}</h2>
      {notice && (
        <div className="alert alert-success" role="status">
          <p>{notice}</p>
        </div>
      )}
      {update.isError && !placedError && <ErrorMessage error={update.error} />}
      {products.length === 0 ? (
        <p className="muted">{t("enterprises.noProducts")}</p>
      ) : (
        <ul className="product-list">
          {products.map((product, index) =>
            open === index ? (
              <li key={`${index}-form`}>
                <ProductForm
                  initial={draftOf(product)}
                  title={t("myBusiness.editProduct", { name: product.name })}
                  submitLabel={t("common.save")}
                  pending={update.isPending}
                  serverErrors={serverErrorsOf(index)}
                  onSubmit={(draft) => save(index, draft)}
                  onCancel={() => setOpen(null)}
                />
              </li>
            ) : (
              <li key={`${index}-${product.name}`} data-product={product.name}>
                <span className="product-name">{product.name}</span>{" "}
                <span className="tag">
                  {t(`enterprises.directions.${product.direction === "input" ? "input" : "output"}`)}
                </span>
                {product.tsicCode && <span className="muted small"> · TSIC {product.tsicCode}</span>}
                {canEdit && (
                  <span className="row-actions">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      aria-label={t("myBusiness.editProduct", { name: product.name })}
                      disabled={update.isPending}
                      onClick={() => openForm(index)}
                    >
                      {t("common.edit")}
                    </button>{" "}
                    <ConfirmButton
                      label={t("common.remove")}
                      accessibleLabel={t("myBusiness.removeProduct", { name: product.name })}
                      question={t("myBusiness.removeProductQuestion", { name: product.name })}
                      confirmLabel={t("common.remove")}
                      pending={update.isPending}
                      onConfirm={() => remove(index)}
                    />
                  </span>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {canEdit &&
        (open === "new" ? (
          <ProductForm
            initial={emptyProduct()}
            title={t("enterprises.addProduct")}
            submitLabel={t("enterprises.addProduct")}
            pending={update.isPending}
            serverErrors={serverErrorsOf(products.length)}
            onSubmit={(draft) => save(null, draft)}
            onCancel={() => setOpen(null)}
          />
        ) : (
          <p>
            <button type="button" className="button button-secondary" onClick={() => openForm("new")}>
              {t("enterprises.addProduct")}
            </button>
          </p>
        ))}
    </section>
  );
}

interface ProductFormProps {
  initial: ProductDraft;
  title: string;
  submitLabel: string;
  pending: boolean;
  serverErrors: { name: string | null; tsicCode: string | null; direction: string | null };
  onSubmit: (draft: ProductDraft) => void;
  onCancel: () => void;
}

/** One product's fields, checked in the browser as the server checks them; the server's errors land on their fields. */
function ProductForm({ initial, title, submitLabel, pending, serverErrors, onSubmit, onCancel }: ProductFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [checked, setChecked] = useState(false);
  const headingId = useId();
  const problems = checked ? productProblems(draft) : {};
  const problemText = (field: "name" | "tsicCode") => {
    const problem = problems[field];
    return problem ? t(`myBusiness.problems.${problem}`) : serverErrors[field];
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(productProblems(draft)).length > 0) {
      // Move to the first field in error, so keyboard and screen-reader users land on it.
      const form = event.currentTarget;
      window.requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    onSubmit(draft);
  };

  return (
    <form className="form panel product-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{title}</h3>
      <div className="form-grid">
        <FormField label={t("enterprises.productDirection")} error={serverErrors.direction}>
          {(control) => (
            <select
              {...control}
              value={draft.direction}
              onChange={(e) => {
                const direction = e.target.value;
                if (isProductDirection(direction)) setDraft({ ...draft, direction });
              }}
            >
              {PRODUCT_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`enterprises.directions.${direction}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("enterprises.productName")} error={problemText("name")}>
          {(control) => (
            <input {...control} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          )}
        </FormField>
        <FormField label={t("enterprises.productTsic")} hint={t("myBusiness.tsicHint")} error={problemText("tsicCode")}>
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              size={6}
              value={draft.tsicCode}
              onChange={(e) => setDraft({ ...draft, tsicCode: e.target.value })}
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t("common.saving") : submitLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
