import { Card, CardBody } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/** Shaped like the simulator: header, three horizon cards, the levers beside the chart. */
export default function WhatIfLoading() {
  return (
    <LoadingScreen label="Loading the what-if simulator…" title="w-56" description="w-[32rem]">
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <Card key={i} className="space-y-3 p-4">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-7 w-40" />
            <Skeleton className="h-3 w-48 max-w-full" />
          </Card>
        ))}
      </div>
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <Card>
          <CardBody className="space-y-6">
            {Array.from({ length: 5 }, (_, i) => (
              <div key={i} className="space-y-2">
                <Skeleton className="h-4 w-32" />
                <Skeleton className="h-2 w-full rounded-full" />
              </div>
            ))}
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <Skeleton className="h-72 w-full" />
          </CardBody>
        </Card>
      </div>
    </LoadingScreen>
  );
}
