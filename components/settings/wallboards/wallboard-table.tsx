// The list of wallboard links (server-rendered): each link's line, masking, language, last use and the address it
// came from; an active link's masking can be switched, and the link revoked.
import { useTranslations } from "next-intl";
import type { WallboardState, WallboardView } from "@/lib/shared/wallboards/wallboard-view";
import { formatPhoneNumber } from "@/lib/shared/calls/format";
import { SettingsTableHead, settingsRowClass } from "@/components/settings/settings-table";
import { LocalTime } from "@/components/ui/time-zone";
import { LOCALE_NAMES } from "@/lib/shared/i18n/locales";
import { RevokeWallboardButton } from "./revoke-wallboard-button";
import { WallboardMaskingButton } from "./wallboard-masking-button";

const STATE_BADGE_CLASS: Record<WallboardState, string> = {
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  expired: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  revoked: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

function When({ iso, empty }: { iso: string | null; empty: string }) {
  if (!iso) return <span className="text-zinc-500 dark:text-zinc-400">{empty}</span>;
  return <LocalTime iso={iso} format="day-time" className="whitespace-nowrap tabular-nums" />;
}

export function WallboardTable({ wallboards }: { wallboards: WallboardView[] }) {
  const t = useTranslations("wallboards.table");
  if (wallboards.length === 0) {
    return <p className="px-5 py-6 text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>;
  }
  const columns = [t("name"), t("shows"), t("language"), t("created"), t("lastUsed"), t("expires"), t("state")].map((label) => ({ label }));
  return (
    // Positioned, so that it also holds what is positioned inside it (the actions column's label for screen readers),
    // which would otherwise stretch the whole page sideways on a phone rather than scroll with the table.
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="wallboard-table">
        <SettingsTableHead columns={columns} />
        <tbody>
          {wallboards.map((wallboard) => {
            return (
              <tr key={wallboard.id} data-testid="wallboard-row" data-wallboard-id={wallboard.id} data-state={wallboard.state} className={`${settingsRowClass} align-top`}>
                <td className="min-w-44 px-5 py-3">
                  <div className="font-medium" data-testid="wallboard-name">
                    {wallboard.name}
                  </div>
                  <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{wallboard.prefix}…</div>
                </td>
                <td className="px-3 py-3">
                  <div>{wallboard.lineNumber ? formatPhoneNumber(wallboard.lineNumber) : t("everyLine")}</div>
                  <div className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="wallboard-masking-state">
                    {wallboard.isMasked ? t("masked") : t("fullNumbers")}
                  </div>
                </td>
                <td className="px-3 py-3" data-testid="wallboard-locale" data-locale={wallboard.locale} lang={wallboard.locale}>
                  {LOCALE_NAMES[wallboard.locale]}
                </td>
                <td className="px-3 py-3">
                  <When iso={wallboard.createdAt} empty="—" />
                  <div className="max-w-44 truncate text-xs text-zinc-500 dark:text-zinc-400" title={wallboard.createdBy?.email}>
                    {wallboard.createdBy ? t("by", { email: wallboard.createdBy.email }) : t("byRemovedUser")}
                  </div>
                </td>
                <td className="px-3 py-3" data-testid="wallboard-last-used">
                  <When iso={wallboard.lastUsedAt} empty={t("never")} />
                  {wallboard.lastUsedAddress && <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{t("from", { address: wallboard.lastUsedAddress })}</div>}
                </td>
                <td className="px-3 py-3">
                  <When iso={wallboard.expiresAt} empty={t("never")} />
                </td>
                <td className="px-3 py-3">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATE_BADGE_CLASS[wallboard.state]}`} data-testid="wallboard-state">
                    {t(`states.${wallboard.state}`)}
                  </span>
                </td>
                <td className="px-5 py-3 text-right">
                  {wallboard.state === "active" && (
                    <div className="flex flex-col items-end gap-2">
                      <WallboardMaskingButton id={wallboard.id} name={wallboard.name} isMasked={wallboard.isMasked} />
                      <RevokeWallboardButton id={wallboard.id} name={wallboard.name} />
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
