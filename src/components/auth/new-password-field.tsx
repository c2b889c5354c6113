import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type NewPasswordFieldProps = {
  label: string;
  /** From `form.field(path)`: the control's name and its error. */
  name: string;
  error?: string | string[];
  autoFocus?: boolean;
};

/**
 * A password being chosen (setup, invitation, reset, profile): one place for the rule the schema checks
 * (passwordSchema, 10 characters) and for `new-password`, which lets password managers offer one.
 */
export function NewPasswordField({ label, name, error, autoFocus }: NewPasswordFieldProps) {
  return (
    <Field label={label} name={name} error={error} hint="At least 10 characters.">
      {(control) => <Input {...control} type="password" autoComplete="new-password" minLength={10} autoFocus={autoFocus} />}
    </Field>
  );
}
