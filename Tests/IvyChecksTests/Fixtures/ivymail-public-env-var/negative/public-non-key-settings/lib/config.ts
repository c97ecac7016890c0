export const senderDomain = process.env.NEXT_PUBLIC_IVYMAIL_SENDER_DOMAIN ?? "mail.acme.dev";
export const mailEnabled = process.env.NEXT_PUBLIC_IVYMAIL_ENABLED === "true";
