'use server'

import { IvyMail } from "@ivymail/node";

const ivymail = new IvyMail({ apiKey: "%KEY%" });

export async function sendContact(formData: FormData) {
  await ivymail.emails.send({ from: "web@acme.dev", to: "sales@acme.dev", subject: String(formData.get("subject")) });
}
