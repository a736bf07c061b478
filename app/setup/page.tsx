import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { appContext } from "@/lib/context/current";
import { SetupForm } from "@/components/sign-in/setup-form";
import { SignInShell } from "@/components/sign-in/sign-in-shell";
import { hasAdmin } from "@/lib/auth/users";

export const dynamic = "force-dynamic";

// First run only: once an admin exists this page is gone (404), and admins add everyone else.
export default async function SetupPage() {
  if (await hasAdmin(appContext().prisma)) notFound();
  const t = await getTranslations("signIn.setup");
  return (
    <SignInShell>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      </div>
      <SetupForm />
    </SignInShell>
  );
}
