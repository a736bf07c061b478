"use client";
// Who is signed in, links to the admin pages for admins, and sign-out. The address hides at phone width.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { authClient } from "@/lib/auth/auth-client";
import type { Role } from "@/lib/auth/roles";

export function UserMenu({ email, role }: { email: string; role: Role }) {
  const router = useRouter();
  async function signOut() {
    await authClient.signOut();
    router.replace("/login");
  }
  return (
    <div data-testid="user-menu" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">
        <span className="hidden lg:inline">{email} </span>
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800" title={email}>
          {role}
        </span>
      </span>
      {role === "admin" && (
        <>
          <Link href="/webhooks" className="underline underline-offset-2">
            Webhooks
          </Link>
          <Link href="/settings/users" className="underline underline-offset-2">
            Users
          </Link>
          <Link href="/settings/api-tokens" className="underline underline-offset-2">
            API tokens
          </Link>
          <Link href="/settings/alerts" className="underline underline-offset-2">
            Alerts
          </Link>
        </>
      )}
      <button type="button" onClick={() => void signOut()} className="rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700">
        Sign out
      </button>
    </div>
  );
}
