/** The final ad in a 9:16 frame, sized to fit the screen. */
export function VideoPlayer({ src, title }: { src: string; title: string }) {
  return (
    <div className="mx-auto aspect-[9/16] h-[min(70dvh,44rem)] max-w-full overflow-hidden rounded-2xl bg-black shadow-lg">
      <video
        src={src}
        controls
        playsInline
        preload="metadata"
        className="h-full w-full"
        aria-label={title}
        data-testid="final-video"
      />
    </div>
  );
}
