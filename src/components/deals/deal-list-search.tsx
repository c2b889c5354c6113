"use client";

import { LoaderCircle, Search } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";

import { Input } from "@/components/ui/input";

const DEBOUNCE_MS = 300;

type DealListSearchProps = {
  /** The search the list currently shows (from the URL). */
  value: string;
  onSearch: (q: string) => void;
  pending: boolean;
};

/**
 * Searches as you type, once typing pauses, and at once on Enter. The input keeps what the user
 * typed while results load; it only takes the URL's value when that changes from elsewhere
 * (Reset, the back button), never because an older search came back.
 */
export function DealListSearch({ value, onSearch, pending }: DealListSearchProps) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      clearTimeout(timer.current);
      setText(value);
    }
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function send(raw: string) {
    clearTimeout(timer.current);
    const q = raw.trim();
    if (q === sent.current) return;
    sent.current = q;
    onSearch(q);
  }

  function change(next: string) {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send(next), DEBOUNCE_MS);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(text);
  }

  return (
    <form role="search" onSubmit={submit} className="relative min-w-0 flex-1 basis-60">
      <label htmlFor="deal-search" className="sr-only">
        Search deals by title or contact
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" />
      <Input
        id="deal-search"
        type="search"
        name="q"
        value={text}
        onChange={(e) => change(e.target.value)}
        placeholder="Search title or contact…"
        autoComplete="off"
        enterKeyHint="search"
        maxLength={100}
        className="pr-8 pl-8"
      />
      {pending ? (
        <LoaderCircle aria-hidden className="absolute top-1/2 right-2.5 size-4 -translate-y-1/2 animate-spin text-zinc-400" />
      ) : null}
    </form>
  );
}
