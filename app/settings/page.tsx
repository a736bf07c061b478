// /settings – there is no settings overview; the header's Settings menu links each settings page. Users is the first.
import { redirect } from "next/navigation";

export default function SettingsPage(): never {
  redirect("/settings/users");
}
