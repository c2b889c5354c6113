import { type ActionResult, fail } from "@/lib/result";

export const UNREACHABLE_MESSAGE = "Could not reach the server. Check your connection and try again.";

/**
 * Runs a server action and answers with its result. A call that throws (the network dropped, the
 * server restarted mid-request) becomes a refusal like any other, so the form says so instead of
 * the transition handing the error to the page's error boundary.
 */
export async function callAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, input: I): Promise<ActionResult<T>> {
  try {
    return await action(input);
  } catch {
    return fail("INTERNAL", UNREACHABLE_MESSAGE);
  }
}
