import { Card, CardBody } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/** Shaped like the new-deal form (the deals list skeleton above it would not fit). */
export default function NewDealLoading() {
  return (
    <LoadingScreen label="Loading…" title="w-40" description="w-96" className="mx-auto max-w-3xl">
      {[6, 3].map((fields, card) => (
        <Card key={card} className="mb-6">
          <CardBody className="grid gap-5 sm:grid-cols-2">
            {Array.from({ length: fields }, (_, i) => (
              <div key={i} className="space-y-2">
                <Skeleton className="h-4 w-24" />
                <Skeleton className="h-9 w-full" />
              </div>
            ))}
          </CardBody>
        </Card>
      ))}
    </LoadingScreen>
  );
}
