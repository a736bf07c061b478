"use client";
// What the wall says about its connection: a small live mark while all is well, and, in large type over everything,
// that its wallboard link was revoked or has expired (it will not come back by itself).
import type { ConnectionState } from "@/components/board/use-board-socket";
import type { WallboardEnded } from "@/lib/shared/realtime/events";

const LABEL: Record<ConnectionState, string> = { connecting: "Connecting", live: "Live", reconnecting: "Reconnecting", offline: "Offline" };

export function WallConnection({ connection }: { connection: ConnectionState }) {
  const isLive = connection === "live";
  return (
    <span className={`wall-medium flex items-center gap-[0.4em] font-semibold ${isLive ? "text-(--wall-live)" : "text-(--wall-amber)"}`} data-testid="wall-connection">
      <span aria-hidden className={`inline-block size-[0.6em] rounded-full bg-current ${isLive ? "live-dot" : ""}`} />
      {LABEL[connection]}
    </span>
  );
}

export function WallEnded({ ended }: { ended: WallboardEnded }) {
  return (
    <div role="alert" data-testid="wall-ended" className="absolute inset-0 grid place-items-center bg-(--wall-bg) p-[6vh] text-center">
      <div>
        <p className="wall-figure font-bold text-(--wall-red)">{ended.reason === "revoked" ? "This wallboard link was revoked" : "This wallboard link has expired"}</p>
        <p className="wall-large wall-muted mx-auto mt-[3vh] max-w-[70vw]">Ask a Callboard admin for a new link, and open it on this screen.</p>
      </div>
    </div>
  );
}
