// Calls made by "Send test event" on the webhooks page. They are stored and listed like any other call, since
// that is what the test proves, but the board's figures (today's counts, the chart, the error groups) and its line
// filter leave them out, and no end-of-call report is expected for them: those are about the calls callers made.
// Safe to import from client components.
export const TEST_CALL_ID_PREFIX = "callboard-test-";

export function isTestCall(call: { id: string }): boolean {
  return call.id.startsWith(TEST_CALL_ID_PREFIX);
}
