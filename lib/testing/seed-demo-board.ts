// Fills a Callboard with a believable hour of calls through its real webhook endpoint: for screenshots and demos.
import { endOfCallReport } from "./end-of-call-report";
import { camelStatusUpdate, newCallId, postWebhook } from "./flireo-payloads";

const LINES = [
  { number: "+31201234567", name: "Support NL" },
  { number: "+31207654321", name: "Sales" },
  { number: "+31101112233", name: "After-hours" },
  { number: "+3221234567", name: "Bookings BE" },
];

const ERRORS = ["STT connection failed", "LLM timeout", "Transfer failed: line busy", "LLM timeout", "STT connection failed"];

const SUMMARIES = [
  "Customer rescheduled a delivery to Thursday morning.",
  "Asked about opening hours on public holidays; answered.",
  "Requested a callback from sales about the business plan.",
  "Reported a broken link in the confirmation email; ticket created.",
  "Booked a table for four at 19:30, confirmation sent by SMS.",
  "Wanted to cancel a subscription; transferred to retention.",
];

function pick<T>(items: T[], index: number): T {
  return items[index % items.length] as T;
}

function customer(index: number): string {
  return `+316${String(20_000_000 + ((index * 7_919_331) % 79_999_999)).padStart(8, "0")}`;
}

export async function seedDemoBoard(baseUrl: string, secret: string, now = Date.now()): Promise<void> {
  const send = async (payload: unknown) => {
    const response = await postWebhook(baseUrl, payload, { secret });
    if (!response.ok) throw new Error(`Seeding failed: HTTP ${response.status} ${await response.text()}`);
  };
  const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);

  for (let index = 0; index < 9; index += 1) {
    const line = pick(LINES, index);
    await send(camelStatusUpdate({ callId: newCallId(), status: "in-progress", timestamp: minutesAgo(0.3 + index * 1.7), lineNumber: line.number, lineName: line.name, customerNumber: customer(index), callType: index % 4 === 3 ? "outbound" : "inbound" }));
  }
  for (let index = 0; index < 14; index += 1) {
    const line = pick(LINES, index + 1);
    const callId = newCallId();
    const startedAt = minutesAgo(58 - index * 4);
    const endedAt = new Date(startedAt.getTime() + (45 + index * 23) * 1000);
    await send(camelStatusUpdate({ callId, status: "in-progress", timestamp: startedAt, lineNumber: line.number, lineName: line.name, customerNumber: customer(100 + index) }));
    await send(endOfCallReport({ callId, timestamp: endedAt, startedAt, lineNumber: line.number, lineName: line.name, customerNumber: customer(100 + index), durationSeconds: (endedAt.getTime() - startedAt.getTime()) / 1000, summary: pick(SUMMARIES, index) }));
  }
  for (let index = 0; index < ERRORS.length; index += 1) {
    const line = pick(LINES, index + 2);
    const callId = newCallId();
    const startedAt = minutesAgo(50 - index * 9);
    await send(camelStatusUpdate({ callId, status: "in-progress", timestamp: startedAt, lineNumber: line.number, lineName: line.name, customerNumber: customer(200 + index) }));
    await send(camelStatusUpdate({ callId, status: "ended-with-error", timestamp: new Date(startedAt.getTime() + 20_000), lineNumber: line.number, lineName: line.name, customerNumber: customer(200 + index), error: pick(ERRORS, index) }));
  }
}
