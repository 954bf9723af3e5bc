import { z } from "zod";

export const provinceSchema = z.object({
  code: z.string(),
  iso: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  regionCode: z.string(),
  provincialClusterId: z.number().int().nullable(),
});
export type Province = z.infer<typeof provinceSchema>;

const provinceRef = z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() });

export const provincialClusterSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  nameEn: z.string(),
  nameTh: z.string().nullable(),
  positionEn: z.string(),
  positionTh: z.string().nullable(),
  issuesEn: z.array(z.string()),
  issuesTh: z.array(z.string().nullable()),
  provinces: z.array(provinceRef),
});
export type ProvincialCluster = z.infer<typeof provincialClusterSchema>;
export const provincialClusterListSchema = z.object({ items: z.array(provincialClusterSchema) });

export const regionSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  provinceCount: z.number().int(),
});
export type Region = z.infer<typeof regionSchema>;
export const regionListSchema = z.object({ items: z.array(regionSchema) });
export type RegionList = z.infer<typeof regionListSchema>;
export const provinceListSchema = z.object({ items: z.array(provinceSchema) });
export type ProvinceList = z.infer<typeof provinceListSchema>;
export const listProvincesQuery = z.object({ region: z.string().trim().min(1).max(40).optional() });

export const provinceCodeParams = z.object({ code: z.string().regex(/^\d{2}$/, "must be a 2-digit province code") });
export const provinceDetailSchema = provinceSchema.extend({
  districts: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() })),
  provincialCluster: z
    .object({ id: z.number().int(), number: z.number().int(), nameEn: z.string(), nameTh: z.string().nullable() })
    .nullable(),
});
export type ProvinceDetail = z.infer<typeof provinceDetailSchema>;

export const referenceStatsSchema = z.object({
  provinces: z.number(),
  districts: z.number(),
  provincialClusters: z.number(),
  agencies: z.number(),
  plans: z.number(),
});
export type ReferenceStats = z.infer<typeof referenceStatsSchema>;

/** A `[longitude, latitude]` position (a third value, the altitude, is allowed by GeoJSON and ignored). */
const positionSchema = z.array(z.number()).min(2);
const polygonCoordinates = z.array(z.array(positionSchema));
export const boundaryGeometrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: polygonCoordinates }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(polygonCoordinates) }),
]);
export const boundaryPropertiesSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  provincialClusterId: z.number().int().nullable(),
});
export type BoundaryProperties = z.infer<typeof boundaryPropertiesSchema>;
/** `GET /provinces/boundaries`: every province's outline as a GeoJSON FeatureCollection (sent pre-serialised, so documented here only). */
export const provinceBoundariesSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({ type: z.literal("Feature"), properties: boundaryPropertiesSchema, geometry: boundaryGeometrySchema }),
  ),
});
export type ProvinceBoundaries = z.infer<typeof provinceBoundariesSchema>;
