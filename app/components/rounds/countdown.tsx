import { useEffect, useState } from "react";
import { useT } from "~/i18n/use-t";

const MINUTE = 60_000;

/** The time left as its two largest units ("3 d 4 h", "5 h 20 min", "12 min"). */
export function timeLeftParts(ms: number): { unit: "d" | "h" | "min"; value: number }[] {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) return [{ unit: "d", value: days }, ...(hours > 0 ? [{ unit: "h" as const, value: hours }] : [])];
  if (hours > 0) return [{ unit: "h", value: hours }, ...(rest > 0 ? [{ unit: "min" as const, value: rest }] : [])];
  return [{ unit: "min", value: rest }];
}

/**
 * How long an open round still takes proposals, counted down once a minute in the browser.
 * Not a live region: a screen reader hears it where it stands, not every minute.
 */
export function Countdown({ until }: { until: string | Date }) {
  const t = useT();
  const end = new Date(until).getTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE / 2);
    return () => clearInterval(timer);
  }, []);
  const left = end - now;
  const text =
    left <= 0
      ? t("rounds.countdown.over")
      : t("rounds.countdown.left", {
          time: timeLeftParts(left)
            .map((part) => `${t.number(part.value)} ${t(`rounds.countdown.${part.unit}`)}`)
            .join(" "),
        });
  // The server's minute and the browser's may differ: the browser's text wins without a warning.
  return (
    <span className="countdown" data-testid="round-countdown" suppressHydrationWarning>
      {text}
    </span>
  );
}
