/**
 * What an import file can hold and the fields each kind of file can fill, in the order a mapping screen lists them.
 * One list for the importer that reads the files and the web's mapping step that names their columns.
 */

/** What a file holds: enterprises, cluster memberships, linkages between enterprises, or indicator values. */
export const importKinds = ["enterprises", "memberships", "linkages", "indicator_values"] as const;
/** One of the import kinds. */
export type ImportKind = (typeof importKinds)[number];

/** The fields an enterprise file can fill, in the order a mapping screen lists them. */
export const enterpriseFields = [
  "juristicId",
  "ceRegistrationNo",
  "nameTh",
  "nameEn",
  "legalForm",
  "registeredOn",
  "capital",
  "revenue",
  "employees",
  "tsicCode",
  "businessType",
  "address",
  "provinceName",
  "districtName",
  "postcode",
  "products",
  "contactName",
  "contactPhone",
  "contactEmail",
] as const;
/** A field of an enterprise import. */
export type EnterpriseField = (typeof enterpriseFields)[number];

/**
 * The fields of a membership file. The firm's name and address are optional: with them, a row naming a juristic ID
 * not yet in the registry adds the firm too, so one list of a cluster's members is one import.
 */
export const membershipFields = [
  "juristicId",
  "clusterCode",
  "stage",
  "joinedOn",
  "leftOn",
  "nameTh",
  "nameEn",
  "address",
  "provinceName",
  "districtName",
  "postcode",
] as const;
/** The membership fields that describe the firm itself (used to add a firm new to the registry). */
export const membershipFirmFields = [
  "nameTh",
  "nameEn",
  "address",
  "provinceName",
  "districtName",
  "postcode",
] as const satisfies ReadonlyArray<MembershipField & EnterpriseField>;
/** A field of a membership import. */
export type MembershipField = (typeof membershipFields)[number];

/** The fields of a linkage file. */
export const linkageFields = [
  "fromJuristicId",
  "toJuristicId",
  "kind",
  "product",
  "annualValue",
  "clusterCode",
] as const;
