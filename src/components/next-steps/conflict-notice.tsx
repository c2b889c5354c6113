"use client";

import { useEffect, useRef } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Replaces a dialog's form once the action was completed (or removed) by someone else: the form
 * is obsolete, so only the explanation and a way out remain, and focus moves to that way out.
 * The page behind is refreshed by the caller.
 */
export function ConflictNotice({ title, message, onClose }: { title: string; message: string; onClose: () => void }) {
  const footer = useRef<HTMLDivElement>(null);
  useEffect(() => footer.current?.querySelector("button")?.focus(), []);
  return (
    <div className="space-y-4">
      <Alert tone="error" title={title}>
        {message}
      </Alert>
      <div ref={footer} className="flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}
