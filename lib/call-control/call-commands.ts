// The audit trail of call control: every command sent to Flireo for a call, who sent it and what Flireo answered.
// Written before the command leaves (pending) and again with the answer; read by the call page, the board, the read
// API and the admins' list.
import type { CallCommand as CallCommandRow, PrismaClient } from "@/lib/db/generated/client";
import { callCommandSchema, type CallCommand, type CallCommandView, type CommandOutcome, type CommandSource } from "@/lib/shared/control/call-command";

export type CommandActor = { userId: string | null; actor: string; source: CommandSource };

export function commandRowToView(row: CallCommandRow): CallCommandView {
  const parsed = callCommandSchema.safeParse(row.body);
  // Stored only after the same schema accepted it; a row that no longer parses is shown by its type alone.
  const command = parsed.success ? parsed.data : ({ type: "end-call" } as const);
  return {
    id: String(row.id),
    callId: row.callId,
    type: command.type,
    command,
    actor: row.actor,
    source: row.source as CommandSource,
    outcome: row.outcome as CommandOutcome,
    answer: row.answer,
    requestedAt: row.requestedAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

export async function recordPendingCommand(prisma: PrismaClient, callId: string, command: CallCommand, by: CommandActor): Promise<CallCommandView> {
  const row = await prisma.callCommand.create({
    data: { callId, userId: by.userId, actor: by.actor, source: by.source, type: command.type, body: command },
  });
  return commandRowToView(row);
}

export async function recordCommandAnswer(
  prisma: PrismaClient,
  id: string,
  answer: { outcome: Exclude<CommandOutcome, "pending">; flireoStatus: number | null; message: string },
): Promise<CallCommandView> {
  const row = await prisma.callCommand.update({
    where: { id: BigInt(id) },
    data: { outcome: answer.outcome, flireoStatus: answer.flireoStatus, answer: answer.message, answeredAt: new Date() },
  });
  return commandRowToView(row);
}

/** A call's commands, oldest first, for its timeline. */
export async function listCallCommands(prisma: PrismaClient, callId: string): Promise<CallCommandView[]> {
  const rows = await prisma.callCommand.findMany({ where: { callId }, orderBy: [{ requestedAt: "asc" }, { id: "asc" }] });
  return rows.map(commandRowToView);
}

/** The latest command of each of these calls (the board's live rows show it while it is under way). */
export async function findLatestCommands(prisma: PrismaClient, callIds: string[]): Promise<CallCommandView[]> {
  if (callIds.length === 0) return [];
  const rows = await prisma.callCommand.findMany({
    where: { callId: { in: callIds } },
    orderBy: [{ callId: "asc" }, { requestedAt: "desc" }, { id: "desc" }],
    distinct: ["callId"],
  });
  return rows.map(commandRowToView);
}

/** These commands (changes another process announced); ids that are not a command's are left out. */
export async function findCommandsByIds(prisma: PrismaClient, ids: string[]): Promise<CallCommandView[]> {
  const numeric = ids.filter((id) => /^\d{1,18}$/.test(id)).map((id) => BigInt(id));
  if (numeric.length === 0) return [];
  return (await prisma.callCommand.findMany({ where: { id: { in: numeric } }, orderBy: { id: "asc" } })).map(commandRowToView);
}

export type CommandListFilter = { userId?: string; actor?: string; from?: Date; to?: Date; limit: number };

/** Every command, newest first, narrowed by who sent it and when (the admins' list). */
export async function listCommands(prisma: PrismaClient, filter: CommandListFilter): Promise<CallCommandView[]> {
  const rows = await prisma.callCommand.findMany({
    where: {
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.actor ? { actor: { equals: filter.actor, mode: "insensitive" } } : {}),
      requestedAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) },
    },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: filter.limit,
  });
  return rows.map(commandRowToView);
}
