"use client";
// "All" plus one pill per value with its count, for filtering a log; the pressed pill is the filter.
const PILL =
  "rounded-full border border-zinc-300 px-3 py-1 text-sm aria-pressed:bg-zinc-900 aria-pressed:text-white dark:border-zinc-700 dark:aria-pressed:bg-white dark:aria-pressed:text-zinc-900";

type Props<T extends string> = {
  label: string;
  values: readonly T[];
  selected: T | null;
  onSelect: (value: T | null) => void;
  counts: Record<T, number> | undefined;
  testIdPrefix: string;
};

export function CountFilter<T extends string>({ label, values, selected, onSelect, counts, testIdPrefix }: Props<T>) {
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={label}>
      <button type="button" aria-pressed={selected === null} onClick={() => onSelect(null)} className={PILL}>
        All
      </button>
      {values.map((name) => (
        <button key={name} type="button" aria-pressed={selected === name} onClick={() => onSelect(name)} data-testid={`${testIdPrefix}${name}`} className={PILL}>
          {name} <span className="font-semibold tabular-nums">{counts?.[name] ?? "…"}</span>
        </button>
      ))}
    </div>
  );
}
