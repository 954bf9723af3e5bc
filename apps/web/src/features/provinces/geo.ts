import type { MultiPolygon, Polygon, Position } from "geojson";

/** Twice the signed planar area of a ring in longitude/latitude: positive when counter-clockwise. */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (a && b) sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return sum;
}

function orient(ring: Position[], clockwise: boolean): Position[] {
  const isClockwise = ringArea(ring) < 0;
  return isClockwise === clockwise ? ring : [...ring].reverse();
}

function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, index) => orient(ring, index === 0));
}

/**
 * d3-geo works on the sphere and reads an exterior ring wound counter-clockwise (the RFC 7946 order most files
 * use) as "everything except this province", which fills the whole map. Rewinding exterior rings clockwise and
 * holes counter-clockwise makes any input draw correctly. Provinces are small, so planar winding is exact enough.
 */
export function rewindForD3<G extends Polygon | MultiPolygon>(geometry: G): G {
  if (geometry.type === "Polygon") return { ...geometry, coordinates: rewindPolygon(geometry.coordinates) };
  return { ...geometry, coordinates: geometry.coordinates.map(rewindPolygon) };
}
