import { BackToBoardLink } from "@/components/header/back-to-board-link";

export default function CallNotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col items-start gap-3 px-4 py-16">
      <h1 className="text-2xl font-semibold">Call not found</h1>
      <p className="text-zinc-600 dark:text-zinc-300">No call with this id has reached Callboard. Check the link, or find the call on the board.</p>
      <BackToBoardLink className="font-medium text-sky-700 hover:underline dark:text-sky-300" />
    </main>
  );
}
