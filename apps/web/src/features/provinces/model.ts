import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import {
  arrayOf,
  DecodeError,
  id,
  isRecord,
  nullable,
  num,
  object,
  str,
  withDefault,
  type Decoded,
  type Decoder,
} from "../../api/decode";

export const regionDecoder = object({
  code: str,
  nameTh: withDefault(str, ""),
  nameEn: withDefault(str, ""),
  provinceCount: withDefault(num, 0),
});
export type Region = Decoded<typeof regionDecoder>;

export const provinceDecoder = object({
  code: str,
  iso: withDefault(str, ""),
  nameTh: withDefault(str, ""),
  nameEn: withDefault(str, ""),
  regionCode: withDefault(str, ""),
  provincialClusterId: nullable(id),
});
export type Province = Decoded<typeof provinceDecoder>;

export const districtDecoder = object({
  code: str,
  nameTh: withDefault(str, ""),
  nameEn: withDefault(str, ""),
});
export type District = Decoded<typeof districtDecoder>;

export const clusterRefDecoder = object({
  id,
  number: num,
  nameEn: withDefault(str, ""),
  nameTh: nullable(str),
});

export const provinceDetailDecoder = object({
  code: str,
  iso: withDefault(str, ""),
  nameTh: withDefault(str, ""),
  nameEn: withDefault(str, ""),
  regionCode: withDefault(str, ""),
  districts: withDefault(arrayOf(districtDecoder), []),
  provincialCluster: nullable(clusterRefDecoder),
});
export type ProvinceDetail = Decoded<typeof provinceDetailDecoder>;

export const boundaryPropertiesDecoder = object({
  code: str,
  nameTh: withDefault(str, ""),
  nameEn: withDefault(str, ""),
  provincialClusterId: nullable(id),
});
export type BoundaryProperties = Decoded<typeof boundaryPropertiesDecoder>;

export type ProvinceFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;
export type ProvinceBoundaries = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

const position: Decoder<Position> = (input, path = "") => {
  const values = arrayOf(num)(input, path);
  if (values.length < 2) throw new DecodeError(path, "a [longitude, latitude] position");
  return values;
};
const ring = arrayOf(position);
const polygonRings = arrayOf(ring);

const geometryDecoder: Decoder<Polygon | MultiPolygon> = (input, path = "") => {
  if (!isRecord(input)) throw new DecodeError(path, "a geometry");
  if (input.type === "Polygon") return { type: "Polygon", coordinates: polygonRings(input.coordinates, `${path}.coordinates`) };
  if (input.type === "MultiPolygon") {
    return { type: "MultiPolygon", coordinates: arrayOf(polygonRings)(input.coordinates, `${path}.coordinates`) };
  }
  throw new DecodeError(`${path}.type`, "Polygon or MultiPolygon");
};

const featureDecoder: Decoder<ProvinceFeature> = (input, path = "") => {
  if (!isRecord(input)) throw new DecodeError(path, "a feature");
  return {
    type: "Feature",
    geometry: geometryDecoder(input.geometry, `${path}.geometry`),
    properties: boundaryPropertiesDecoder(input.properties, `${path}.properties`),
  };
};

export const boundariesDecoder: Decoder<ProvinceBoundaries> = (input, path = "") => {
  if (!isRecord(input) || input.type !== "FeatureCollection") throw new DecodeError(path, "a FeatureCollection");
  return { type: "FeatureCollection", features: arrayOf(featureDecoder)(input.features, "features") };
};
