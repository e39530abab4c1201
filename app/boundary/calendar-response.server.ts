/** An iCalendar body as a download; `privateFile` for what only its reader may keep (never cached by a proxy). */
export function calendarResponse(body: string, fileName: string, privateFile: boolean): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": privateFile ? "private, no-store" : "public, max-age=300",
    },
  });
}
