import { z } from "zod";
import { LOCALES } from "~/i18n/config";

export const email = z.string().trim().toLowerCase().email("errors.email").max(254, "errors.tooLong");
const password = z.string().min(10, "errors.passwordShort").max(200, "errors.tooLong");
const personName = z.string().trim().min(1, "errors.required").max(200, "errors.tooLong");

export const LoginSchema = z.object({
  email,
  password: z.string().min(1, "errors.required").max(200, "errors.tooLong"),
  redirectTo: z.string().optional(),
});

const withConfirmation = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, password, confirm: z.string() })
    .refine((v) => v.password === v.confirm, { message: "errors.passwordMismatch", path: ["confirm"] });

export const AcceptInvitationSchema = withConfirmation({ name: personName });
export const ResetPasswordSchema = withConfirmation({});
export const ForgotPasswordSchema = z.object({ email });

export const ChangePasswordSchema = z
  .object({ current: z.string().min(1, "errors.required"), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "errors.passwordMismatch", path: ["confirm"] });

export const ProfileSchema = z.object({ name: personName });

export const InviteSchema = z.object({
  email,
  role: z.enum(["MEMBER", "ADMIN"], { errorMap: () => ({ message: "errors.required" }) }),
});

export const MembershipRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(["MEMBER", "ADMIN"]),
});

const interfaceLanguage = z.enum(LOCALES, { errorMap: () => ({ message: "errors.required" }) });

/** A citizen's own sign-up: the person, the address to verify, the language of the e-mails. */
export const SignUpSchema = withConfirmation({
  name: personName,
  email,
  locale: interfaceLanguage,
  redirectTo: z.string().optional(),
});

export const LanguageSchema = z.object({ locale: interfaceLanguage });
export const EmailChangeSchema = z.object({ email });
export const DeleteAccountSchema = z.object({
  current: z.string().min(1, "errors.required").max(200, "errors.tooLong"),
});
