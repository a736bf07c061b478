"use client";
// The actions on a live call, as a menu button that works with the keyboard (WAI-ARIA menu button: Enter, Space or
// the arrow keys open it, arrows move, Escape closes and gives focus back) and as a row of buttons on the call page.
// Each opens the command's dialog. Nothing is shown to a user who may not act.
import { useTranslations } from "next-intl";
import { useRef, useState, type KeyboardEvent } from "react";
import { buttonClass } from "@/components/ui/card";
import type { CallCommandType } from "@/lib/shared/control/call-command";
import { useCallControl } from "./call-control-context";

const ACTIONS: CallCommandType[] = ["end-call", "say", "transfer", "inject-context"];

/** An action's name, with an ellipsis where a confirmation follows. */
function useActionName(): (type: CallCommandType) => string {
  const t = useTranslations("control");
  return (type) => `${t(`command.${type}`)}${type === "end-call" || type === "transfer" ? "…" : ""}`;
}

function useMenuKeys(count: number, close: () => void) {
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const focusItem = (index: number) => items.current[(index + count) % count]?.focus();
  const onKeyDown = (event: KeyboardEvent) => {
    const current = items.current.findIndex((item) => item === document.activeElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(current + 1),
      ArrowUp: () => focusItem(current - 1),
      Home: () => focusItem(0),
      End: () => focusItem(count - 1),
      Escape: close,
      Tab: close,
    };
    const move = moves[event.key];
    if (!move) return;
    if (event.key !== "Tab") event.preventDefault();
    move();
  };
  return { items, focusItem, onKeyDown };
}

/** `tabIndex`: -1 in the board's live list, where the arrow keys reach the button (use-live-grid-keys.ts). */
export function CallActionsMenu({ callId, customer, tabIndex }: { callId: string; customer: string; tabIndex?: number }) {
  const { setup, open: openCommand } = useCallControl();
  const t = useTranslations("control");
  const actionName = useActionName();
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setIsOpen(false);
    buttonRef.current?.focus();
  };
  const { items, focusItem, onKeyDown } = useMenuKeys(ACTIONS.length, close);
  if (!setup) return null;
  const open = (first: number) => {
    setIsOpen(true);
    setTimeout(() => focusItem(first), 0);
  };
  const menuId = `call-actions-${callId}`;
  return (
    <div className="relative z-10" onBlur={(event) => isOpen && !event.currentTarget.contains(event.relatedTarget) && setIsOpen(false)}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        aria-label={t("actOn", { customer })}
        data-testid="call-actions"
        tabIndex={tabIndex}
        onClick={() => (isOpen ? setIsOpen(false) : open(0))}
        onKeyDown={(event) => {
          if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
          event.preventDefault();
          open(event.key === "ArrowDown" ? 0 : ACTIONS.length - 1);
        }}
        className="rounded-md px-1.5 py-0.5 text-lg leading-none text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-zinc-500/40 focus-visible:outline-none dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
      >
        <span aria-hidden>⋯</span>
      </button>
      {isOpen && (
        <div id={menuId} role="menu" aria-label={t("actionsOn", { customer })} onKeyDown={onKeyDown} className="absolute right-0 mt-1 flex w-44 flex-col rounded-lg border border-zinc-200 bg-white py-1 text-left shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {ACTIONS.map((type, index) => (
            <button
              key={type}
              ref={(element) => void (items.current[index] = element)}
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid={`call-action-${type}`}
              onClick={() => {
                setIsOpen(false);
                openCommand({ callId, customer, type });
              }}
              className={`px-3 py-1.5 text-left text-sm hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800 ${type === "end-call" ? "text-red-700 dark:text-red-400" : ""}`}
            >
              {actionName(type)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The call page's controls: one button per action. */
export function CallActionButtons({ callId, customer }: { callId: string; customer: string }) {
  const { setup, open } = useCallControl();
  const actionName = useActionName();
  if (!setup) return null;
  return (
    <div className="flex flex-wrap gap-2" data-testid="call-controls">
      {ACTIONS.map((type) => (
        <button key={type} type="button" className={`${buttonClass} ${type === "end-call" ? "text-red-700 dark:text-red-400" : ""}`} data-testid={`call-control-${type}`} onClick={() => open({ callId, customer, type })}>
          {actionName(type)}
        </button>
      ))}
    </div>
  );
}
