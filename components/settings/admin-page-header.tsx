// The header of the admin pages: the one header every page has, with the page's name, and the settings navigation.
import { AppHeader, type HeaderUser } from "@/components/header/app-header";
import { SettingsNav } from "@/components/header/settings-nav";

export function AdminPageHeader({ title, user }: { title: string; user: HeaderUser }) {
  return (
    <div className="flex flex-col gap-4">
      <AppHeader user={user} title={title} />
      <SettingsNav />
    </div>
  );
}
