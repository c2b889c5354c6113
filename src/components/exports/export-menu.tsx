"use client";

import { ChevronDown, Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { Fragment } from "react";

import { buttonClasses } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, FILE_PARAMS } from "@/lib/schemas/export-params";

export type ExportTarget = { label: string; href: string };

type ExportMenuProps = {
  /** One entry per file (e.g. the deals, or each dashboard table): each is offered as Excel and CSV. */
  targets: ExportTarget[];
  /** Shown above the items, e.g. "Matching the current filters". */
  note?: string;
  label?: string;
  /** Which edge of the button the menu lines up with: "end" in a page header, "start" in a toolbar row. */
  align?: "start" | "end";
};

/**
 * "Export ▾": Excel and CSV links that carry the page's current URL filters (read with
 * useSearchParams, so they follow every filter change without a server round trip). The links are
 * plain downloads handled by the export route handlers; paging parameters are dropped — an export
 * holds every matching row, not the page on screen.
 */
export function ExportMenu({ targets, note, label = "Export", align = "end" }: ExportMenuProps) {
  const search = useSearchParams();
  const hrefFor = (base: string, format: string) => {
    const params = new URLSearchParams(search.toString());
    for (const p of FILE_PARAMS) params.delete(p);
    params.set("format", format);
    return `${base}?${params.toString()}`;
  };
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger className={buttonClasses("secondary")}>
        <Download aria-hidden className="size-4" />
        {label}
        <ChevronDown aria-hidden className="-mr-1 size-4 text-zinc-500" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align={align} className="w-64">
        {note ? <DropdownMenuLabel>{note}</DropdownMenuLabel> : null}
        {targets.map((target, i) => (
          <Fragment key={target.href}>
            {i > 0 ? <DropdownMenuSeparator /> : null}
            {targets.length > 1 ? <DropdownMenuLabel className="text-zinc-700 dark:text-zinc-300">{target.label}</DropdownMenuLabel> : null}
            {EXPORT_FORMATS.map((format) => (
              <DropdownMenuItem key={format} asChild>
                <a href={hrefFor(target.href, format)} download aria-label={`${target.label}: ${EXPORT_FORMAT_LABELS[format]}`}>
                  <Download aria-hidden className="size-4 text-zinc-500" />
                  {EXPORT_FORMAT_LABELS[format]}
                </a>
              </DropdownMenuItem>
            ))}
          </Fragment>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
