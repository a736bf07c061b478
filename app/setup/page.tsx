import { notFound } from "next/navigation";
import { appContext } from "@/lib/context/current";
import { SetupForm } from "@/components/sign-in/setup-form";
import { hasAdmin } from "@/lib/auth/users";

export const dynamic = "force-dynamic";

// First run only: once an admin exists this page is gone (404), and admins add everyone else.
export default async function SetupPage() {
  if (await hasAdmin(appContext().prisma)) notFound();
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-4">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Set up Callboard</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Create the first admin. This page disappears once an admin exists.</p>
      </div>
      <SetupForm />
    </main>
  );
}
