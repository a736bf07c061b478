"use client";
// Who is signed in, links to the admin pages for admins, the language, and sign-out: in the header on a wide screen, behind a
// Menu button on a phone or tablet, where the header must leave room for the calls.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { authClient } from "@/lib/shared/auth/auth-client";
import type { Role } from "@/lib/shared/auth/roles";
import { LanguageSwitch } from "./language-switch";

/** Every signed-in user's: viewers may search the calls too. */
const SHARED_LINKS = [{ href: "/calls", label: "allCalls" }] as const;

/** `label`: the link's message in the header namespace. */
export const ADMIN_LINKS = [
  { href: "/webhooks", label: "links.webhooks" },
  { href: "/settings/users", label: "links.users" },
  { href: "/settings/api-tokens", label: "links.apiTokens" },
  { href: "/settings/wallboards", label: "links.wallboards" },
  { href: "/settings/alerts", label: "links.alerts" },
  { href: "/settings/call-control", label: "links.callControl" },
] as const;

function RoleBadge({ role, email }: { role: Role; email: string }) {
  const t = useTranslations("header");
  return (
    <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800" title={email}>
      {t(`roles.${role}`)}
    </span>
  );
}

/** The narrow screens' menu: a native disclosure, closed again by a click outside it or Escape. */
function CompactMenu({ email, role, onSignOut }: { email: string; role: Role; onSignOut: () => void }) {
  const pathname = usePathname();
  const t = useTranslations("header");
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const element = menu.current;
      if (!element?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !element.contains(event.target as Node)) element.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const item = "block rounded-md px-3 py-2 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800";
  return (
    <details ref={menu} className="relative lg:hidden">
      <summary className="inline-flex h-9 cursor-pointer list-none items-center rounded-lg border border-zinc-200 bg-white px-3 text-sm font-medium shadow-sm select-none dark:border-zinc-800 dark:bg-zinc-900 [&::-webkit-details-marker]:hidden">
        {t("menu")}
      </summary>
      <div className="absolute right-0 z-30 mt-2 flex w-60 flex-col rounded-xl border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-center justify-between gap-2 border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
          <span className="truncate text-zinc-600 dark:text-zinc-400">{email}</span>
          <RoleBadge role={role} email={email} />
        </div>
        <div className="px-3 py-2">
          <LanguageSwitch testId="language-switch-menu" />
        </div>
        {[...SHARED_LINKS, ...(role === "admin" ? ADMIN_LINKS : [])].map((link) => (
            <Link key={link.href} href={link.href} className={item} aria-current={pathname === link.href ? "page" : undefined}>
              {t(link.label)}
            </Link>
          ))}
        <button type="button" onClick={onSignOut} className={`${item} border-t border-zinc-100 dark:border-zinc-800`}>
          {t("signOut")}
        </button>
      </div>
    </details>
  );
}

/** `name`: how the person is shown (the users page's Name); the e-mail address is on hover. */
export function UserMenu({ email, name, role }: { email: string; name?: string; role: Role }) {
  const router = useRouter();
  const pathname = usePathname();
  const t = useTranslations("header");
  async function signOut() {
    await authClient.signOut();
    router.replace("/login");
  }
  return (
    <div data-testid="user-menu" className="flex items-center text-sm">
      <div className="hidden flex-wrap items-center gap-x-3 gap-y-1 lg:flex">
        <span className="text-zinc-600 dark:text-zinc-400">
          <span title={email} data-testid="user-name">{name?.trim() || email}</span> <RoleBadge role={role} email={email} />
        </span>
        {[...SHARED_LINKS, ...(role === "admin" ? ADMIN_LINKS : [])].map((link) => (
            <Link key={link.href} href={link.href} className="underline underline-offset-2 aria-[current=page]:font-semibold aria-[current=page]:no-underline" aria-current={pathname === link.href ? "page" : undefined}>
              {t(link.label)}
            </Link>
          ))}
        <LanguageSwitch />
        <button type="button" onClick={() => void signOut()} className="rounded-md border border-zinc-300 px-2 py-1 dark:border-zinc-700">
          {t("signOut")}
        </button>
      </div>
      <CompactMenu email={email} role={role} onSignOut={() => void signOut()} />
    </div>
  );
}
