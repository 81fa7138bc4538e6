import { Info } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";

/** A quiet note with an optional action, e.g. "made from an earlier brief — regenerate?". */
export function Notice({ children, action }: { children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <Alert className="border-brand/40 bg-accent/40">
      <Info aria-hidden />
      <AlertDescription className="flex flex-wrap items-center justify-between gap-2 text-foreground">
        <span>{children}</span>
        {action}
      </AlertDescription>
    </Alert>
  );
}
