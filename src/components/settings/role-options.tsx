import { ROLE_LABELS, ROLES } from "@/lib/permissions";

/** The <option>s for every role select, in the canonical order admin → manager → rep. */
export function RoleOptions() {
  return (
    <>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </>
  );
}
