import { ivymail } from "$lib/server/ivymail";

export const actions = {
  default: async ({ request }) => {
    const data = await request.formData();
    await ivymail.emails.send({ from: "web@acme.dev", to: "me@acme.dev", subject: String(data.get("subject")) });
  },
};
