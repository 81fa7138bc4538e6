import { CaptionsSwitch } from "./CaptionsSwitch";
import { VoicePicker } from "./VoicePicker";

/** What the next composition says: who speaks the lines, and whether captions are burned in.
 * Shown while the clips render too, since arriving at the last step composes at once. */
export function ComposeSettings({ disabled }: { disabled: boolean }) {
  return (
    <fieldset className="grid gap-3 rounded-lg border p-3" disabled={disabled} data-testid="compose-settings">
      <legend className="px-1 text-sm font-medium">Voice and captions</legend>
      <VoicePicker disabled={disabled} />
      <CaptionsSwitch disabled={disabled} />
    </fieldset>
  );
}
