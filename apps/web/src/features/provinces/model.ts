import type { BoundaryProperties, ProvinceDetail } from "@sainam/contract";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";

export type { BoundaryProperties, Province, ProvinceDetail, Region } from "@sainam/contract";

export type District = ProvinceDetail["districts"][number];

export type ProvinceFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;
export type ProvinceBoundaries = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;
