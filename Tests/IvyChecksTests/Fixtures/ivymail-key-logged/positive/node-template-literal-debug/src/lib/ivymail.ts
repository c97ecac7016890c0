import { IvyMail } from "@ivymail/node";

export const ivymail = new IvyMail({ apiKey: process.env.IVYMAIL_API_KEY });
console.debug(`[ivymail] init key=${process.env.IVYMAIL_API_KEY}`);
