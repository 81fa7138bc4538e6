import { Info } from "lucide-react";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A quiet note with one action, e.g. "made from an earlier brief" and "Regenerate". */
export function Notice({
  children,
  actionLabel,
  onAction,
}: {
  children: React.ReactNode;
  actionLabel: string;
  onAction: () => void;
}) {
  return (
    <Alert className="border-brand/40 bg-accent/40">
      <Info aria-hidden />
      <AlertDescription className="flex flex-wrap items-center justify-between gap-2 text-foreground">
        <span>{children}</span>
        <Button size="sm" variant="outline" onClick={onAction}>
          {actionLabel}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
