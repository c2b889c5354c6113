import { describe, expect, it } from "vitest";

import { addressBucket, clientAddress, normalizeAddress } from "./client-ip";

describe("clientAddress", () => {
  it("with no trusted proxy is the socket peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", null, 0)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "1.1.1.1", 0)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "1.1.1.1, 2.2.2.2", 0)).toBe("203.0.113.9");
  });

  it("with N trusted proxies is the Nth entry from the right of X-Forwarded-For", () => {
    // client 198.51.100.7 → proxy A (10.0.0.2) → proxy B (10.0.0.3, our peer)
    expect(clientAddress("10.0.0.3", "198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("ignores what the client wrote left of the entries our proxies appended", () => {
    const rotated = ["6.6.6.1", "6.6.6.2, 7.7.7.7", "garbage"].map((spoof) => clientAddress("10.0.0.2", `${spoof}, 198.51.100.7`, 1));
    expect(new Set(rotated)).toEqual(new Set(["198.51.100.7"]));
  });

  it("takes the leftmost address when the chain is shorter than the proxies configured", () => {
    expect(clientAddress("198.51.100.7", null, 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", " , ,", 1)).toBe("10.0.0.2");
  });

  it("normalises the address it picks", () => {
    expect(clientAddress("::ffff:127.0.0.1", null, 0)).toBe("127.0.0.1");
    expect(clientAddress("10.0.0.2", "[2001:DB8::1]:4711", 1)).toBe("2001:db8::1");
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:10.1.2.3", "10.1.2.3"],
    ["10.1.2.3:8080", "10.1.2.3"],
    ["[::1]:443", "::1"],
    [" 2001:DB8::A ", "2001:db8::a"],
    ["::1", "::1"],
    ["x".repeat(100), "x".repeat(64)],
  ])("%s → %s", (raw, expected) => expect(normalizeAddress(raw)).toBe(expected));
});

describe("addressBucket", () => {
  it("keeps an IPv4 address whole", () => expect(addressBucket("198.51.100.7")).toBe("198.51.100.7"));

  it("puts every address of one IPv6 /64 in one bucket", () => {
    const bucket = addressBucket("2001:db8:1:2::1");
    expect(bucket).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe(bucket);
    expect(addressBucket("2001:0db8:0001:0002:0:0:0:9%eth0")).toBe(bucket);
    expect(addressBucket("2001:db8:1:3::1")).not.toBe(bucket);
  });

  it("expands :: wherever it stands", () => {
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("fe80::")).toBe("fe80:0:0:0::/64");
  });

  it("leaves what is not an address as it is", () => {
    expect(addressBucket("1:2:3")).toBe("1:2:3");
    expect(addressBucket("1::2::3")).toBe("1::2::3");
    expect(addressBucket("unknown")).toBe("unknown");
  });
});
