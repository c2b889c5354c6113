"use client";

import { Check, Copy, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type InvitationLinkProps = { email: string; url: string; onDismiss: () => void };

/**
 * Outgoing email is not wired up yet, so the admin passes the link on themselves. The link is
 * shown only once: the server stores a hash of the token, not the token.
 */
export function InvitationLink({ email, url, onDismiss }: InvitationLinkProps) {
  return (
    <OneTimeLink
      title={`Invitation created for ${email}`}
      description="Email delivery comes later: copy this link and send it to them yourself. They join when they open it, with a new account or the one they already have. It works once and expires in 7 days, and it is shown only now."
      label="Invitation link"
      testId="invitation-link"
      url={url}
      onDismiss={onDismiss}
    />
  );
}

type OneTimeLinkProps = { title: string; description: string; label: string; testId: string; url: string; onDismiss: () => void };

/** A link the admin passes on themselves (invitations, password resets): selected at once, one button to copy it. */
export function OneTimeLink({ title, description, label, testId, url, onDismiss }: OneTimeLinkProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    // Select the link right away so Ctrl/Cmd+C works even where the clipboard API is unavailable.
    inputRef.current?.select();
  }, [url]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Insecure origins (plain http on a LAN address) have no clipboard API; leave it selected.
      inputRef.current?.select();
    }
  }

  return (
    <div className="rounded-lg border border-brand-200 bg-brand-50/60 p-4 dark:border-brand-900 dark:bg-brand-950/40">
      <div className="flex items-start justify-between gap-3">
        <div className="space-y-1">
          <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
        </div>
        <button
          type="button"
          onClick={onDismiss}
          aria-label={`Dismiss ${label.toLowerCase()}`}
          className="-mt-1 -mr-1 rounded-md p-1 text-zinc-500 hover:bg-white/70 hover:text-zinc-800 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <X aria-hidden className="size-4" />
        </button>
      </div>
      <div className="mt-3 flex gap-2">
        <label htmlFor={inputId} className="sr-only">
          {label}
        </label>
        <Input
          ref={inputRef}
          id={inputId}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono text-xs"
          data-testid={testId}
        />
        <Button
          variant="secondary"
          onClick={copy}
          icon={copied ? <Check aria-hidden className="size-4 text-emerald-600" /> : <Copy aria-hidden className="size-4" />}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {copied ? `${label} copied to the clipboard.` : ""}
      </p>
    </div>
  );
}
