import { describe, expect, it } from "vitest";

import {
  fileTooLargeMessage,
  formatMegabytes,
  MAX_REQUEST_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MB,
  MULTIPART_OVERHEAD_BYTES,
  requestTooLarge,
  UPLOAD_TOO_LARGE_MESSAGE,
} from "./upload-limits";

const MiB = 1024 * 1024;

describe("the upload limits", () => {
  it("are 20 MiB for the file and the file plus the multipart margin for the request", () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * MiB);
    expect(MAX_REQUEST_BYTES).toBe(21 * MiB);
    // The margin holds a request's envelope (a few KB) but not a second file's worth.
    expect(MULTIPART_OVERHEAD_BYTES).toBeGreaterThanOrEqual(64 * 1024);
    expect(MULTIPART_OVERHEAD_BYTES).toBeLessThan(MAX_UPLOAD_BYTES / 10);
  });

  it("name the limit in the proxy's refusal", () => {
    expect(UPLOAD_TOO_LARGE_MESSAGE).toContain(`${MAX_UPLOAD_MB} MB limit`);
    // Sent as text/plain without a charset (the one content type Next's client shows): plain ASCII.
    expect(UPLOAD_TOO_LARGE_MESSAGE).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("fileTooLargeMessage", () => {
  it("accepts a file up to the limit, byte for byte", () => {
    expect(fileTooLargeMessage(1)).toBeNull();
    expect(fileTooLargeMessage(15 * MiB)).toBeNull();
    expect(fileTooLargeMessage(MAX_UPLOAD_BYTES)).toBeNull();
  });

  it("refuses one byte more, with both sizes", () => {
    expect(fileTooLargeMessage(MAX_UPLOAD_BYTES + 1)).toBe("That file is 20.1 MB; the limit is 20 MB");
    expect(fileTooLargeMessage(21 * MiB)).toBe("That file is 21 MB; the limit is 20 MB");
    expect(fileTooLargeMessage(300 * MiB)).toBe("That file is 300 MB; the limit is 20 MB");
  });
});

describe("formatMegabytes", () => {
  it("rounds up to a tenth, so a size over the limit never reads as the limit", () => {
    expect(formatMegabytes(20 * MiB + 1)).toBe("20.1");
    expect(formatMegabytes(20.04 * MiB)).toBe("20.1");
    expect(formatMegabytes(1.25 * MiB)).toBe("1.3");
    expect(formatMegabytes(21 * MiB)).toBe("21");
    // A "21 MB" file in decimal megabytes is 20.03 MiB.
    expect(formatMegabytes(21_000_000)).toBe("20.1");
  });
});

describe("requestTooLarge", () => {
  it("refuses a Content-Length over the request limit only", () => {
    expect(requestTooLarge(String(MAX_REQUEST_BYTES))).toBe(false);
    expect(requestTooLarge(String(MAX_REQUEST_BYTES + 1))).toBe(true);
    expect(requestTooLarge(String(22 * MiB))).toBe(true);
    expect(requestTooLarge("0")).toBe(false);
    expect(requestTooLarge(String(15 * MiB))).toBe(false);
  });

  it("leaves a request without a usable Content-Length to Next's streaming limits", () => {
    expect(requestTooLarge(null)).toBe(false);
    expect(requestTooLarge("")).toBe(false);
    expect(requestTooLarge("12abc")).toBe(false);
    expect(requestTooLarge("-5")).toBe(false);
  });

  it("reads a header with surrounding spaces", () => {
    expect(requestTooLarge(` ${22 * MiB} `)).toBe(true);
  });
});
