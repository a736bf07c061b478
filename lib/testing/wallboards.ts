// Wallboard links for tests and benchmarks: made over HTTP as an admin would make them, opened as a TV would open
// them (the first visit moves the secret into a cookie), and their live connection.
import { io, type Socket } from "socket.io-client";
import type { CreatedWallboard } from "@/lib/shared/wallboards/wallboard-view";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime/events";
import { WALLBOARD_COOKIE } from "@/lib/wallboards/wallboard-secret";

export type NewWallboardInput = { name?: string; lineNumber?: string | null; expiresInDays?: number | null; showFullNumbers?: boolean; locale?: string };

export async function createWallboardOverHttp(baseUrl: string, adminCookie: string, input: NewWallboardInput = {}): Promise<CreatedWallboard> {
  const response = await fetch(`${baseUrl}/api/wallboards`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, cookie: adminCookie },
    body: JSON.stringify({ name: input.name ?? `test wall ${Math.random().toString(36).slice(2, 8)}`, ...input }),
  });
  if (response.status !== 201) throw new Error(`Creating a wallboard failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedWallboard;
}

/** The secret in a link's URL. */
export function wallboardSecret(url: string): string {
  const secret = new URL(url).searchParams.get("wallboard");
  if (!secret) throw new Error(`No secret in ${url}`);
  return secret;
}

/** The Cookie header a screen holds after opening the link. */
export function wallboardCookie(url: string): string {
  return `${WALLBOARD_COOKIE}=${wallboardSecret(url)}`;
}

export type WallboardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A live connection as a wallboard screen, connected (or rejected with the handshake's error). */
export async function connectAsWallboard(baseUrl: string, cookie: string, options: { reconnection?: boolean } = {}): Promise<WallboardSocket> {
  const socket: WallboardSocket = io(baseUrl, { path: SOCKET_PATH, transports: ["websocket"], extraHeaders: { cookie }, reconnection: options.reconnection ?? false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}
