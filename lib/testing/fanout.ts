// Many Socket.IO clients listening to calls:updated, and the latency from a POST to the moment the slowest of them has
// the call: for npm run bench:fanout, against Callboard (as wallboard links) and a bare Socket.IO server alike.
import { readFileSync } from "node:fs";
import { io, type Socket } from "socket.io-client";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime/events";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Reception = { sentAt: number; count: number; lastAt: number };

export type FanoutClients = { clients: Client[]; receptions: Map<string, Reception>; close: () => void };

/** Connects `count` clients, 50 at a time, each with one of `cookies` (round robin; none for the bare server). */
export async function connectClients(baseUrl: string, count: number, cookies: string[], path = SOCKET_PATH): Promise<FanoutClients> {
  const receptions = new Map<string, Reception>();
  const clients: Client[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, (_, index) => {
      const cookie = cookies.length ? cookies[(start + index) % cookies.length] : undefined;
      const client: Client = io(baseUrl, { path, transports: ["websocket"], forceNew: true, reconnection: false, ...(cookie ? { extraHeaders: { cookie } } : {}) });
      client.on("calls:updated", (calls) => {
        const at = performance.now();
        for (const call of calls) {
          const reception = receptions.get(call.id);
          if (!reception) continue;
          reception.count++;
          reception.lastAt = at;
        }
      });
      clients.push(client);
      return new Promise<void>((resolve, reject) => {
        client.once("connect", () => resolve());
        client.once("connect_error", reject);
      });
    });
    await Promise.all(batch);
  }
  return { clients, receptions, close: () => clients.forEach((client) => client.close()) };
}

export type FanoutRun = { sent: number; failed: number; latenciesMs: number[]; delivered: number; expected: number; seconds: number };

/**
 * Posts `rate` calls a second for `seconds` (each through `post`, which names a new call id), then waits up to 5 s for
 * the last deliveries. Latency: from just before the POST to the moment the last client had the call.
 */
export async function runFanout(fanout: FanoutClients, post: (callId: string) => Promise<boolean>, rate: number, seconds: number, newId: () => string): Promise<FanoutRun> {
  const total = Math.round(rate * seconds);
  const started = performance.now();
  let sent = 0;
  let failed = 0;
  const posts: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
      while (sent < due) {
        const id = newId();
        fanout.receptions.set(id, { sentAt: performance.now(), count: 0, lastAt: 0 });
        sent++;
        posts.push(post(id).then((isOk) => void (isOk || failed++), () => void failed++));
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  await Promise.all(posts);
  const expected = total * fanout.clients.length;
  const deliveredNow = () => [...fanout.receptions.values()].reduce((sum, reception) => sum + reception.count, 0);
  for (let waited = 0; waited < 5_000 && deliveredNow() < expected; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  const latenciesMs = [...fanout.receptions.values()].filter((reception) => reception.count >= fanout.clients.length).map((reception) => reception.lastAt - reception.sentAt);
  const result = { sent, failed, latenciesMs: latenciesMs.sort((a, b) => a - b), delivered: deliveredNow(), expected, seconds: (performance.now() - started) / 1000 };
  fanout.receptions.clear();
  return result;
}

/** Resident memory of a process, in MB (NaN without /proc). */
export function processRssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
