// Where live calls may be transferred: a list admins keep (a name, and an E.164 number or a SIP address), and
// whether a supervisor may instead type a number. A destination a command names is checked against both here.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";
import { translatorFor } from "@/lib/http/error-text";
import { readSetting, writeSetting } from "@/lib/settings/app-settings";
import type { CallControlSetup, TransferDestinationView } from "@/lib/shared/control/call-command";

const t = translatorFor("errors");

const SETTING_KEY = "call_control";
const settingSchema = z.object({ allowTypedNumbers: z.boolean() });

/**
 * A SIP address as Flireo's transfer takes one: `sip:` or `sips:`, a user part, `@`, and a host (name or address,
 * optionally a port). Checked by hand: no maintained package validates SIP URIs, and this is only the shape.
 */
const SIP_ADDRESS = /^sips?:[A-Za-z0-9._~+!$&'()*,;=%-]+@[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** The E.164 form of a phone number written as one (`+` and digits), or null when it is not a valid number. */
export function toE164(value: string): string | null {
  const trimmed = value.replace(/[\s().-]/g, "");
  if (!/^\+\d{6,15}$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed);
  return parsed?.isValid() ? parsed.number : null;
}

/** A destination as stored: an E.164 number, or a SIP address as given. */
export function normalizeDestination(value: string): string | null {
  const trimmed = value.trim();
  if (/^sips?:/i.test(trimmed)) return SIP_ADDRESS.test(trimmed) ? trimmed : null;
  return toE164(trimmed);
}

export const newDestinationSchema = z.object({
  name: z.string("Give the destination a name.").trim().min(1, "Give the destination a name.").max(80, "The name may have at most 80 characters."),
  destination: z.string("Give a number or a SIP address.").trim().min(1, "Give a number or a SIP address.").max(200),
});

function toView(row: { id: bigint; name: string; destination: string }): TransferDestinationView {
  return { id: String(row.id), name: row.name, destination: row.destination };
}

export async function listTransferDestinations(prisma: PrismaClient): Promise<TransferDestinationView[]> {
  const rows = await prisma.transferDestination.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map(toView);
}

export async function addTransferDestination(prisma: PrismaClient, input: z.infer<typeof newDestinationSchema>): Promise<TransferDestinationView> {
  const destination = normalizeDestination(input.destination);
  if (!destination) {
    throw new ApiError("unprocessable", t("callControl.destinationInvalid", { destination: input.destination }));
  }
  const existing = await prisma.transferDestination.findUnique({ where: { destination } });
  if (existing) throw new ApiError("conflict", t("callControl.destinationExists", { destination, name: existing.name }));
  return toView(await prisma.transferDestination.create({ data: { name: input.name, destination } }));
}

export async function removeTransferDestination(prisma: PrismaClient, id: string): Promise<void> {
  if (!/^\d{1,18}$/.test(id)) throw new ApiError("not_found", t("callControl.destinationNotFound"));
  const { count } = await prisma.transferDestination.deleteMany({ where: { id: BigInt(id) } });
  if (count === 0) throw new ApiError("not_found", t("callControl.destinationGone"));
}

export async function readAllowTypedNumbers(prisma: PrismaClient): Promise<boolean> {
  return (await readSetting(prisma, SETTING_KEY, settingSchema))?.allowTypedNumbers ?? false;
}

export async function writeAllowTypedNumbers(prisma: PrismaClient, allowTypedNumbers: boolean): Promise<void> {
  await writeSetting(prisma, SETTING_KEY, { allowTypedNumbers });
}

/**
 * Where a transfer may go: a destination on the list (as stored), or, where admins allow it, a typed number that is
 * a valid E.164 number. Anything else is refused with what to do instead.
 */
export async function resolveTransferDestination(prisma: PrismaClient, requested: string): Promise<string> {
  const listed = await prisma.transferDestination.findFirst({ where: { destination: normalizeDestination(requested) ?? requested.trim() } });
  if (listed) return listed.destination;
  if (!(await readAllowTypedNumbers(prisma))) {
    throw new ApiError("unprocessable", t("callControl.notOnList", { destination: requested }));
  }
  const number = toE164(requested);
  if (!number) {
    throw new ApiError("unprocessable", t("callControl.typedNumberInvalid", { destination: requested }));
  }
  return number;
}

/** What the controls show: the list, whether a number may be typed, and whether an API key is there. */
export async function loadCallControlSetup(prisma: PrismaClient, hasApiKey: boolean): Promise<CallControlSetup> {
  const [destinations, allowTypedNumbers] = await Promise.all([listTransferDestinations(prisma), readAllowTypedNumbers(prisma)]);
  return { destinations, allowTypedNumbers, missingApiKey: hasApiKey ? null : NO_API_KEY_MESSAGE };
}

export const NO_API_KEY_MESSAGE =
  "Callboard has no Flireo API key, so it cannot act on calls. An admin can enter one on the webhooks page (Webhooks > Flireo API key) or set FLIREO_API_KEY; keys are made in Flireo's dashboard under Settings > API Keys.";
