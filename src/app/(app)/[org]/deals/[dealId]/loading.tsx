import { Card, CardBody } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** Shaped like the deal page (header, summary strip, next action, details, timeline) so nothing jumps. */
export default function DealLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading deal…</span>
      <Skeleton className="mb-4 h-4 w-16" />
      <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <Skeleton className="h-7 w-72 max-w-full" />
          <Skeleton className="h-4 w-40" />
        </div>
        <div className="flex gap-2">
          <Skeleton className="h-9 w-28" />
          <Skeleton className="h-9 w-32" />
          <Skeleton className="h-9 w-32" />
        </div>
      </div>
      <div className="mb-6 grid grid-cols-2 gap-4 rounded-xl border border-zinc-200 px-5 py-4 sm:grid-cols-3 lg:grid-cols-5 dark:border-zinc-800">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="space-y-2">
            <Skeleton className="h-3 w-16" />
            <Skeleton className="h-5 w-24" />
          </div>
        ))}
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardBody className="space-y-3">
              <Skeleton className="h-4 w-28" />
              <Skeleton className="h-5 w-3/4" />
              <Skeleton className="h-4 w-1/2" />
              <div className="flex gap-2 pt-1">
                <Skeleton className="h-9 w-44" />
                <Skeleton className="h-9 w-24" />
              </div>
            </CardBody>
          </Card>
          <Card>
            <CardBody className="space-y-5">
              {Array.from({ length: 4 }, (_, i) => (
                <div key={i} className="flex gap-3">
                  <Skeleton className="size-8 shrink-0 rounded-full" />
                  <div className="flex-1 space-y-2">
                    <Skeleton className="h-4 w-2/3" />
                    <Skeleton className="h-3 w-40" />
                  </div>
                </div>
              ))}
            </CardBody>
          </Card>
        </div>
        <Card>
          <CardBody className="space-y-4">
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className="grid grid-cols-3 gap-3">
                <Skeleton className="h-4" />
                <Skeleton className="col-span-2 h-4" />
              </div>
            ))}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
