// PUT /api/flireo/api-key – save a Flireo API key server-side: { apiKey }. DELETE – forget it. Never returns it.
import { requireAdmin } from "@/lib/context/session";
import { appContext } from "@/lib/context/current";
import { z } from "zod";
import { removeFlireoApiKey, resolveFlireoApiKey, saveFlireoApiKey } from "@/lib/flireo/flireo-api-key";
import { errorResponse } from "@/lib/http/api-error";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

export async function PUT(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { apiKey } = await readJsonBody(request, z.object({ apiKey: z.unknown() }));
    const { prisma, secretBox } = appContext();
    await saveFlireoApiKey(prisma, secretBox, apiKey);
    return Response.json({ source: (await resolveFlireoApiKey(prisma, secretBox))?.source ?? null });
  } catch (error) {
    return errorResponse(error, request);
  }
}

export async function DELETE(request: Request): Promise<Response> {
  try {
    // proxy.ts admits only admins here; checked again because these change or reveal webhook settings.
    await requireAdmin(request.headers);
    const { prisma, secretBox } = appContext();
    await removeFlireoApiKey(prisma);
    return Response.json({ source: (await resolveFlireoApiKey(prisma, secretBox))?.source ?? null });
  } catch (error) {
    return errorResponse(error, request);
  }
}
