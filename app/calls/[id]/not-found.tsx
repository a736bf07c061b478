import { useTranslations } from "next-intl";
import { BackToBoardLink } from "@/components/header/back-to-board-link";

export default function CallNotFound() {
  const t = useTranslations("call.notFound");
  return (
    <main className="mx-auto flex max-w-xl flex-col items-start gap-3 px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-zinc-600 dark:text-zinc-300">{t("body")}</p>
      <BackToBoardLink className="font-medium text-sky-700 hover:underline dark:text-sky-300" />
    </main>
  );
}
