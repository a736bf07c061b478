"use client";
// Keeps a call's detail page current: when the live stream carries a newer version of the call, the page is
// rendered again on the server (its timeline, report and payloads are not in the stream's call summary), and
// while the call is in progress its duration runs. Shows whether the page is connected.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { formatDuration } from "@/lib/shared/calls/format";
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/shared/realtime/events";
import { useNow } from "@/components/ui/use-now";

export function CallDetailLive({ callId, version }: { callId: string; version: number }) {
  const t = useTranslations("call.live");
  const router = useRouter();
  const [isConnected, setIsConnected] = useState(false);
  const shownVersion = useRef(version);
  useEffect(() => {
    shownVersion.current = version;
  }, [version]);

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: SOCKET_PATH, transports: ["websocket", "polling"], autoConnect: false });
    // As on the board: connect after React's development double mount has run its cleanup.
    const connectSoon = setTimeout(() => socket.connect(), 0);
    let hasConnected = false;
    socket.on("connect", () => {
      setIsConnected(true);
      // Changes made while the connection was down were not pushed: render again to pick them up.
      if (hasConnected) router.refresh();
      hasConnected = true;
    });
    socket.on("disconnect", () => setIsConnected(false));
    socket.on("calls:updated", (calls) => {
      if (calls.some((call) => call.id === callId && call.version > shownVersion.current)) router.refresh();
    });
    // A command to this call, sent or answered, from any board or call page: show it in the timeline.
    socket.on("commands:recorded", (commands) => {
      if (commands.some((command) => command.callId === callId)) router.refresh();
    });
    return () => {
      clearTimeout(connectSoon);
      socket.close();
    };
  }, [callId, router]);
  return (
    <span
      className="inline-flex items-center gap-1.5 text-sm text-zinc-500 dark:text-zinc-400"
      data-testid="detail-live"
      data-state={isConnected ? "live" : "connecting"}
      title={t("hint")}
    >
      <span aria-hidden className={`size-2 rounded-full ${isConnected ? "bg-live" : "bg-zinc-400"}`} />
      {isConnected ? t("updating") : t("connecting")}
    </span>
  );
}

/** An in-progress call's running duration, ticking with the board's timers. */
export function RunningDuration({ startedAt }: { startedAt: string }) {
  const now = useNow();
  return <span suppressHydrationWarning>{formatDuration(Math.max(0, (now - Date.parse(startedAt)) / 1000))}</span>;
}
