// /settings – there is no settings overview; the board's header links each settings page. Users is the first.
import { redirect } from "next/navigation";

export default function SettingsPage(): never {
  redirect("/settings/users");
}
