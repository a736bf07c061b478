// The list of read-API tokens (server-rendered; times in the reader's zone, as everywhere).
import { useTranslations } from "next-intl";
import type { ApiTokenState, ApiTokenView } from "@/lib/shared/api-tokens/api-token-view";
import { SettingsTableHead, settingsRowClass } from "@/components/settings/settings-table";
import { RevokeApiTokenButton } from "./revoke-api-token-button";
import { LocalTime } from "@/components/ui/time-zone";

const STATE_BADGE: Record<ApiTokenState, string> = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  expired: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  revoked: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

function When({ iso, empty }: { iso: string | null; empty: string }) {
  if (!iso) return <span className="text-zinc-500 dark:text-zinc-400">{empty}</span>;
  return <LocalTime iso={iso} format="day-time" className="whitespace-nowrap tabular-nums" />;
}

/** On a phone the column names are hidden, so each value says what it is. */
function PhoneLabel({ children }: { children: string }) {
  return <span className="mr-1 text-xs text-zinc-500 sm:hidden dark:text-zinc-400">{children}</span>;
}

export function ApiTokenTable({ tokens }: { tokens: ApiTokenView[] }) {
  const t = useTranslations("apiTokens.list");
  if (tokens.length === 0) {
    return <p className="px-5 py-6 text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>;
  }
  return (
    // On a phone each token is a small block (name, then its dates, state and Revoke), without column names: a
    // table there put Revoke past the right edge.
    <div>
      <table className="block w-full text-left text-sm sm:table" data-testid="api-token-table">
        <SettingsTableHead columns={[{ label: t("columns.name") }, { label: t("columns.created") }, { label: t("columns.lastUsed") }, { label: t("columns.expires") }, { label: t("columns.state") }]} className="hidden sm:table-header-group" />
        <tbody className="block sm:table-row-group">
          {tokens.map((token) => {
            return (
              <tr key={token.id} data-testid="api-token-row" data-token-id={token.id} data-state={token.state} className={`${settingsRowClass} flex flex-wrap items-start gap-x-4 gap-y-1 px-5 py-3 align-top sm:table-row sm:p-0`}>
                <td className="min-w-0 basis-full sm:max-w-72 sm:min-w-44 sm:px-5 sm:py-3">
                  <div className="truncate font-medium" title={token.name} data-testid="api-token-name">{token.name}</div>
                  <div className="text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                    <span className="font-mono" data-testid="api-token-prefix">
                      {token.prefix}…
                    </span>{" "}
                    · {t("readOnly")}
                  </div>
                </td>
                <td className="sm:px-3 sm:py-3">
                  <PhoneLabel>{t("columns.created")}</PhoneLabel>
                  <When iso={token.createdAt} empty="—" />
                  <div className="max-w-44 truncate text-xs text-zinc-500 dark:text-zinc-400" title={token.createdBy?.email}>
                    {token.createdBy ? t("by", { email: token.createdBy.email }) : t("byRemovedUser")}
                  </div>
                </td>
                <td className="sm:px-3 sm:py-3">
                  <PhoneLabel>{t("columns.lastUsed")}</PhoneLabel>
                  <span data-testid="api-token-last-used">
                    <When iso={token.lastUsedAt} empty={t("never")} />
                  </span>
                </td>
                <td className="sm:px-3 sm:py-3">
                  <PhoneLabel>{t("columns.expires")}</PhoneLabel>
                  <When iso={token.expiresAt} empty={t("never")} />
                </td>
                <td className="sm:px-3 sm:py-3">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATE_BADGE[token.state]}`} data-testid="api-token-state">
                    {t(`states.${token.state}`)}
                  </span>
                  {token.revokedAt && (
                    <div className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                      <When iso={token.revokedAt} empty="" />
                      {token.revokedBy && (
                        <div className="max-w-44 truncate" title={token.revokedBy.email}>
                          {t("by", { email: token.revokedBy.email })}
                        </div>
                      )}
                    </div>
                  )}
                </td>
                <td className="ml-auto text-right sm:ml-0 sm:px-5 sm:py-3">{token.state === "active" && <RevokeApiTokenButton id={token.id} name={token.name} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
