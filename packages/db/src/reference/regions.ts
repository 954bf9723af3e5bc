import type { RegionSeed } from "./types.ts";

/**
 * The 6-region scheme used by files/provinces.csv (columns region_en / region_th). nameEn and nameTh are the
 * exact values found in the CSV, so provinces join to a region by name; the seeder relies on that.
 */
export const regions: RegionSeed[] = [
  { code: "north", nameEn: "North", nameTh: "ภาคเหนือ" },
  { code: "northeast", nameEn: "Northeast", nameTh: "ภาคตะวันออกเฉียงเหนือ" },
  { code: "central", nameEn: "Central", nameTh: "ภาคกลาง" },
  { code: "east", nameEn: "East", nameTh: "ภาคตะวันออก" },
  { code: "west", nameEn: "West", nameTh: "ภาคตะวันตก" },
  { code: "south", nameEn: "South", nameTh: "ภาคใต้" },
] satisfies RegionSeed[];
