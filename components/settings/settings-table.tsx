// The head of the settings pages' tables (tokens, users): small uppercase column names and a last, unlabelled
// column for each row's actions. Rows take `settingsRowClass`.
import { useTranslations } from "next-intl";

export const settingsRowClass = "border-b border-zinc-100 last:border-0 dark:border-zinc-800";

export function SettingsTableHead({ columns, className = "" }: { columns: readonly { label: string; className?: string }[]; className?: string }) {
  const t = useTranslations("settings");
  return (
    <thead className={`text-xs font-medium tracking-wide whitespace-nowrap text-zinc-500 uppercase dark:text-zinc-400 ${className}`}>
      <tr className="border-b border-zinc-100 dark:border-zinc-800">
        {columns.map((column, index) => (
          <th key={column.label} className={`${index === 0 ? "px-5" : "px-3"} py-2 font-medium ${column.className ?? ""}`}>
            {column.label}
          </th>
        ))}
        <th className="px-5 py-2">
          <span className="sr-only">{t("actions")}</span>
        </th>
      </tr>
    </thead>
  );
}
