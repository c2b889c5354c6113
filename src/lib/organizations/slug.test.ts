import { describe, expect, it } from "vitest";

import { firstFreeSlug, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Fjord Foods A/S", "fjord-foods-a-s"],
    ["  Østerbro Rengøring ", "osterbro-rengoring"],
    ["Atelier Lumière", "atelier-lumiere"],
    ["Straße & Söhne", "strasse-sohne"],
    ["ACME 2027!!", "acme-2027"],
  ])("%s → %s", (name, slug) => expect(slugify(name)).toBe(slug));

  it("never gives one of the app's own top-level routes, nor an empty or one-letter slug", () => {
    expect(slugify("Login")).toBe("login-org");
    expect(slugify("Setup")).toBe("setup-org");
    expect(slugify("日本")).toBe("org");
    expect(slugify("X")).toBe("x-org");
  });

  it("stays within the column and ends on a letter or digit", () => {
    const slug = slugify(`${"a".repeat(47)} b c`);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("firstFreeSlug", () => {
  it("takes the base when it is free, else the first free numbered one", () => {
    expect(firstFreeSlug("acme", [])).toBe("acme");
    expect(firstFreeSlug("acme", ["acme"])).toBe("acme-2");
    expect(firstFreeSlug("acme", ["acme", "acme-2", "acme-4"])).toBe("acme-3");
  });
});
