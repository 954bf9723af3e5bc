import { describe, expect, it } from "vitest";
import { CLASS_COLOURS, classColour, NO_VALUE_COLOUR } from "./shading";

describe("classColour", () => {
  it("gives the lightest shade to the lowest class and the darkest to the highest", () => {
    expect(classColour(0, 5)).toBe(CLASS_COLOURS[0]);
    expect(classColour(4, 5)).toBe(CLASS_COLOURS[4]);
  });

  it("spreads fewer classes over the whole range", () => {
    expect(classColour(1, 2)).toBe(CLASS_COLOURS[4]);
    expect(classColour(0, 1)).toBe(CLASS_COLOURS[4]);
  });

  it("greys out a province without a value", () => {
    expect(classColour(null, 5)).toBe(NO_VALUE_COLOUR);
  });
});
