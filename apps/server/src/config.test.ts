import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("#loadConfig SAINAM_TRUST_PROXY", () => {
  it("trusts no proxy by default", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ SAINAM_TRUST_PROXY: "false" }).trustProxy).toBe(false);
  });

  it("takes a hop count or a comma list of addresses, CIDRs and range names", () => {
    expect(loadConfig({ SAINAM_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ SAINAM_TRUST_PROXY: "10.0.0.1, 192.168.0.0/16,fd00::/8,loopback" }).trustProxy).toEqual([
      "10.0.0.1",
      "192.168.0.0/16",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuses true, nonsense and out-of-range prefixes with the variable's name", () => {
    for (const value of ["true", "0", "11", "proxy.example.org", "10.0.0.1/33", "10.0.0.1/8/2", ","]) {
      expect(() => loadConfig({ SAINAM_TRUST_PROXY: value }), value).toThrow(/SAINAM_TRUST_PROXY/);
    }
  });
});

describe("#loadConfig SAINAM_PUBLIC_URL", () => {
  it("is unset by default, so e-mails carry no link", () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ SAINAM_PUBLIC_URL: "" }).publicUrl).toBeUndefined();
  });

  it("keeps an http(s) address with its path and without a trailing slash", () => {
    expect(loadConfig({ SAINAM_PUBLIC_URL: "https://sainam.example.go.th/" }).publicUrl).toBe(
      "https://sainam.example.go.th",
    );
    expect(loadConfig({ SAINAM_PUBLIC_URL: "https://example.go.th/sainam//" }).publicUrl).toBe(
      "https://example.go.th/sainam",
    );
  });

  it("refuses what would make wrong links, naming the variable", () => {
    for (const value of ["sainam.example.go.th", "ftp://example.go.th", "https://x.go.th/?a=1", "https://u:p@x.go.th"])
      expect(() => loadConfig({ SAINAM_PUBLIC_URL: value }), value).toThrow(/SAINAM_PUBLIC_URL/);
  });
});
