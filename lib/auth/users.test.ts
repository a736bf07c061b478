// The hand-written auth migration serves every Prisma query Better Auth's adapter and Callboard make.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/use-test-database";
import { hasAdmin, listUsers } from "./users";

const database = useTestDatabase();

describe("auth tables", () => {
  it("store users with their defaults, sessions, accounts and verifications, and cascade on delete", async () => {
    expect(await hasAdmin(database.prisma)).toBe(false);
    const user = await database.prisma.user.create({ data: { id: "u1", name: "Ann", email: "ann@example.test" } });
    expect(user).toMatchObject({ role: "viewer", emailVerified: false, banned: false, banReason: null, image: null });
    expect(user.createdAt).toBeInstanceOf(Date);

    const expiresAt = new Date(Date.now() + 60_000);
    await database.prisma.session.create({ data: { id: "s1", token: "t1", userId: "u1", expiresAt, ipAddress: "127.0.0.1", userAgent: "test", impersonatedBy: null } });
    await database.prisma.account.create({
      data: { id: "a1", accountId: "u1", providerId: "credential", userId: "u1", password: "hash", accessTokenExpiresAt: expiresAt, refreshTokenExpiresAt: null, scope: null, idToken: null },
    });
    await database.prisma.verification.create({ data: { id: "v1", identifier: "reset:ann", value: "x", expiresAt } });

    const loaded = await database.prisma.user.findUniqueOrThrow({ where: { email: "ann@example.test" }, include: { sessions: true, accounts: true } });
    expect(loaded.sessions.map((session) => session.token)).toEqual(["t1"]);
    expect(loaded.sessions[0]?.expiresAt).toEqual(expiresAt);
    expect(loaded.accounts[0]).toMatchObject({ providerId: "credential", password: "hash" });
    expect(await database.prisma.session.findUnique({ where: { token: "t1" } })).not.toBeNull();
    expect(await database.prisma.verification.findMany({ where: { identifier: "reset:ann" } })).toHaveLength(1);

    await expect(database.prisma.user.create({ data: { id: "u2", name: "Dup", email: "ann@example.test" } })).rejects.toThrow();
    await database.prisma.user.update({ where: { id: "u1" }, data: { role: "admin", banned: true, banReason: "test", banExpires: expiresAt } });
    expect(await hasAdmin(database.prisma)).toBe(true);
    // A session written straight to the table is no sign-in: the last sign-in is what Better Auth's hook stores.
    expect(await listUsers(database.prisma)).toEqual([
      { id: "u1", email: "ann@example.test", name: "Ann", role: "admin", createdAt: user.createdAt.toISOString(), lastSignInAt: null, liveApiTokens: 0 },
    ]);
    const signedInAt = new Date("2026-12-07T09:15:00.000Z");
    await database.prisma.user.update({ where: { id: "u1" }, data: { lastSignInAt: signedInAt } });
    await database.prisma.session.deleteMany({ where: { userId: "u1" } });
    expect((await listUsers(database.prisma))[0]?.lastSignInAt).toBe(signedInAt.toISOString());

    await database.prisma.user.delete({ where: { id: "u1" } });
    expect(await database.prisma.session.count()).toBe(0);
    expect(await database.prisma.account.count()).toBe(0);
  });

  it("keeps an admin: the last one can be neither demoted nor removed while others remain, also by two admins at once", async () => {
    const user = (id: string, role: string) => database.prisma.user.create({ data: { id, name: id, email: `${id}@example.test`, role } });
    await user("admin-a", "admin");
    await user("admin-b", "admin");
    await user("viewer-c", "viewer");

    // Each demotes the other at the same moment: one wins, and an admin is left.
    const demotions = await Promise.allSettled([
      database.prisma.user.update({ where: { id: "admin-a" }, data: { role: "viewer" } }),
      database.prisma.user.update({ where: { id: "admin-b" }, data: { role: "viewer" } }),
    ]);
    expect(demotions.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = demotions.find((result) => result.status === "rejected");
    expect(String((refusal as PromiseRejectedResult).reason)).toContain("Callboard keeps at least one admin");
    const [last] = (await listUsers(database.prisma)).filter((entry) => entry.role === "admin");
    expect(last).toBeDefined();

    await expect(database.prisma.user.delete({ where: { id: last?.id } })).rejects.toThrow(/keeps at least one admin/);
    await expect(database.prisma.user.update({ where: { id: last?.id }, data: { role: "viewer" } })).rejects.toThrow(/keeps at least one admin/);
    // Another admin first, then the old one may go.
    await database.prisma.user.update({ where: { id: "viewer-c" }, data: { role: "admin" } });
    await database.prisma.user.delete({ where: { id: last?.id } });
    expect((await listUsers(database.prisma)).filter((entry) => entry.role === "admin").map((entry) => entry.id)).toEqual(["viewer-c"]);
  });

  it("revokes the API tokens an admin made when they are removed or made a viewer, and only then", async () => {
    const user = (id: string, role: string) => database.prisma.user.create({ data: { id, name: id, email: `${id}@example.test`, role } });
    await user("maker-a", "admin");
    await user("maker-b", "admin");
    const now = Date.now();
    const token = (id: string, createdById: string, extra: { expiresAt?: Date; revokedAt?: Date } = {}) =>
      database.prisma.apiToken.create({ data: { id, name: id, tokenHash: `hash-${id}`, prefix: "cb_live_x", createdById, ...extra } });
    await token("a-live", "maker-a");
    await token("a-live-2", "maker-a");
    await token("a-expired", "maker-a", { expiresAt: new Date(now - 60_000) });
    await token("a-revoked", "maker-a", { revokedAt: new Date(now - 60_000) });
    await token("b-live", "maker-b");
    const revokedAt = async (id: string) => (await database.prisma.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt;

    // The users page counts the tokens that still work.
    const listed = await listUsers(database.prisma);
    expect(listed.find((entry) => entry.id === "maker-a")?.liveApiTokens).toBe(2);
    expect(listed.find((entry) => entry.id === "maker-b")?.liveApiTokens).toBe(1);

    // Another change of the user (a name) revokes nothing.
    await database.prisma.user.update({ where: { id: "maker-a" }, data: { name: "Renamed" } });
    expect(await revokedAt("a-live")).toBeNull();

    // Demoted: their live tokens are revoked with the change; older revocations and other admins' tokens stay as they were.
    await database.prisma.user.update({ where: { id: "maker-a" }, data: { role: "viewer" } });
    expect(await revokedAt("a-live")).toBeInstanceOf(Date);
    expect(await revokedAt("a-live-2")).toBeInstanceOf(Date);
    expect(await revokedAt("a-revoked")).toEqual(new Date(now - 60_000));
    expect(await revokedAt("b-live")).toBeNull();
    expect((await listUsers(database.prisma)).find((entry) => entry.id === "maker-a")?.liveApiTokens).toBe(0);

    // A refused change (the last admin) revokes nothing.
    await database.prisma.user.updateMany({ where: { role: "admin", id: { not: "maker-b" } }, data: { role: "viewer" } });
    await expect(database.prisma.user.update({ where: { id: "maker-b" }, data: { role: "viewer" } })).rejects.toThrow(/keeps at least one admin/);
    expect(await revokedAt("b-live")).toBeNull();

    // Removed: the same, and the token keeps its record (its maker is gone).
    await database.prisma.user.update({ where: { id: "maker-a" }, data: { role: "admin" } });
    await token("a-new", "maker-a");
    await database.prisma.user.delete({ where: { id: "maker-a" } });
    expect(await database.prisma.apiToken.findUniqueOrThrow({ where: { id: "a-new" } })).toMatchObject({ createdById: null, revokedAt: expect.any(Date) });
    expect(await revokedAt("b-live")).toBeNull();
  });
});
