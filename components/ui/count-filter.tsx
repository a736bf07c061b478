"use client";
// "All" plus one pill per value with its count, for filtering a log; the pressed pill is the filter.
import { useFormatter, useTranslations } from "next-intl";

const PILL =
  "rounded-full border border-zinc-300 px-3 py-1 text-sm aria-pressed:bg-zinc-900 aria-pressed:text-white dark:border-zinc-700 dark:aria-pressed:bg-white dark:aria-pressed:text-zinc-900";

type Props<T extends string> = {
  label: string;
  values: readonly T[];
  selected: T | null;
  onSelect: (value: T | null) => void;
  counts: Record<T, number> | undefined;
  testIdPrefix: string;
  /** A value's name as the reader says it (the value itself unless given). */
  valueLabel?: (value: T) => string;
};

export function CountFilter<T extends string>({ label, values, selected, onSelect, counts, testIdPrefix, valueLabel = (value) => value }: Props<T>) {
  const t = useTranslations("ui");
  const format = useFormatter();
  const shown = (name: T) => {
    const count = counts?.[name];
    return count === undefined ? "…" : format.number(count);
  };
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={label}>
      <button type="button" aria-pressed={selected === null} onClick={() => onSelect(null)} className={PILL}>
        {t("all")}
      </button>
      {values.map((name) => (
        <button key={name} type="button" aria-pressed={selected === name} onClick={() => onSelect(name)} data-testid={`${testIdPrefix}${name}`} className={PILL}>
          {valueLabel(name)} <span className="font-semibold tabular-nums">{shown(name)}</span>
        </button>
      ))}
    </div>
  );
}
