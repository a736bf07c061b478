"use client";
// The signing secret: hidden until revealed, copyable, rotatable (the previous one stays valid for a while, unless
// revoked at once: a secret that leaked should not be left to expire).
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { SecretView } from "@/lib/shared/flireo/flireo-view";
import { callApi } from "@/components/ui/call-api";
import { Card, Notice, buttonClass } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { useBusyAction } from "@/components/ui/use-busy-action";
import { LocalTime } from "@/components/ui/time-zone";

type Props = { maskedSecret: string; graceHours: number; previousValidUntil: string[]; isSignatureRequired: boolean; onRotated: () => void };

export function SigningSecretCard({ maskedSecret, graceHours, previousValidUntil, isSignatureRequired, onRotated }: Props) {
  const [secrets, setSecrets] = useState<SecretView[] | null>(null);
  const [masked, setMasked] = useState(maskedSecret);
  const [previous, setPrevious] = useState(previousValidUntil);
  const { busy, error, run } = useBusyAction();
  const isBusy = busy !== null;
  const current = secrets?.find((secret) => secret.validUntil === null) ?? null;
  const t = useTranslations("webhooks.secret");

  const apply = (next: SecretView[], reveal: boolean) => {
    const now = next.find((secret) => secret.validUntil === null);
    if (now) setMasked(`${now.secret.slice(0, 10)}${"•".repeat(16)}`);
    setPrevious(next.flatMap((secret) => (secret.validUntil ? [secret.validUntil] : [])));
    setSecrets(reveal ? next : null);
  };

  const reveal = () => run(async () => apply((await callApi<{ secrets: SecretView[] }>("GET", "/api/webhooks/secret")).secrets, true));
  const revokePrevious = () => {
    if (!window.confirm(t("confirmRevoke"))) return;
    void run(async () => {
      apply((await callApi<{ secrets: SecretView[] }>("POST", "/api/webhooks/secret/revoke-previous")).secrets, secrets !== null);
      onRotated();
    });
  };
  const rotate = () => {
    if (!window.confirm(graceHours > 0 ? t("confirmRotateGrace", { hours: graceHours }) : t("confirmRotateNow"))) return;
    void run(async () => {
      apply((await callApi<{ secrets: SecretView[] }>("POST", "/api/webhooks/secret/rotate")).secrets, true);
      onRotated();
    });
  };

  return (
    <Card id="signing-secret" title={t("title")}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich("intro", { code: (chunks: ReactNode) => <code className="font-mono">{chunks}</code> })} {isSignatureRequired ? t("required") : t("unsignedAccepted")}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid="secret-value" className="min-w-0 flex-1 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-sm break-all dark:border-zinc-700 dark:bg-zinc-800/60">
          {current?.secret ?? masked}
        </code>
        {current ? (
          <>
            <CopyButton text={current.secret} testId="copy-secret" />
            <button type="button" className={buttonClass} onClick={() => setSecrets(null)}>
              {t("hide")}
            </button>
          </>
        ) : (
          <button type="button" className={buttonClass} disabled={isBusy} onClick={() => void reveal()} data-testid="reveal-secret">
            {t("reveal")}
          </button>
        )}
        <button type="button" className={buttonClass} disabled={isBusy} onClick={rotate} data-testid="rotate-secret">
          {t("rotate")}
        </button>
      </div>
      {previous.length > 0 && (
        <div className="flex flex-wrap items-start gap-2">
          <ul data-testid="previous-secrets" className="min-w-0 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
            {previous.map((validUntil, index) => {
              const shown = secrets?.filter((secret) => secret.validUntil !== null)[index];
              return (
                <li key={validUntil} data-testid="previous-secret">
                  {t.rich("previous", {
                    secret: () => (shown ? <code className="mx-1 font-mono break-all">{shown.secret}</code> : " "),
                    until: () => <LocalTime iso={validUntil} format="day-time" />,
                  })}
                </li>
              );
            })}
          </ul>
          <button type="button" className={`${buttonClass} text-red-700 dark:text-red-400`} disabled={isBusy} onClick={revokePrevious} data-testid="revoke-previous-secret">
            {t("revokeNow")}
          </button>
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
    </Card>
  );
}
