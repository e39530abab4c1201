import { z } from "zod";

/** `?status=` of the public rounds list: only states a signed-out visitor can see; anything else lists all. */
export const ApiRoundFiltersSchema = z.object({
  status: z.enum(["OPEN", "CLOSED", "ANSWERED"]).optional().catch(undefined),
});
