import { IvyMail } from "@ivymail/node";

export const ivymail = new IvyMail({ apiKey: "%KEY%" });
