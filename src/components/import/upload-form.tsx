"use client";

import { clsx } from "clsx";
import { FileSpreadsheet, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { type DragEvent, useId, useRef, useState } from "react";

import { uploadImportAction } from "@/actions/imports";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { type ActionFailure, fail, validationFailure } from "@/lib/result";
import { uploadImportSchema } from "@/lib/schemas/imports";
import { formatMegabytes, MAX_UPLOAD_MB, UPLOAD_TOO_LARGE_MESSAGE } from "@/lib/upload-limits";

/**
 * Step 1. The drop zone is the file input's label, so it is one Tab stop, opens the picker with
 * Enter or Space, and accepts a dragged file; the server does the reading (encoding, separator).
 */
export function UploadForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const form = useActionForm({
    // The action takes the FormData itself (the file); the same schema checks it here first.
    action: (data: FormData) => uploadImportAction(orgSlug, data).catch(tooLargeRefusal),
    toInput: (_, data) => {
      // An empty file input still sends a nameless, empty File: no file chosen is "choose one", not "empty file".
      const chosen = data.get("file");
      if (chosen instanceof File && !chosen.name && chosen.size === 0) data.delete("file");
      return data;
    },
    schema: uploadImportSchema,
    failureToast: false,
    onSuccess: ({ importId }) => {
      setLeaving(true);
      router.push(`/${orgSlug}/import/${importId}`);
    },
  });

  function choose(next: File | null) {
    setFile(next);
    form.clearError("file");
    if (!next) return;
    // Too big is said at once, not after reading 20 MB into the request.
    const data = new FormData();
    data.set("file", next);
    const checked = uploadImportSchema.safeParse(data);
    if (checked.success) return;
    setFile(null);
    if (input.current) input.current.value = "";
    form.showFailure(validationFailure(checked.error.issues));
  }

  function drop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0] ?? null;
    if (dropped && input.current) {
      const list = new DataTransfer();
      list.items.add(dropped);
      input.current.files = list.files;
    }
    choose(dropped);
  }

  const busy = form.pending || leaving;
  const error = form.errorFor("file") ?? form.message;
  const errorId = form.errorId("file");
  return (
    <form {...form.formProps} aria-label="Upload a CSV file" className="space-y-4">
      <label
        htmlFor={inputId}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={clsx(
          "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors",
          "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
          dragging
            ? "border-brand-500 bg-brand-50 dark:border-brand-400 dark:bg-brand-950/50"
            : "border-zinc-300 hover:border-zinc-400 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:border-zinc-600 dark:hover:bg-zinc-900",
          error && "border-red-400 dark:border-red-500",
        )}
      >
        {file ? (
          <FileSpreadsheet aria-hidden className="size-8 text-brand-600 dark:text-brand-400" />
        ) : (
          <Upload aria-hidden className="size-8 text-zinc-400" />
        )}
        <span className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          {file ? file.name : "Choose a CSV file or drop it here"}
        </span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {file ? fileSize(file.size) : `UTF-8 or Windows-1252, separated by commas or semicolons, up to ${MAX_UPLOAD_MB} MB`}
        </span>
        <input
          ref={input}
          name="file"
          id={inputId}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="sr-only"
          disabled={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </label>
      {error ? (
        // A file that was read and refused (or a dropped connection) is a failed upload; no file yet is a field error.
        file || form.message ? (
          <Alert tone="error" id={errorId} title="The file was not uploaded.">
            {error}
          </Alert>
        ) : (
          <FieldError id={errorId}>{error}</FieldError>
        )
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" pending={busy} icon={<Upload aria-hidden className="size-4" />}>
          {busy ? "Reading the file…" : "Upload and map columns"}
        </Button>
      </div>
    </form>
  );
}

/** In the unit the limit is given in from 1 MB up ("15 MB", not "15360 KB"). */
function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatMegabytes(bytes)} MB` : `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
}

/**
 * A request over the size limit is refused from its Content-Length before its body is read (by the
 * production web worker, or the proxy under `next dev`), with a text/plain 413 that Next's client
 * throws as the action's error. That refusal is about the file, so it shows there; any other throw
 * is left to callAction ("could not reach the server").
 */
function tooLargeRefusal(err: unknown): ActionFailure {
  if (err instanceof Error && err.message === UPLOAD_TOO_LARGE_MESSAGE) return fail("VALIDATION", err.message, { file: [err.message] });
  throw err;
}
