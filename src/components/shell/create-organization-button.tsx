"use client";

import { Plus } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";

import { CreateOrganizationDialog } from "./create-organization-dialog";

/** For someone in no organization (e.g. removed from their last one): start one of their own. */
export function CreateOrganizationButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} icon={<Plus aria-hidden className="size-4" />} className="w-full">
        Create an organization
      </Button>
      <CreateOrganizationDialog open={open} onOpenChange={setOpen} />
    </>
  );
}
