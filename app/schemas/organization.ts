import { z } from "zod";
import { optionalText } from "./common";

export const ORGANIZATION_KINDS = [
  "MINISTRY",
  "MUNICIPALITY",
  "NGO",
  "MUNICIPAL_ASSOCIATION",
  "INTERNATIONAL_ORGANIZATION",
  "DIPLOMATIC_MISSION",
  "DONOR",
] as const;

const optionalName = optionalText(300);

export const OrganizationSchema = z
  .object({
    kind: z.enum(ORGANIZATION_KINDS, { errorMap: () => ({ message: "errors.kindRequired" }) }),
    nameHy: optionalName,
    nameRu: optionalName,
    nameKa: optionalName,
    nameEn: optionalName,
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "errors.countryCode"),
    city: optionalName,
  })
  .refine((org) => org.nameHy || org.nameRu || org.nameKa || org.nameEn, {
    message: "errors.nameRequired",
    path: ["nameHy"],
  });

export type OrganizationInput = z.infer<typeof OrganizationSchema>;
