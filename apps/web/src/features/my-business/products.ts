import { productInput, type MyBusiness } from "@sainam/contract";
import type { ProductDirection } from "../enterprises/model";

/** One product as its form holds it: text as typed, checked and trimmed only when saved. */
export interface ProductDraft {
  direction: ProductDirection;
  name: string;
  tsicCode: string;
}

type Product = NonNullable<MyBusiness["enterprise"]>["products"][number];
/** A product as `PATCH /api/enterprises/{id}` takes it. */
export type ProductInput = { direction: ProductDirection; name: string; tsicCode: string | null };

/** What can be wrong with a product's field, as a key under `myBusiness.problems.`. */
export type ProductProblem = "nameRequired" | "nameTooLong" | "tsicInvalid";

const NAME_MAX = 300;

export function emptyProduct(): ProductDraft {
  return { direction: "output", name: "", tsicCode: "" };
}

export function draftOf(product: Product): ProductDraft {
  return {
    direction: product.direction === "input" ? "input" : "output",
    name: product.name,
    tsicCode: product.tsicCode ?? "",
  };
}

/** The browser's check of one product, the same rules as the contract's `productInput`, by field. */
export function productProblems(draft: ProductDraft): Partial<Record<"name" | "tsicCode", ProductProblem>> {
  const out: Partial<Record<"name" | "tsicCode", ProductProblem>> = {};
  const name = draft.name.trim();
  if (!name) out.name = "nameRequired";
  else if (name.length > NAME_MAX) out.name = "nameTooLong";
  const tsic = draft.tsicCode.trim();
  if (tsic && !productInput.shape.tsicCode.safeParse(tsic).success) out.tsicCode = "tsicInvalid";
  return out;
}

function toInput(product: Product | ProductDraft): ProductInput {
  const tsic = product.tsicCode?.trim() ?? "";
  return {
    direction: product.direction === "input" ? "input" : "output",
    name: product.name.trim(),
    tsicCode: tsic === "" ? null : tsic,
  };
}

/**
 * The firm's whole product list after one change, as the server replaces it: `index` null adds the draft at the
 * end, a number changes that product; `remove` drops it instead.
 */
export function productsAfter(
  products: readonly Product[],
  change: { index: number | null; draft: ProductDraft } | { remove: number },
): ProductInput[] {
  const current = products.map(toInput);
  if ("remove" in change) return current.filter((_, i) => i !== change.remove);
  if (change.index === null) return [...current, toInput(change.draft)];
  return current.map((p, i) => (i === change.index ? toInput(change.draft) : p));
}
