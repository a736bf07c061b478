import { redirect } from "next/navigation";
import { appContext } from "@/lib/context/current";
import { headers } from "next/headers";
import { LoginForm } from "@/components/sign-in/login-form";
import { toSafeNextPath } from "@/lib/auth/access-policy";
import { getSessionUser } from "@/lib/context/session";
import { hasAdmin } from "@/lib/auth/users";

export const dynamic = "force-dynamic";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: PageProps) {
  const { next, created } = await searchParams;
  const nextPath = toSafeNextPath(typeof next === "string" ? next : null);
  if (await getSessionUser(await headers())) redirect(nextPath);
  if (!(await hasAdmin(appContext().prisma))) redirect("/setup");
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-4">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Callboard</h1>
      {created === "1" && (
        <p role="note" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
          The admin account is ready. Sign in with it.
        </p>
      )}
      <LoginForm nextPath={nextPath} />
    </main>
  );
}
