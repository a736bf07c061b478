"use client";
// Who is signed in, the calls search, the admin pages for admins, the language, and sign-out. On a wide screen (1280 px
// and up): All calls, a Settings menu and the person's own menu, so the header stays one line in every language; on
// anything narrower, one Menu button, where the header must leave room for the page's name and the calls.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { authClient } from "@/lib/shared/auth/auth-client";
import type { Role } from "@/lib/shared/auth/roles";
import { HeaderDisclosure, MENU_ITEM } from "./header-disclosure";
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

type HeaderLink = (typeof SHARED_LINKS)[number] | (typeof ADMIN_LINKS)[number];
type MenuProps = { email: string; name?: string; role: Role; onSignOut: () => void };

function RoleBadge({ role, email }: { role: Role; email: string }) {
  const t = useTranslations("header");
  return (
    <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal dark:bg-zinc-800" title={email}>
      {t(`roles.${role}`)}
    </span>
  );
}

function MenuLinks({ links }: { links: readonly HeaderLink[] }) {
  const pathname = usePathname();
  const t = useTranslations("header");
  return links.map((link) => (
    <Link key={link.href} href={link.href} className={MENU_ITEM} aria-current={pathname === link.href ? "page" : undefined}>
      {t(link.label)}
    </Link>
  ));
}

function SignOutButton({ onSignOut }: { onSignOut: () => void }) {
  const t = useTranslations("header");
  return (
    <button type="button" onClick={onSignOut} className={`${MENU_ITEM} border-t border-zinc-100 dark:border-zinc-800`}>
      {t("signOut")}
    </button>
  );
}

/** Phones and tablets: everything behind one button. */
function CompactMenu({ email, role, onSignOut }: MenuProps) {
  const t = useTranslations("header");
  return (
    <HeaderDisclosure summary={t("menu")} className="xl:hidden">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-100 px-3 py-2 dark:border-zinc-800">
        <span className="truncate text-zinc-600 dark:text-zinc-400">{email}</span>
        <RoleBadge role={role} email={email} />
      </div>
      <div className="px-3 py-2">
        <LanguageSwitch testId="language-switch-menu" isLabelShown />
      </div>
      <MenuLinks links={[...SHARED_LINKS, ...(role === "admin" ? ADMIN_LINKS : [])]} />
      <SignOutButton onSignOut={onSignOut} />
    </HeaderDisclosure>
  );
}

/** Wide screens: the calls search as a link, the admin pages and the person's own choices each behind a button. */
function WideMenus({ email, name, role, onSignOut }: MenuProps) {
  const pathname = usePathname();
  const t = useTranslations("header");
  return (
    <div className="hidden items-center gap-2 xl:flex">
      <Link
        href="/calls"
        aria-current={pathname === "/calls" ? "page" : undefined}
        className="inline-flex h-9 items-center rounded-lg px-3 font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100 aria-[current=page]:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
      >
        {t("allCalls")}
      </Link>
      {role === "admin" && (
        <HeaderDisclosure summary={t("settingsNav")} testId="settings-menu">
          <MenuLinks links={ADMIN_LINKS} />
        </HeaderDisclosure>
      )}
      <HeaderDisclosure
        testId="account-menu"
        summary={
          <>
            <span className="max-w-40 truncate" title={email} data-testid="user-name">
              {name?.trim() || email}
            </span>
            <RoleBadge role={role} email={email} />
          </>
        }
      >
        <p className="truncate border-b border-zinc-100 px-3 py-2 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400" title={email}>
          {email}
        </p>
        <div className="px-3 py-2">
          <LanguageSwitch isLabelShown />
        </div>
        <SignOutButton onSignOut={onSignOut} />
      </HeaderDisclosure>
    </div>
  );
}

/** `name`: how the person is shown (the users page's Name); the e-mail address is on hover and in their menu. */
export function UserMenu({ email, name, role }: { email: string; name?: string; role: Role }) {
  const router = useRouter();
  async function signOut() {
    await authClient.signOut();
    router.replace("/login");
  }
  const props: MenuProps = { email, name, role, onSignOut: () => void signOut() };
  return (
    <div data-testid="user-menu" className="flex items-center text-sm">
      <WideMenus {...props} />
      <CompactMenu {...props} />
    </div>
  );
}
