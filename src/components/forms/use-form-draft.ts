"use client";

import { type RefObject, useCallback, useEffect, useRef, useState } from "react";

import { draftKey } from "./form-draft";
import { type FormValues, formValues } from "./form-values";

/**
 * Companion of useActionForm for the forms that show what is being typed before it is sent: an
 * "unsaved changes" note, a Save button that lights up, a preview built from the current values.
 * The inputs stay uncontrolled: the form is read on each change (spread `onChange` onto it, beside
 * `formProps`). `values` is null until the form has mounted. What the form holds at mount is the
 * saved state; after a save, `markSaved(input)` makes the sent values the saved state.
 */
export function useFormDraft(formRef: RefObject<HTMLFormElement | null>) {
  const saved = useRef<string | null>(null);
  const [draft, setDraft] = useState<{ values: FormValues | null; dirty: boolean }>({ values: null, dirty: false });

  const read = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const values = formValues(new FormData(form));
    const key = draftKey(values);
    saved.current ??= key;
    setDraft({ values, dirty: key !== saved.current });
  }, [formRef]);

  // The saved state, and the first values for previews, come from the rendered form.
  useEffect(read, [read]);

  const markSaved = useCallback((values: object) => {
    // Not read back from the form: while the action runs its controls may be disabled (absent from FormData).
    saved.current = draftKey(values);
    setDraft((current) => ({ ...current, dirty: current.values !== null && draftKey(current.values) !== saved.current }));
  }, []);

  return { values: draft.values, dirty: draft.dirty, onChange: read, markSaved };
}
