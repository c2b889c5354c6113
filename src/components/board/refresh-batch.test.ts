import { describe, expect, it, vi } from "vitest";

import { createRefreshBatch } from "./refresh-batch";

describe("createRefreshBatch", () => {
  it("refreshes once a saved change has its answer", () => {
    const refresh = vi.fn();
    const batch = createRefreshBatch(refresh);
    batch.start();
    expect(refresh).not.toHaveBeenCalled();
    batch.settle(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("does not refresh after a refusal that left the server's board as it was (the rollback is enough)", () => {
    const refresh = vi.fn();
    const batch = createRefreshBatch(refresh);
    batch.start();
    batch.settle(false);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("overlapping changes share one refresh, after the last answer", () => {
    const refresh = vi.fn();
    const batch = createRefreshBatch(refresh);
    batch.start();
    batch.start();
    batch.start();
    batch.settle(true);
    batch.settle(true);
    expect(refresh).not.toHaveBeenCalled();
    batch.settle(false); // the last one failed, but earlier ones were saved: still refresh
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("starts over after each refresh", () => {
    const refresh = vi.fn();
    const batch = createRefreshBatch(refresh);
    batch.start();
    batch.settle(true);
    batch.start();
    batch.settle(false);
    expect(refresh).toHaveBeenCalledTimes(1);
    batch.start();
    batch.settle(true);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("an unmatched settle never drives the count below zero", () => {
    const refresh = vi.fn();
    const batch = createRefreshBatch(refresh);
    batch.settle(false);
    batch.start();
    batch.start();
    batch.settle(true);
    expect(refresh).not.toHaveBeenCalled();
    batch.settle(true);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
