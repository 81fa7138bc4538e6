"use client";

import { useState } from "react";
import { Copy, FolderOpen, ImageOff, Pencil, Trash2 } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { thumbnail } from "@/lib/previews";
import type { ProjectSummary } from "@/types/project.types";

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export interface ProjectActions {
  onOpen: () => void;
  onRename: (name: string) => Promise<void>;
  onDuplicate: () => void;
  onDelete: () => void;
}

/** One project in the gallery: its picture, name and date, and what can be done with it. */
export function ProjectCard({
  project,
  current,
  busy,
  actions,
}: {
  project: ProjectSummary;
  /** The project the studio has open. */
  current: boolean;
  busy: boolean;
  actions: ProjectActions;
}) {
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  const [name, setName] = useState(project.name);
  const titleId = `project-${project.project_id}-name`;
  return (
    <Card
      className="gap-3 overflow-hidden py-0"
      aria-labelledby={titleId}
      data-testid="project-card"
      data-current={current}
    >
      {/* A fixed frame: a 9:16 poster is cropped to it, never stretches the card. */}
      <div className="relative flex aspect-video items-center justify-center overflow-hidden bg-muted">
        {project.thumbnail_url ? (
          // eslint-disable-next-line @next/next/no-img-element -- sized previews from our backend
          <img
            {...thumbnail(project.thumbnail_url, "(min-width: 1024px) 360px, (min-width: 640px) 50vw, 100vw")}
            alt=""
            loading="lazy"
            className="absolute inset-0 size-full object-cover"
          />
        ) : (
          <ImageOff className="size-8 text-muted-foreground" aria-hidden />
        )}
      </div>
      <div className="grid gap-2 px-4 pb-4">
        {mode === "rename" ? (
          <form
            className="flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void actions.onRename(name.trim()).then(() => setMode("view"));
            }}
          >
            <Input
              aria-label="Project name"
              value={name}
              maxLength={120}
              onChange={(event) => setName(event.target.value)}
              autoFocus
            />
            <Button type="submit" size="sm" disabled={busy || name.trim() === ""}>
              Save
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setMode("view")}>
              Cancel
            </Button>
          </form>
        ) : (
          <h3 id={titleId} className="truncate font-medium" title={project.name}>
            {project.name}
          </h3>
        )}
        <p className="text-sm text-muted-foreground">
          <time dateTime={project.updated_at}>{DATE.format(new Date(project.updated_at))}</time>
          {project.ad_count > 0 && ` · ${project.ad_count} ${project.ad_count === 1 ? "ad" : "ads"}`}
          {current && " · open now"}
        </p>
        {mode === "delete" ? (
          <div role="group" aria-label={`Delete ${project.name}?`} className="flex flex-wrap items-center gap-2 text-sm">
            <span>Delete it and its media?</span>
            <Button size="sm" variant="destructive" disabled={busy} onClick={actions.onDelete}>
              Delete
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
              Keep
            </Button>
          </div>
        ) : (
          <div className="flex flex-wrap gap-1">
            <Button size="sm" onClick={actions.onOpen} disabled={busy} aria-label={`Open ${project.name}`}>
              <FolderOpen aria-hidden /> Open
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setName(project.name);
                setMode("rename");
              }}
              aria-label={`Rename ${project.name}`}
            >
              <Pencil aria-hidden /> Rename
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={actions.onDuplicate}
              aria-label={`Duplicate ${project.name}`}
            >
              <Copy aria-hidden /> Duplicate
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setMode("delete")} aria-label={`Delete ${project.name}`}>
              <Trash2 aria-hidden /> Delete
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}
