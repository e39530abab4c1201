import { apiNotFound } from "~/utils/api-response.server";

/** Any other path under the API answers in JSON too, never with the HTML error page. */
export function loader() {
  return apiNotFound();
}
