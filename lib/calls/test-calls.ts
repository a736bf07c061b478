// Calls made by "Send test event" on the webhooks page. They are stored and listed like any other call, since
// that is what the test proves, but the board's figures (today's counts, the chart, the error groups) leave them
// out: those are about the calls callers made.
export const TEST_CALL_ID_PREFIX = "callboard-test-";
