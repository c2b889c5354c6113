/**
 * Board moves answer with their result only (no re-rendered board), so the board reconciles with
 * the server itself: one router.refresh() once the last move in flight has its answer, rather
 * than one whole-board render per drag when drags overlap. Until then each move's optimistic
 * state holds (React keeps it while any transition of the batch is pending).
 */
export type RefreshBatch = {
  /** A change was sent to the server. */
  start(): void;
  /**
   * Its answer is in. `stale`: the server's board now differs from the one shown before the change
   * (it was saved, or refused because someone else changed the deal meanwhile). Call it inside the
   * change's transition, so the refresh joins that transition.
   */
  settle(stale: boolean): void;
};

export function createRefreshBatch(refresh: () => void): RefreshBatch {
  let inFlight = 0;
  let stale = false;
  return {
    start() {
      inFlight++;
    },
    settle(changed) {
      inFlight = Math.max(0, inFlight - 1);
      stale ||= changed;
      if (inFlight > 0 || !stale) return;
      stale = false;
      refresh();
    },
  };
}
