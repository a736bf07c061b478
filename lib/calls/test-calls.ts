// The test event's calls (lib/shared/calls/test-calls.ts), for the server's queries.
export { TEST_CALL_ID_PREFIX } from "@/lib/shared/calls/test-calls";
