import { ArrowRight, Settings, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/shell/page-header";
import {
  currencyLabel,
  formatLocalTime,
  formatPercent,
  greetingFor,
  localeLabel,
  ROLE_DESCRIPTIONS,
  ROLE_TONES,
  saleNumberExample,
} from "@/components/settings/org-display";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { getOrganizationSettings } from "@/server/data/organizations";
import { getPageTenant } from "@/server/page-context";

type OrgPageProps = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: OrgPageProps): Promise<Metadata> {
  const ctx = await getPageTenant((await params).org);
  return { title: ctx.org.name };
}

/** The org home for now; it becomes the Today queue of next actions once that capability lands. */
export default async function OrgHomePage({ params }: OrgPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug);
  const settings = getOrganizationSettings(ctx);
  const firstName = ctx.userName.split(/\s+/)[0] || ctx.userName;
  const canEdit = can(ctx.role, "org.settings.update");

  const rows: { term: string; value: string; detail?: string }[] = [
    { term: "Currency", value: currencyLabel(settings.currency) },
    { term: "Locale", value: localeLabel(settings.locale) },
    { term: "Time zone", value: settings.timeZone.replaceAll("_", " "), detail: `${formatLocalTime(settings.timeZone, settings.locale)} there now` },
    { term: "Default tax rate", value: formatPercent(settings.defaultTaxRate, settings.locale) },
    { term: "Sale numbers", value: saleNumberExample(settings.saleNumberPrefix, settings.timeZone) },
  ];

  return (
    <>
      <PageHeader
        title={`${greetingFor(settings.timeZone)}, ${firstName}`}
        description={`Here is ${settings.name} at a glance.`}
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Organization settings"
            description="Used for amounts, dates, taxes and sale numbers across the workspace."
            actions={
              <Link
                href={`/${slug}/settings`}
                className="inline-flex items-center gap-1 rounded text-sm font-medium text-brand-700 hover:text-brand-800 dark:text-brand-300 dark:hover:text-brand-200"
              >
                {canEdit ? "Edit" : "View"}
                <ArrowRight aria-hidden className="size-3.5" />
              </Link>
            }
          />
          <CardBody className="py-2">
            <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {rows.map((row) => (
                <div key={row.term} className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
                  <dt className="text-sm text-zinc-500 dark:text-zinc-400">{row.term}</dt>
                  <dd className="text-sm font-medium text-zinc-900 sm:col-span-2 dark:text-zinc-100">
                    {row.value}
                    {row.detail ? <span className="ml-2 font-normal text-zinc-500 dark:text-zinc-400">· {row.detail}</span> : null}
                  </dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>

        <div className="space-y-6">
          <Card>
            <CardHeader title="Your role" />
            <CardBody className="space-y-2">
              <Badge tone={ROLE_TONES[ctx.role]}>{ROLE_LABELS[ctx.role]}</Badge>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{ROLE_DESCRIPTIONS[ctx.role]}</p>
            </CardBody>
          </Card>

          <Card>
            <CardHeader title="Shortcuts" />
            <ul className="p-2">
              <li>
                <ShortcutLink href={`/${slug}/settings`} icon={<Settings aria-hidden className="size-4" />} label="Settings" />
              </li>
              <li>
                <ShortcutLink href={`/${slug}/settings/members`} icon={<Users aria-hidden className="size-4" />} label="Members" />
              </li>
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}

function ShortcutLink({ href, icon, label }: { href: string; icon: ReactNode; label: string }) {
  return (
    <Link
      href={href}
      className="group flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-50 dark:text-zinc-300 dark:hover:bg-zinc-800/60"
    >
      <span className="text-zinc-400 group-hover:text-brand-600 dark:group-hover:text-brand-400">{icon}</span>
      <span className="flex-1">{label}</span>
      <ArrowRight aria-hidden className="size-4 text-zinc-300 group-hover:text-zinc-500 dark:text-zinc-600" />
    </Link>
  );
}
