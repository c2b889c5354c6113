import "server-only";

import crypto from "node:crypto";

/**
 * Ids for imported deals and actions: UUID version 7 (RFC 9562), in ascending order. The
 * time-ordered prefix makes each of the import's inserts land at the right-hand end of the primary
 * keys and of the (org_id, id) key the actions and history foreign keys probe, instead of a random
 * page of each: measured 0.7 s less for 100 000 deals than random (version 4) ids. Within one
 * millisecond a 12-bit counter (rand_a, RFC 9562 §6.2 method 1) keeps the order; when it runs out
 * the timestamp moves on by one millisecond, so ids stay unique and increasing.
 */
export function uuidV7Generator(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  // Random bytes fetched 64 KiB at a time: one call per id was a fifth of the job's Node time.
  let pool = Buffer.alloc(0);
  let used = 0;
  return () => {
    const ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = 0;
    } else if (++counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    if (used + 16 > pool.length) {
      pool = crypto.randomBytes(65_536);
      used = 0;
    }
    const bytes = Buffer.from(pool.subarray(used, (used += 16)));
    bytes.writeUIntBE(lastMs, 0, 6);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
