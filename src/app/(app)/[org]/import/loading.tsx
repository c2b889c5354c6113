import { Card } from "@/components/ui/card";
import { LoadingScreen, Skeleton } from "@/components/ui/skeleton";

/** Shaped like the upload page: header, drop zone, and the guide beside it. */
export default function ImportLoading() {
  return (
    <LoadingScreen label="Loading the import…" title="w-40" description="w-96" action="w-36">
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card className="space-y-4 p-5">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-40 w-full rounded-xl" />
          <Skeleton className="ml-auto h-9 w-48" />
        </Card>
        <Card className="space-y-3 p-5">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-4 w-full" />
          ))}
        </Card>
      </div>
    </LoadingScreen>
  );
}
