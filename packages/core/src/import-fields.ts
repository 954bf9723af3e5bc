/**
 * What an import file can hold and the fields each kind of file can fill, in the order a mapping screen lists them.
 * One list for the importer that reads the files and the web's mapping step that names their columns.
 */

/**
 * What a file holds: enterprises, cluster memberships, linkages between enterprises, indicator values, or the
 * service providers and their experts (issue 13).
 */
export const importKinds = [
  "enterprises",
  "memberships",
  "linkages",
  "indicator_values",
  "providers",
  "experts",
] as const;
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

/**
 * The fields of a service-provider file. A provider is known by its code: a file imported again updates the providers
 * it names. `parentCode`: an ITC branch's centre (in the registry or earlier in the same file); `agency`: the agency
 * that keeps it (code, abbreviation or name); `provinces`: names or codes, or "ทั่วประเทศ"/"all" for every province;
 * `services`: field names in Thai or English.
 */
export const providerFields = [
  "code",
  "nameTh",
  "nameEn",
  "providerKind",
  "parentCode",
  "agency",
  "provinces",
  "services",
  "contactName",
  "contactPhone",
  "contactEmail",
  "website",
] as const;
/** A field of a service-provider import. */
export type ProviderField = (typeof providerFields)[number];

/**
 * The fields of an expert file. An expert is known by their provider and e-mail (or name when no e-mail is given):
 * a file imported again updates them. `areas`: provinces or regions served; empty means wherever the provider serves.
 */
export const expertImportFields = [
  "displayName",
  "providerCode",
  "fields",
  "areas",
  "capacity",
  "available",
  "contactEmail",
  "contactPhone",
] as const;
/** A field of an expert import. */
export type ExpertImportField = (typeof expertImportFields)[number];
