import { IvyMail } from "@ivymail/node";

if (!process.env.IVYMAIL_API_KEY) {
  throw new Error("IVYMAIL_API_KEY is not set");
}

export const ivymail = new IvyMail({ apiKey: process.env.IVYMAIL_API_KEY });

export interface IvyMailSettings {
  ivymailApiKey: string;
}
