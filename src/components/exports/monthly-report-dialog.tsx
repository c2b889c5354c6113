"use client";

import { FileText } from "lucide-react";
import { useState } from "react";

import { buttonClasses } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

import { MonthlyReportForm } from "./monthly-report-form";

/** "Monthly report (PDF)" beside the dashboard's exports: a month picker in a dialog. */
export function MonthlyReportDialog(props: { orgSlug: string; today: string; locale: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={buttonClasses("secondary")}>
        <FileText aria-hidden className="size-4" />
        Monthly report (PDF)
      </DialogTrigger>
      <DialogContent title="Monthly report" description="A PDF with the org's name, generated on the server for the month you choose.">
        {/* The form's own submit starts the download; closing right after hands focus back to the trigger. */}
        <MonthlyReportForm {...props} autoFocus onSubmitted={() => setTimeout(() => setOpen(false), 0)} />
      </DialogContent>
    </Dialog>
  );
}
