import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddUserForm } from "@/components/add-user-form";
import { removeUser } from "./actions";
import { getSessionUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/users";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const me = await getSessionUser(await headers());
  // proxy.ts sends viewers a 403 before this runs; this is the second line.
  if (me?.role !== "admin") notFound();
  const users = await listUsers();
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <Link href="/" className="text-sm underline underline-offset-2">
          Back to the board
        </Link>
      </div>
      <table className="w-full text-left text-sm" data-testid="users-table">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="py-2 font-medium">Email</th>
            <th className="py-2 font-medium">Name</th>
            <th className="py-2 font-medium">Role</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" className="border-b border-zinc-100 dark:border-zinc-800">
              <td className="py-2">{user.email}</td>
              <td className="py-2">{user.name}</td>
              <td className="py-2">{user.role}</td>
              <td className="py-2 text-right">
                {user.id !== me.id && (
                  <form action={removeUser}>
                    <input type="hidden" name="userId" value={user.id} />
                    <button type="submit" aria-label={`Remove ${user.email}`} className="rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700">
                      Remove
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddUserForm />
    </main>
  );
}
