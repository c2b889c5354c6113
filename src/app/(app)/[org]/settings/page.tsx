import type { Metadata } from "next";

import { currencyLabel, currentYearIn, localeLabel } from "@/components/settings/org-display";
import { OrgSettingsForm } from "@/components/settings/org-settings-form";
import { PageHeader } from "@/components/shell/page-header";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { CURRENCIES, LOCALES } from "@/lib/schemas/organization";
import { getOrganizationSettings } from "@/server/data/organizations";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Settings" };

type SettingsPageProps = { params: Promise<{ org: string }> };

// Computed once per server process: the IANA list is long and never changes while we run.
let timeZones: string[] | undefined;
function allTimeZones(): string[] {
  timeZones ??= Intl.supportedValuesOf("timeZone");
  return timeZones;
}

export default async function SettingsPage({ params }: SettingsPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug);
  const settings = getOrganizationSettings(ctx);
  const canEdit = can(ctx.role, "org.settings.update");

  return (
    <>
      <PageHeader title="Settings" description="How amounts, dates, taxes and sale numbers work in this organization." />
      <OrgSettingsForm
        orgSlug={ctx.org.slug}
        initial={{
          name: settings.name,
          currency: settings.currency,
          locale: settings.locale,
          timeZone: settings.timeZone,
          defaultTaxRate: String(settings.defaultTaxRate),
          saleNumberPrefix: settings.saleNumberPrefix,
        }}
        // Labels are built on the server so the client renders exactly the same text (no hydration drift).
        // A read-only form shows only the current values: the ~420 time zones alone were 30 KiB of
        // options, sent twice (as HTML and as the client component's props).
        currencyOptions={(canEdit ? CURRENCIES : [settings.currency]).map((code) => ({ value: code, label: currencyLabel(code) }))}
        localeOptions={(canEdit ? LOCALES : [settings.locale]).map((tag) => ({ value: tag, label: localeLabel(tag) }))}
        timeZones={canEdit ? allTimeZones() : [settings.timeZone]}
        year={currentYearIn(settings.timeZone)}
        readOnlyReason={canEdit ? null : `Only admins can change these settings. Your role here is ${ROLE_LABELS[ctx.role]}.`}
      />
    </>
  );
}
