import type { Polygon } from "geojson";
import { geoArea } from "d3-geo";
import { describe, expect, it } from "vitest";
import { rewindForD3, ringArea } from "./geo";

const square: Polygon = {
  type: "Polygon",
  // Counter-clockwise (RFC 7946) exterior ring of a 1° square in Thailand.
  coordinates: [
    [
      [100, 13],
      [101, 13],
      [101, 14],
      [100, 14],
      [100, 13],
    ],
  ],
};

describe("rewindForD3", () => {
  it("makes an RFC 7946 exterior ring clockwise so d3 draws the province, not the rest of the globe", () => {
    expect(ringArea(square.coordinates[0] ?? [])).toBeGreaterThan(0);
    expect(geoArea(square)).toBeGreaterThan(Math.PI);
    const rewound = rewindForD3(square);
    expect(ringArea(rewound.coordinates[0] ?? [])).toBeLessThan(0);
    expect(geoArea(rewound)).toBeLessThan(0.001);
  });

  it("leaves an already clockwise ring as it is", () => {
    const once = rewindForD3(square);
    expect(rewindForD3(once).coordinates).toEqual(once.coordinates);
  });

  it("winds holes the other way from their exterior ring", () => {
    const withHole: Polygon = {
      type: "Polygon",
      coordinates: [
        square.coordinates[0] ?? [],
        [
          [100.2, 13.2],
          [100.4, 13.2],
          [100.4, 13.4],
          [100.2, 13.4],
          [100.2, 13.2],
        ],
      ],
    };
    const rewound = rewindForD3(withHole);
    expect(ringArea(rewound.coordinates[1] ?? [])).toBeGreaterThan(0);
  });
});
