// The sign-in and set-up pages' frame: the form in the middle, and the language switch, since nobody signed in has
// the header's (its server action works signed out too: the choice stays in this browser's cookie).
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/header/language-switch";

export function SignInShell({ children }: { children: ReactNode }) {
  return (
    <div className="relative">
      <div className="absolute top-4 right-4">
        <LanguageSwitch />
      </div>
      <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-4">{children}</main>
    </div>
  );
}
