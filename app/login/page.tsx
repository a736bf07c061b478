import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { appContext } from "@/lib/context/current";
import { headers } from "next/headers";
import { LoginForm } from "@/components/sign-in/login-form";
import { SignInShell } from "@/components/sign-in/sign-in-shell";
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
  const t = await getTranslations("signIn");
  return (
    <SignInShell>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      {created === "1" && (
        <p role="note" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900">
          {t("adminReady")}
        </p>
      )}
      <LoginForm nextPath={nextPath} />
    </SignInShell>
  );
}
