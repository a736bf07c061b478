// The Flireo API key: FLIREO_API_KEY when set, else one entered on the webhooks page and kept in the database,
// encrypted (lib/secrets). It is only ever used server-side; nothing returns it to a browser.
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import type { SecretBox } from "@/lib/secrets/secret-box";
import { deleteSetting, readSetting, writeSetting } from "@/lib/settings/app-settings";
import type { ApiKeySource } from "@/lib/shared/flireo/flireo-view";
import { createFlireoClient, type FlireoClient } from "./flireo-client";
import type { FlireoLane, RequestBudget } from "./request-budget";

const t = translatorFor("errors");

const SETTING_KEY = "flireo_api_key";

export async function resolveFlireoApiKey(prisma: PrismaClient, box: SecretBox): Promise<{ key: string; source: Exclude<ApiKeySource, null> } | null> {
  if (env.FLIREO_API_KEY) return { key: env.FLIREO_API_KEY, source: "environment" };
  const saved = await readSetting(prisma, SETTING_KEY, z.string().min(1));
  return saved ? { key: box.open(saved, "settings.flireo_api_key"), source: "saved" } : null;
}

export async function saveFlireoApiKey(prisma: PrismaClient, box: SecretBox, input: unknown): Promise<void> {
  const parsed = z.string().trim().min(8).max(500).regex(/^\S+$/).safeParse(input);
  if (!parsed.success) throw new ApiError("unprocessable", t("flireo.apiKeyShape"));
  if (env.FLIREO_API_KEY) {
    throw new ApiError("bad_request", t("flireo.apiKeyInEnvironment"));
  }
  await writeSetting(prisma, SETTING_KEY, box.seal(parsed.data, "settings.flireo_api_key"));
}

export async function removeFlireoApiKey(prisma: PrismaClient): Promise<void> {
  await deleteSetting(prisma, SETTING_KEY);
}

/** A client on the configured key, taking its requests from the process's one budget (the context's flireoBudget). */
export async function getFlireoClient(prisma: PrismaClient, box: SecretBox, budget: RequestBudget, lane: FlireoLane = "registration"): Promise<FlireoClient> {
  const apiKey = await resolveFlireoApiKey(prisma, box);
  if (!apiKey) {
    throw new ApiError("bad_request", t("flireo.noApiKey"));
  }
  return createFlireoClient({ baseUrl: env.FLIREO_API_BASE_URL, apiKey: apiKey.key, budget, lane });
}
