import { AuthGate } from "@/components/auth/AuthGate";
import { Studio } from "@/components/studio/Studio";

export default function Home() {
  return (
    <AuthGate>
      <Studio />
    </AuthGate>
  );
}
