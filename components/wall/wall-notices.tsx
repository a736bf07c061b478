"use client";
// What the wall says about its connection: a small live mark while all is well, and, in large type over everything,
// that its wallboard link was revoked or has expired (it will not come back by itself).
import { useTranslations } from "next-intl";
import type { ConnectionState } from "@/components/board/use-board-socket";
import type { WallboardEnded } from "@/lib/shared/realtime/events";

export function WallConnection({ connection }: { connection: ConnectionState }) {
  const t = useTranslations("wall");
  const isLive = connection === "live";
  return (
    <span className={`wall-medium flex items-center gap-[0.4em] font-semibold ${isLive ? "text-(--wall-live)" : "text-(--wall-amber)"}`} data-testid="wall-connection">
      <span aria-hidden className={`inline-block size-[0.6em] rounded-full bg-current ${isLive ? "live-dot" : ""}`} />
      {t(`connection.${connection}`)}
    </span>
  );
}

export function WallEnded({ ended }: { ended: WallboardEnded }) {
  const t = useTranslations("wall.ended");
  return (
    <div role="alert" data-testid="wall-ended" className="absolute inset-0 grid place-items-center bg-(--wall-bg) p-[6vh] text-center">
      <div>
        <p className="wall-figure font-bold text-(--wall-red)">{ended.reason === "revoked" ? t("revoked") : t("expired")}</p>
        <p className="wall-large wall-muted mx-auto mt-[3vh] max-w-[70vw]">{t("hint")}</p>
      </div>
    </div>
  );
}
