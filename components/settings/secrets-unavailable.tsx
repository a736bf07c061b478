// An admin page whose stored secrets cannot be decrypted with CALLBOARD_ENCRYPTION_KEY: the reason and what to set,
// in place of the page (never an error page).
import { AdminPageHeader } from "@/components/settings/admin-page-header";
import { Notice } from "@/components/ui/card";
import type { HeaderUser } from "@/components/header/app-header";

export function SecretsUnavailable({ title, message, user }: { title: string; message: string; user: HeaderUser }) {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6 lg:px-8">
      <AdminPageHeader title={title} user={user} />
      <main>
        <Notice tone="error" testId="secrets-unavailable">
          {message}
        </Notice>
      </main>
    </div>
  );
}
