// Which webhook events Callboard asks Flireo to send when it registers an assistant. Both by default.
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import { readSetting, writeSetting } from "@/lib/settings/app-settings";
import { HANDLED_EVENT_TYPES, type HandledEventType } from "@/lib/calls/call-event";

const t = translatorFor("errors");

const SETTING_KEY = "webhook_events";
const eventsSchema = z.array(z.enum(HANDLED_EVENT_TYPES)).min(1);

export async function getEnabledWebhookEvents(prisma: PrismaClient): Promise<HandledEventType[]> {
  const stored = await readSetting(prisma, SETTING_KEY, eventsSchema);
  return stored ?? [...HANDLED_EVENT_TYPES];
}

export async function saveEnabledWebhookEvents(prisma: PrismaClient, input: unknown): Promise<HandledEventType[]> {
  const parsed = eventsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ApiError("unprocessable", t("webhooks.eventsShape", { events: HANDLED_EVENT_TYPES.join(", ") }));
  }
  // Keep the documented order, whatever order the page sent.
  const events = HANDLED_EVENT_TYPES.filter((type) => parsed.data.includes(type));
  await writeSetting(prisma, SETTING_KEY, events);
  return events;
}
