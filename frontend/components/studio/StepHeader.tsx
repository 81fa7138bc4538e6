/** A step's title, what it is for, and its main actions. */
export function StepHeader({
  id,
  title,
  description,
  actions,
}: {
  /** The heading's id, for the step's `aria-labelledby`. */
  id: string;
  title: string;
  description: string;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        {/* Focus lands here when the step opens (see Studio), so it may take focus by script. */}
        <h2 id={id} tabIndex={-1} className="text-xl font-semibold tracking-tight outline-none">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
