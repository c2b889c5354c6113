/** Cookie naming the org a user last worked in (set by the shell, read by the "/" landing). */
export const LAST_ORG_COOKIE = "momentum-last-org";
