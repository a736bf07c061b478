"use client";
// A delivery log card on an admin page (the webhook's, the alerts'): the latest deliveries from the log's list route,
// narrowed to one value of its filter with the last 24 hours' count of each, refreshed while the page is open. Each
// log lays out its own rows.
import { useState, type ReactNode } from "react";
import { Card, Notice } from "@/components/ui/card";
import { CountFilter } from "@/components/ui/count-filter";
import { usePolledApi } from "@/components/ui/use-polled-api";

type DeliveryLogProps<Value extends string, Delivery> = {
  id: string;
  title: string;
  aside: string;
  /** The list route, and the query parameter its filter goes in. */
  url: string;
  filter: { name: string; values: readonly Value[]; label: string; testIdPrefix: string; valueLabel: (value: Value) => string };
  refreshMs: number;
  /** Changed to reload at once (after a test delivery, say). */
  refreshKey: number;
  empty: { testId: string; text: (value: Value | null) => string };
  children: (deliveries: Delivery[]) => ReactNode;
};

export function DeliveryLog<Value extends string, Delivery>({ id, title, aside, url, filter, refreshMs, refreshKey, empty, children }: DeliveryLogProps<Value, Delivery>) {
  const [value, setValue] = useState<Value | null>(null);
  const query = new URLSearchParams({ limit: "50", ...(value ? { [filter.name]: value } : {}) });
  const { data, error } = usePolledApi<{ deliveries: Delivery[]; counts: Record<Value, number> }>(`${url}?${query.toString()}`, refreshMs, refreshKey);

  return (
    <Card id={id} title={title} aside={<span className="text-xs text-zinc-500 dark:text-zinc-400">{aside}</span>}>
      <CountFilter label={filter.label} values={filter.values} selected={value} onSelect={setValue} counts={data?.counts} testIdPrefix={filter.testIdPrefix} valueLabel={filter.valueLabel} />
      {error && <Notice tone="error">{error}</Notice>}
      {data && data.deliveries.length === 0 && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid={empty.testId}>
          {empty.text(value)}
        </p>
      )}
      {data && data.deliveries.length > 0 && children(data.deliveries)}
    </Card>
  );
}
