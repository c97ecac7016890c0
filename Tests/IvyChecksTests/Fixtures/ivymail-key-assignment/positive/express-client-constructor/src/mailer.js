import { IvyMail } from "@ivymail/node";

const ivymail = new IvyMail({ apiKey: "%KEY%" });

export async function sendWelcome(user) {
  return ivymail.emails.send({
    from: "Acme <hello@acme.dev>",
    to: user.email,
    subject: "Welcome!",
    html: `<p>Hi ${user.name}</p>`,
  });
}
