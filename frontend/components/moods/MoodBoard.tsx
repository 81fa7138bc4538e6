import { thumbnail } from "@/lib/previews";

/** A mood's four reference images in a 2×2 board of 9:16 frames. */
export function MoodBoard({ images, name }: { images: string[]; name: string }) {
  return (
    <div className="grid min-w-0 grid-cols-2 gap-1.5">
      {images.map((src, i) => (
        // Plain <img>: the images come from the backend's media store on another origin.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          key={src}
          // Half a card: a third of the page from md up, half of it below.
          {...thumbnail(src, "(min-width: 768px) 16vw, 45vw")}
          alt={`${name}, reference ${i + 1} of ${images.length}`}
          loading="lazy"
          className="aspect-[9/16] w-full min-w-0 rounded-md bg-muted object-cover"
        />
      ))}
    </div>
  );
}
