import { useEffect } from "react";

/**
 * Asks the browser to confirm leaving the page (its own wording; pages cannot set it)
 * while `armed`: edits that have not reached the server are kept on this device, but a
 * person leaving a shared or borrowed computer should know they have not been sent.
 */
export function useLeaveWarning(armed: boolean): void {
  useEffect(() => {
    if (!armed) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [armed]);
}
