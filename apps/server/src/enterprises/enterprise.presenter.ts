import type { ContactRow, EnterpriseDetail, EnterpriseRow } from "@sainam/db";

export function presentEnterprise(e: EnterpriseRow) {
  return {
    id: e.id,
    juristicId: e.juristic_id,
    ceRegistrationNo: e.ce_registration_no,
    nameTh: e.name_th,
    nameEn: e.name_en,
    legalForm: e.legal_form,
    sizeClass: e.size_class,
    revenue: e.revenue,
    employees: e.employees,
    capital: e.capital,
    tsicCode: e.tsic_code,
    businessType: e.business_type,
    address: e.address,
    provinceCode: e.province_code,
    districtCode: e.district_code,
    postcode: e.postcode,
    registeredOn: e.registered_on,
    published: e.published === 1,
    isExample: e.is_example === 1,
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}

/** Keeps the first character of each word: enough to tell contacts apart, not enough to identify them. */
function maskName(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => (word.length <= 1 ? word : `${[...word][0] ?? ""}${"•".repeat(Math.min(6, [...word].length - 1))}`))
    .join(" ");
}

function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length <= 3 ? "•••" : `${"•".repeat(digits.length - 3)}${digits.slice(-3)}`;
}

function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

/** Personal data (PDPA): shown whole to those who need it, masked for everyone else. */
export function presentContacts(contacts: ContactRow[], masked: boolean): ContactRow[] {
  if (!masked) return contacts;
  return contacts.map((c) => ({
    name: c.name ? maskName(c.name) : null,
    position: c.position,
    phone: c.phone ? maskPhone(c.phone) : null,
    email: c.email ? maskEmail(c.email) : null,
  }));
}

export function presentEnterpriseDetail(e: EnterpriseDetail, masked: boolean) {
  return {
    ...presentEnterprise(e),
    products: e.products.map((p) => ({ direction: p.direction, name: p.name, tsicCode: p.tsic_code })),
    contacts: presentContacts(e.contacts, masked),
    contactsMasked: masked,
    memberships: e.memberships.map((m) => ({
      clusterId: m.cluster_id,
      stage: m.stage,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      approved: m.approved_at !== null,
    })),
  };
}

/** What the audit log keeps of an enterprise: the firm's data, never its contacts (personal data). */
export function auditEnterprise(e: EnterpriseDetail) {
  return { ...presentEnterprise(e), products: e.products, contactCount: e.contacts.length };
}
